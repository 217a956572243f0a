/**
 * Deadlines the contract added (§4): 事不隔夜, recurring duties, spans counted from a start,
 * English trackers' phrases, and years no ledger means. The as-of day is 2026-11-30 (a Monday).
 */
import { describe, expect, it } from "vitest";
import { parseDeadline, parseDeadlineText, type DeadlineContext } from "../../analytics/deadline.js";
import { nextOccurrence, relativeDue } from "../../analytics/deadline-cycle.js";

const CTX: DeadlineContext = { baseYear: 2026, baseDate: "2026-11-20", asOf: "2026-11-30" };
const read = (text: string) => parseDeadlineText(text, CTX);

describe("immediate", () => {
  it.each(["事不隔夜", "立行立改", "当日办结"])("%s is due on the document's date", (text) => {
    expect(read(text)).toMatchObject({ kind: "immediate", date: "2026-11-20" });
  });
});

describe("recurring: the next occurrence on or after the as-of day", () => {
  it.each([
    ["每月28日前", "2026-12-28"],
    ["每月30日前报送", "2026-11-30"],
    ["每月5号", "2026-12-05"],
    ["每季度第1个月的20日前", "2027-01-20"],
    ["每季度第一个月20日前", "2027-01-20"],
    ["每季度末", "2026-12-31"],
    ["每周五前", "2026-12-04"],
    ["每周一", "2026-11-30"],
    ["每年6月30日前", "2027-06-30"],
  ])("%s → %s", (text, date) => {
    expect(read(text)).toMatchObject({ kind: "recurring", date });
  });

  it("has no date without an as-of day", () => {
    expect(parseDeadlineText("每月28日前", { baseYear: 2026, baseDate: null })).toMatchObject({ kind: "recurring", date: null });
  });

  it.each([
    ["每月", "2026-11-30"],
    ["每月底前报送", "2026-11-30"],
    ["每季度", "2026-12-31"],
    ["每半年", "2026-12-31"],
    ["每年", "2026-12-31"],
    ["每周", "2026-12-04"],
  ])("a bare cadence %s falls due at the period's end: %s", (text, date) => {
    expect(read(text)).toMatchObject({ kind: "recurring", date });
  });

  it("每两月 names no months to count from: recurring, with no date", () => {
    expect(read("每两月")).toMatchObject({ kind: "recurring", date: null });
  });

  it("定期 names no cadence: a standing duty", () => {
    expect(read("定期开展").kind).toBe("ongoing");
  });

  it("clamps a day to a short month", () => {
    expect(nextOccurrence({ every: "month", day: 31 }, "2027-02-01")).toBe("2027-02-28");
  });
});

describe("relative: a span with no date until a start is known", () => {
  it.each([
    ["2个月内", { amount: 2, unit: "month" }],
    ["10天之内", { amount: 10, unit: "day" }],
    ["短期(6个月内)", { amount: 6, unit: "month" }],
    ["三个月内", { amount: 3, unit: "month" }],
    ["15个工作日内", { amount: 15, unit: "workday" }],
    ["一周内完成", { amount: 1, unit: "week" }],
    ["半个月内", { amount: 0.5, unit: "month" }],
    ["within 30 days", { amount: 30, unit: "day" }],
    ["原则上必须在100天内完成整改", { amount: 100, unit: "day" }],
  ])("%s", (text, span) => {
    expect(read(text)).toMatchObject({ kind: "relative", date: null, span });
  });

  it.each([
    ["2026-01-15", { amount: 2, unit: "month" } as const, "2026-03-15"],
    ["2026-01-31", { amount: 1, unit: "month" } as const, "2026-02-28"],
    ["2026-01-15", { amount: 10, unit: "day" } as const, "2026-01-25"],
    ["2026-11-27", { amount: 3, unit: "workday" } as const, "2026-12-02"],
  ])("from %s, %j ends on %s", (start, span, due) => {
    expect(relativeDue(start, span)).toBe(due);
  });

  it("a span of years is a plan's horizon, not read", () => {
    expect(read("3年内").kind).toBe("unparsed");
  });
});

describe("English", () => {
  it.each([
    ["end of 2026", "2026-12-31"],
    ["By end of 2026", "2026-12-31"],
    ["Q3 2026", "2026-09-30"],
    ["2026 Q1", "2026-03-31"],
    ["H1 2026", "2026-06-30"],
    ["June 2026", "2026-06-30"],
    ["end of June 2026", "2026-06-30"],
    ["June 30, 2026", "2026-06-30"],
    ["30 June 2026", "2026-06-30"],
    ["Sept 15, 2026", "2026-09-15"],
  ])("%s → %s", (text, date) => {
    expect(read(text)).toMatchObject({ kind: "date", date });
  });

  it.each([["ongoing", "ongoing"], ["Continuous", "ongoing"], ["Immediately", "immediate"], ["TBD", "unparsed"]])("%s is %s", (text, kind) => {
    expect(read(text).kind).toBe(kind);
  });
});

describe("years no ledger means", () => {
  it.each(["0099年12月31日", "0099年", "2202年6月", "end of 2302"])("%s is unparsed and says which year", (text) => {
    const d = read(text);
    expect(d.kind).toBe("unparsed");
    expect(d.date).toBeNull();
    expect(d.notes[0]).toMatchObject({ kind: "implausible-year" });
  });

  it("a date cell in year 99 is no deadline either", () => {
    expect(parseDeadline({ day: "0099-12-31" }, CTX)).toMatchObject({ kind: "unparsed", notes: [{ kind: "implausible-year", year: 99 }] });
  });
});

describe("holidays with a fixed day", () => {
  it.each([
    ["争取“十一”之前", "2026-09-30"],
    ["国庆节前", "2026-09-30"],
    ["七一前完成", "2026-06-30"],
    ["元旦前", "2026-12-31"],
  ])("%s → %s (the base year's)", (text, date) => {
    expect(read(text)).toMatchObject({ kind: "date", date });
  });

  it("春节 moves with the moon: not read", () => {
    expect(read("春节前").kind).toBe("unparsed");
  });
});

describe("remarks after an English date", () => {
  it("keeps the date of “2026-07-22 (Phase 8, Weeks 29-30) - Adjusted to exactly 180 days”", () => {
    expect(read("2026-07-22 (Phase 8, Weeks 29-30) - Adjusted to exactly 180 days from creation date")).toMatchObject({ kind: "date", date: "2026-07-22" });
  });
});
