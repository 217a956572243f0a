/**
 * Normalizing fixtures in memory for the tests, and reading workbooks back cell by cell: values
 * with the project's reader, styles and formulas with exceljs (a second, independent reader).
 */
import ExcelJS from "exceljs";
import { a1 } from "../../analytics/sheet/address.js";
import { cellAt, type CellValue, type Workbook } from "../../analytics/sheet/sheet-model.js";
import type { NormalizeOptions } from "../../analytics/normalize/plan.js";
import { rewriteXlsx, type Rewrite, type RewriteOptions } from "../../xlsx-patch/normalize-xlsx.js";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { fixtureBytes } from "../fixtures/build.js";
import { FIXTURES, type Fixture } from "../fixtures/ledgers.js";

/** Fixtures that hold a ledger (the others are refused, see cli.test.ts). */
export const LEDGER_FIXTURES: readonly Fixture[] = FIXTURES.filter((f) => f.sheets.some((s) => s.isLedger));

export interface Normalized {
  readonly input: Uint8Array;
  readonly output: Uint8Array;
  readonly rewrite: Rewrite;
}

export type Options = Partial<Omit<NormalizeOptions, "formulaAt">> & Pick<RewriteOptions, "batch" | "compress">;

/** The batch id of the tests' logs: a fixed time, so two runs write the same bytes. */
export const TEST_BATCH = "2026-11-30 09:00:00";

export async function normalizeBytes(input: Uint8Array, asOf: string, options: Options = {}): Promise<Normalized> {
  const model = readWorkbook(input, { source: "input.xlsx" });
  const rewrite = rewriteXlsx(input, model, { asOf, batch: TEST_BATCH, ...options });
  return { input, output: await rewrite.bytes(), rewrite };
}

export async function normalizeFixture(fixture: Fixture, options: Options = {}): Promise<Normalized> {
  return normalizeBytes(await fixtureBytes(fixture), fixture.asOf, { baseYear: fixture.baseYear, ...options });
}

export function readModel(bytes: Uint8Array): Workbook {
  return readWorkbook(bytes, { source: "workbook.xlsx" });
}

/** Every non-empty cell of a sheet: A1 address -> value. */
export function cellsOf(workbook: Workbook, sheet: string): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const s = workbook.sheets.find((x) => x.name === sheet);
  if (!s) return out;
  s.rows.forEach((cells, r) =>
    cells?.forEach((_, c) => {
      const v = cellAt(s, r + 1, c + 1);
      if (v !== null && v !== "") out.set(a1(r + 1, c + 1), v);
    }),
  );
  return out;
}

export async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** A cell's style as JSON, for comparing two loads of a workbook. */
export function styleOf(ws: ExcelJS.Worksheet, address: string): string {
  return JSON.stringify(ws.getCell(address).style ?? {});
}

/** A cell's formula (shared formulas included), or null. */
export function formulaOf(ws: ExcelJS.Worksheet, address: string): string | null {
  const v = ws.getCell(address).value;
  if (typeof v === "object" && v !== null && !(v instanceof Date)) {
    if ("formula" in v && typeof v.formula === "string") return v.formula;
    if ("sharedFormula" in v) return `shared:${String(v.sharedFormula)}`;
  }
  return null;
}

/** Every address exceljs holds a cell for on a sheet. */
export function addressesOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => out.push(cell.address)));
  return out;
}
