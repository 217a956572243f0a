/**
 * Deadlines (contract §4): what a 完成时限 cell says, read as the last calendar day on which
 * the item is still on time.
 *
 * The reading is deliberately strict. A cell is folded (NFKC, white space out, Chinese
 * numerals to digits), split into clauses ("2019年底前，并长期坚持"), and every clause must be
 * wholly made of a date phrase plus a closed vocabulary of lead-in and trailing words
 * ("完成时限", "力争于", "前完成", "为止", …) and standing / immediate markers. Anything left
 * over makes the whole cell `unparsed`: a wrong date is worse than no date, because overdue
 * findings are built on it.
 *
 * Decisions where the contract is silent (the tests spell each one out):
 * - A yearless phrase takes the base year; with no base year it is `unparsed`, never guessed.
 *   A yearless month or day ("6月底", "6月30日前") carries a `year-inferred` note (contract
 *   §4); a period of the year ("全年任务", "年底前", "上半年", "三季度") does not.
 *   A later clause without a year takes the year an earlier clause of the same cell named
 *   ("2019年6月底前初步整改，年底前全面完成"), and the end of a range takes its start's year.
 * - "前" after a whole period that has no 底/末 reads literally, as the day before the period
 *   starts, with an `ambiguous` note naming the period's end: "2019年6月前" → 2019-05-31,
 *   "三季度前" → 06-30, "2019年前" → 2018-12-31. After a day, 旬 or 底 it changes nothing.
 * - A two-digit year ("19年6月底") is 20YY. It is read only before a month, quarter, half or
 *   底/末, never in "10年内" (within ten years).
 * - 月初 reads as 上旬 (the 10th), 月中 as 中旬 (the 20th), 年中 as 上半年 (06-30).
 * - 每月/每季度/每年/定期 (a recurring duty) is `ongoing`, like 长期坚持.
 * - Several dates in one cell ("6月底前初步整改，年底前全面完成"): the latest one.
 * - A range's end without a year that falls before its start rolls into the next year only at
 *   month level ("2019年11月至2月" → 2020-02-29); any other backwards range is unparsed.
 * - An explicit date wins over 立即 in the same cell; 立行立改 with 长期坚持 is immediate + standing.
 * - A status remark beside a date ("2019年6月30日(已完成)") does not hide the date.
 * - A number cell is a date only where no other reading fits: 1900–2100 is that year's end,
 *   19000101–21001231 a compact yyyymmdd day, 20000–80000 an Excel serial (1954–2119), and
 *   2019.6 a year.month (2019.1 is January with an `ambiguous` note: Excel drops the 0 of 2019.10).
 */
import { endOfMonth, formatDay, isIsoDay, isValidDay, serialToDay, type Day } from "./day.js";
import { nextOccurrence, readRecurrence, readRelative, type Recurrence, type RelativeSpan } from "./deadline-cycle.js";
import { readEnglishDeadline } from "./deadline-english.js";
import { isDayCell, isErrorCell, type CellValue } from "./sheet/sheet-model.js";
import { phrase as cataloguePhrase } from "./findings/catalogue.js";

export type DeadlineKind = "date" | "ongoing" | "immediate" | "none" | "unparsed" | "recurring" | "relative";

export type DeadlineNote =
  /** explanation: why, in Chinese, from the catalogue (ambiguousBeforePeriod, ambiguousDroppedZero). */
  | { kind: "ambiguous"; otherReading: string; explanation: string }
  | { kind: "year-inferred"; year: number }
  | { kind: "standing" }
  /** A year no ledger means (0099年, 2202年): unparsed, and said so rather than counted overdue. */
  | { kind: "implausible-year"; year: number }
  /** A relative deadline dated from its start: where the start came from. */
  | { kind: "relative-start"; start: Day; source: "column" | "document" };

export interface Deadline {
  /** The cell as the user wrote it, trimmed; the ISO day for a date cell; null when empty. */
  raw: string | null;
  /** The last day on which the item is on time, or null. */
  date: string | null;
  kind: DeadlineKind;
  notes: DeadlineNote[];
  /** For a relative deadline: the span it gives, counted from the item's start. */
  span?: RelativeSpan;
}

export interface DeadlineContext {
  /** The year a phrase without one belongs to (contract §4); null when unknown. */
  baseYear: number | null;
  /** ISO day the ledger was filled in: immediate deadlines fall due then. */
  baseDate: string | null;
  /** The day the ledger is judged on: a recurring deadline is its next occurrence from here. */
  asOf?: string | null;
}

/** Years a ledger's deadline can name: Excel's dates start in 1900, its serials read here end in 2119; beyond is a slip (0099年, 2202年). */
const MIN_LEDGER_YEAR = 1900;
const MAX_LEDGER_YEAR = 2199;

// ─── Results ────────────────────────────────────────────────────────────────────────────────

