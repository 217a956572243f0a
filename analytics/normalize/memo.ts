/**
 * A rule's decision remembered per cell value: a ledger repeats a few hundred distinct units,
 * deadlines and statuses over thousands of rows, and every decision depends on the value alone.
 */
import { isDayCell, type CellValue } from "../sheet/sheet-model.js";
import type { Outcome } from "./outcome.js";

/** Distinct values remembered before the memory starts over (a column of unique narratives). */
const LIMIT = 50_000;

/**
 * Texts are remembered by themselves (a cell's text is the same string object on every row that
 * shares it, its hash computed once), other values by a short key; error values are rare and
 * not remembered.
 */
function keyOf(value: Exclude<CellValue, string>): string | null {
  if (value === null) return "";
  switch (typeof value) {
    case "number":
      return `n${value}`;
    case "boolean":
      return `b${value}`;
    default:
      return isDayCell(value) ? `d${value.day}` : null;
  }
}

export function memoByValue(decide: (value: CellValue) => Outcome): (value: CellValue) => Outcome {
  const texts = new Map<string, Outcome>();
  const others = new Map<string, Outcome>();
  const recall = (memory: Map<string, Outcome>, key: string, value: CellValue): Outcome => {
    const known = memory.get(key);
    if (known !== undefined || memory.has(key)) return known ?? null;
    if (memory.size >= LIMIT) memory.clear();
    const outcome = decide(value);
    memory.set(key, outcome);
    return outcome;
  };
  return (value) => {
    if (typeof value === "string") return recall(texts, value, value);
    const key = keyOf(value);
    return key === null ? decide(value) : recall(others, key, value);
  };
}
