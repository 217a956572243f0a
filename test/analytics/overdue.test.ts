/**
 * The rule every "late" verdict rests on (contract §5): a deadline is the last day an item is on
 * time, so it falls overdue the day after; done and closed items are never overdue, but one
 * finished after its deadline is completed late; standing, recurring and dateless deadlines are
 * never overdue. One table of cases: deadline kind × status × the as-of day against the deadline.
 * Deadlines come from the core's own reader, as a ledger's cells would give them.
 */
import { describe, expect, it } from "vitest";
import { addDays, type Day } from "../../analytics/day.js";
import { parseDeadline, parseDeadlineText, type Deadline } from "../../analytics/deadline.js";
import { relativeDue } from "../../analytics/deadline-cycle.js";
import { assessTiming, createTimingAssessor, DEFAULT_DUE_SOON_DAYS, isCompleted, type Timing } from "../../analytics/overdue.js";
import type { StatusValue } from "../../analytics/status.js";

/** The ledger's base year and fill-in day, as a title row "2019年3月1日" would give them. */
const LEDGER = { baseYear: 2019, baseDate: "2019-03-01" } as const;

const written = (text: string, asOf: Day = "2019-07-10"): Deadline => parseDeadlineText(text, { ...LEDGER, asOf });

/** "2个月内" dated from the day the row was assigned, as the item reader dates it. */
function relative(text: string, start: Day): Deadline {
  const parsed = written(text);
  return { ...parsed, date: relativeDue(start, parsed.span!) };
}

describe("the deadlines the table rests on read as the contract says (§4)", () => {
  it.each([
    ["2019年6月30日", "date", "2019-06-30"],
    ["2019年6月底", "date", "2019-06-30"],
    ["三季度", "date", "2019-09-30"],
    ["年底前", "date", "2019-12-31"],
    ["立行立改", "immediate", "2019-03-01"],
    ["每月28日前", "recurring", "2019-07-28"],
    ["长期坚持", "ongoing", null],
    ["视情况而定", "unparsed", null],
  ] as const)("%s is %s, due %s", (text, kind, date) => {
    expect(written(text)).toMatchObject({ kind, date });
  });

  it("a relative deadline is dated from its start: 2个月内 from 2019-03-01 is 2019-05-01", () => {
    expect(relative("2个月内", "2019-03-01")).toMatchObject({ kind: "relative", date: "2019-05-01" });
  });
});

/** What a verdict says, in the fields a reader of the table can check at a glance. */
const verdict = (t: Timing) => ({ overdue: t.overdue, daysOverdue: t.daysOverdue, dueSoon: t.dueSoon, daysLeft: t.daysLeft });

const ON_TIME_FAR = { overdue: false, daysOverdue: 0, dueSoon: false } as const;
const NOT_JUDGED = { overdue: false, daysOverdue: 0, dueSoon: false, daysLeft: null } as const;

describe("an open item against its deadline, by as-of day", () => {
  // Each dated kind is checked the day before, on the day and the day after its deadline, and
  // outside the due-soon window: the edges are where a rule of "<" against "<=" would show.
  const dated: ReadonlyArray<readonly [string, Deadline]> = [
    ["an exact day (2019年6月30日)", written("2019年6月30日")],
    ["a month end (2019年6月底)", written("2019年6月底")],
    ["a quarter (三季度)", written("三季度")],
    ["the year end (年底前)", written("年底前")],
    ["a relative span (2个月内 from 交办 2019-03-01)", relative("2个月内", "2019-03-01")],
    ["an immediate duty (立行立改, due on the ledger's day)", written("立行立改")],
  ];

  describe.each(dated)("%s", (_, deadline) => {
    const due = deadline.date!;
    it.each([
      ["a month before", addDays(due, -30), { ...ON_TIME_FAR, daysLeft: 30 }],
      ["eight days before (outside the 7-day window)", addDays(due, -8), { ...ON_TIME_FAR, daysLeft: 8 }],
      ["seven days before (due soon)", addDays(due, -7), { overdue: false, daysOverdue: 0, dueSoon: true, daysLeft: 7 }],
      ["on the deadline (still on time, due soon)", due, { overdue: false, daysOverdue: 0, dueSoon: true, daysLeft: 0 }],
      ["the day after (overdue by 1)", addDays(due, 1), { overdue: true, daysOverdue: 1, dueSoon: false, daysLeft: -1 }],
      ["45 days after", addDays(due, 45), { overdue: true, daysOverdue: 45, dueSoon: false, daysLeft: -45 }],
    ] as const)("as of %s", (_, asOf, expected) => {
      expect(verdict(assessTiming(deadline, "in_progress", null, asOf))).toEqual(expected);
    });
  });

  it("the due-soon window is an option: 14 days makes a deadline 10 days off due soon", () => {
    const deadline = written("2019年6月30日");
    expect(assessTiming(deadline, "in_progress", null, "2019-06-20").dueSoon).toBe(false);
    expect(assessTiming(deadline, "in_progress", null, "2019-06-20", 14).dueSoon).toBe(true);
    expect(DEFAULT_DUE_SOON_DAYS).toBe(7);
  });

  it("days are calendar days across a month and a leap day", () => {
    expect(assessTiming(written("2020年2月28日"), "not_started", null, "2020-03-01")).toMatchObject({ overdue: true, daysOverdue: 2 });
    expect(assessTiming(written("2019年2月28日"), "not_started", null, "2019-03-01")).toMatchObject({ overdue: true, daysOverdue: 1 });
  });
});

