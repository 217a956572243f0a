/**
 * Values between exceljs cells and the plan: what a cell holds, in the sheet model's terms (to
 * check an edit's `before`), and what an edit writes.
 */
import type ExcelJS from "exceljs";
import { dayToSerial } from "../../day.js";
import type { CellValue } from "../../sheet/model.js";
import { isDayValue, isErrorValue, isFormulaValue, type EditValue } from "../../normalize/types.js";

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return { day: utcDay(value) };
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return { error: value.error };
  if ("formula" in value || "sharedFormula" in value) return plain((value.result ?? null) as ExcelJS.CellValue);
  if ("hyperlink" in value) {
    const text = value.text as unknown;
    return typeof text === "object" && text !== null ? plain(text as ExcelJS.CellValue) : String(text ?? "");
  }
  return null;
}

/** A cell's value as the sheet model has it: rich text and links as text, formulas as results. */
export function modelValueOf(cell: ExcelJS.Cell): CellValue {
  return plain(cell.value);
}

/** A value's serial day number, for values that are numbers or days; null for the rest. */
function serialOf(v: CellValue): number | null {
  if (typeof v === "number") return Math.floor(v);
  return isDayValue(v) ? dayToSerial(v.day) : null;
}

/**
 * Whether an exceljs cell holds what the plan read there. The two readers may differ on what
 * counts as a date format, so a day equals its serial; empty text equals an empty cell; line
 * breaks are compared without \r.
 */
export function holds(cell: ExcelJS.Cell, expected: CellValue): boolean {
  const actual = modelValueOf(cell);
  const blank = (v: CellValue): boolean => v === null || v === "";
  if (blank(actual) || blank(expected)) return blank(actual) && blank(expected);
  if (typeof actual === "string" && typeof expected === "string") {
    return actual.replace(/\r\n?/gu, "\n") === expected.replace(/\r\n?/gu, "\n");
  }
  if (isErrorValue(actual) || isErrorValue(expected)) {
    return isErrorValue(actual) && isErrorValue(expected) && actual.error === expected.error;
  }
  if (typeof actual === "boolean" || typeof expected === "boolean") return actual === expected;
  if (typeof actual === "number" && typeof expected === "number") return actual === expected;
  const a = serialOf(actual);
  return a !== null && a === serialOf(expected);
}

/**
 * What exceljs writes for an edit's value. A day goes as UTC midnight, which exceljs turns into a
 * whole serial in the workbook's own date system (1900 or 1904); the edit brings the format.
 */
export function excelValueOf(value: EditValue): ExcelJS.CellValue {
  if (value === null || typeof value !== "object") return value;
  if (isDayValue(value)) return new Date(`${value.day}T00:00:00Z`);
  if (isFormulaValue(value)) return { formula: value.formula, result: value.result };
  return null;
}