// Results are frozen: the memoized parser hands the same object to every cell with that text.
function result(raw: string | null, kind: DeadlineKind, date: Day | null, notes: DeadlineNote[] = [], span?: RelativeSpan): Deadline {
  for (const note of notes) Object.freeze(note);
  const deadline: Deadline = { raw, date, kind, notes: Object.freeze(notes) as DeadlineNote[] };
  if (span !== undefined) deadline.span = Object.freeze(span);
  return Object.freeze(deadline);
}

/** A date whose year no ledger means: unparsed, with a note naming the year. */
function implausible(raw: string | null, date: Day): Deadline | null {
  const year = Number(date.slice(0, 4));
  return year < MIN_LEDGER_YEAR || year > MAX_LEDGER_YEAR ? result(raw, "unparsed", null, [{ kind: "implausible-year", year }]) : null;
}

const NONE: Deadline = result(null, "none", null);

function unparsed(raw: string | null): Deadline {
  return result(raw, "unparsed", null);
}

// ─── Folding ────────────────────────────────────────────────────────────────────────────────

/** Characters that separate range ends: 5月-6月, 5月—6月, 5月~6月, 5月至6月, 5月到6月. */
const RANGE_SEP_CLASS = "\\-–—―‒−~〜至到";
const RANGE_SEP = new RegExp(`[${RANGE_SEP_CLASS}]+`, "g");

/** A clock time glued to a day by an export ("2019-06-30 00:00:00", "2019-06-30T00:00Z"). */
const CLOCK_TIME = /(?<=[\d日号])(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?!\d)/g;
const LINE_BREAK = /[\r\n\u2028\u2029]+/g;
// \s covers U+3000; zero-width characters sneak in from pasted web text.
const SPACE = /[\s\u200b-\u200d\u2060\ufeff]+/g;

/** NFKC (full-width digits, colons, brackets), no clock time, no white space, digits for numerals. */
function foldText(text: string): string {
  const flat = holidays(text.normalize("NFKC"))
    .replace(CLOCK_TIME, "")
    .replace(LINE_BREAK, ",") // a line break separates phrases; spaces inside one do not
    .replace(SPACE, "");
  return expandShortRanges(arabizeNumbers(arabizeYears(flat)));
}

