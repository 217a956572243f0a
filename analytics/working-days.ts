/**
 * Working days for reply deadlines (请于…前书面报告): Monday to Friday. Public holidays and the
 * weekends worked in their place (调休) change every year by State Council notice and are not
 * known here; a notice's reply day can be set by hand where they matter.
 */
import { addDays, dayNumber, type Day } from "./day.js";

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekday(day: Day): number {
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

export function isWorkingDay(day: Day): boolean {
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/** The day `n` working days after `day` (the day itself not counted); n = 0 is the day itself. */
export function addWorkingDays(day: Day, n: number): Day {
  let current = day;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}
