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
  /** 1 where a row, or a column, has a range indexed under it: most cells are read without a search. */
  private readonly rowHasRange: Uint8Array;
  private readonly columnHasRange: Uint8Array;
  /** Per column, where in its list the last search ended: rows are mostly asked in order down a column. */
  private readonly tallHint: Int32Array;

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
    // Long enough for every row of the sheet and every column Excel has: a typed array read past
    // its end is slow, and every cell asks.
    this.rowHasRange = presence(this.byRow, height + 2);
    this.columnHasRange = presence(this.byColumn, MAX_COLUMN + 2);
    this.tallHint = new Int32Array(this.byColumn.length);
    for (const list of this.byRow) if (list !== undefined && list.length > 1) list.sort((a, b) => a.left - b.left);
    for (const list of this.byColumn) if (list !== undefined && list.length > 1) list.sort((a, b) => a.top - b.top);
  }

  /** The merged range that covers (row, col), if any. */
  rangeAt(row: number, col: number): CellRange | undefined {
    let wide = this.rowHasRange[row] === 1 ? lastStartingBy(this.byRow[row], col, leftOf) : undefined;
    if (wide !== undefined && col > wide.right) wide = undefined;
    let tall = this.columnHasRange[col] === 1 ? this.tallStartingBy(this.byColumn[col]!, col, row) : undefined;
    if (tall !== undefined && row > Math.min(tall.bottom, this.height)) tall = undefined;
    if (wide === undefined || tall === undefined) return wide ?? tall;
    return this.order.get(wide)! < this.order.get(tall)! ? wide : tall;
  }

  /**
   * lastStartingBy over a column's ranges, trying first the range the last search found and
   * the one after it: a walk down the rows moves from one to the next without a search.
   */
  private tallStartingBy(list: readonly CellRange[], col: number, row: number): CellRange | undefined {
    const hint = this.tallHint[col]!;
    for (let at = hint; at <= hint + 1 && at < list.length; at++) {
      if (list[at]!.top <= row && (at + 1 === list.length || list[at + 1]!.top > row)) {
        this.tallHint[col] = at;
        return list[at];
      }
    }
    const found = lastIndexStartingBy(list, row, topOf);
    if (found < 0) return undefined;
    this.tallHint[col] = found;
    return list[found];
  }

  /** What the cell shows: its own value, or the top-left value of the merge it sits in. */
  shownValue(row: number, col: number): CellValue {
    // Most cells of a ledger sit in no merge's row or column: read at once, asked of every cell.
    // (Typed flags, not the lists: reading past a short list's end is slow in V8.)
    if (this.rowHasRange[row] !== 1 && this.columnHasRange[col] !== 1) return this.sheet.rows[row - 1]?.[col - 1] ?? null;
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

/** XFD, Excel's last column. */
const MAX_COLUMN = 16_384;

function presence(lists: readonly (CellRange[] | undefined)[], length: number): Uint8Array {
  const flags = new Uint8Array(Math.max(length, lists.length));
  for (let i = 0; i < lists.length; i++) if (lists[i] !== undefined) flags[i] = 1;
  return flags;
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
  const found = lastIndexStartingBy(list, at, start);
  return found < 0 ? undefined : list[found];
}

/** The index of that range, found by halving; -1 when every range starts after `at`. */
function lastIndexStartingBy(list: readonly CellRange[], at: number, start: (range: CellRange) => number): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (start(list[mid]!) <= at) {
      found = mid;
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