/** Fixed holidays a deadline is set before: “十一”之前 is by 9月30日. (春节 moves with the moon: not read.) */
const HOLIDAY = /[“"'‘]?(十一|国庆节?|五一|劳动节|七一|建党节|元旦)[”"'’]?(?:节)?(?=之前|以前|前)/gu;
const HOLIDAY_EVE: Record<string, string> = {
  十一: "9月30日", 国庆: "9月30日", 国庆节: "9月30日", 五一: "4月30日", 劳动节: "4月30日", 七一: "6月30日", 建党节: "6月30日", 元旦: "12月31日",
};

function holidays(text: string): string {
  return text.includes("前") ? text.replace(HOLIDAY, (_m, name: string) => HOLIDAY_EVE[name] ?? name) : text;
}

// 〇 and ○ are both written for zero; so are the letter O and, after NFKC, a full-width Ｏ.
const YEAR_DIGIT: Record<string, string> = {
  〇: "0", "○": "0", "◯": "0", 零: "0", O: "0", o: "0", Ο: "0",
  一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9",
};
const CHINESE_YEAR = /[〇○◯零OoΟ0-9一二三四五六七八九]{4}(?=年)/g;
const HAS_CHINESE_DIGIT = /[〇○◯零一二三四五六七八九]/;

/** 二〇一九年 / 二零一九年 / 二O一九年 → 2019年: a year is read digit by digit. */
function arabizeYears(s: string): string {
  return s.replace(CHINESE_YEAR, (run) => (HAS_CHINESE_DIGIT.test(run) ? [...run].map((c) => YEAR_DIGIT[c] ?? c).join("") : run));
}

const NUMERAL = "〇零一二两三四五六七八九十廿卅";
// A numeral run before 月, 日, 号 or 季, or before a range whose other end is one ("五至六月").
const CHINESE_NUMBER = new RegExp(`[${NUMERAL}]+(?=(?:[${RANGE_SEP_CLASS}]+[${NUMERAL}]+)?(?:[月日号]|季))`, "g");
const DIGIT_VALUE: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十 → 10, 十一 → 11, 二十 → 20, 三十一 → 31, 廿五 → 25, 一二 → 12; null for anything odd. */
export function chineseNumber(text: string): number | null {
  const s = text.replace("廿", "二十").replace("卅", "三十");
  const ten = s.indexOf("十");
  if (ten < 0) {
    let n = 0;
    for (const c of s) {
      const d = DIGIT_VALUE[c];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return s === "" ? null : n;
  }
  const [before, after] = [s.slice(0, ten), s.slice(ten + 1)];
  if (before.length > 1 || after.length > 1) return null;
  const tens = before === "" ? 1 : DIGIT_VALUE[before];
  const ones = after === "" ? 0 : DIGIT_VALUE[after];
  return tens === undefined || ones === undefined ? null : tens * 10 + ones;
}

/** 六月三十日 → 6月30日, 第三季度 → 第3季度. Only before a date unit, so 统一, 一年 stay. */
function arabizeNumbers(s: string): string {
  return s.replace(CHINESE_NUMBER, (run) => {
    const n = chineseNumber(run);
    return n === null ? run : String(n);
  });
}

// "2019年5-6月" names the unit once for both ends; write it on the start so each end reads alone.
const SHORT_MONTH_RANGE = new RegExp(`(?<![\\d./\\-月])(\\d{1,2})(?=[${RANGE_SEP_CLASS}]+(?:\\d{4}年)?\\d{1,2}月)`, "g");
const SHORT_QUARTER_RANGE = new RegExp(`(?<![\\d./\\-])([1-4])(?=[${RANGE_SEP_CLASS}]+(?:第)?[1-4]季)`, "g");

/** 5-6月 → 5月-6月, 3至4季度 → 3季度至4季度. */
function expandShortRanges(s: string): string {
  return s.replace(SHORT_MONTH_RANGE, "$1月").replace(SHORT_QUARTER_RANGE, "$1季度");
}

// ─── Clauses, lead-in and trailing words ────────────────────────────────────────────────────

/**
 * Words that may follow a date without changing it. No word is a concatenation of others
 * ("前完成" is 前 + 完成), so a failing match cannot backtrack through many segmentations.
 */
const TAIL_WORDS = [
  "之前", "以前", "前后", "前", "为止", "截止", "止", "以内", "之内", "内",
  "完成", "完毕", "办结", "销号", "结束", "全面", "全部", "基本", "初步", "整改", "到位", "落实",
  "任务", "工作", "报送", "上报", "见效", "取得", "明显", "成效", "阶段性", "成果", "左右", "并", "已", "延期", "\\.",
].join("|");
const TAIL = new RegExp(`^(?:${TAIL_WORDS})*$`);
/** 前 right after the date: the word that makes "6月前" ambiguous (前后, "around", does not). */
const BEFORE = /^(?:之|以)?前(?!后)/;
/** "2019年6月30日(前)": a bracket holding only trailing words belongs to the date. */
const BRACKETED_TAIL = new RegExp(`\\(((?:${TAIL_WORDS})+)\\)`, "g");

/** Words that may lead a date: labels written without a colon, and 力争/确保/截至/于 and the like. */
const LEAD = new RegExp(
  "^(?:" +
    [
      "完成时限", "整改时限", "完成时间", "整改时间", "完成期限", "整改期限", "时限要求", "时限", "期限",
      "截止日期", "截止时间", "截止", "截至", "到", "至", "于", "在", "并且", "并", "且", "同时", "此后",
      "力争", "争取", "确保", "计划", "预计", "拟", "要求", "须", "需", "必须", "应", "最迟", "最晚",
      "不迟于", "不晚于", "按期", "限期", "限", "短期", "近期", "中期",
      // An extended limit names the new day: 延期至12月3日, 顺延到6月底.
      "延期", "延长", "顺延", "调整为", "调整",
      // A rule's hedge before the limit: 原则上必须在100天内完成整改.
      "原则上", "一般",
    ].join("|") +
    ")*",
);

/** "完成时限：2019年6月底": a short label and a colon before the phrase. */
const LABEL = /^\p{L}{1,12}:/u;

const CLAUSE_SEP = /[,;。、!?()[\]{}<>【】〔〕《》「」『』"'“”‘’|]+/;

function clausesOf(folded: string): string[] {
  return folded
    .replace(BRACKETED_TAIL, "$1")
    .split(CLAUSE_SEP)
    .filter((c) => c !== "");
}

// ─── Standing and immediate markers ─────────────────────────────────────────────────────────

/** 长期坚持, 持续推进, 常态化 (contract §4), and recurring duties: a task with no end day. */
const STANDING =
  /长期(?:坚持|推进|开展|执行|落实|巩固|有效)?|持续(?:推进|整改|开展|深化|抓好|落实|巩固|改进|用力)?|常态化(?:推进|开展|坚持|整改|落实)?|常抓不懈|久久为功|坚持(?:不懈|到底)?|(?:建立|健全|完善|形成)?长效(?:机制)?|每(?:个|一|1)?(?:月|季度?|半年|年|周)(?:底|末|初)?|定期(?:开展)?/g;

/** 立行立改, 立即整改, 即知即改 (contract §4): due at once. */
const IMMEDIATE = /立行立改|立查立改|即知即改|即查即改|边查边改|随查随改|事不隔夜|当日办结|当天办结|及时|随时|立即(?:整改|落实|执行|纠正|办理|启动)?|马上(?:就办|整改|办)?|立刻|即时|立改/g;

// ─── Periods: what a date phrase names, before a year is settled ────────────────────────────

/** The year a phrase names: a number, relative to the context (今年, 次年), or none. */
type YearRef = { kind: "named"; year: number } | { kind: "relative"; offset: number } | null;

type Span =
  | { unit: "day"; month: number; day: number }
  | { unit: "tenday"; month: number; part: 1 | 2 | 3 }
  | { unit: "month"; month: number }
  | { unit: "quarter"; quarter: number }
  | { unit: "half"; half: 1 | 2 }
  | { unit: "year" }
  | { unit: "day-of-start"; day: number }; // "5月10日至20日": the month is the range start's

interface Period {
  readonly year: YearRef;
  readonly span: Span;
  /** A whole month, quarter or year named bare ("6月", "三季度", "2019年"): 前 after it is ambiguous. */
  readonly whole: boolean;
}

interface PeriodMatch {
  readonly period: Period;
  readonly rest: string;
}

const MIN_PLAIN_YEAR = 1900;
const MAX_PLAIN_YEAR = 2100;

function isPlainYear(y: number): boolean {
  return y >= MIN_PLAIN_YEAR && y <= MAX_PLAIN_YEAR;
}

function named(year: number): YearRef {
  return { kind: "named", year };
}

function validMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}

const NUMERIC_DAY = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)(?:日|号)?/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})(?!\d)/;
const NUMERIC_MONTH = /^(\d{4})[-/.](\d{1,2})(?!\d)(?:月份?)?([底末])?/;
const YEARLESS_NUMERIC_DAY = /^(\d{1,2})[/.](\d{1,2})(?!\d)(?:日|号)?/;

