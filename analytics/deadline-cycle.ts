/**
 * Recurring and relative deadlines (contract §4).
 *
 * Recurring: a duty that falls due again and again on a named day (每月28日前, 每季度第1个月的
 * 20日前, 每周五前, 每年6月30日前). Its date is the next occurrence on or after the as-of day,
 * so it is never overdue as a whole. A bare 每月 / 每季度 / 每年 falls due at the period's end.
 *
 * Relative: a span counted from a start (2个月内, 10天之内, 15个工作日内, within 30 days). The
 * start is the item's assignment day (交办时间, 下发日期, 发现时间) or the document's date.
 */
import { addMonths, addWeeks, addYears } from "date-fns";
import { addDays, dayNumber, daysInMonth, formatDay, type Day } from "./day.js";

export type Recurrence =
  /** Every `months` months (1, or 6 for 每半年), on a day of the month or its end. */
  | { readonly every: "month"; readonly day: number | "end"; readonly months?: number }
  /** A cadence with no anchor (每两月: which months?): recurring, with no date. */
  | { readonly every: "unanchored" }
  | { readonly every: "quarter"; readonly monthOfQuarter: number; readonly day: number | "end" }
  | { readonly every: "week"; readonly weekday: number }
  | { readonly every: "year"; readonly month: number; readonly day: number };

export type SpanUnit = "day" | "workday" | "week" | "month" | "year";

export interface RelativeSpan {
  readonly amount: number;
  readonly unit: SpanUnit;
}

const SMALL_NUMBER: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 半: 0.5 };

/** 2, 一, 两, 十, 十五, 二十: the small counts these phrases use. */
function count(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  if (text.length === 1) return SMALL_NUMBER[text] ?? null;
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (!m) return null;
  return (m[1] ? SMALL_NUMBER[m[1]]! : 1) * 10 + (m[2] ? SMALL_NUMBER[m[2]]! : 0);
}

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7 };

// Folded text: no spaces, Chinese numerals before 月/日/号/季 already digits.
const MONTHLY = /^每(?:个|一)?月(?:的)?(?:(\d{1,2})[日号]|[底末]|(?![初中上下]))/u;
const EVERY_TWO_MONTHS = /^每(?:两|2|二)个?月(?:[底末])?/u;
const QUARTERLY = /^每(?:个|一)?季度?(?:的)?(?:第([1-3一二三])个?月(?:的)?(\d{1,2})[日号]|[底末]|(?![初中上下]))/u;
const HALF_YEARLY = /^每半年(?:[底末])?/u;
const WEEKLY = /^每(?:周|星期|礼拜)([一二三四五六日天1-7])?/u;
const YEARLY = /^每年(?:的)?(?:(\d{1,2})月(\d{1,2})[日号]|[底末]|(?![初中上下]))/u;

/**
 * A clause that names a recurring day, and what follows it (the trailing words the caller
 * checks). Null when the clause is no recurring day. 每月底 stays a standing duty (see above:
 * the reader has long read it so), the quarter's end is a day.
 */
export function readRecurrence(clause: string): { recurrence: Recurrence; rest: string } | null {
  let m = EVERY_TWO_MONTHS.exec(clause);
  if (m) return { recurrence: { every: "unanchored" }, rest: clause.slice(m[0].length) };
  m = HALF_YEARLY.exec(clause);
  if (m) return { recurrence: { every: "month", day: "end", months: 6 }, rest: clause.slice(m[0].length) };
  m = MONTHLY.exec(clause);
  if (m) {
    if (m[1] === undefined) return { recurrence: { every: "month", day: "end" }, rest: clause.slice(m[0].length) };
    const day = Number(m[1]);
    return day >= 1 && day <= 31 ? { recurrence: { every: "month", day }, rest: clause.slice(m[0].length) } : null;
  }
  m = QUARTERLY.exec(clause);
  if (m) {
    if (m[1] === undefined) return { recurrence: { every: "quarter", monthOfQuarter: 3, day: "end" }, rest: clause.slice(m[0].length) };
    const monthOfQuarter = count(m[1]!) ?? 0;
    const day = Number(m[2]);
    if (monthOfQuarter < 1 || monthOfQuarter > 3 || day < 1 || day > 31) return null;
    return { recurrence: { every: "quarter", monthOfQuarter, day }, rest: clause.slice(m[0].length) };
  }
  m = WEEKLY.exec(clause);
  // A bare 每周 falls due at the end of the working week.
  if (m) return { recurrence: { every: "week", weekday: m[1] === undefined ? 5 : WEEKDAY[m[1]]! }, rest: clause.slice(m[0].length) };
  m = YEARLY.exec(clause);
  if (m && m[1] === undefined) return { recurrence: { every: "year", month: 12, day: 31 }, rest: clause.slice(m[0].length) };
  if (m) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return null;
    return { recurrence: { every: "year", month, day }, rest: clause.slice(m[0].length) };
  }
  return null;
}

