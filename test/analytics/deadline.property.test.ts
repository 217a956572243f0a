/**
 * Properties of the deadline reader that must hold for any text, not just the phrases in
 * deadline.test.ts: it never throws, never invents a day that does not exist, reads its own
 * output back, reads every way of writing a day as that day, and memoizes faithfully.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDeadlineParser, explicitYears, parseDeadline, parseDeadlineText, type Deadline, type DeadlineContext } from "../../analytics/deadline.js";
import { dayToSerial, daysInMonth, endOfMonth, formatDay, isIsoDay } from "../../analytics/day.js";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";

const KINDS = ["date", "ongoing", "immediate", "none", "unparsed", "recurring", "relative"];

/** The words deadline cells are made of, to build strings that come close to real phrases. */
const VOCABULARY = [
  "2019", "2020", "1900", "9999", "0001", "二〇一九", "二零二〇", "19", "年", "月", "日", "号", "1", "2", "6", "9", "10", "12",
  "29", "30", "31", "一", "二", "三", "六", "十", "十一", "二十", "三十", "廿", "底", "末", "份", "前", "之前", "以前", "前后",
  "完成", "整改", "到位", "为止", "截止", "上旬", "中旬", "下旬", "初", "中", "上半年", "下半年", "季度", "季", "第", "Q",
  "全年", "任务", "年内", "年度", "内", "今", "明", "次", "-", "—", "~", "至", "到", "起", "/", ".", "，", "；", "、", "(", ")",
  "（", "）", "并", "长期坚持", "持续推进", "常态化", "每月", "立行立改", "立即", "：", "完成时限", "力争于", " ", "\u3000", "\n",
  "２", "〇", "O", "尽快", "已",
];

const vocabularyText = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }).map((words) => words.join(""));

/** Phrases shaped like real ones (a year, a period, trailing words, a second clause), many of them readable. */
const phraseText = fc
  .tuple(
    fc.constantFrom("", "", "2019年", "2020年", "二〇一九年", "19年", "今年", "明年", "2019", "2019.", "2019-", "0001年", "9999年"),
    fc.constantFrom("", "6月", "2月", "12月", "十一月", "6月30日", "2月29日", "2月30日", "6月底", "6月份", "6月上旬", "6月下旬", "三季度", "第一季度", "Q4", "上半年", "下半年", "年底", "全年", "年内", "6", "6.30", "1"),
    fc.constantFrom("", "", "前", "之前", "前完成", "底前", "完成", "(前)", "为止", "—6月", "至12月", "-2020年6月", "至20日"),
    fc.constantFrom("", "", "，长期坚持", "，年底前全面完成", "；立行立改", "并持续推进", "，尽快"),
  )
  .map((parts) => parts.join(""));

/** Any text: ASCII, any code point, graphemes, and strings of the deadline vocabulary. */
const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), vocabularyText, phraseText, phraseText);

/** A valid calendar day, built from its parts so no Date (and no time zone) is involved. */
const calendarDay = fc
  .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

/** Contexts as callers build them, and some they should not (a base year out of range, a bad base date). */
const anyContext: fc.Arbitrary<DeadlineContext> = fc.record({
  baseYear: fc.oneof(fc.constant(null), fc.integer({ min: 1900, max: 2100 }), fc.integer(), fc.constant(Number.NaN)),
  baseDate: fc.oneof(fc.constant(null), calendarDay.map(({ year, month, day }) => formatDay(year, month, day)), fc.string()),
});

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  anyText,
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: 15_000, max: 90_000 }),
  fc.constantFrom(2019, 2019.1, 2019.6, 20190630),
  calendarDay.map(({ year, month, day }) => ({ day: formatDay(year, month, day) })),
  fc.constantFrom({ error: "#N/A" }, { error: "#REF!" }, { day: "2019-02-30" }),
);

/** A known kind; a date exactly for kind "date" (and maybe "immediate"), always a real day; none is all-empty. */
function isWellFormed(d: Deadline): boolean {
  if (!KINDS.includes(d.kind)) return false;
  if (d.date !== null && !isIsoDay(d.date)) return false;
  if (d.kind === "date") return d.date !== null;
  if (d.kind === "none") return d.raw === null && d.date === null && d.notes.length === 0;
  return d.kind === "immediate" || d.date === null;
}

const CHINESE_DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 2019 → 二〇一九 (year digits), 31 → 三十一 (month and day numbers). */
function chineseYear(year: number): string {
  return [...String(year)].map((d) => CHINESE_DIGITS[Number(d)]).join("");
}
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? "" : tens === 1 ? "十" : `${CHINESE_DIGITS[tens]}十`;
  return head + (ones === 0 && tens > 0 ? "" : CHINESE_DIGITS[ones]);
}

