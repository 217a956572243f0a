/**
 * 撤销: puts back what the newest applied batch of the 变更记录 sheet changed. A cell is
 * restored only while it still holds the value the add-in wrote; a cell a clerk has edited
 * since is left alone and reported. Merges it added are dissolved, wrapping it added removed,
 * dissolved merges merged again, the status dropdowns removed, the overdue formats deleted (found by their formula), and date
 * columns it widened narrowed back (while still as wide as it made them). The batch's log rows are
 * then marked 已撤销, so a second 撤销 goes one batch further back. The log may have been
 * written by the command line (into a file opened since) or by the pane: one layout.
 * Host-neutral: it speaks only the Book interface (addin/host/book.ts), so Excel and WPS undo
 * through the same log.
 */
import { columnNumber, parseA1 } from "../../analytics/sheet/address.js";
import type { PlanValue } from "../../analytics/normalize/types.js";
import { sameValue } from "../../analytics/normalize/values.js";
import { editRuns, rowsPerOp, type CellWrite } from "./apply-plan-to-book.js";
import type { RequestBudget } from "./request-budget.js";
import { cellFromOffice } from "./cell-values.js";
import { LOG_HEADERS, logSheetCandidate, NON_CELL_KINDS } from "../../analytics/normalize/log.js";
import { showValue } from "../../analytics/normalize/values.js";
import { cellAt } from "../../analytics/sheet/sheet-model.js";
import { blockAround, groupBy, type CellBlock } from "./blocks.js";
import { formulaKey, type Book } from "./book.js";
import type { WriteOp } from "./write-ops.js";
import { pixelsOfWidth, widthOfCharacters } from "../../analytics/normalize/column-width.js";
import { cellKey, latestBatch, markUndoneOps, parseLog, type LogEntry } from "./change-log-sheet.js";
import { ExcelTaskError } from "./task-error.js";
import { userMessage } from "../../analytics/findings/user-message.js";

export interface UndoOptions {
  readonly budget: RequestBudget;
  readonly logSheet: string;
}

export interface UndoResult {
  readonly batch: string;
  readonly restored: number;
  /** Cells edited since the batch was applied ("Sheet!A1"), left as they are. */
  readonly changedSince: readonly string[];
  readonly merges: number;
  readonly validations: number;
  readonly formats: number;
  /** Date columns narrowed back to their old width. */
  readonly widths: number;
}

interface Restore extends CellWrite {
  readonly entry: LogEntry;
}

/** The candidates' worksheets, loaded: the log is the first of them that reads as a change log. */
const CANDIDATES = 4;

export async function undoLatest(book: Book, options: UndoOptions): Promise<UndoResult> {
  const names = Array.from({ length: CANDIDATES }, (_, n) => logSheetCandidate(options.logSheet, n));
  const found = await book.findSheets(names);
  const present = names.filter((name) => found.has(name));
  if (present.length === 0) throw new ExcelTaskError(userMessage("pane-no-log", { sheet: options.logSheet }));

  const { workbook: { sheets } } = await book.readSheets({ mergedAreas: false, sheets: present });
  let logSheet = "";
  let log: ReturnType<typeof parseLog> = null;
  for (const sheet of sheets) {
    log = parseLog((r, c) => cellAt(sheet, r, c), sheet.rows.length, LOG_HEADERS.zh.length);
    if (log !== null) {
      logSheet = sheet.name;
      break;
    }
  }
  if (!log) throw new ExcelTaskError(userMessage("pane-not-a-log", { sheet: options.logSheet }));
  const batch = latestBatch(log.entries);
  if (batch.length === 0) throw new ExcelTaskError(userMessage("pane-nothing-to-undo"));

  const cellEntries = batch.filter((e) => !NON_CELL_KINDS.has(e.kind));
  const widthEntries = batch.filter((e) => e.kind === "column-width");
  // Which of the batch's sheets are still there, asked once for the cells and the widths.
  const batchSheets = [...new Set([...cellEntries, ...widthEntries].map((e) => e.sheet))];
  const sheetsThere = batchSheets.length > 0 ? await book.findSheets(batchSheets) : new Set<string>();
  const { restores, changedSince } = await restorable(book, cellEntries, sheetsThere);
  const formatDeletes = await formatDeleteOps(book, batch.filter((e) => e.kind === "conditional-format"));
  const widths = await widthRestores(book, widthEntries, sheetsThere);

  const ops: WriteOp[] = [
    ...formatDeletes,
    // Merges the batch added go first: a merged cell's covered part cannot be written.
    ...batch.filter((e) => e.kind === "merge").map((e): WriteOp => ({ kind: "unmerge", sheet: e.sheet, ref: e.cell })),
    ...batch.filter((e) => e.kind === "wrap-text").map((e): WriteOp => ({ kind: "wrap", sheet: e.sheet, ref: e.cell, on: false })),
    ...editRuns(restores, rowsPerOp(options.budget, 1)),
    ...batch.filter((e) => e.kind === "unmerge").map((e): WriteOp => ({ kind: "merge", sheet: e.sheet, ref: e.cell })),
    ...batch.filter((e) => e.kind === "status-validation").map((e): WriteOp => ({ kind: "clear-validation", sheet: e.sheet, ref: e.cell })),
    ...widths.ops,
    // A first command-line log has no 状态 column: its batch is undone once, unmarked.
    ...(log.complete ? markUndoneOps(logSheet, batch.map((e) => e.logRow!), log.lang) : []),
  ];
  await book.write(ops);
  return {
    batch: batch[0]!.batch,
    restored: restores.length,
    changedSince: [...changedSince, ...widths.changedSince],
    merges: batch.filter((e) => e.kind === "unmerge").length,
    validations: batch.filter((e) => e.kind === "status-validation").length,
    formats: formatDeletes.length,
    widths: widths.ops.length,
  };
}

