/**
 * The plain sheet model every host adapter produces and the core consumes.
 *
 * exceljs (command line) and Office.js (add-in) both read into this shape, so every rule
 * downstream is shared. It holds only what ledger analysis needs: values, merged ranges,
 * hidden rows and which cells hold formulas. Styles are the host's business.
 */

/** A calendar day from a date-formatted cell. Days never carry a time zone. */
export interface DayCell {
  readonly day: string; // ISO "YYYY-MM-DD"
}

/** An error value such as #N/A or #REF!, usually the cached result of a formula. */
export interface ErrorCell {
  readonly error: string;
}

/**
 * One cell's value. Rich text and hyperlinks arrive as their plain text; formulas as their
 * cached result; numbers stored as text stay strings (the core decides what they mean).
 */
export type CellValue = string | number | boolean | DayCell | ErrorCell | null;

/** A rectangular range, 1-based and inclusive, like Excel's own coordinates. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface Sheet {
  readonly name: string;
  /** Hidden or very hidden sheet. */
  readonly hidden: boolean;
  /** rows[r - 1][c - 1] is the cell at row r, column c; missing rows and cells are empty. */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>;
  readonly merges: readonly CellRange[];
  /** 1-based numbers of hidden rows. */
  readonly hiddenRows: ReadonlySet<number>;
  /** 1-based numbers of hidden columns, when the host reports them. */
  readonly hiddenColumns?: ReadonlySet<number>;
  /** A1 addresses of cells that hold a formula (their value is the cached result). */
  readonly formulaCells: ReadonlySet<string>;
  /** Number format code per A1 address, only for cells whose format matters (percent). */
  readonly percentCells?: ReadonlySet<string>;
  /**
   * The number format code of each date cell (A1 → "yyyy/m/d"), when the host reports it: a
   * normalized deadline column shows its dates in one format.
   */
  readonly dateFormats?: ReadonlyMap<string, string>;
}

export interface Workbook {
  /** What the user called it: a file name or the add-in's document title. */
  readonly source: string;
  readonly sheets: readonly Sheet[];
}

export function isDayCell(v: CellValue): v is DayCell {
  return typeof v === "object" && v !== null && "day" in v;
}

export function isErrorCell(v: CellValue): v is ErrorCell {
  return typeof v === "object" && v !== null && "error" in v;
}

export function cellAt(sheet: Sheet, row: number, col: number): CellValue {
  return sheet.rows[row - 1]?.[col - 1] ?? null;
}

export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  // Most text starts with a visible character; only then is a trim worth its allocation.
  if (v.length > 0 && !isTrimmedCode(v.charCodeAt(0))) return false;
  return v.trim() === "";
}

/** Past this length a row is walked by the cells it holds, not by its length. */
const SPARSE_ROW = 256;

/**
 * Calls `each` with every filled cell of a row and its column (1-based), left to right. A row
 * with a note at XFD is 16,384 long and holds two cells: walked by its length, 50,000 such rows
 * cost minutes (a 330 KB file), so a long row is walked by its keys, which for an array come in
 * ascending index order.
 */
export function forEachFilled(cells: readonly CellValue[] | undefined, each: (value: CellValue, col: number) => void): void {
  if (!cells) return;
  if (cells.length <= SPARSE_ROW) {
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i]!;
      if (!isBlank(value)) each(value, i + 1);
    }
    return;
  }
  for (const key in cells) {
    const i = Number(key);
    const value = cells[i]!;
    if (Number.isInteger(i) && !isBlank(value)) each(value, i + 1);
  }
}

/** How many cells of a row are filled; a long row counted by the cells it holds, as forEachFilled walks it. */
export function filledCells(cells: readonly CellValue[] | undefined): number {
  if (!cells) return 0;
  let n = 0;
  if (cells.length > SPARSE_ROW) forEachFilled(cells, () => void n++);
  else for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i]!)) n++; // in place: no call a cell on the hot path
  return n;
}

/** What String.prototype.trim removes: ECMAScript's WhiteSpace and LineTerminator. */
export function isTrimmedCode(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)) return true;
  return c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