/** 2019-06-30, 2019/6/30, 2019.6.30, 20190630, 2019.6, 2019-06, and yearless 6/30, 6.30. */
function readNumericDate(s: string): PeriodMatch | null {
  let m = NUMERIC_DAY.exec(s);
  if (m) return dayMatch(named(Number(m[1])), Number(m[3]), Number(m[4]), s, m[0]);
  m = COMPACT_DAY.exec(s);
  if (m && isPlainYear(Number(m[1]))) return dayMatch(named(Number(m[1])), Number(m[2]), Number(m[3]), s, m[0]);
  m = NUMERIC_MONTH.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (!validMonth(month)) return null;
    return { period: { year: named(Number(m[1])), span: { unit: "month", month }, whole: m[3] === undefined }, rest: s.slice(m[0].length) };
  }
  m = YEARLESS_NUMERIC_DAY.exec(s);
  if (m) return dayMatch(null, Number(m[1]), Number(m[2]), s, m[0]);
  return null;
}

function dayMatch(year: YearRef, month: number, day: number, s: string, matched: string): PeriodMatch | null {
  if (!validMonth(month) || day < 1 || day > 31) return null;
  return { period: { year, span: { unit: "day", month, day }, whole: false }, rest: s.slice(matched.length) };
}

interface YearMatch {
  readonly ref: YearRef;
  readonly length: number;
  /** "19年": read only before a month, quarter, half or 底/末, never as "10年内". */
  readonly short: boolean;
}

const YEAR = /^(?:(\d{4})(?!\d)(年度?)?|(\d{2})年(?!度)|([今本当明次])年度?)/;
const RELATIVE_YEAR: Record<string, number> = { 今: 0, 本: 0, 当: 0, 明: 1, 次: 1 };

/** 2019年, 2019年度, 2019 (before Q3, 上半年, …), 19年, 今年/本年度 (the context year), 明年/次年. */
function readYear(s: string): YearMatch | null {
  const m = YEAR.exec(s);
  if (!m) return null;
  if (m[1] !== undefined) {
    const year = Number(m[1]);
    // Without 年 a four-digit number is a year only where a year is plausible.
    if (m[2] === undefined && !isPlainYear(year)) return null;
    return { ref: named(year), length: m[0].length, short: false };
  }
  if (m[3] !== undefined) return { ref: named(2000 + Number(m[3])), length: m[0].length, short: true };
  return { ref: { kind: "relative", offset: RELATIVE_YEAR[m[4] ?? ""] ?? 0 }, length: m[0].length, short: false };
}

const MONTH_PART = /^(\d{1,2})月份?(?:(\d{1,2})(?:日|号)?|([上中下])旬(?:末)?|([初中])|([底末终]))?/;
const TENDAY: Record<string, 1 | 2 | 3> = { 上: 1, 初: 1, 中: 2, 下: 3 };

/** 6月30日, 6月上旬/中旬/下旬, 6月初/月中, 6月底/末, 6月(份). */
function readMonthPart(s: string, year: YearRef): PeriodMatch | null {
  const m = MONTH_PART.exec(s);
  if (!m) return null;
  const month = Number(m[1]);
  if (!validMonth(month)) return null;
  const rest = s.slice(m[0].length);
  if (m[2] !== undefined) return dayMatch(year, month, Number(m[2]), s, m[0]);
  const part = TENDAY[m[3] ?? m[4] ?? ""];
  if (part !== undefined) return { period: { year, span: { unit: "tenday", month, part }, whole: false }, rest };
  return { period: { year, span: { unit: "month", month }, whole: m[5] === undefined }, rest };
}

const QUARTER = /^(?:第?([1-4])季度?|[Qq]([1-4]))([末底终])?/;

