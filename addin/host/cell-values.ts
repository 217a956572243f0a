/**
 * Cell values between Office.js and the core's sheet model.
 *
 * Office.js hands back a date cell as its serial number and an error as text ("#N/A"); only
 * the number format tells a date from a number. Writing, it parses text the way typing does:
 * "2019/9/30" would become a date, "3" a number, "#N/A" an error, so text that could be
 * misread is written with the apostrophe prefix, as a clerk would type it.
 */
import { dayToSerial, serialToDay } from "../../analytics/day.js";
import { isFormulaValue, type PlanValue } from "../../analytics/normalize/types.js";
import { isDateFormatCode, isPercentFormatCode } from "../../analytics/sheet/numfmt.js";
import { isDayCell, isErrorCell, type CellValue } from "../../analytics/sheet/sheet-model.js";

/** Error values Excel shows; Office.js returns them as these strings. */
const ERROR_VALUES = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);

export interface ReadCell {
  readonly value: CellValue;
  /** A number shown as a percentage (80% is 0.8 in the cell). */
  readonly percent: boolean;
}

const EMPTY: ReadCell = { value: null, percent: false };

/** One cell from `values` (or `formulas`) and `numberFormat`. */
export function cellFromOffice(raw: unknown, format: unknown): ReadCell {
  if (raw === "" || raw === null || raw === undefined) return EMPTY;
  if (typeof raw === "number") {
    const code = typeof format === "string" ? format : "";
    if (code !== "" && isDateFormatCode(code)) {
      const day = serialToDay(raw);
      if (day !== null) return { value: { day }, percent: false };
    }
    return { value: raw, percent: code !== "" && isPercentFormatCode(code) };
  }
  if (typeof raw === "boolean") return { value: raw, percent: false };
  const text = String(raw);
  if (ERROR_VALUES.has(text)) return { value: { error: text }, percent: false };
  return { value: text, percent: false };
}

/** What a write puts into `formulas`: a formula, a number, a boolean, or text as typed. */
export type OfficeInput = string | number | boolean;

/** True when Excel would read typed text as something else (number, date, formula, error, boolean). */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@#'\s]/u.test(text)) return true;
  if (/^(true|false)$/iu.test(text)) return true;
  // Digits (half- or full-width) may parse as a number, date, time, fraction or percentage,
  // and Chinese-locale Excel reads "6月30日" or "2019年6月" as dates.
  return /[0-9\uFF10-\uFF19]/u.test(text);
}

/** The input that makes a cell hold exactly `value`. Dates need the date format set with them. */
export function officeInput(value: PlanValue): OfficeInput {
  if (value === null) return "";
  if (typeof value === "string") return needsTextPrefix(value) ? `'${value}` : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (isFormulaValue(value)) return `=${value.formula}`;
  if (isDayCell(value)) return dayToSerial(value.day);
  if (isErrorCell(value)) return value.error; // typed #N/A is the error itself
  return "";
}

/** A formula as it reads back from `formulas` ("=ROW()-5"), or null for a constant. */
export function formulaText(raw: unknown): string | null {
  return typeof raw === "string" && raw.startsWith("=") ? raw.slice(1) : null;
}
