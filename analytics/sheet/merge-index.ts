/**
 * Merged ranges, indexed by row. Excel stores a merged value only in the range's top-left
 * cell; a reader asks "what does this cell show?" and gets the top-left value.
 */
import { cellAt, type CellRange, type CellValue, type Sheet } from "./sheet-model.js";

export class MergeIndex {
  /** Ranges per row; a plain array, since rows are small dense integers. */
  private readonly byRow: (CellRange[] | undefined)[] = [];

  constructor(private readonly sheet: Sheet) {
    // Rows past the sheet's last hold nothing: a merge of B18:B1048576 (from a host that does
    // not clip, as the .xlsx reader does) is indexed only down to the last row, never a million.
    const height = sheet.rows.length;
    for (const range of sheet.merges) {
      for (let r = range.top, last = Math.min(range.bottom, height); r <= last; r++) {
        const list = this.byRow[r];
        if (list) list.push(range);
        else this.byRow[r] = [range];
      }
    }
  }

  /** The merged range that covers (row, col), if any. */
  rangeAt(row: number, col: number): CellRange | undefined {
    const list = this.byRow[row];
    if (!list) return undefined;
    for (const range of list) if (col >= range.left && col <= range.right) return range;
    return undefined;
  }

  /** What the cell shows: its own value, or the top-left value of the merge it sits in. */
  shownValue(row: number, col: number): CellValue {
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

export function rangeToA1(range: CellRange, a1: (row: number, col: number) => string): string {
  return `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`;
}