describe("deadline properties", () => {
  it("never throws, and every result is well formed, for any text and context", () => {
    fc.assert(
      fc.property(anyText, anyContext, (text, ctx) => {
        expect(isWellFormed(parseDeadlineText(text, ctx))).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it("never throws on any cell value", () => {
    fc.assert(
      fc.property(anyCell, anyContext, (value, ctx) => {
        expect(isWellFormed(parseDeadline(value, ctx))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("every date it returns is a real calendar day", () => {
    fc.assert(
      fc.property(anyCell, anyContext, (value, ctx) => {
        const { date } = parseDeadline(value, ctx);
        expect(date === null || isIsoDay(date)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads its own output back as the same day, with no note", () => {
    fc.assert(
      fc.property(anyCell, anyContext, anyContext, (value, ctx, other) => {
        const { date } = parseDeadline(value, ctx);
        if (date === null) return;
        expect(parseDeadlineText(date, other)).toEqual({ raw: date, date, kind: "date", notes: [] });
      }),
      { numRuns: 2_000 },
    );
  });

  it("is empty exactly when the text is blank", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const blank = text.trim() === "";
        const d = parseDeadlineText(text, { baseYear: 2019, baseDate: null });
        if (blank) expect(d.kind).toBe("none");
        if (d.kind !== "none") expect(d.raw).toBe(text.trim());
      }),
      { numRuns: 2_000 },
    );
  });

  it("never guesses a year: what it reads without a base year, it reads the same with one", () => {
    fc.assert(
      fc.property(fc.oneof(vocabularyText, phraseText), anyContext, (text, ctx) => {
        const alone = parseDeadlineText(text, { baseYear: null, baseDate: null });
        if (alone.kind !== "date") return;
        expect(alone.notes.some((n) => n.kind === "year-inferred")).toBe(false);
        expect(parseDeadlineText(text, ctx)).toEqual(alone);
      }),
      { numRuns: 3_000 },
    );
  });

  it("reads every way of writing a day as that day", () => {
    fc.assert(
      fc.property(calendarDay, anyContext, ({ year, month, day }, ctx) => {
        const iso = formatDay(year, month, day);
        const mm = String(month).padStart(2, "0");
        const dd = String(day).padStart(2, "0");
        const written = [
          iso,
          `${year}/${month}/${day}`,
          `${year}.${month}.${day}`,
          `${year}${mm}${dd}`,
          `${year}年${month}月${day}日`,
          `${year}年${month}月${day}日前完成`,
          `完成时限：${year}年${month}月${day}号之前`,
          `${chineseYear(year)}年${chineseNumber(month)}月${chineseNumber(day)}日`,
          `${year}年${month}月${day}日，长期坚持`,
        ];
        for (const text of written) expect(parseDeadlineText(text, ctx).date, text).toBe(iso);
        expect(parseDeadline({ day: iso }, ctx).date).toBe(iso);
        expect(explicitYears(`${year}年${month}月${day}日`)).toEqual([year]);
      }),
      { numRuns: 1_000 },
    );
  });

  it("reads a month as its last day, and 'before the month' as the day before it starts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const end = endOfMonth(year, month);
        const ctx = { baseYear: null, baseDate: null };
        expect(parseDeadlineText(`${year}年${month}月底前`, ctx)).toEqual({ raw: `${year}年${month}月底前`, date: end, kind: "date", notes: [] });
        expect(parseDeadlineText(`${year}年${month}月`, ctx).date).toBe(end);
        const before = parseDeadlineText(`${year}年${month}月前`, ctx);
        const literal = month === 1 ? formatDay(year - 1, 12, 31) : endOfMonth(year, month - 1);
        expect(before.date).toBe(literal);
        expect(before.notes).toEqual([{ kind: "ambiguous", otherReading: end, explanation: expect.any(String) as string }]);
      }),
    );
  });

  it("reads an Excel serial as the day Excel shows, in any time zone", () => {
    fc.assert(
      fc.property(calendarDay, (d) => {
        const iso = formatDay(d.year, d.month, d.day);
        const serial = dayToSerial(iso);
        if (serial < 20_000 || serial > 80_000) return;
        expect(parseDeadline(serial, { baseYear: null, baseDate: null }).date).toBe(iso);
        expect(parseDeadline(serial + 0.75, { baseYear: null, baseDate: null }).date).toBe(iso);
      }),
    );
  });

  it("the memoized parser returns what the plain one does, repeats included", () => {
    fc.assert(
      fc.property(anyContext, fc.array(anyCell, { minLength: 1, maxLength: 30 }), (ctx, values) => {
        const parse = createDeadlineParser(ctx);
        for (const v of [...values, ...values]) expect(parse(v)).toEqual(parseDeadline(v, ctx));
      }),
      { numRuns: 500 },
    );
  });

  it("reads long cells in linear time (no regex backtracking blow-up)", () => {
    const ctx = { baseYear: 2019, baseDate: null };
    const longTexts = [
      "前完成整改到位".repeat(3_000) + "X",
      "2019年6月底" + "前完成整改到位落实".repeat(3_000) + "X",
      "2019-".repeat(3_000),
      "5月至".repeat(3_000) + "6月",
      "长期坚持".repeat(3_000) + "尽快",
      "力争于确保截止".repeat(3_000),
    ];
    const start = performance.now();
    for (const t of longTexts) expect(parseDeadlineText(t, ctx).kind).toBe("unparsed");
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