function parts(day: Day): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

/** The day of a month a rule names, clamped to the month's length (每月31日 in April is the 30th). */
function dayIn(year: number, month: number, day: number | "end"): Day {
  const last = daysInMonth(year, month);
  return formatDay(year, month, day === "end" ? last : Math.min(day, last));
}

/** 1 Monday … 7 Sunday, from a zone-free day count: 1970-01-01 was a Thursday. */
function isoWeekday(day: Day): number {
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

/** The next day the duty falls due, on or after `asOf`; null for a cadence with no anchor. */
export function nextOccurrence(rule: Recurrence, asOf: Day): Day | null {
  const [y, m] = parts(asOf);
  switch (rule.every) {
    case "unanchored":
      return null;
    case "month": {
      // Every N months: the months N, 2N, … (每两月: Feb, Apr, …; 每半年: Jun, Dec).
      const step = rule.months ?? 1;
      for (let k = 0; k <= 12; k++) {
        const month = ((m - 1 + k) % 12) + 1;
        const year = y + Math.floor((m - 1 + k) / 12);
        if (month % step !== 0) continue;
        const here = dayIn(year, month, rule.day);
        if (here >= asOf) return here;
      }
      return dayIn(y + 1, step, rule.day);
    }
    case "quarter": {
      const firstMonth = Math.floor((m - 1) / 3) * 3 + 1;
      const here = dayIn(y, firstMonth + rule.monthOfQuarter - 1, rule.day);
      if (here >= asOf) return here;
      const next = firstMonth + 3;
      return next > 12 ? dayIn(y + 1, rule.monthOfQuarter, rule.day) : dayIn(y, next + rule.monthOfQuarter - 1, rule.day);
    }
    case "week": {
      const weekday = isoWeekday(asOf);
      return addDays(asOf, (rule.weekday - weekday + 7) % 7);
    }
    case "year": {
      const here = dayIn(y, rule.month, rule.day);
      return here >= asOf ? here : dayIn(y + 1, rule.month, rule.day);
    }
  }
}

const COUNT = "(\\d{1,3}|[一二两三四五六七八九十半]{1,3})";
/** "2个月内", "10天之内", "15个工作日以内", "3年内". */
const WITHIN = new RegExp(`^${COUNT}(个)?(工作日|天|日|周|星期|月|年)(?:之内|以内|内)`, "u");
/** Under a deadline header a bare span is a span too ("3天", "5个工作日", "2个月"); never "6月" or "30日". */
const BARE = new RegExp(`^${COUNT}(个)?(工作日|天|周|星期)|^${COUNT}(个)(月)`, "u");

/**
 * "2个月内", "10天之内", "15个工作日内", "一周内", "半个月内", "3天" at the start of a clause,
 * and the rest. Years ("3年内") are not read: a span of years is a plan's horizon, not an item's deadline.
 */
export function readRelative(clause: string): { span: RelativeSpan; rest: string } | null {
  let parts: { count: string; ge: string | undefined; word: string; length: number } | null = null;
  const within = WITHIN.exec(clause);
  if (within) parts = { count: within[1]!, ge: within[2], word: within[3]!, length: within[0].length };
  else {
    const bare = BARE.exec(clause);
    if (bare) parts = { count: bare[1] ?? bare[4]!, ge: bare[2] ?? bare[5], word: bare[3] ?? bare[6]!, length: bare[0].length };
  }
  if (parts === null) return null;
  const amount = count(parts.count);
  if (amount === null || amount <= 0 || parts.word === "年") return null;
  if (parts.ge !== undefined && parts.word !== "月" && parts.word !== "工作日" && parts.word !== "星期") return null; // "3个天" is no phrase
  const unit: SpanUnit = parts.word === "工作日" ? "workday" : parts.word === "天" || parts.word === "日" ? "day" : parts.word === "月" ? "month" : "week";
  if (amount !== Math.floor(amount) && unit !== "month") return null;
  return { span: { amount, unit }, rest: clause.slice(parts.length) };
}

/** The last day on time: the start plus the span (half a month is 15 days; working days skip weekends). */
export function relativeDue(start: Day, span: RelativeSpan): Day {
  const [y, m, d] = parts(start);
  const date = new Date(y, m - 1, d);
  const back = (x: Date): Day => formatDay(x.getFullYear(), x.getMonth() + 1, x.getDate());
  switch (span.unit) {
    case "day":
      return addDays(start, span.amount);
    case "week":
      return back(addWeeks(date, span.amount));
    case "month":
      return span.amount === 0.5 ? addDays(start, 15) : back(addMonths(date, Math.floor(span.amount)));
    case "year":
      return back(addYears(date, span.amount));
    case "workday": {
      let day = start;
      let left = span.amount;
      while (left > 0) {
        day = addDays(day, 1);
        if (isoWeekday(day) <= 5) left--;
      }
      return day;
    }
  }
}
