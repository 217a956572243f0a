/** Blocks of cells by sheet name: what the pane's tasks read back from any host. */

/** A block of cells: its sheet, 1-based top-left corner and size, as the sheet model counts. */
export interface CellBlock {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/** Cell contents of a block, row by row, as the host gives them, and their number formats. */
export interface BlockCells {
  readonly raw: unknown[][];
  readonly formats: unknown[][];
}

/** `values` (cached results) or `formulas` ("=…" for formula cells, the value otherwise). */
export type CellProperty = "values" | "formulas";

/** The smallest block of `sheet` that holds every one of `cells` (1-based rows and columns). */
export function blockAround(sheet: string, cells: readonly { readonly row: number; readonly col: number }[]): CellBlock {
  const top = Math.min(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.col));
  return { sheet, top, left, rows: Math.max(...cells.map((c) => c.row)) - top + 1, cols: Math.max(...cells.map((c) => c.col)) - left + 1 };
}

/** Items by a key (a sheet name, say), in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