describe("deadlines that are never overdue (§4, §5)", () => {
  const asOf = "2019-07-10";
  it.each([
    ["长期坚持 (a standing duty)", written("长期坚持")],
    ["每月28日前 (recurring: never overdue as a whole)", written("每月28日前", asOf)],
    ["视情况而定 (text nobody can read)", written("视情况而定")],
    ["an empty cell", parseDeadline(null, { ...LEDGER, asOf })],
    ["立行立改 with no ledger day to date it", parseDeadlineText("立行立改", { baseYear: 2019, baseDate: null })],
    ["2个月内 with no start day", written("2个月内")],
  ] as const)("%s", (_, deadline) => {
    for (const status of ["not_started", "in_progress", "unknown", null] as const) {
      expect(verdict(assessTiming(deadline, status, null, asOf)), String(status)).toEqual(NOT_JUDGED);
    }
  });

  it("a recurring deadline is not flagged even when its next day is close: the day moves on with the as-of day", () => {
    const deadline = written("每月28日前", "2019-07-25");
    expect(deadline.date).toBe("2019-07-28");
    expect(assessTiming(deadline, "in_progress", null, "2019-07-25")).toMatchObject({ overdue: false, dueSoon: false });
  });
});

describe("an item's status against a passed deadline (due 2019-06-30, as of 2019-07-10)", () => {
  const deadline = written("2019年6月30日");
  const asOf = "2019-07-10";
  const overdue10 = { overdue: true, daysOverdue: 10, dueSoon: false, daysLeft: -10 } as const;

  it.each([
    ["done (已完成)", "done", NOT_JUDGED],
    ["closed (已销号)", "closed", NOT_JUDGED],
    ["ongoing (长期坚持 in the status column)", "ongoing", NOT_JUDGED],
    ["in progress (推进中)", "in_progress", overdue10],
    ["not started (未开始)", "not_started", overdue10],
    ["unreadable (status-unknown): not proof of completion", "unknown", overdue10],
    ["empty: nothing says it is done", null, overdue10],
  ] as const)("%s", (_, status, expected) => {
    expect(verdict(assessTiming(deadline, status as StatusValue | null, null, asOf))).toEqual(expected);
  });

  it("completed counts done and closed, nothing else (§3)", () => {
    expect((["done", "closed", "in_progress", "not_started", "ongoing", "unknown", null] as const).filter(isCompleted)).toEqual(["done", "closed"]);
  });
});

describe("completed late (逾期完成): finished after the deadline, a finding and not overdue (§5)", () => {
  const deadline = written("2019年6月30日");
  const asOf = "2019-07-10";

  it.each([
    ["done on 2019-07-05", "done", "2019-07-05", 5],
    ["closed on 2019-07-01", "closed", "2019-07-01", 1],
    ["done on the deadline", "done", "2019-06-30", null],
    ["done early", "done", "2019-05-20", null],
    ["done with no completion day given", "done", null, null],
  ] as const)("%s → late by %s", (_, status, completedOn, lateBy) => {
    const timing = assessTiming(deadline, status, completedOn, asOf);
    expect(timing.completedLateBy).toBe(lateBy);
    expect(timing.overdue).toBe(false);
    expect(timing.dueSoon).toBe(false);
  });

  it("a completion day on an open item does not make it completed late, nor excuse it", () => {
    const timing = assessTiming(deadline, "in_progress", "2019-07-05", asOf);
    expect(timing).toMatchObject({ overdue: true, daysOverdue: 10, completedLateBy: null });
  });

  it("a standing duty is never completed late", () => {
    expect(assessTiming(written("长期坚持"), "done", "2019-07-05", asOf).completedLateBy).toBeNull();
  });
});

describe("the sheet's assessor, remembered per deadline and status", () => {
  it("gives exactly what assessTiming gives, with and without a completion day", () => {
    const asOf = "2019-07-10";
    const assess = createTimingAssessor(asOf, 10);
    const deadlines = ["2019年6月30日", "2019年7月15日", "2019年7月25日", "长期坚持", "每月28日前", "视情况而定"].map((t) => written(t, asOf));
    const statuses = ["done", "closed", "in_progress", "not_started", "ongoing", "unknown", null] as const;
    for (const deadline of deadlines) {
      for (const status of statuses) {
        for (const completedOn of [null, "2019-07-05"] as const) {
          // Twice: the second answer comes from the memo.
          const expected = assessTiming(deadline, status, completedOn, asOf, 10);
          expect(assess(deadline, status, completedOn)).toEqual(expected);
          expect(assess(deadline, status, completedOn)).toEqual(expected);
        }
      }
    }
  });
});
