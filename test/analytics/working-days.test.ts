/**
 * Reply days: working days after the day of issue, by the State Council's holiday schedule
 * (holidays off, 调休 weekends on) where it is known, Monday to Friday where it is not.
 */
import { describe, expect, it } from "vitest";
import { addWorkingDays, holidayScheduleKnown, isWorkingDay, weekday } from "../../analytics/working-days.js";

describe("working days", () => {
  it("knows the day of the week", () => {
    expect(weekday("1970-01-01")).toBe(4);
    expect(weekday("2019-10-31")).toBe(4);
    expect(weekday("2019-11-02")).toBe(6);
    expect(weekday("1969-12-28")).toBe(0);
  });

  it("skips Saturdays and Sundays", () => {
    // Thursday + 5 working days: Fri, Mon, Tue, Wed, Thu.
    expect(addWorkingDays("2019-10-31", 5)).toEqual({ day: "2019-11-07", estimatedYears: [] });
    // From a Saturday the first working day is Monday.
    expect(addWorkingDays("2019-11-02", 1).day).toBe("2019-11-04");
    // Friday + 1 is Monday.
    expect(addWorkingDays("2019-11-01", 1).day).toBe("2019-11-04");
    expect(addWorkingDays("2019-11-01", 0).day).toBe("2019-11-01");
  });

  it("skips public holidays and counts the weekends worked in their place (调休)", () => {
    // 国庆节 2026: 1–7 October off; Sunday 20 September and Saturday 10 October worked.
    expect(isWorkingDay("2026-10-05")).toBe(false);
    expect(isWorkingDay("2026-09-20")).toBe(true);
    expect(isWorkingDay("2026-10-10")).toBe(true);
    // Issued Wednesday 30 September, 1 working day: Thursday 8 October, not 1 October.
    expect(addWorkingDays("2026-09-30", 1).day).toBe("2026-10-08");
    // Issued Friday 9 October, 1 working day: the Saturday worked in lieu.
    expect(addWorkingDays("2026-10-09", 1).day).toBe("2026-10-10");
    // 春节 2026: 15–23 February off, Saturday 14 February worked. Issued Friday 13, 3 working
    // days: Saturday 14, Tuesday 24, Wednesday 25.
    expect(addWorkingDays("2026-02-13", 3)).toEqual({ day: "2026-02-25", estimatedYears: [] });
  });

  it("counts a year whose schedule is not published Monday to Friday, and says which", () => {
    expect(holidayScheduleKnown(2026)).toBe(true);
    expect(holidayScheduleKnown(2099)).toBe(false);
    // Issued Friday 25 December 2026, 5 working days: Mon 28, Tue 29, Wed 30, Thu 31 Dec, then
    // Friday 1 January 2027, a holiday in every year but counted here as the schedule is unknown.
    expect(addWorkingDays("2026-12-25", 5)).toEqual({ day: "2027-01-01", estimatedYears: [2027] });
    expect(addWorkingDays("2099-10-01", 1)).toEqual({ day: "2099-10-02", estimatedYears: [2099] });
  });
});
