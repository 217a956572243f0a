import { describe, expect, it } from "vitest";
import { addDays, dayToSerial, daysBetween, endOfMonth, isIsoDay, serialToDay, today } from "../../analytics/day.js";

describe("calendar days", () => {
  it("reads Excel serials as the same day in every time zone", () => {
    expect(serialToDay(43646)).toBe("2019-06-30");
    expect(serialToDay(43646.99)).toBe("2019-06-30");
    expect(serialToDay(1)).toBe("1900-01-01");
    expect(serialToDay(61)).toBe("1900-03-01");
    expect(serialToDay(42185, true)).toBe("2019-07-01");
  });

  it("writes days back as the serials Excel uses", () => {
    for (const day of ["2019-06-30", "2020-02-29", "1900-01-01", "2038-01-19"]) {
      expect(serialToDay(dayToSerial(day))).toBe(day);
    }
    expect(dayToSerial("2019-06-30")).toBe(43646);
  });

  it("rejects serials that are no day", () => {
    expect(serialToDay(0)).toBeNull();
    expect(serialToDay(Number.NaN)).toBeNull();
    expect(serialToDay(3_000_000)).toBeNull();
  });

  it("does calendar arithmetic across month, year and DST edges", () => {
    expect(endOfMonth(2019, 2)).toBe("2019-02-28");
    expect(endOfMonth(2020, 2)).toBe("2020-02-29");
    expect(addDays("2019-12-31", 1)).toBe("2020-01-01");
    expect(addDays("2019-03-09", 2)).toBe("2019-03-11"); // US DST starts 2019-03-10
    expect(daysBetween("2019-03-09", "2019-03-11")).toBe(2);
    expect(daysBetween("2019-11-02", "2019-11-04")).toBe(2); // US DST ends 2019-11-03
    expect(daysBetween("2019-06-30", "2019-06-01")).toBe(-29);
  });

  it("validates ISO days", () => {
    expect(isIsoDay("2019-02-29")).toBe(false);
    expect(isIsoDay("2020-02-29")).toBe(true);
    expect(isIsoDay("2019-6-30")).toBe(false);
  });

  it("takes today in China by default, whatever the machine's zone", () => {
    const lateEveningUtc = new Date(Date.UTC(2019, 5, 30, 17, 0)); // 01:00 on 07-01 in Beijing
    expect(today("Asia/Shanghai", lateEveningUtc)).toBe("2019-07-01");
    expect(today("UTC", lateEveningUtc)).toBe("2019-06-30");
  });
});
