/**
 * The report page's 较上期 section (`report --previous OLD…`), self-contained: a line of what
 * moved (the same line the summary workbook's 较上期 sheet opens with, analytics/overview/
 * previous-sheet.ts), the units' table with ranks and their change, and the lists of what was
 * newly completed, newly overdue, reopened and moved. The page calls it with one line.
 */
import type { LedgerDiff } from "../../analytics/diff/diff.js";
import { CYCLE_WORDS } from "../../analytics/findings/catalogue.js";
import type { Lang } from "../../analytics/lang.js";
import { previousSummary } from "../../analytics/overview/previous-sheet.js";
import { diffSections, unitTable } from "../diff/diff-page.js";

/** The section of the page: its own heading, summary, units and changes. */
export function previousHtml(diff: LedgerDiff, lang: Lang, escape: (text: string) => string): string {
  const w = CYCLE_WORDS[lang];
  return `<section class="previous"><h2>${escape(w.previousTitle)}</h2><p class="meta">${escape(previousSummary(diff, lang))}</p>
${unitTable(diff, lang)}
${diffSections(diff, lang)}</section>`;
}
