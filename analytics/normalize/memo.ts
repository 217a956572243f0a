/**
 * A rule's decision remembered per cell value: a ledger repeats a few hundred distinct units,
 * deadlines and statuses over thousands of rows, and every decision depends on the value alone.
 */
import { isDayCell, type CellValue } from "../sheet/sheet-model.js";
import type { Outcome } from "./outcome.js";

/** Distinct values remembered before the memory starts over (a column of unique narratives). */
const LIMIT = 50_000;

function keyOf(value: CellValue): string | null {
  if (value === null) return "";
  switch (typeof value) {
    case "string":
      return `s${value}`;
    case "number":
      return `n${value}`;
    case "boolean":
      return `b${value}`;
    default:
      return isDayCell(value) ? `d${value.day}` : null; // error values are rare: not remembered
  }
}

export function memoByValue(decide: (value: CellValue) => Outcome): (value: CellValue) => Outcome {
  const memory = new Map<string, Outcome>();
  return (value) => {
    const key = keyOf(value);
    if (key === null) return decide(value);
    const known = memory.get(key);
    if (known !== undefined || memory.has(key)) return known ?? null;
    if (memory.size >= LIMIT) memory.clear();
    const outcome = decide(value);
    memory.set(key, outcome);
    return outcome;
  };
}
