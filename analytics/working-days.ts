/**
 * Working days for reply deadlines (请于…前书面报告): the State Council's holiday schedule,
 * public holidays off and the weekends worked in their place (调休) on, from the published
 * schedules the maintained `chinese-days` package holds (2004 on, each added when published in
 * November for the next year). A year it does not hold is counted Monday to Friday, and the
 * answer says so.
 *
 * Its table of days is read here, not its functions: they read a "YYYY-MM-DD" string as UTC
 * midnight and ask the local calendar, so west of Greenwich every day was the day before.
 */
import schedule from "chinese-days/dist/chinese-days.json";
import { addDays, dayNumber, type Day } from "./day.js";

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekday(day: Day): number {
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

const HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(schedule.holidays));
/** Weekends worked in place of a holiday (调休上班). */
const WORKED_WEEKENDS: ReadonlySet<string> = new Set(Object.keys(schedule.workdays));
const KNOWN_YEARS: ReadonlySet<number> = new Set([...HOLIDAYS].map((day) => Number(day.slice(0, 4))));

/** Whether the holiday schedule of `year` is known here. */
export function holidayScheduleKnown(year: number): boolean {
  return KNOWN_YEARS.has(year);
}

export function isWorkingDay(day: Day): boolean {
  if (WORKED_WEEKENDS.has(day)) return true;
  if (HOLIDAYS.has(day)) return false;
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

export interface WorkingDaysAfter {
  /** The day `n` working days after the start (the start itself not counted); n = 0 is the start. */
  readonly day: Day;
  /** Years counted Monday to Friday because their holiday schedule is not known here. */
  readonly estimatedYears: readonly number[];
}

export function addWorkingDays(day: Day, n: number): WorkingDaysAfter {
  let current = day;
  let left = n;
  const estimated = new Set<number>();
  while (left > 0) {
    current = addDays(current, 1);
    const year = Number(current.slice(0, 4));
    if (!holidayScheduleKnown(year)) estimated.add(year);
    if (isWorkingDay(current)) left--;
  }
  return { day: current, estimatedYears: [...estimated] };
}
