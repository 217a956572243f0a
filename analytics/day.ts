/**
 * Calendar days as ISO strings ("2019-06-30"). A deadline is a day, not an instant: nothing
 * here reads the machine's time zone, so a day never moves when the clock's zone does.
 * date-fns does the calendar arithmetic on local-midnight dates built from (y, m, d) and
 * read back the same way, which keeps every step zone-neutral.
 */
import { addDays as addDaysToDate, lastDayOfMonth } from "date-fns";

export type Day = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(day: Day): Date {
  const m = ISO_DAY.exec(day);
  if (!m) throw new RangeError(`not an ISO day: ${day}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromDate(date: Date): Day {
  return formatDay(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

export function formatDay(year: number, month: number, day: number): Day {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** True when y-m-d is a real calendar day (no 2月30日, no month 13). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function isIsoDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  return m !== null && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function daysInMonth(year: number, month: number): number {
  return lastDayOfMonth(new Date(year, month - 1, 1)).getDate();
}

export function endOfMonth(year: number, month: number): Day {
  return formatDay(year, month, daysInMonth(year, month));
}

export function addDays(day: Day, days: number): Day {
  return fromDate(addDaysToDate(toDate(day), days));
}

/** b − a in whole calendar days. */
export function daysBetween(a: Day, b: Day): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Days since 1970-01-01 for an ISO day: plain UTC arithmetic, no zone involved. Overdue is
 * counted for every item of a sheet, so this is the hot path and skips Date objects' zones.
 */
export function dayNumber(day: Day): number {
  const ms = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round(ms / 86_400_000);
}

export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

/** Today in the given IANA zone (default Asia/Shanghai, where the users sit). */
export function today(timeZone = "Asia/Shanghai", now: Date = new Date()): Day {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
const MS_PER_DAY = 86_400_000;

/**
 * An Excel date serial as a calendar day: 43646 is 2019-06-30 everywhere. The fraction (time
 * of day) is dropped. Pure UTC arithmetic, so the host's zone plays no part. Serials below 61
 * fall before Excel's phantom 1900-02-29 and are shifted back by one, as Excel displays them.
 */
export function serialToDay(serial: number, date1904 = false): Day | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const whole = Math.floor(serial);
  const epoch = date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900;
  const adjusted = !date1904 && whole < 61 ? whole + 1 : whole;
  const d = new Date(epoch + adjusted * MS_PER_DAY);
  return formatDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The Excel serial of a calendar day (1900 system), for writing date cells back. */
export function dayToSerial(day: Day): number {
  const m = ISO_DAY.exec(day);
  if (!m) throw new RangeError(`not an ISO day: ${day}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const serial = Math.round((ms - EXCEL_EPOCH_1900) / MS_PER_DAY);
  return serial < 61 ? serial - 1 : serial;
}
