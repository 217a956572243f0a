/** Parsing and validating the options the commands share. */
import { isIsoDay, today, type Day } from "../analytics/day.js";
import { ColumnMappingError, parseColumnMapping, type ColumnMapping } from "../analytics/column-mapping.js";
import type { Lang } from "../analytics/lang.js";
import { UsageError } from "./exit-errors.js";
import { userMessage } from "../analytics/findings/user-message.js";

export function parseAsOf(value: string | undefined): Day {
  if (value === undefined) return today();
  if (!isIsoDay(value)) throw new UsageError(userMessage("option-day", { option: "--as-of", value }));
  return value;
}

export function parseBaseYear(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d{4}$/.test(value)) throw new UsageError(userMessage("option-base-year", { value }));
  return Number(value);
}

export function parseDays(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,3}$/.test(value)) throw new UsageError(userMessage("option-due-soon-days", { value }));
  return Number(value);
}

export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === "zh" || value === "zh-CN") return "zh";
  if (value === "en") return "en";
  throw new UsageError(userMessage("option-lang", { value }));
}

/** --columns "时间节点=deadline,需求部门=unit": the clerk's column mapping, or undefined. */
export function parseColumns(value: string | undefined): readonly ColumnMapping[] | undefined {
  if (value === undefined) return undefined;
  try {
    return parseColumnMapping(value);
  } catch (error) {
    if (error instanceof ColumnMappingError) throw new UsageError(error.said);
    throw error;
  }
}

/** The help line of --columns, the same on every command. */
export const COLUMNS_HELP = "指定列的含义，如 \"时间节点=deadline,需求部门=unit\" · say which column is which, e.g. \"时间节点=deadline,需求部门=unit\"";

/** An optional day option other than --as-of: null when not given. */
export function parseOptionalDay(name: string, value: string | undefined): Day | null {
  if (value === undefined) return null;
  if (!isIsoDay(value)) throw new UsageError(userMessage("option-day", { option: name, value }));
  return value;
}
