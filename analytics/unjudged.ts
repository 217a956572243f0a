/**
 * "No false green": what a summary cannot tell for lack of a deadline or status column, said
 * in one line each, the same in the terminal, the report page and the pane.
 */
import { phrase } from "./findings/catalogue.js";
import type { Lang } from "./lang.js";
import type { Summary } from "./summary.js";

/** "未识别完成时限，无法判断逾期（12项）", and the same for a missing status column; none when all is judged. */
export function unjudgedLines(summary: Pick<Summary, "overdueUnknown" | "completionUnknown">, lang: Lang): string[] {
  const lines: string[] = [];
  if (summary.overdueUnknown > 0) lines.push(phrase("noDeadlineColumn", lang, { count: summary.overdueUnknown }));
  if (summary.completionUnknown > 0) lines.push(phrase("noStatusColumn", lang, { count: summary.completionUnknown }));
  return lines;
}

/** True when no item's overdue state can be told: an overdue count of 0 would be a false green. */
export function overdueUnknowable(summary: Pick<Summary, "overdueUnknown" | "total">): boolean {
  return summary.total > 0 && summary.overdueUnknown === summary.total;
}
