/** Comparing and showing the values a plan moves around. */
import { isDayValue, isErrorValue, isFormulaValue, type PlanValue } from "./types.js";

/** Same value, same type: "1" is not 1, a day is not its serial. */
export function sameValue(a: PlanValue, b: PlanValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a !== "object" || typeof b !== "object") return a === b;
  if (isDayValue(a) && isDayValue(b)) return a.day === b.day;
  if (isErrorValue(a) && isErrorValue(b)) return a.error === b.error;
  if (isFormulaValue(a) && isFormulaValue(b)) return a.formula === b.formula;
  return false;
}

/** How a value reads in the change log and in messages. */
export function showValue(v: PlanValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (isDayValue(v)) return v.day;
  if (isErrorValue(v)) return v.error;
  return `=${v.formula}`;
}