/** 一季度(末), 第三季度, 第1季度, 3季末, Q3. */
function readQuarter(s: string, year: YearRef): PeriodMatch | null {
  const m = QUARTER.exec(s);
  if (!m) return null;
  const quarter = Number(m[1] ?? m[2]);
  return { period: { year, span: { unit: "quarter", quarter }, whole: m[3] === undefined }, rest: s.slice(m[0].length) };
}

const HALF = /^([上下前后])半年度?(?:[末底])?/;

/** 上半年 / 下半年 (前半年 / 后半年). */
function readHalf(s: string, year: YearRef): PeriodMatch | null {
  const m = HALF.exec(s);
  if (!m) return null;
  const half = m[1] === "上" || m[1] === "前" ? 1 : 2;
  return { period: { year, span: { unit: "half", half }, whole: false }, rest: s.slice(m[0].length) };
}

const YEAR_END = /^(?:(全年)(?:任务)?|(年)?([底末终内中度]))/;

/** 全年(任务), 年内, 年底, 年末, 年终, 年度, 年中; after a year also 2019年底, 2019年全年. */
function readYearEnd(s: string, year: YearMatch | null): PeriodMatch | null {
  const m = YEAR_END.exec(s);
  if (!m) return null;
  const word = m[3];
  // Alone, 底 or 内 is no year's end: the 年 must be written ("年底") unless a year was.
  if (word !== undefined && m[2] === undefined && year === null) return null;
  // "10年内" is "within ten years", not 2010: a short year takes only 底/末/终 and 全年.
  if (year?.short && word !== undefined && "内中度".includes(word)) return null;
  const ref = year?.ref ?? null;
  const rest = s.slice(m[0].length);
  if (word === "中") return { period: { year: ref, span: { unit: "half", half: 1 }, whole: false }, rest };
  return { period: { year: ref, span: { unit: "year" }, whole: false }, rest };
}

/** A phrase in the calendar words: an optional year, then a month, quarter, half or year end. */
function readCalendarPhrase(s: string): PeriodMatch | null {
  const year = readYear(s);
  const after = year ? s.slice(year.length) : s;
  const ref = year?.ref ?? null;
  const within = readMonthPart(after, ref) ?? readQuarter(after, ref) ?? readHalf(after, ref) ?? readYearEnd(after, year);
  if (within) return within;
  // A year alone ("2019年", "2019", "今年") is that year's end; "19年" alone is not a year at all.
  if (year && !year.short) return { period: { year: ref, span: { unit: "year" }, whole: true }, rest: after };
  return null;
}

function readPeriod(s: string): PeriodMatch | null {
  return readNumericDate(s) ?? readCalendarPhrase(s);
}

// ─── Phrases: a period or a range, with its trailing words ──────────────────────────────────

interface Phrase {
  /** The range's first end, which lends its year (and month) to the second. */
  readonly start: Period | null;
  readonly end: Period;
  /** 前 follows the date. */
  readonly before: boolean;
}

function readSingle(s: string): Phrase | null {
  const m = readPeriod(s);
  if (!m || !TAIL.test(m.rest)) return null;
  return { start: null, end: m.period, before: BEFORE.test(m.rest) };
}

const DAY_OF_START = /^(\d{1,2})(?:日|号)/;

/** The second end of "5月10日至20日": a day alone. */
function readDayOfStart(s: string): Phrase | null {
  const m = DAY_OF_START.exec(s);
  if (!m) return null;
  const rest = s.slice(m[0].length);
  if (!TAIL.test(rest)) return null;
  const day = Number(m[1]);
  return { start: null, end: { year: null, span: { unit: "day-of-start", day }, whole: false }, before: BEFORE.test(rest) };
}

const RANGE_START_WORD = /(?:起|开始)$/;

/** "2019年5月—6月", "2019.5-2019.6", "5月至6月底": the end counts. Tried at every separator. */
function readRange(s: string): Phrase | null {
  for (const sep of s.matchAll(RANGE_SEP)) {
    const left = s.slice(0, sep.index).replace(RANGE_START_WORD, "");
    const start = readPeriod(left);
    if (!start || start.rest !== "") continue;
    const right = s.slice(sep.index + sep[0].length);
    const end = readSingle(right) ?? readDayOfStart(right);
    if (end) return { start: start.period, end: end.end, before: end.before };
  }
  return null;
}

function readPhrase(s: string): Phrase | null {
  // A whole-phrase reading first: "2019-06-30" is a day, not the range 2019 to 06-30.
  return readSingle(s) ?? readRange(s);
}

// ─── Resolving a phrase to a day ────────────────────────────────────────────────────────────

interface YearContext {
  readonly year: number;
  /** True when the year is the base year, not one the cell named. */
  readonly inferred: boolean;
}

function resolveYear(ref: YearRef, context: YearContext | null): YearContext | null {
  if (ref?.kind === "named") return { year: ref.year, inferred: false };
  if (context === null) return null;
  if (ref?.kind === "relative") return { year: context.year + ref.offset, inferred: context.inferred };
  return context;
}

