/** Ledgers for diff tests, read by the core from rows of cells as a host would hand them over. */
import { oldVersionAsOf } from "../../../analytics/diff/as-of.js";
import { diffLedgers, type LedgerDiff } from "../../../analytics/diff/diff.js";
import { detectHeader } from "../../../analytics/header.js";
import { analyzeSheet, readLedger, type Ledger } from "../../../analytics/ledger.js";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { sheetOf } from "../../helpers/sheet.js";

export function ledgerOf(rows: CellValue[][], asOf: string): Ledger {
  const sheet = sheetOf(rows);
  const header = detectHeader(sheet);
  if (!header) throw new Error("no header in test rows");
  return analyzeSheet(sheet, header, { asOf });
}

/** The old version at the day its title gives, as the command line judges it. */
export function oldLedgerOf(rows: CellValue[][], newAsOf: string, option: string | null = null): Ledger {
  const sheet = sheetOf(rows);
  const header = detectHeader(sheet)!;
  const titleDate = readLedger(sheet, header, { asOf: newAsOf }).baseDate;
  return analyzeSheet(sheet, header, { asOf: oldVersionAsOf(option, titleDate, newAsOf) });
}

export function diffRows(oldRows: CellValue[][], newRows: CellValue[][], asOf: string): LedgerDiff {
  return diffLedgers(oldLedgerOf(oldRows, asOf), ledgerOf(newRows, asOf), { old: "old.xlsx", new: "new.xlsx" });
}

const HEADER = ["序号", "存在问题", "责任单位", "完成时限", "完成情况"];

/** A small ledger: one row per [task, unit, deadline, status]. */
export function simpleRows(items: ReadonlyArray<readonly [string, string, string, string]>, filed?: string): CellValue[][] {
  const titles: CellValue[][] = filed ? [[`填报日期：${filed}`]] : [];
  return [...titles, HEADER, ...items.map(([task, unit, deadline, status], i) => [i + 1, task, unit, deadline, status])];
}
