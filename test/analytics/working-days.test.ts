/** Reply days: working days after the day of issue, weekends skipped. */
import { describe, expect, it } from "vitest";
import { addWorkingDays, weekday } from "../../analytics/working-days.js";

describe("working days", () => {
  it("knows the day of the week", () => {
    expect(weekday("1970-01-01")).toBe(4);
    expect(weekday("2019-10-31")).toBe(4);
    expect(weekday("2019-11-02")).toBe(6);
    expect(weekday("1969-12-28")).toBe(0);
  });

  it("skips Saturdays and Sundays", () => {
    // Thursday + 5 working days: Fri, Mon, Tue, Wed, Thu.
    expect(addWorkingDays("2019-10-31", 5)).toBe("2019-11-07");
    // From a Saturday the first working day is Monday.
    expect(addWorkingDays("2019-11-02", 1)).toBe("2019-11-04");
    // Friday + 1 is Monday.
    expect(addWorkingDays("2019-11-01", 1)).toBe("2019-11-04");
    expect(addWorkingDays("2019-11-01", 0)).toBe("2019-11-01");
  });
});