/** The last day of a span in a year; null when no such day exists (2月30日, year 10000). */
function lastDay(span: Span, year: number, startMonth: number | null): Day | null {
  if (year < 1 || year > 9999) return null;
  switch (span.unit) {
    case "day":
      return isValidDay(year, span.month, span.day) ? formatDay(year, span.month, span.day) : null;
    case "day-of-start":
      if (startMonth === null || !isValidDay(year, startMonth, span.day)) return null;
      return formatDay(year, startMonth, span.day);
    case "tenday":
      return span.part === 3 ? endOfMonth(year, span.month) : formatDay(year, span.month, span.part * 10);
    case "month":
      return endOfMonth(year, span.month);
    case "quarter":
      return endOfMonth(year, span.quarter * 3);
    case "half":
      return span.half === 1 ? formatDay(year, 6, 30) : formatDay(year, 12, 31);
    case "year":
      return formatDay(year, 12, 31);
  }
}

/** The day before a whole period starts: the literal reading of "6月前". */
function dayBeforeStart(span: Span, year: number): Day | null {
  const firstMonth = span.unit === "month" ? span.month : span.unit === "quarter" ? span.quarter * 3 - 2 : 1;
  if (firstMonth > 1) return endOfMonth(year, firstMonth - 1);
  return year - 1 >= 1 ? formatDay(year - 1, 12, 31) : null;
}

/** The month a span ends in, to tell "2019年11月至2月" (into the next year) from a slip. */
function monthOf(span: Span, startMonth: number | null): number | null {
  switch (span.unit) {
    case "day":
    case "tenday":
    case "month":
      return span.month;
    case "day-of-start":
      return startMonth;
    case "quarter":
      return span.quarter * 3;
    case "half":
      return span.half * 6;
    case "year":
      return 12;
  }
}

function isMonthLevel(span: Span): boolean {
  return span.unit === "day" || span.unit === "tenday" || span.unit === "month" || span.unit === "day-of-start";
}

function periodLabel(span: Span, year: number): string {
  if (span.unit === "month") return `${year}年${span.month}月`;
  if (span.unit === "quarter") return `${year}年第${span.quarter}季度`;
  return `${year}年`;
}

interface Resolved {
  readonly date: Day;
  readonly year: YearContext;
  readonly notes: DeadlineNote[];
}

function resolvePhrase(phrase: Phrase, context: YearContext | null): Resolved | null {
  let endYear: YearContext | null;
  let startMonth: number | null = null;
  let startDay: Day | null = null;
  if (phrase.start) {
    const startYear = resolveYear(phrase.start.year, context);
    if (startYear === null) return null;
    startDay = lastDay(phrase.start.span, startYear.year, null);
    if (startDay === null) return null;
    startMonth = monthOf(phrase.start.span, null);
    endYear = resolveYear(phrase.end.year, startYear);
    // "2019年11月至2月": a month-level end without a year that comes round before its start is
    // next year's. Coarser ends ("三季度—6月") are not turned round: they stay a slip, unparsed.
    const endMonth = monthOf(phrase.end.span, startMonth);
    const monthLevel = isMonthLevel(phrase.start.span) && isMonthLevel(phrase.end.span);
    if (phrase.end.year === null && endYear && monthLevel && endMonth !== null && startMonth !== null && endMonth < startMonth) {
      endYear = { year: endYear.year + 1, inferred: endYear.inferred };
    }
  } else {
    endYear = resolveYear(phrase.end.year, context);
  }
  if (endYear === null) return null;
  const end = lastDay(phrase.end.span, endYear.year, startMonth);
  if (end === null || (startDay !== null && end < startDay)) return null;

  const notes: DeadlineNote[] = [];
  // Contract §4: a deadline without a year ("6月底", "年底前", "三季度") is read in the base
  // year, a guess the clerk is told about, whatever the size of the period.
  if (endYear.inferred) notes.push({ kind: "year-inferred", year: endYear.year });
  if (phrase.before && phrase.end.whole) {
    const literal = dayBeforeStart(phrase.end.span, endYear.year);
    if (literal === null) return null;
    const label = periodLabel(phrase.end.span, endYear.year);
    notes.push({
      kind: "ambiguous",
      otherReading: end,
      explanation: cataloguePhrase("ambiguousBeforePeriod", "zh", { label, literal, end }),
    });
    return { date: literal, year: endYear, notes };
  }
  return { date: end, year: endYear, notes };
}

// ─── Whole cells ────────────────────────────────────────────────────────────────────────────

interface ClauseReading {
  readonly standing: boolean;
  readonly immediate: boolean;
  readonly phrase: Phrase | null;
  readonly recurrence?: Recurrence;
  readonly span?: RelativeSpan;
}

