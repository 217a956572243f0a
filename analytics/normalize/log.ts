/**
 * The rows of the change log sheet (变更记录): one per dissolved merge and one per cell edit,
 * sheet by sheet, so a reader can check every change against the original. Hosts write these
 * rows as they are.
 */
import type { Lang } from "../findings/catalogue.js";
import type { ChangePlan } from "./types.js";
import { showValue } from "./values.js";

export interface LogRow {
  readonly sheet: string;
  /** A1 cell, or a range for a dissolved merge. */
  readonly cell: string;
  /** An edit rule id, or "unmerge". */
  readonly rule: string;
  readonly before: string;
  readonly after: string;
  readonly reason: string;
}

export const LOG_COLUMNS: Record<Lang, readonly string[]> = {
  zh: ["工作表", "单元格", "规则", "原值", "新值", "原因"],
  en: ["Sheet", "Cell", "Rule", "Old value", "New value", "Reason"],
};

/** Widths of the log's columns, in characters. */
export const LOG_WIDTHS: readonly number[] = [16, 10, 16, 36, 36, 60];

export function changeLogRows(plan: ChangePlan): LogRow[] {
  const rows: LogRow[] = [];
  for (const sheet of plan.sheets) {
    for (const u of plan.unmerges) {
      if (u.sheet === sheet) rows.push({ sheet, cell: u.ref, rule: "unmerge", before: showValue(u.value), after: "", reason: u.reason });
    }
    for (const e of plan.edits) {
      if (e.sheet === sheet) {
        rows.push({ sheet, cell: e.cell, rule: e.rule, before: showValue(e.before), after: showValue(e.after), reason: e.reason });
      }
    }
  }
  return rows;
}
