/**
 * Merged ranges, indexed for "which merge covers this cell". Excel stores a merged value only
 * in the range's top-left cell; a reader asks "what does this cell show?" and gets the
 * top-left value.
 *
 * Each range is indexed along its shorter side: one as wide as it is tall or wider, under each
 * of its rows; a taller one, under each of its columns. A full-row merge (G17:XFD17) then costs
 * one entry and a full-column one (B18:B1048576) one entry, never a million, so the index is
 * bounded by the merges' count times their short sides, not by their area. Excel's merges never
 * overlap, so each list, sorted, is searched by halving.
 */
import { cellAt, type CellRange, type CellValue, type Sheet } from "./sheet-model.js";

export class MergeIndex {
  /** Ranges at least as wide as tall, under each row they span, sorted by left column. */
  private readonly byRow: (CellRange[] | undefined)[] = [];
  /** Ranges taller than wide, under each column they span, sorted by top row. */
  private readonly byColumn: (CellRange[] | undefined)[] = [];
  /** Each range's place in the sheet's list: of two that overlap (a damaged file), the first wins. */
  private readonly order = new Map<CellRange, number>();

  private readonly height: number;

  constructor(private readonly sheet: Sheet) {
    // Rows past the sheet's last hold nothing: a merge of B18:B1048576 (from a host that does
    // not clip, as the .xlsx reader does) covers only the rows down to the last.
    const height = sheet.rows.length;
    this.height = height;
    for (const range of sheet.merges) {
      this.order.set(range, this.order.size);
      const bottom = Math.min(range.bottom, height);
      if (bottom < range.top) continue;
      if (bottom - range.top > range.right - range.left) {
        for (let c = range.left; c <= range.right; c++) add(this.byColumn, c, range);
      } else {
        for (let r = range.top; r <= bottom; r++) add(this.byRow, r, range);
      }
    }
    for (const list of this.byRow) if (list !== undefined && list.length > 1) list.sort((a, b) => a.left - b.left);
    for (const list of this.byColumn) if (list !== undefined && list.length > 1) list.sort((a, b) => a.top - b.top);
  }

  /** The merged range that covers (row, col), if any. */
  rangeAt(row: number, col: number): CellRange | undefined {
    let wide = lastStartingBy(this.byRow[row], col, leftOf);
    if (wide !== undefined && col > wide.right) wide = undefined;
    let tall = lastStartingBy(this.byColumn[col], row, topOf);
    if (tall !== undefined && row > Math.min(tall.bottom, this.height)) tall = undefined;
    if (wide === undefined || tall === undefined) return wide ?? tall;
    return this.order.get(wide)! < this.order.get(tall)! ? wide : tall;
  }

  /** What the cell shows: its own value, or the top-left value of the merge it sits in. */
  shownValue(row: number, col: number): CellValue {
    // Most cells of a ledger sit in no merge's row or column: read at once, asked of every cell.
    if (this.byRow[row] === undefined && this.byColumn[col] === undefined) return this.sheet.rows[row - 1]?.[col - 1] ?? null;
    const range = this.rangeAt(row, col);
    if (!range) return cellAt(this.sheet, row, col);
    return cellAt(this.sheet, range.top, range.left);
  }

  /** True when the cell sits inside a merge but is not its top-left cell. */
  isCovered(row: number, col: number): boolean {
    const range = this.rangeAt(row, col);
    return range !== undefined && (range.top !== row || range.left !== col);
  }
}

// Shared, not written inline at each call: a lookup made for every cell allocates nothing.
const leftOf = (range: CellRange): number => range.left;
const topOf = (range: CellRange): number => range.top;

function add(lists: (CellRange[] | undefined)[], at: number, range: CellRange): void {
  const list = lists[at];
  if (list) list.push(range);
  else lists[at] = [range];
}

/** The last range of a sorted list whose start is at or before `at`. */
function lastStartingBy(list: readonly CellRange[] | undefined, at: number, start: (range: CellRange) => number): CellRange | undefined {
  if (list === undefined) return undefined;
  if (list.length === 1) return start(list[0]!) <= at ? list[0] : undefined;
  let low = 0;
  let high = list.length - 1;
  let found: CellRange | undefined;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const range = list[mid]!;
    if (start(range) <= at) {
      found = range;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

export function rangeToA1(range: CellRange, a1: (row: number, col: number) => string): string {
  return `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`;
}
