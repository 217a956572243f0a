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

/**
 * The codes of the built-in date formats as a Chinese Excel shows them (id 14 is 2019/6/30
 * there), for saying which format a date cell has; ids not listed are named by number.
 */
const BUILTIN_DATE_CODES: ReadonlyMap<number, string> = new Map([
  [14, "yyyy/m/d"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [22, "yyyy/m/d h:mm"],
  [27, 'yyyy"年"m"月"'],
  [28, 'm"月"d"日"'],
  [29, 'm"月"d"日"'],
  [30, "m-d-yy"],
  [31, 'yyyy"年"m"月"d"日"'],
  [57, 'yyyy"年"m"月"'],
  [58, 'm"月"d"日"'],
]);

/** The code of a date format: its own, or a built-in one's. */
export function dateFormatCode(id: number, code: string | undefined): string {
  return code ?? BUILTIN_DATE_CODES.get(id) ?? `[${id}]`;
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
