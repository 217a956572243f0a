/**
 * A sheet's used range, as a host reads it (values as Office.js `values` / WPS `Value2` give
 * them, number formats, merged areas, hidden rows, formula cells), into the core's sheet
 * model: the one place a host's cells become the model's, whichever host read them.
 */
import { a1 } from "../../analytics/sheet/address.js";
import { isDayCell, type CellRange, type CellValue, type Sheet } from "../../analytics/sheet/sheet-model.js";
import { cellFromOffice } from "./cell-values.js";

export interface SheetGrid {
  readonly name: string;
  readonly hidden: boolean;
  /** 1-based first row and column of the used range. */
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
  /** Cell values row by row from (top, left); a row may be missing. */
  readonly raw: readonly (readonly unknown[] | undefined)[];
  readonly formats: readonly (readonly unknown[] | undefined)[];
  readonly merges: readonly CellRange[];
  readonly hiddenRows: ReadonlySet<number>;
  /** Hidden columns of the used range; a host that cannot tell leaves it out. */
  readonly hiddenColumns?: ReadonlySet<number>;
  readonly formulaCells: ReadonlySet<string>;
}

export function sheetFromGrid(grid: SheetGrid): Sheet {
  const rows: (CellValue[] | undefined)[] = [];
  const percentCells = new Set<string>();
  const dateFormats = new Map<string, string>();
  for (let i = 0; i < grid.rows; i++) {
    const raw = grid.raw[i] ?? [];
    const formats = grid.formats[i] ?? [];
    let row: CellValue[] | undefined;
    for (let j = 0; j < grid.cols; j++) {
      const cell = cellFromOffice(raw[j], formats[j]);
      if (cell.value === null) continue;
      row ??= new Array<CellValue>(grid.left - 1 + grid.cols).fill(null);
      row[grid.left - 1 + j] = cell.value;
      if (cell.percent) percentCells.add(a1(grid.top + i, grid.left + j));
      else if (isDayCell(cell.value) && typeof formats[j] === "string") dateFormats.set(a1(grid.top + i, grid.left + j), formats[j] as string);
    }
    if (row) rows[grid.top - 1 + i] = row;
  }
  return {
    name: grid.name,
    hidden: grid.hidden,
    rows,
    merges: grid.merges.filter((m) => m.bottom > m.top || m.right > m.left),
    hiddenRows: grid.hiddenRows,
    ...(grid.hiddenColumns && grid.hiddenColumns.size > 0 ? { hiddenColumns: grid.hiddenColumns } : {}),
    formulaCells: grid.formulaCells,
    percentCells,
    dateFormats,
  };
}