/** Reads the logged cells; those still holding the logged new value are restored. */
async function restorable(book: Book, entries: readonly LogEntry[], present: ReadonlySet<string>): Promise<{ restores: Restore[]; changedSince: string[] }> {
  const located = entries.flatMap((entry) => {
    const at = parseA1(entry.cell);
    return at ? [{ entry, ...at }] : [];
  });
  const bySheet = groupBy(located, (x) => x.entry.sheet);
  const sheetNames = [...bySheet.keys()];

  const regions: CellBlock[] = [];
  const lists: (typeof located)[] = [];
  const changedSince: string[] = [];
  for (const name of sheetNames) {
    const list = bySheet.get(name)!;
    if (!present.has(name)) {
      for (const x of list) changedSince.push(cellKey(name, x.entry.cell));
      continue;
    }
    regions.push(blockAround(name, list));
    lists.push(list);
  }
  const cells = regions.length > 0 ? await book.readBlocks(regions, "formulas") : [];
  const restores: Restore[] = [];
  lists.forEach((list, i) => {
    const region = regions[i]!;
    for (const x of list) {
      const current = cellFromOffice(cells[i]!.raw[x.row - region.top]?.[x.col - region.left], cells[i]!.formats[x.row - region.top]?.[x.col - region.left]).value;
      if (sameValue(current, x.entry.after)) {
        restores.push({ entry: x.entry, sheet: x.entry.sheet, row: x.row, col: x.col, after: restoredValue(x.entry.before), numFmt: x.entry.oldFormat ?? undefined });
      } else if (!sameValue(current, x.entry.before)) {
        changedSince.push(cellKey(x.entry.sheet, x.entry.cell));
      }
    }
  });
  return { restores, changedSince };
}

/** Error values are never an edit's old value; anything else goes back as it was. */
function restoredValue(v: PlanValue): Exclude<PlanValue, { error: string }> {
  return typeof v === "object" && v !== null && "error" in v ? null : v;
}

/** Deletions of the logged formats that are still there (they go with the first write request). */
async function formatDeleteOps(book: Book, entries: readonly LogEntry[]): Promise<WriteOp[]> {
  if (entries.length === 0) return [];
  const wanted = new Set(entries.map((e) => `${e.sheet}\u0000${formulaKey(showValue(e.after))}`));
  const existing = await book.customFormats([...new Set(entries.map((e) => e.sheet))]);
  return existing.filter((f) => wanted.has(`${f.sheet}\u0000${f.key}`)).map((f): WriteOp => ({ kind: "delete-format", sheet: f.sheet, id: f.id }));
}

/**
 * Widened date columns go back to their logged width (in the 列宽 dialog's characters) while
 * they are still as the batch left them; one a clerk has resized (or hidden, or whose sheet is
 * gone) since is left and reported.
 */
async function widthRestores(book: Book, entries: readonly LogEntry[], present: ReadonlySet<string>): Promise<{ ops: WriteOp[]; changedSince: string[] }> {
  const located = entries.flatMap((entry) => {
    const letters = /^([A-Z]{1,3}):\1$/u.exec(entry.cell)?.[1];
    const old = entry.before;
    return letters !== undefined && typeof old === "number" && old > 0 ? [{ entry, col: columnNumber(letters), old }] : [];
  });
  if (located.length === 0) return { ops: [], changedSince: [] };
  const live = located.filter((x) => present.has(x.entry.sheet));
  const states = await book.columnWidths(live.map((x) => ({ sheet: x.entry.sheet, col: x.col })));
  const ops: WriteOp[] = [];
  const changedSince = located.filter((x) => !present.has(x.entry.sheet)).map((x) => cellKey(x.entry.sheet, x.entry.cell));
  live.forEach((x, i) => {
    const state = states[i]!;
    const pixels = (characters: number) => pixelsOfWidth(widthOfCharacters(characters, state.digitWidth), state.digitWidth);
    const asLeft = !state.hidden && pixelsOfWidth(state.width, state.digitWidth) === pixels(Number(x.entry.after));
    if (asLeft) ops.push({ kind: "column-width", sheet: x.entry.sheet, col: x.col, width: widthOfCharacters(x.old, state.digitWidth) });
    else changedSince.push(cellKey(x.entry.sheet, x.entry.cell));
  });
  return { ops, changedSince };
}
