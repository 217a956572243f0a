/**
 * The 变更记录 sheet: one row per change the add-in made, newest batch on top, with the old
 * value as it was (a date stays a date, "3" stays text) so that 撤销 can put it back. Office's
 * own undo does not cover an add-in's edits; this sheet is what makes them reversible, and it
 * is readable by anyone who opens the workbook.
 *
 * Columns are found by their headers, so a log written by `taizhang normalize` (same headers)
 * can be undone too; 批次, 原格式 and 状态 are optional there.
 */
import { columnLetter } from "../../analytics/sheet/address.js";
import { cellAt, isBlank, type CellValue, type Sheet } from "../../analytics/sheet/model.js";
import { DATE_FORMAT, isDayValue, type ChangePlan, type PlanValue } from "../../analytics/normalize/types.js";
import { officeInput } from "./cells.js";
import type { WriteOp } from "./writes.js";

export const LOG_HEADERS = ["批次", "工作表", "单元格", "规则", "原值", "新值", "说明", "原格式", "状态"] as const;
type Header = (typeof LOG_HEADERS)[number];

export const APPLIED = "已应用";
export const UNDONE = "已撤销";

/** Rules of log rows that are not cell edits. */
export const UNMERGE_RULE = "unmerge";
export const VALIDATION_RULE = "status-validation";
export const FORMAT_RULE = "conditional-format";

export interface LogEntry {
  readonly batch: string;
  readonly sheet: string;
  /** A1 cell, or a range for merges, validations and formats. */
  readonly cell: string;
  readonly rule: string;
  readonly before: PlanValue;
  readonly after: PlanValue;
  readonly reason: string;
  /** The cell's number format before the change, when the change set one. */
  readonly oldFormat: string | null;
  readonly status: string;
  /** Row on the log sheet (1-based), once read back. */
  readonly logRow?: number;
}

/** Every change of a plan as log entries, in the order they are applied. */
export function planEntries(plan: ChangePlan, batch: string, oldFormats: ReadonlyMap<string, string>): LogEntry[] {
  const entry = (e: Omit<LogEntry, "batch" | "status">): LogEntry => ({ batch, status: APPLIED, ...e });
  return [
    ...plan.unmerges.map((u) => entry({ sheet: u.sheet, cell: u.ref, rule: UNMERGE_RULE, before: u.value, after: null, reason: u.reason, oldFormat: null })),
    ...plan.edits.map((e) =>
      entry({
        sheet: e.sheet,
        cell: e.cell,
        rule: e.rule,
        before: e.before,
        after: e.after,
        reason: e.reason,
        oldFormat: e.numFmt !== undefined || e.styleFrom !== undefined ? (oldFormats.get(`${e.sheet}!${e.cell}`) ?? "General") : null,
      }),
    ),
    ...plan.validations.map((v) => entry({ sheet: v.sheet, cell: v.ref, rule: VALIDATION_RULE, before: null, after: v.words.join(","), reason: v.prompt, oldFormat: null })),
    ...plan.flags.map((f) =>
      entry({ sheet: f.sheet, cell: f.sqref, rule: FORMAT_RULE, before: null, after: `=${f.formula}`, reason: f.kind, oldFormat: null }),
    ),
  ];
}

function shown(value: PlanValue): string | number | boolean {
  // A formula is logged as its text, not as a live formula.
  if (typeof value === "object" && value !== null && "formula" in value) return officeInput(`=${value.formula}`);
  return officeInput(value);
}

function rowOf(e: LogEntry): { inputs: (string | number | boolean)[]; formats: string[] } {
  const inputs = [
    officeInput(e.batch),
    officeInput(e.sheet),
    officeInput(e.cell),
    officeInput(e.rule),
    shown(e.before),
    shown(e.after),
    officeInput(e.reason),
    officeInput(e.oldFormat ?? ""),
    officeInput(e.status),
  ];
  const formats = LOG_HEADERS.map(() => "General");
  if (isDayValue(e.before)) formats[4] = DATE_FORMAT;
  if (isDayValue(e.after)) formats[5] = DATE_FORMAT;
  return { inputs, formats };
}

