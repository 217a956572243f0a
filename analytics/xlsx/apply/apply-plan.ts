/**
 * Applying a change plan to a workbook loaded with exceljs (which keeps the cells' styles):
 * every edit is checked first (the cell must still hold what the plan read), then merges are
 * dissolved, values and formats written, the dropdowns and colors added and the change log
 * appended. Nothing is written when a check fails.
 */
import type ExcelJS from "exceljs";
import type { Lang } from "../../findings/catalogue.js";
import { changeLogRows } from "../../normalize/log.js";
import type { CellEdit, ChangePlan } from "../../normalize/types.js";
import type { CellRange } from "../../sheet/model.js";
import { showValue } from "../../normalize/values.js";
import { excelValueOf, holds, modelValueOf } from "./cell-values.js";
import { applyFlags, removeEarlierFlags } from "./flag-formats.js";
import { writeChangeLog } from "./log-sheet.js";
import { applyValidation } from "./validations.js";

/** The workbook does not hold what the plan was made from: a bug, or the wrong workbook. */
export class PlanMismatchError extends Error {
  override readonly name = "PlanMismatchError";
}

export interface ApplyResult {
  readonly edits: number;
  readonly unmerges: number;
  /** Status cells that got the dropdown. */
  readonly validatedCells: number;
  readonly flagRules: number;
}

/** exceljs marks a cell covered by a merge with value type 1 (Merge). */
const MERGE_TYPE = 1;

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new PlanMismatchError(`工作簿里没有工作表“${name}” (no sheet “${name}” in the workbook)`);
  return ws;
}

function verify(ws: ExcelJS.Worksheet, edit: CellEdit): void {
  const cell = ws.getCell(edit.row, edit.col);
  // exceljs drops whatever a covered cell held; the plan fills it from the merge.
  if ((cell.type as number) === MERGE_TYPE) return;
  if (!holds(cell, edit.before)) {
    const found = showValue(modelValueOf(cell));
    throw new PlanMismatchError(
      `${edit.sheet}!${edit.cell} 应为“${showValue(edit.before)}”，实为“${found}” (the plan does not match the workbook)`,
    );
  }
}

/**
 * Styles derived from a cell's style with another number format. exceljs shares one style object
 * among the cells of a style id, so the object itself must never change: each derived style is
 * a new object, made once per (style, format) and shared in turn, which also keeps exceljs from
 * rendering one style per cell when it writes.
 */
class DerivedStyles {
  private readonly made = new Map<Partial<ExcelJS.Style>, Map<string, Partial<ExcelJS.Style>>>();

  of(base: Partial<ExcelJS.Style>, numFmt: string | undefined): Partial<ExcelJS.Style> {
    let byFormat = this.made.get(base);
    if (byFormat === undefined) this.made.set(base, (byFormat = new Map()));
    const key = numFmt ?? "";
    let style = byFormat.get(key);
    if (style === undefined) {
      style = numFmt === undefined ? { ...base } : { ...base, numFmt };
      byFormat.set(key, style);
    }
    return style;
  }
}

function writeEdit(ws: ExcelJS.Worksheet, edit: CellEdit, styles: ReadonlyMap<string, Partial<ExcelJS.Style>>, derived: DerivedStyles): void {
  const cell = ws.getCell(edit.row, edit.col);
  const base = edit.styleFrom !== undefined ? styles.get(edit.styleFrom) : undefined;
  cell.value = excelValueOf(edit.after);
  if (base === undefined && edit.numFmt === undefined) return;
  cell.style = derived.of(base ?? cell.style, edit.numFmt);
}

/** exceljs resets the style of the cells a merge covered; they keep their own, as in Excel. */
function unmerge(ws: ExcelJS.Worksheet, range: CellRange): void {
  const own: Array<[ExcelJS.Cell, Partial<ExcelJS.Style>]> = [];
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) own.push([ws.getCell(row, col), ws.getCell(row, col).style]);
  }
  ws.unMergeCells(range.top, range.left, range.bottom, range.right);
  for (const [cell, style] of own) cell.style = style;
}

export function applyPlan(wb: ExcelJS.Workbook, plan: ChangePlan, lang: Lang): ApplyResult {
  for (const edit of plan.edits) verify(sheetOf(wb, edit.sheet), edit);
  let validatedCells = 0;
  for (const name of plan.sheets) {
    const ws = sheetOf(wb, name);
    const edits = plan.edits.filter((e) => e.sheet === name);
    // Styles are read before anything moves: a filled cell looks like its merge's top-left did.
    const styles = new Map<string, Partial<ExcelJS.Style>>();
    for (const e of edits) if (e.styleFrom !== undefined) styles.set(e.styleFrom, ws.getCell(e.styleFrom).style);
    for (const u of plan.unmerges) if (u.sheet === name) unmerge(ws, u.range);
    const derived = new DerivedStyles();
    for (const e of edits) writeEdit(ws, e, styles, derived);
    for (const c of plan.newColumns) if (c.sheet === name) ws.getColumn(c.col).width = c.width;
    removeEarlierFlags(ws);
    applyFlags(ws, plan.flags.filter((f) => f.sheet === name));
    for (const v of plan.validations) if (v.sheet === name) validatedCells += applyValidation(ws, v, lang);
  }
  writeChangeLog(wb, plan.logSheet, changeLogRows(plan), lang);
  return { edits: plan.edits.length, unmerges: plan.unmerges.length, validatedCells, flagRules: plan.flags.length };
}
