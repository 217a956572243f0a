/**
 * A day as an office writes it, in one place: "2019年6月30日" in Chinese (the date cells Taizhang
 * writes show it through `WRITTEN_DAY_FORMAT`), the ISO day in English; in a list of items the
 * year only when it is not the year of the as-of day ("6月30日", "Jun 30").
 */
import type { Day } from "./day.js";
import type { Lang } from "./lang.js";

/** The number format of a date cell that reads 2019年6月30日. */
export const WRITTEN_DAY_FORMAT = 'yyyy"年"m"月"d"日"';

/** The number format of a date cell Taizhang writes, by the language of the workbook. */
export const DAY_CELL_FORMAT: Readonly<Record<Lang, string>> = { zh: WRITTEN_DAY_FORMAT, en: "yyyy-mm-dd" };

const MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

function parts(day: Day): { readonly year: number; readonly month: number; readonly date: number } {
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), date: Number(day.slice(8, 10)) };
}

/** "2019-06-30" → "2019年6月30日" (no leading zeros, as the number format shows it). */
export function chineseDay(day: Day): string {
  const { year, month, date } = parts(day);
  return `${year}年${month}月${date}日`;
}

/** A day in a sentence: 2019年6月30日, or 2019-06-30 in English. */
export function writtenDay(day: Day, lang: Lang): string {
  return lang === "zh" ? chineseDay(day) : day;
}

/** A day in a list of items: "5月31日" / "May 31", with the year when it is not the as-of year. */
export function shortWrittenDay(day: Day, asOf: Day, lang: Lang): string {
  const { year, month, date } = parts(day);
  const sameYear = day.slice(0, 4) === asOf.slice(0, 4);
  if (lang === "zh") return `${sameYear ? "" : `${year}年`}${month}月${date}日`;
  return `${MONTH_ABBREVIATIONS[month - 1]} ${date}${sameYear ? "" : `, ${year}`}`;
}
