/**
 * Deadlines written in English (trackers kept in English, headers like "Due date"): end of
 * 2026, Q3 2026, H1 2026, June 2026, June 30, 2026, 30 June 2026, ongoing, immediately,
 * within 30 days. Anything else is left to the Chinese reader, which leaves it unparsed.
 */
import { endOfMonth, formatDay, isValidDay, type Day } from "./day.js";
import type { RelativeSpan } from "./deadline-cycle.js";

export type EnglishDeadline =
  | { readonly kind: "date"; readonly date: Day }
  | { readonly kind: "ongoing" }
  | { readonly kind: "immediate" }
  | { readonly kind: "relative"; readonly span: RelativeSpan };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = `(${MONTHS.map((m) => `${m.slice(0, 3)}[a-z]{0,6}`).join("|")})\\.?`;

function monthNumber(word: string): number {
  return MONTHS.findIndex((m) => m.startsWith(word.slice(0, 3))) + 1;
}

const LEAD = "(?:(?:due|by|before|until|no later than|deadline:?|target:?)\\s+)?(?:the\\s+)?(?:end\\s+of\\s+)?";
const YEAR_END = new RegExp(`^${LEAD}(?:year\\s+|fy\\s*)?(\\d{4})$`, "u");
const QUARTER = new RegExp(`^${LEAD}(?:q([1-4])\\s*[,/-]?\\s*(?:fy\\s*)?(\\d{4})|(\\d{4})\\s*[-/]?\\s*q([1-4]))$`, "u");
const HALF = new RegExp(`^${LEAD}(?:h([12])\\s*[,/-]?\\s*(\\d{4})|(\\d{4})\\s*[-/]?\\s*h([12]))$`, "u");
const MONTH_YEAR = new RegExp(`^${LEAD}${MONTH}\\s*,?\\s*(\\d{4})$`, "u");
const MONTH_DAY_YEAR = new RegExp(`^${LEAD}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})$`, "u");
const DAY_MONTH_YEAR = new RegExp(`^${LEAD}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\s*,?\\s*(\\d{4})$`, "u");
const ONGOING = /^(?:ongoing|on-going|continuous|continuing|standing|permanent|long[- ]term|regular|recurring|as needed|n\/a - ongoing)$/u;
const IMMEDIATE = /^(?:immediate|immediately|asap|at once|now)$/u;
const WITHIN = /^within\s+(\d{1,3})\s+(working\s+days?|business\s+days?|days?|weeks?|months?)$/u;

/** A whole English deadline cell, or null when it is not one. */
export function readEnglishDeadline(raw: string): EnglishDeadline | null {
  const text = raw.trim().toLowerCase().replace(/\s+/gu, " ").replace(/[.。]$/u, "");
  if (!/[a-z]/u.test(text)) return null;
  if (ONGOING.test(text)) return { kind: "ongoing" };
  if (IMMEDIATE.test(text)) return { kind: "immediate" };
  let m = WITHIN.exec(text);
  if (m) {
    const word = m[2]!;
    const unit = /working|business/u.test(word) ? "workday" : word.startsWith("day") ? "day" : word.startsWith("week") ? "week" : "month";
    return { kind: "relative", span: { amount: Number(m[1]), unit } };
  }
  m = YEAR_END.exec(text);
  if (m) return dated(Number(m[1]), 12, 31);
  m = QUARTER.exec(text);
  if (m) {
    const quarter = Number(m[1] ?? m[4]);
    const year = Number(m[2] ?? m[3]);
    return { kind: "date", date: endOfMonth(year, quarter * 3) };
  }
  m = HALF.exec(text);
  if (m) return dated(Number(m[2] ?? m[3]), (m[1] ?? m[4]) === "1" ? 6 : 12, (m[1] ?? m[4]) === "1" ? 30 : 31);
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return dated(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return dated(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = MONTH_YEAR.exec(text);
  if (m) return { kind: "date", date: endOfMonth(Number(m[2]), monthNumber(m[1]!)) };
  return null;
}

function dated(year: number, month: number, day: number): EnglishDeadline | null {
  return isValidDay(year, month, day) ? { kind: "date", date: formatDay(year, month, day) } : null;
}