/** One clause: markers out, lead-in words out, and what is left a date phrase or nothing. */
function readClause(clause: string): ClauseReading | null {
  let s = clause.replace(LABEL, "");
  // A named day of a cycle (每月28日前) before the standing words, which would take 每月.
  const recurring = readRecurrence(s.replace(LEAD, ""));
  if (recurring) return TAIL.test(recurring.rest) ? { standing: false, immediate: false, phrase: null, recurrence: recurring.recurrence } : null;
  const withoutStanding = s.replace(STANDING, "");
  const standing = withoutStanding !== s;
  s = withoutStanding.replace(IMMEDIATE, "");
  const immediate = s !== withoutStanding;
  s = s.replace(LEAD, "");
  if (TAIL.test(s)) return { standing, immediate, phrase: null };
  const relative = readRelative(s);
  if (relative) return TAIL.test(relative.rest) ? { standing, immediate, phrase: null, span: relative.span } : null;
  const phrase = readPhrase(s);
  return phrase ? { standing, immediate, phrase } : null;
}

function validYear(year: number | null): number | null {
  return year !== null && Number.isInteger(year) && year >= 1 && year <= 9999 ? year : null;
}

/**
 * "2026-02-20 (Phase 1, Weeks 3-4)", "2026-07-22 (Phase 8) - Adjusted to …": a remark in Latin
 * letters after the date, from its bracket or dash to the end, is not part of it.
 */
