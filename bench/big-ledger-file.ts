/**
 * The benchmark's big ledgers as real .xlsx files, written by exceljs's streaming writer with
 * shared strings, merged category cells and real date cells, the way Excel saves them.
 * Files are cached in bench/data/ (git-ignored): same rows, same bytes, every run.
 */
import { existsSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { isDayCell, type CellValue, type Sheet } from "../analytics/sheet/sheet-model.js";
import { bigSheet } from "./core-sheet.js";
import { wideSheet } from "./wide-sheet.js";

/** Bumped whenever core-sheet.ts makes different rows. */
const GENERATOR_VERSION = "repeated-tasks-2";

function excelValue(value: CellValue | undefined): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (isDayCell(value)) return new Date(`${value.day}T00:00:00Z`);
  if (typeof value === "object") return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

export async function bigLedgerFile(rows: number, dir: string): Promise<string> {
  // The version names the generator: a file of an older generator is never measured by mistake.
  return ledgerFile(join(dir, `ledger-${rows}-${GENERATOR_VERSION}.xlsx`), () => bigSheet(rows));
}

/** The ledger of wide-sheet.ts, fifteen columns, as a file. */
export async function wideLedgerFile(rows: number, dir: string): Promise<string> {
  return ledgerFile(join(dir, `ledger-${rows}x15-${GENERATOR_VERSION}.xlsx`), () => wideSheet(rows));
}

async function ledgerFile(path: string, build: () => Sheet): Promise<string> {
  if (existsSync(path)) return path;
  await mkdir(dirname(path), { recursive: true });
  const sheet = build();
  const temp = `${path}.tmp`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useSharedStrings: true, useStyles: true });
  const ws = writer.addWorksheet(sheet.name);
  // The streaming writer merges only rows it has not committed: commit each group when the
  // next one starts, and fill rows by number (a merge creates the rows it covers).
  const mergesByTop = new Map(sheet.merges.map((m) => [m.top, m]));
  for (const [index, cells] of sheet.rows.entries()) {
    const number = index + 1;
    const merge = mergesByTop.get(number);
    if (merge) {
      ws.getRow(number - 1).commit();
      ws.mergeCells(merge.top, merge.left, merge.bottom, merge.right);
    }
    const row = ws.getRow(number);
    (cells ?? []).forEach((value, col) => {
      // Never write an empty value: into a merged cell, exceljs writes it to the master.
      if (value === null) return;
      const cell = row.getCell(col + 1);
      cell.value = excelValue(value);
      if (cell.value instanceof Date) cell.numFmt = 'yyyy"年"m"月"d"日"';
    });
  }
  ws.commit();
  await writer.commit();
  await rename(temp, path);
  return path;
}
