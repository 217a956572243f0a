/** Sheets written inline, for tests of the pure core: rows of values, merges in A1 notation. */
import { parseA1 } from "../../analytics/sheet/address.js";
import type { CellRange, CellValue, Sheet } from "../../analytics/sheet/sheet-model.js";

export interface SheetSpec {
  name?: string;
  merges?: string[];
  hiddenRows?: number[];
  formulaCells?: string[];
  percentCells?: string[];
}

export function range(ref: string): CellRange {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from!);
  const b = parseA1(to!);
  if (!a || !b) throw new Error(`bad range ${ref}`);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function sheetOf(rows: CellValue[][], spec: SheetSpec = {}): Sheet {
  return {
    name: spec.name ?? "Sheet1",
    hidden: false,
    rows,
    merges: (spec.merges ?? []).map(range),
    hiddenRows: new Set(spec.hiddenRows ?? []),
    formulaCells: new Set(spec.formulaCells ?? []),
    percentCells: new Set(spec.percentCells ?? []),
  };
}

/** A row with `n` empty cells, for readable sparse layouts. */
export const _ = null;
