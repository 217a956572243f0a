/**
 * Applying a change plan to the open workbook, as the command line applies it to a file, on
 * any host (it speaks only the Book interface of addin/host/book.ts):
 *   1. check that every sheet of the plan is still there, and whether the log sheet exists;
 *   2. read the edited cells back and refuse the whole plan if any no longer holds `before`
 *      (the clerk typed something after the preview);
 *   3. write the log first, then the plan, in batches within the request budget. A log
 *      written first means that even an interrupted apply can be undone.
 */
import { statusDropdownTexts } from "../../analytics/normalize/status-dropdown.js";
import { sameValue } from "../../analytics/normalize/values.js";
import type { CellEdit, ChangePlan, FlagFormat } from "../../analytics/normalize/types.js";
import { cellAt } from "../../analytics/sheet/sheet-model.js";
import { LOG_HEADERS } from "../../analytics/normalize/log.js";
import { blockAround, groupBy, type CellBlock } from "./blocks.js";
import { formulaKey, type Book } from "./book.js";
import type { CellsOp, WriteOp } from "./write-ops.js";
import type { RequestBudget } from "./request-budget.js";
import { cellFromOffice, officeInput } from "./cell-values.js";
import { cellKey, logOps, parseLog, planEntries, type LogPlace } from "./change-log-sheet.js";
import { ExcelTaskError } from "./task-error.js";
import { firstItems, userMessage } from "../../analytics/findings/user-message.js";
import { widened } from "../../analytics/normalize/column-width.js";
import { wideningEntry, type ColumnWidening } from "../../analytics/normalize/column-widening.js";

export interface ApplyOptions {
  readonly budget: RequestBudget;
  /** The batch id written to the log (the local time of the apply, say). */
  readonly batch: string;
  readonly lang: "zh" | "en";
}

export interface ApplyResult {
  readonly batch: string;
  readonly edits: number;
  readonly unmerges: number;
  readonly validations: number;
  readonly flags: number;
  /** Date columns widened so their dates show. */
  readonly widened: number;
  /** Requests the writes took (log and plan). */
  readonly writeRequests: number;
}

/** Cells changed since the preview: the plan was made from values they no longer hold. */
export class PlanConflictError extends ExcelTaskError {
  constructor(readonly cells: readonly string[]) {
    super(userMessage("pane-cells-changed", { count: cells.length, cells: firstItems(cells) }));
  }
}

function sheetsOf(plan: ChangePlan): string[] {
  const names = new Set<string>();
  for (const list of [plan.edits, plan.unmerges, plan.merges, plan.wraps, plan.validations, plan.flags, plan.newColumns]) for (const x of list) names.add(x.sheet);
  return [...names];
}

export async function applyPlan(book: Book, planned: ChangePlan, options: ApplyOptions): Promise<ApplyResult> {
  let plan = planned;
  const sheets = sheetsOf(plan);
  const found = await book.findSheets([...sheets, plan.logSheet]);
  const missing = sheets.filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new ExcelTaskError(userMessage("pane-sheets-gone", { sheets: missing.map((name) => `“${name}”`) }));
  }

  const place = found.has(plan.logSheet) ? await logPlace(book, plan.logSheet) : { sheet: plan.logSheet, lastRow: 0, lang: options.lang };
  const oldFormats = await checkBefore(book, plan.edits);
  plan = await withoutExistingFlags(book, plan);
  plan = await withoutWrapped(book, plan);
  const widenings = await dateColumnWidenings(book, plan);
  const entries = [...planEntries(plan, options.batch, oldFormats, options.lang), ...widenings.map((w) => wideningEntry(w, options.batch, options.lang))];
  const ops = [
    ...logOps(place, entries, rowsPerOp(options.budget, LOG_HEADERS.zh.length)),
    ...planOps(plan, options.lang, options.budget),
    ...widenings.map((w): WriteOp => ({ kind: "column-width", sheet: w.sheet, col: w.col, width: w.to })),
  ];
  const writeRequests = await book.write(ops);
  return {
    batch: options.batch,
    edits: plan.edits.length,
    unmerges: plan.unmerges.length,
    validations: plan.validations.length,
    flags: plan.flags.length,
    widened: widenings.length,
    writeRequests,
  };
}

/**
 * Where new rows go in an existing log: below its last row, in its language. A sheet of that
 * name that is not a change log (a clerk's own, made after the preview) is not written into.
 */
async function logPlace(book: Book, name: string): Promise<LogPlace> {
  const { workbook } = await book.readSheets({ mergedAreas: false, sheets: [name] });
  const sheet = workbook.sheets[0];
  const log = sheet === undefined ? null : parseLog((r, c) => cellAt(sheet, r, c), sheet.rows.length, LOG_HEADERS.zh.length);
  if (log === null) {
    throw new ExcelTaskError(userMessage("pane-log-name-taken", { sheet: name }));
  }
  return { sheet: name, lastRow: Math.max(log.lastRow, sheet!.rows.length), lang: log.lang };
}

/** Flags already on their sheet (the same formula) are not added again. */
async function withoutExistingFlags(book: Book, plan: ChangePlan): Promise<ChangePlan> {
  if (plan.flags.length === 0) return plan;
  const existing = await book.customFormats([...new Set(plan.flags.map((f) => f.sheet))]);
  const keys = new Set(existing.map((f) => `${f.sheet}\u0000${f.key}`));
  return { ...plan, flags: plan.flags.filter((f) => !keys.has(`${f.sheet}\u0000${formulaKey(f.formula)}`)) };
}

/**
 * A dissolved merge whose top-left already wraps needs no wrap: its filled cells copy that
 * style. Left out, so that 撤销 never unwraps what the clerk had wrapped.
 */