/** Operations that put `entries` on top of the log (creating it when missing). */
export function logOps(logSheet: string, exists: boolean, entries: readonly LogEntry[], rowsPerOp: number): WriteOp[] {
  if (entries.length === 0) return [];
  const ops: WriteOp[] = [];
  const width = LOG_HEADERS.length;
  if (!exists) {
    ops.push({ kind: "add-sheet", sheet: logSheet });
    ops.push({ kind: "cells", sheet: logSheet, top: 1, left: 1, inputs: [LOG_HEADERS.map((h) => h as string)] });
    ops.push({ kind: "header-style", sheet: logSheet, ref: `A1:${columnLetter(width)}1` });
    [10, 14, 10, 18, 24, 24, 40, 14, 8].forEach((w, i) => ops.push({ kind: "column-width", sheet: logSheet, col: i + 1, width: w }));
  } else {
    ops.push({ kind: "insert-rows", sheet: logSheet, top: 2, count: entries.length });
  }
  for (let start = 0; start < entries.length; start += rowsPerOp) {
    const rows = entries.slice(start, start + rowsPerOp).map(rowOf);
    ops.push({ kind: "cells", sheet: logSheet, top: 2 + start, left: 1, inputs: rows.map((r) => r.inputs), formats: rows.map((r) => r.formats) });
  }
  return ops;
}

/** Marks log rows (1-based rows of the log sheet) as undone, one op per run of rows. */
export function markUndoneOps(logSheet: string, statusCol: number, logRows: readonly number[]): WriteOp[] {
  const sorted = [...logRows].sort((a, b) => a - b);
  const ops: WriteOp[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ops.push({ kind: "cells", sheet: logSheet, top: sorted[i]!, left: statusCol, inputs: sorted.slice(i, j + 1).map(() => [UNDONE]) });
    i = j + 1;
  }
  return ops;
}

function text(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "object") return "day" in v ? v.day : v.error;
  return String(v).trim();
}

export interface ParsedLog {
  readonly entries: LogEntry[];
  /** 1-based column of 状态, when the log has one. */
  readonly statusCol: number | null;
  /** The add-in's own log (with 批次); `taizhang normalize` writes a log without. */
  readonly fromAddin: boolean;
}

/** Reads a log sheet back; null when its first row is not a change-log header. */
export function parseLog(sheet: Sheet): ParsedLog | null {
  const col = new Map<Header, number>();
  const header = sheet.rows[0] ?? [];
  header.forEach((v, i) => {
    const h = text(v) as Header;
    if ((LOG_HEADERS as readonly string[]).includes(h) && !col.has(h)) col.set(h, i + 1);
  });
  for (const required of ["工作表", "单元格", "原值", "新值"] as const) if (!col.has(required)) return null;
  const at = (row: number, h: Header): CellValue => (col.has(h) ? cellAt(sheet, row, col.get(h)!) : null);
  const entries: LogEntry[] = [];
  for (let row = 2; row <= sheet.rows.length; row++) {
    const sheetName = text(at(row, "工作表"));
    const cell = text(at(row, "单元格"));
    if (sheetName === "" || cell === "") continue;
    const old = at(row, "原格式");
    entries.push({
      batch: text(at(row, "批次")),
      sheet: sheetName,
      cell,
      rule: text(at(row, "规则")),
      before: at(row, "原值"),
      after: at(row, "新值"),
      reason: text(at(row, "说明")),
      oldFormat: old === null || isBlank(old) ? null : text(old),
      status: col.has("状态") ? text(at(row, "状态")) : APPLIED,
      logRow: row,
    });
  }
  return { entries, statusCol: col.get("状态") ?? null, fromAddin: col.has("批次") };
}

/** The newest batch still applied: the first applied row's batch (newest rows are on top). */
export function latestBatch(entries: readonly LogEntry[]): LogEntry[] {
  const first = entries.find((e) => e.status === APPLIED);
  if (!first) return [];
  return entries.filter((e) => e.status === APPLIED && e.batch === first.batch);
}

export function cellKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

