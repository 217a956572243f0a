/**
 * The 较上期 part of the leaders' overview (`report --previous OLD…`): a line of what moved
 * since last time, and the summary workbook's 较上期 sheet as data (the units with their ranks
 * and changes, then every change). The page's section (cli/report/previous-section.ts) reads
 * the same line; each side hooks it in with one line.
 */
import type { ChangeKind } from "../diff/changes.js";
import { changeDetail, rankChange } from "../diff/describe.js";
import type { LedgerDiff } from "../diff/diff.js";
import { CYCLE_WORDS, formatMessage } from "../findings/catalogue.js";
import type { Lang } from "../lang.js";
import type { BookCell, BookSheet } from "./summary-book.js";

const count = (diff: LedgerDiff, kind: ChangeKind): number => diff.changes.filter((c) => c.kind === kind).length;

export function previousSummary(diff: LedgerDiff, lang: Lang): string {
  return formatMessage(CYCLE_WORDS[lang].previousSummary, {
    oldAsOf: diff.old.asOf,
    completed: count(diff, "completed"),
    overdue: count(diff, "newly-overdue"),
    reopened: count(diff, "reopened"),
    moved: count(diff, "deadline-moved"),
    added: count(diff, "added"),
    removed: count(diff, "removed"),
  });
}

const cell = (value: string | number | null): BookCell => ({ value: value ?? "—" });
const header = (words: readonly string[]): BookCell[] => words.map((value) => ({ value, style: "header" as const, wrap: true }));

/** The summary workbook's sheet of the comparison. */
export function previousSheet(diff: LedgerDiff, lang: Lang): BookSheet {
  const w = CYCLE_WORDS[lang];
  const rows: Array<Array<BookCell | null>> = [[{ value: w.previousTitle, style: "title" }], [{ value: previousSummary(diff, lang), style: "subtitle" }], []];
  rows.push(header([w.rank, "", w.unit, w.total, w.completed, "±", w.overdue, "±", w.rate]));
  for (const u of diff.units) {
    rows.push([cell(u.rank), cell(rankChange(u, lang)), cell(u.unit), cell(u.total), cell(u.completed), cell(u.completedDelta), cell(u.overdue), cell(u.overdueDelta), { value: u.completionRate, format: "0.0%" }]);
  }
  rows.push([]);
  rows.push(header([w.kind, w.oldRow, w.newRow, w.task, w.unit, ""]));
  for (const c of diff.changes) rows.push([cell(w.change[c.kind]), cell(c.oldRow), cell(c.newRow), { value: c.task ?? "—", wrap: true }, cell(c.unit), { value: changeDetail(c, lang), wrap: true }]);
  return { name: w.previousTitle, widths: [14, 8, 24, 40, 16, 30, 8, 6, 10], rows, headerRows: [1, 2], pictures: [], pageBreaksAfter: [] };
}