async function withoutWrapped(book: Book, plan: ChangePlan): Promise<ChangePlan> {
  if (plan.wraps.length === 0) return plan;
  const wrapped = await book.wrapsText(plan.wraps.map((w) => ({ sheet: w.sheet, cell: w.ref.split(":")[0]! })));
  return { ...plan, wraps: plan.wraps.filter((_, i) => !wrapped[i]) };
}

/**
 * The plan's date columns that are narrower than a date needs, as the command line's patch
 * decides (xlsx-patch/worksheet.ts withWidthAtLeast): one already as wide, or hidden, is left
 * alone. Their widths are read in one request.
 */
async function dateColumnWidenings(book: Book, plan: ChangePlan): Promise<ColumnWidening[]> {
  const columns = plan.dateColumns ?? [];
  if (columns.length === 0) return [];
  const states = await book.columnWidths(columns);
  return columns.flatMap((c, i) => {
    const state = states[i]!;
    const to = widened(state, c.atLeast);
    return to === null ? [] : [{ sheet: c.sheet, col: c.col, from: state.width, to, digitWidth: state.digitWidth }];
  });
}

/** Rows of `cols` cells that fit one request with their formats. */
export function rowsPerOp(budget: RequestBudget, cols: number): number {
  return Math.max(1, Math.floor(budget.cellsPerRequest / (cols * 2)));
}

/** Reads every edited cell (one block per sheet); throws PlanConflictError on any change. */
async function checkBefore(book: Book, edits: readonly CellEdit[]): Promise<Map<string, string>> {
  const bySheet = groupBy(edits, (e) => e.sheet);
  const regions: CellBlock[] = [];
  const lists: CellEdit[][] = [];
  for (const [sheet, list] of bySheet) {
    regions.push(blockAround(sheet, list));
    lists.push(list);
  }
  const cells = await book.readBlocks(regions, "formulas");
  const changed: string[] = [];
  const formats = new Map<string, string>();
  lists.forEach((list, i) => {
    const region = regions[i]!;
    const data = cells[i]!;
    for (const e of list) {
      const raw = data.raw[e.row - region.top]?.[e.col - region.left];
      const format = data.formats[e.row - region.top]?.[e.col - region.left];
      if (!sameValue(cellFromOffice(raw, format).value, e.before)) changed.push(cellKey(e.sheet, e.cell));
      formats.set(cellKey(e.sheet, e.cell), typeof format === "string" ? format : "General");
    }
  });
  if (changed.length > 0) throw new PlanConflictError(changed);
  return formats;
}

/** The plan as write operations: unmerge, edits in runs, dropdowns, formats, column widths. */
export function planOps(plan: ChangePlan, lang: "zh" | "en", budget: RequestBudget): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const u of plan.unmerges) ops.push({ kind: "unmerge", sheet: u.sheet, ref: u.ref });
  for (const op of editRuns(plan.edits, rowsPerOp(budget, 1))) ops.push(op);
  // After the edits: the header text is in place before its cells are merged.
  for (const m of plan.merges) ops.push({ kind: "merge", sheet: m.sheet, ref: m.ref });
  for (const w of plan.wraps) ops.push({ kind: "wrap", sheet: w.sheet, ref: w.ref, on: true });
  for (const v of plan.validations) {
    ops.push({
      kind: "validation",
      sheet: v.sheet,
      ref: v.ref,
      words: v.words,
      errorStyle: v.errorStyle,
      prompt: v.prompt,
      ...statusDropdownTexts(v.words, lang),
    });
  }
  for (const op of flagOps(plan.flags)) ops.push(op);
  for (const c of plan.newColumns) ops.push({ kind: "column-width", sheet: c.sheet, col: c.col, width: c.width });
  return ops;
}

/**
 * Excel (and WPS) put each new conditional format at the top, so the plan's formats are added from
 * its lowest priority to its highest: the overdue rules end up first, as the plan orders them.
 */
export function flagOps(flags: readonly FlagFormat[]): WriteOp[] {
  return [...flags]
    .sort((a, b) => b.priority - a.priority)
    .map((f) => ({ kind: "flag", sheet: f.sheet, sqref: f.sqref, formula: f.formula, fill: f.fill, font: f.font }));
}

/** What a block write needs of an edit (a plan's CellEdit, or an undo's restore). */
export type CellWrite = Pick<CellEdit, "sheet" | "row" | "col" | "after" | "numFmt" | "styleFrom">;

/**
 * Edits as blocks: consecutive rows of one column with the same number format and style
 * source become one write. A host writes a block in one operation, so a column of 10,000
 * converted deadlines is one write, not 10,000.
 */
export function editRuns(edits: readonly CellWrite[], maxRows: number): CellsOp[] {
  const sorted = [...edits].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col || a.row - b.row);
  const runs: CellsOp[] = [];
  let run: CellWrite[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const first = run[0]!;
    const withFormat = first.numFmt !== undefined;
    runs.push({
      kind: "cells",
      sheet: first.sheet,
      top: first.row,
      left: first.col,
      inputs: run.map((e) => [officeInput(e.after)]),
      ...(withFormat ? { formats: run.map((e) => [e.numFmt!]) } : {}),
      ...(first.styleFrom !== undefined ? { styleFrom: first.styleFrom } : {}),
    });
    run = [];
  };
  for (const e of sorted) {
    const prev = run[run.length - 1];
    const continues =
      prev !== undefined &&
      prev.sheet === e.sheet &&
      prev.col === e.col &&
      prev.row + 1 === e.row &&
      prev.numFmt === e.numFmt &&
      prev.styleFrom === e.styleFrom &&
      run.length < maxRows;
    if (!continues) flush();
    run.push(e);
  }
  flush();
  return runs;
}

