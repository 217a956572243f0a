/**
 * The ledger's base year and base date (contract §4): what a deadline without a year, or
 * "立行立改", is measured against.
 */
import { formatDay, isValidDay, yearOf, type Day } from "./day.js";
import { explicitYears } from "./deadline.js";
import type { Sheet } from "./sheet/sheet-model.js";
import { cellText, fold } from "./text.js";

/** The title block's text, row by row (rows above the header). */
export function titleTexts(sheet: Sheet, headerFirstRow: number): string[] {
  const texts: string[] = [];
  for (let r = 1; r < headerFirstRow; r++) {
    for (const value of sheet.rows[r - 1] ?? []) {
      const t = value === undefined ? null : cellText(value);
      if (t !== null) texts.push(t);
    }
  }
  return texts;
}

const FILL_DATE = /(?:填报|填表|报送|统计|截至|截止)(?:日期|时间)?[:：]?\s*(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})/u;

/** "填报日期：2019年10月8日" in the title block: the day the ledger speaks for. */
export function baseDateFromTitle(titles: readonly string[]): Day | null {
  for (const t of titles) {
    const m = FILL_DATE.exec(fold(t));
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (isValidDay(y, mo, d)) return formatDay(y, mo, d);
    }
  }
  return null;
}

/** The most common year; ties go to the later year (a ledger runs forward). */
function mostCommon(votes: ReadonlyMap<number, number>): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of votes) {
    if (count > bestCount || (count === bestCount && best !== null && year > best)) [best, bestCount] = [year, count];
  }
  return best;
}

export interface BaseYearSources {
  readonly option: number | null;
  readonly titles: readonly string[];
  /** Each distinct deadline text with how often it occurs. */
  readonly deadlineTexts: ReadonlyMap<string, number>;
  readonly asOf: Day;
}

/** In order: the --base-year option, a year in the title, the commonest deadline year, the as-of year. */
export function resolveBaseYear({ option, titles, deadlineTexts, asOf }: BaseYearSources): number {
  if (option !== null) return option;
  for (const t of titles) {
    const years = explicitYears(t);
    if (years.length > 0) return years[0]!;
  }
  const votes = new Map<number, number>();
  for (const [text, count] of deadlineTexts) {
    for (const year of explicitYears(text)) votes.set(year, (votes.get(year) ?? 0) + count);
  }
  return mostCommon(votes) ?? yearOf(asOf);
}