const LATIN_REMARK = /\s*(?:[(（]|\s[-–—]\s).*[A-Za-z].*$/su;

/** A deadline cell's text. Never throws, never guesses: what it cannot read is `unparsed`. */
export function parseDeadlineText(text: string, ctx: DeadlineContext): Deadline {
  const raw = text.trim();
  const folded = foldText(raw.replace(LATIN_REMARK, "") || raw);
  if (folded === "") return NONE;
  const english = readEnglishDeadline(raw.replace(LATIN_REMARK, "") || raw);
  if (english) {
    if (english.kind === "date") return implausible(raw, english.date) ?? result(raw, "date", english.date);
    if (english.kind === "relative") return result(raw, "relative", null, [], english.span);
    if (english.kind === "immediate") return result(raw, "immediate", ctx.baseDate !== null && isIsoDay(ctx.baseDate) ? ctx.baseDate : null);
    return result(raw, "ongoing", null);
  }

  const baseYear = validYear(ctx.baseYear);
  let context: YearContext | null = baseYear === null ? null : { year: baseYear, inferred: true };
  let standing = false;
  let immediate = false;
  let best: Resolved | null = null;
  let recurrence: Recurrence | null = null;
  let span: RelativeSpan | null = null;
  const dates: Day[] = [];
  for (const clause of clausesOf(folded)) {
    const reading = readClause(clause);
    if (reading === null) return unparsed(raw);
    standing ||= reading.standing;
    immediate ||= reading.immediate;
    recurrence ??= reading.recurrence ?? null;
    span ??= reading.span ?? null;
    if (reading.phrase === null) continue;
    const resolved = resolvePhrase(reading.phrase, context);
    if (resolved === null) return unparsed(raw);
    const year = Number(resolved.date.slice(0, 4));
    if (year < MIN_LEDGER_YEAR || year > MAX_LEDGER_YEAR) return implausible(raw, resolved.date)!;
    // A later clause without a year belongs to the year this one named.
    if (!resolved.year.inferred) context = resolved.year;
    dates.push(resolved.date);
    if (best === null || resolved.date > best.date) best = resolved;
  }

  const standingNote: DeadlineNote[] = standing ? [{ kind: "standing" }] : [];
  const schedule = reportingSchedule(folded, dates, ctx.asOf);
  if (schedule !== null) return result(raw, "recurring", schedule);
  if (best !== null) return result(raw, "date", best.date, [...best.notes, ...standingNote]);
  if (recurrence !== null) {
    const asOf = ctx.asOf !== undefined && ctx.asOf !== null && isIsoDay(ctx.asOf) ? ctx.asOf : null;
    return result(raw, "recurring", asOf === null ? null : nextOccurrence(recurrence, asOf));
  }
  if (span !== null) return result(raw, "relative", null, [], span);
  if (immediate) {
    const due = ctx.baseDate !== null && isIsoDay(ctx.baseDate) ? ctx.baseDate : null;
    return result(raw, "immediate", due, standingNote);
  }
  if (standing) return result(raw, "ongoing", null);
  return unparsed(raw);
}

/** A schedule is a list of three or more days and nothing else ("3月25日、6月25日、9月25日前"). */
const SCHEDULE_MIN = 3;

/**
 * The next of a list of reporting days on or after the as-of day (the last when all have
 * passed), or null when the cell is no such list. "6月底前初步整改，年底前全面完成" names two
 * stages of one task, not a schedule: the list must be three days or more joined by 、.
 */
function reportingSchedule(folded: string, dates: readonly Day[], asOf: string | null | undefined): Day | null {
  if (dates.length < SCHEDULE_MIN || asOf === undefined || asOf === null || !isIsoDay(asOf)) return null;
  if (/[,;。，；]/u.test(folded) || !folded.includes("、")) return null;
  const sorted = [...dates].sort();
  return sorted.find((d) => d >= asOf) ?? sorted[sorted.length - 1]!;
}

// ─── Non-text cells ─────────────────────────────────────────────────────────────────────────

const SERIAL_MIN = 20_000; // 1954-10-03
const SERIAL_MAX = 80_000; // 2119-01-11
const YEAR_DOT_MONTH = /^(\d{4})\.(\d{1,2})$/;

/** A number cell: a year, a compact yyyymmdd day, an Excel serial, or 2019.6 (a year.month). */
function parseNumber(n: number): Deadline {
  const raw = String(n);
  if (!Number.isFinite(n) || n <= 0) return unparsed(raw);
  if (Number.isInteger(n) && isPlainYear(n)) return result(raw, "date", formatDay(n, 12, 31));
  if (Number.isInteger(n) && n >= MIN_PLAIN_YEAR * 10_000 + 101 && n <= MAX_PLAIN_YEAR * 10_000 + 1231) {
    const [y, m, d] = [Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100];
    return isValidDay(y, m, d) ? result(raw, "date", formatDay(y, m, d)) : unparsed(raw);
  }
  if (n >= SERIAL_MIN && n <= SERIAL_MAX) {
    const day = serialToDay(n);
    return day === null ? unparsed(raw) : result(raw, "date", day);
  }
  return parseYearDotMonth(raw);
}

/** 2019.6 typed into Excel is a number; 2019.10 arrives as 2019.1, so .1 is January or October. */
function parseYearDotMonth(raw: string): Deadline {
  const m = YEAR_DOT_MONTH.exec(raw);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  if (!m || !isPlainYear(year) || !validMonth(month)) return unparsed(raw);
  const date = endOfMonth(year, month);
  if (m[2] !== "1") return result(raw, "date", date);
  const october = endOfMonth(year, 10);
  return result(raw, "date", date, [
    { kind: "ambiguous", otherReading: october, explanation: cataloguePhrase("ambiguousDroppedZero", "zh", { raw, year }) },
  ]);
}

/** Any cell value. A date cell is its day; text goes to parseDeadlineText. */
export function parseDeadline(value: CellValue, ctx: DeadlineContext): Deadline {
  if (value === null) return NONE;
  if (typeof value === "string") return parseDeadlineText(value, ctx);
  if (typeof value === "number") return parseNumber(value);
  if (typeof value === "boolean") return unparsed(value ? "TRUE" : "FALSE");
  if (isDayCell(value)) return isIsoDay(value.day) ? implausible(value.day, value.day) ?? result(value.day, "date", value.day) : unparsed(value.day);
  if (isErrorCell(value)) return unparsed(value.error);
  return unparsed(null);
}

// ─── Memoized parser ────────────────────────────────────────────────────────────────────────

/** Past this many distinct texts the memo starts afresh, so a freak sheet cannot hold memory. */
const MEMO_LIMIT = 50_000;

/**
 * A parser for one ledger's context. Ledgers repeat the same few strings ("2019年底前",
 * "长期坚持") thousands of times, so texts, numbers and days are memoized: a repeat is one
 * Map lookup. Results are frozen, since every repeat shares one object.
 */
export function createDeadlineParser(ctx: DeadlineContext): (value: CellValue) => Deadline {
  const context: DeadlineContext = { baseYear: ctx.baseYear, baseDate: ctx.baseDate, asOf: ctx.asOf ?? null };
  const texts = new Map<string, Deadline>();
  const numbers = new Map<number, Deadline>();
  const days = new Map<string, Deadline>();
  // Looked up before anything is made: a closure per call would be garbage on every row.
  function remember<K>(memo: Map<K, Deadline>, key: K, parsed: Deadline): Deadline {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, parsed);
    return parsed;
  }
  return (value) => {
    if (typeof value === "string") return texts.get(value) ?? remember(texts, value, parseDeadlineText(value, context));
    if (typeof value === "number") return numbers.get(value) ?? remember(numbers, value, parseNumber(value));
    if (value !== null && isDayCell(value)) return days.get(value.day) ?? remember(days, value.day, parseDeadline(value, context));
    return parseDeadline(value, context);
  };
}

// ─── Years named in a text ──────────────────────────────────────────────────────────────────

const NAMED_YEAR = /(?<!\d)(\d{4})(?=年|[-/.]\d|[Qq][1-4]|$)|(?<!\d)(\d{2})年(?=\d{1,2}月|第?[1-4]季|[上下]半年|[底末终]|全年)/g;

/**
 * The years a text names, in order, each once: 2019年, 二〇一九年, 2019-06-30, 2019.6, 2019Q3,
 * a bare 2019, and 19年6月 (as 2019). Four-digit years outside 1900–2100 are not counted:
 * the base-year rule should not be swayed by "1000年" or a stray code.
 */
export function explicitYears(text: string): number[] {
  const years: number[] = [];
  for (const m of foldText(text).matchAll(NAMED_YEAR)) {
    const year = m[1] !== undefined ? Number(m[1]) : 2000 + Number(m[2]);
    if (isPlainYear(year) && !years.includes(year)) years.push(year);
  }
  return years;
}
