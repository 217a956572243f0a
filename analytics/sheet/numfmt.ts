/**
 * What a cell's number format says about its number: a calendar day, a percentage, or
 * neither. Excel stores dates as serial numbers; only the format tells them apart.
 */

/** Built-in format ids that show a date (14–17, 22; 27–36 and 50–58 are the CJK date formats). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_PERCENT_IDS = new Set([9, 10]);

/** The parts of a format code that are shown literally, which must not be read as tokens. */
function stripLiterals(code: string): string {
  return code
    .replace(/"[^"]*"/gu, "")
    .replace(/\\./gu, "")
    .replace(/_./gu, "")
    .replace(/\*./gu, "");
}

/** Only the first section of a format counts for positive numbers, which dates are. */
function firstSection(code: string): string {
  return stripLiterals(code).split(";")[0] ?? "";
}

export function isDateFormatCode(code: string): boolean {
  // [Red], [$-804] and [DBNum1] are not date tokens; [h], [mm] and [ss] are elapsed time.
  const section = firstSection(code).replace(/\[[^\]]*\]/gu, (b) => (/^\[[hms]+\]$/iu.test(b) ? b : ""));
  if (/\[[hms]+\]/iu.test(section)) return false;
  if (/[yd年月日]/iu.test(section)) return true;
  // A lone "m" is minutes when it follows h or precedes s, a month otherwise.
  return /m/iu.test(section) && !/h[^a-z]*m|m[^a-z]*s/iu.test(section);
}

export function isPercentFormatCode(code: string): boolean {
  return firstSection(code).includes("%");
}

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code !== undefined) return isDateFormatCode(code);
  return BUILTIN_DATE_IDS.has(id);
}

export function isPercentFormat(id: number, code: string | undefined): boolean {
  if (code !== undefined) return isPercentFormatCode(code);
  return BUILTIN_PERCENT_IDS.has(id);
}
