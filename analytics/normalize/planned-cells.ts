/**
 * The cells of one ledger sheet as the plan is being made: the edits so far, what each cell
 * will hold once they are applied, and which cell a formula must read for a given cell (itself,
 * or the top-left of a merge that stays).
 */
import { normalizeSays } from "../findings/catalogue.normalize.js";
import type { Lang } from "../lang.js";
import { a1 } from "../sheet/address.js";
import { CellMap } from "./cell-map.js";
import { MergeIndex, rangeToA1 } from "../sheet/merge-index.js";
import { cellAt, type CellRange, type CellValue, type Sheet } from "../sheet/sheet-model.js";
import type { SourceCell } from "./flags.js";
import type { CellEdit, EditValue, Kept, PlanValue, Unmerge, WrapText } from "./types.js";
import { showValue } from "./values.js";

export class PlannedCells {
  readonly name: string;
  /** Merges being dissolved, and every other merge (which Excel keeps showing from its top-left). */
  readonly dissolved: MergeIndex;
  readonly kept: MergeIndex;
  /** The edits by cell: the plan asks for cells by row and column, many times a row. */
  private readonly edits = new CellMap<CellEdit>();
  readonly keptCells: Kept[] = [];
  /** Status cells of conflict rows, kept as the clerk wrote them (A1 of the cell a formula reads). */
  readonly asWritten = new Set<string>();

  constructor(
    readonly sheet: Sheet,
    readonly dissolvedRanges: readonly CellRange[],
    readonly lang: Lang,
  ) {
    this.name = sheet.name;
    const dissolve = new Set(dissolvedRanges);
    this.dissolved = new MergeIndex({ ...sheet, merges: dissolvedRanges });
    this.kept = new MergeIndex({ ...sheet, merges: sheet.merges.filter((m) => !dissolve.has(m)) });
  }

  /** A cell's value once the plan is applied. */
  afterAt(row: number, col: number): PlanValue {
    return this.edits.get(row, col)?.after ?? cellAt(this.sheet, row, col);
  }

  /** The cell a row's formula reads for a column: its own, or the top-left of a kept merge over it. */
  sourceOf(row: number, col: number): SourceCell {
    const range = this.kept.rangeAt(row, col);
    if (range === undefined || (range.top === row && range.left === col)) return { row, col, own: true };
    return { row: range.top, col: range.left, own: false };
  }

  /** The edit planned for a cell, if any. */
  editAt(row: number, col: number): CellEdit | undefined {
    return this.edits.get(row, col);
  }

  has(row: number, col: number): boolean {
    return this.edits.has(row, col);
  }

  /**
   * An edit, built as one object literal of a fixed shape per kind: a spread ({ ...edit, numFmt })
   * gives every object a hidden class of its own in V8, some 300 bytes an edit on a plan of 200k.
   */
  edit(row: number, col: number, before: CellValue, after: EditValue, rule: CellEdit["rule"], reason: string, numFmt?: string, styleFrom?: string): CellEdit {
    const sheet = this.name;
    const cell = a1(row, col);
    if (styleFrom !== undefined) return { sheet, cell, row, col, before, after, rule, reason, numFmt, styleFrom };
    if (numFmt !== undefined) return { sheet, cell, row, col, before, after, rule, reason, numFmt };
    return { sheet, cell, row, col, before, after, rule, reason };
  }

  /** The same edit taking its style from `styleFrom` (a cell of the same sheet) first. */
  withStyleFrom(edit: CellEdit, styleFrom: string): CellEdit {
    return this.edit(edit.row, edit.col, edit.before, edit.after, edit.rule, edit.reason, edit.numFmt, styleFrom);
  }

  /** Records an edit, in place of any earlier one for the cell. */
  add(edit: CellEdit): void {
    this.edits.set(edit.row, edit.col, edit);
  }

  keep(cell: string, reason: Kept["reason"], value: CellValue): Kept {
    return { sheet: this.name, cell, reason, value };
  }

  /** Edits in reading order: row by row, left to right. */
  sortedEdits(): CellEdit[] {
    return this.edits.sorted();
  }

  /**
   * Dissolved merges of text, wrapped in their cells: a merged cell kept its text inside the
   * merged area; filled into one row-high cell each, long text would spill into the next
   * column, on screen and in print.
   */
  wraps(): WrapText[] {
    return this.dissolvedRanges.flatMap((range) => {
      const value = cellAt(this.sheet, range.top, range.left);
      if (typeof value !== "string") return [];
      const ref = rangeToA1(range, a1);
      return [{ sheet: this.name, ref, reason: normalizeSays("unmergeWrap", this.lang, { ref }) }];
    });
  }

  unmerges(): Unmerge[] {
    return this.dissolvedRanges.map((range) => {
      const ref = rangeToA1(range, a1);
      const value = cellAt(this.sheet, range.top, range.left);
      const shown = showValue(value);
      return {
        sheet: this.name,
        range,
        ref,
        value,
        reason: normalizeSays("unmerge", this.lang, { ref, value: shown }),
      };
    });
  }
}
