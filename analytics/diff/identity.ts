/**
 * A stable id column (编号) that identifies an item across versions, so that two versions are
 * paired exactly. A column qualifies only when both versions have one, its cells are filled and
 * unique, and it is not a running number: "1, 2, 3…" under 编号 is a 序号 by another name, and
 * clerks renumber it when rows move.
 */
import type { ReadLedger } from "../ledger.js";
import { cellAt } from "../sheet/sheet-model.js";
import { cellText, compact } from "../text.js";

/** Header words of an id column; the one `normalize --ids` writes is the first. */
export const ID_HEADER = "编号";
const ID_HEADERS = new Set([ID_HEADER, "事项编号", "问题编号", "任务编号", "台账编号", "唯一编号", "id", "ID"]);

/** Share of items that must carry an id for the column to count. */
const MIN_FILLED = 0.9;

export interface ItemIds {
  /** Column (1-based) of the id column. */
  readonly col: number;
  /** Each item's id, in item order; null for an item without one. */
  readonly ids: readonly (string | null)[];
}

export function idColumnOf(ledger: ReadLedger): number | null {
  for (const column of ledger.header.columns) if (ID_HEADERS.has(compact(column.label))) return column.col;
  // A header cell that matched no role at all ("ID" beside 序号) is not in header.columns.
  for (let row = ledger.header.firstRow; row <= ledger.header.lastRow; row++) {
    const cells = ledger.sheet.rows[row - 1] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const text = cellText(cells[c] ?? null);
      if (text !== null && ID_HEADERS.has(compact(text))) return c + 1;
    }
  }
  return null;
}

/** The ledger's item ids, or null when it has no column that can serve as a stable id. */
export function itemIds(ledger: ReadLedger): ItemIds | null {
  const col = idColumnOf(ledger);
  if (col === null || ledger.items.length === 0) return null;
  const ids = ledger.items.map((item) => {
    const text = cellText(cellAt(ledger.sheet, item.row, col));
    return text === null ? null : compact(text);
  });
  const filled = ids.filter((id): id is string => id !== null);
  if (filled.length < MIN_FILLED * ids.length) return null;
  if (new Set(filled).size !== filled.length) return null;
  if (filled.every((id) => /^\d+$/u.test(id))) return null;
  return { col, ids };
}
