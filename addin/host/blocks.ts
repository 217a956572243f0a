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
  // A loop, not Math.min(...cells): a spread of 100k cells into arguments overflows the stack.
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const { row, col } of cells) {
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  return { sheet, top, left, rows: bottom - top + 1, cols: right - left + 1 };
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
