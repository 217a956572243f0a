/**
 * The day the old version is judged at (contract §8): --old-as-of, else the day its title rows
 * give (填报日期, 报送日期, 截至…), else the new version's day. Overdue in the old version means
 * overdue when it was filed, so "newly overdue" compares like with like.
 *
 * Besides a full 填报日期, a version states its day as "截至10月底" in its title
 * ("…进度表（截至10月31日）") or over its progress column ("进展情况（截至10月底）"), the year
 * left to the ledger's base year.
 */
import { endOfMonth, formatDay, isValidDay, type Day } from "../day.js";
import { titleTexts } from "../base.js";
import type { ReadLedger } from "../ledger.js";
import { fold } from "../text.js";

export function oldVersionAsOf(option: Day | null, titleDate: Day | null, newAsOf: Day): Day {
  return option ?? titleDate ?? newAsOf;
}

const STATED_DAY = /(?:截至|截止到?)\s*(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?/u;

/** The first "截至[YYYY年]M月[D日|底]" among the texts: that day, or the month's last (截至10月底). */
export function statedDay(texts: readonly string[], baseYear: number): Day | null {
  for (const text of texts) {
    const m = STATED_DAY.exec(fold(text));
    if (!m) continue;
    const [year, month] = [m[1] !== undefined ? Number(m[1]) : baseYear, Number(m[2])];
    if (month < 1 || month > 12) continue;
    if (m[3] === undefined) return endOfMonth(year, month);
    if (isValidDay(year, month, Number(m[3]))) return formatDay(year, month, Number(m[3]));
  }
  return null;
}

/** The day a version speaks for: its title's 填报日期, else a 截至 day in its title or over its status columns. */
export function versionDay(ledger: ReadLedger): Day | null {
  if (ledger.baseDate !== null) return ledger.baseDate;
  const statusLabels = ledger.header.columns.filter((c) => c.match.role === "status").map((c) => c.label);
  return statedDay([...titleTexts(ledger.sheet, ledger.header.firstRow), ...statusLabels], ledger.baseYear);
}

/** The day a version of several sheets (or files) speaks for: the first that any of them states. */
export function versionDayOf(ledgers: readonly ReadLedger[]): Day | null {
  for (const ledger of ledgers) {
    const day = versionDay(ledger);
    if (day !== null) return day;
  }
  return null;
}
