/**
 * One 变更记录 for both hosts: a workbook the command line normalized (a patched file) is opened
 * in Excel, normalized further by the pane and undone batch by batch back to the original; a
 * workbook the pane normalized is saved, normalized by the command line, and undone the same
 * way. The pane runs on the fake Excel; the file goes between them as .xlsx bytes.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../../addin/host/apply-plan-to-book.js";
import { DESKTOP_BUDGET } from "../../../addin/host/request-budget.js";
import { OfficeBook } from "../../../addin/excel/office-book.js";
import { readWorkbookFromExcel } from "../../../addin/excel/read-workbook.js";
import { undoLatest } from "../../../addin/host/undo.js";
import { LOG_HEADERS, LOG_STATE_WORDS, parseLog } from "../../../analytics/normalize/log.js";
import { planNormalization } from "../../../analytics/normalize/plan.js";
import { LOG_SHEET, type ChangePlan } from "../../../analytics/normalize/types.js";
import { a1 } from "../../../analytics/sheet/address.js";
import { cellAt, type CellValue } from "../../../analytics/sheet/sheet-model.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { rewriteXlsx } from "../../../xlsx-patch/normalize-xlsx.js";
import { pixelsOfWidth } from "../../../analytics/normalize/column-width.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { rectification15 } from "../../fixtures/ledgers.js";
import { FakeExcel, fakeSheetFrom, type FakeSheet } from "../fake-excel.js";

const LEDGER = "整改任务清单";
const CLI_BATCH = "2026-11-30 09:00:00";
const PANE_BATCH = "2026-11-30 10:00:00";

function fakeFromXlsx(bytes: Uint8Array): FakeExcel {
  return new FakeExcel(readWorkbook(bytes, { source: "台账.xlsx" }).sheets.map(fakeSheetFrom));
}

/** The fake workbook saved as .xlsx: values, formulas, number formats and merges, as Excel would save them. */
async function xlsxFromFake(excel: FakeExcel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of excel.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.cells.forEach((row, r) =>
      row?.forEach((c, i) => {
        if (c === undefined) return;
        const cell = ws.getCell(r + 1, i + 1);
        cell.value = c.formula !== undefined ? { formula: c.formula, result: c.raw === "" ? undefined : (c.raw as number) } : c.error ? { error: c.raw as ExcelJS.CellErrorValue["error"] } : c.raw;
        const format = sheet.format(r + 1, i + 1);
        if (format !== "General") cell.numFmt = format;
      }),
    );
    for (const m of sheet.merges) ws.mergeCells(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every cell of a sheet as the core sees it, formulas as "=…", and its merges. */
function snapshot(sheet: FakeSheet): { cells: Record<string, CellValue | string>; merges: string[] } {
  const cells: Record<string, CellValue | string> = {};
  sheet.cells.forEach((row, r) =>
    row?.forEach((c, i) => {
      if (c !== undefined) cells[a1(r + 1, i + 1)] = c.formula !== undefined ? `=${c.formula}` : sheet.modelValue(r + 1, i + 1);
    }),
  );
  const merges = sheet.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort();
  return { cells, merges };
}

async function panePlan(excel: FakeExcel, overdueColumn: boolean): Promise<ChangePlan> {
  const read = await readWorkbookFromExcel(excel.context, { budget: DESKTOP_BUDGET, mergedAreas: true, formulas: true });
  return planNormalization(read.workbook, { asOf: rectification15.asOf, lang: "zh", overdueColumn, formulaAt: read.formulaAt }).plan;
}

function logOf(sheet: FakeSheet) {
  return parseLog((r, c) => sheet.modelValue(r, c), sheet.used()?.bottom ?? 0, LOG_HEADERS.zh.length)!;
}

/** The fake Excel behind the workbook interface, as the pane's tasks get it. */
const book = (excel: FakeExcel) => new OfficeBook(excel.context, { budget: DESKTOP_BUDGET, mergedAreas: true });
const undo = (excel: FakeExcel) => undoLatest(book(excel), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET });

describe("a workbook normalized by the command line, in the pane", () => {
  it("takes the pane's batch below the command line's, and undoes both, newest first, back to the original", async () => {
    const input = await fixtureBytes(rectification15);
    const original = snapshot(fakeFromXlsx(input).sheet(LEDGER));
    const cli = rewriteXlsx(input, readWorkbook(input, { source: "in.xlsx" }), { asOf: rectification15.asOf, baseYear: rectification15.baseYear, batch: CLI_BATCH });
    const excel = fakeFromXlsx(await cli.bytes());
    // The fake is made from cells alone: the date column the command line widened (and logged) is given the width Excel opens it at.
    expect(cli.applied!.widenings.length).toBeGreaterThan(0);
    for (const w of cli.applied!.widenings) excel.sheet(w.sheet).columnPixels.set(w.col, pixelsOfWidth(w.to, w.digitWidth));
    const afterCli = snapshot(excel.sheet(LEDGER));
    expect(afterCli).not.toEqual(original);
    const cliRows = logOf(excel.sheet(LOG_SHEET)).entries.length;

    const plan = await panePlan(excel, true);
    expect(plan.edits.length).toBeGreaterThan(0); // the days-overdue column
    await applyPlan(book(excel), plan, { budget: DESKTOP_BUDGET, batch: PANE_BATCH, lang: "zh" });
    const log = logOf(excel.sheet(LOG_SHEET));
    expect(log.entries.slice(0, cliRows).every((e) => e.batch === CLI_BATCH)).toBe(true);
    expect(log.entries.slice(cliRows).every((e) => e.batch === PANE_BATCH)).toBe(true);
    expect(log.entries.length).toBeGreaterThan(cliRows);

    expect((await undo(excel)).batch).toBe(PANE_BATCH);
    expect(snapshot(excel.sheet(LEDGER))).toEqual(afterCli);
    const cliUndo = await undo(excel);
    expect(cliUndo.batch).toBe(CLI_BATCH);
    expect(cliUndo.changedSince).toEqual([]);
    expect(snapshot(excel.sheet(LEDGER))).toEqual(original);
    // The pane's 撤销 narrows the column the command line widened back to the width it logged.
    for (const w of cli.applied!.widenings) expect(excel.sheet(w.sheet).columnPixels.get(w.col)).toBe(pixelsOfWidth(w.from, w.digitWidth));
    expect(logOf(excel.sheet(LOG_SHEET)).entries.every((e) => e.state === "undone")).toBe(true);
    expect(excel.sheet(LOG_SHEET).modelValue(2, 9)).toBe(LOG_STATE_WORDS.undone.zh);
    await expect(undo(excel)).rejects.toThrow("没有可撤销的修改");
  });
});

describe("a workbook normalized in the pane, by the command line", () => {
  it("appends the command line's batch below the pane's, and both undo back to the original", async () => {
    const input = await fixtureBytes(rectification15);
    const excel = fakeFromXlsx(input);
    const original = snapshot(excel.sheet(LEDGER));
    await applyPlan(book(excel), await panePlan(excel, false), { budget: DESKTOP_BUDGET, batch: PANE_BATCH, lang: "zh" });
    const afterPane = snapshot(excel.sheet(LEDGER));
    const paneRows = logOf(excel.sheet(LOG_SHEET)).entries.length;

    const saved = await xlsxFromFake(excel);
    const cli = rewriteXlsx(saved, readWorkbook(saved, { source: "saved.xlsx" }), {
      asOf: rectification15.asOf,
      baseYear: rectification15.baseYear,
      mergeNames: true,
      batch: CLI_BATCH,
    });
    expect(cli.plan.logSheet).toBe(LOG_SHEET);
    const output = await cli.bytes();
    const model = readWorkbook(output, { source: "out.xlsx" });
    const sheet = model.sheets.find((s) => s.name === LOG_SHEET)!;
    expect(sheet.rows[0]).toEqual([...LOG_HEADERS.zh]);
    const log = parseLog((r, c) => cellAt(sheet, r, c), sheet.rows.length, LOG_HEADERS.zh.length)!;
    expect(log.entries.slice(0, paneRows).every((e) => e.batch === PANE_BATCH)).toBe(true);
    expect(log.entries.slice(paneRows).map((e) => e.batch)).toEqual(Array(log.entries.length - paneRows).fill(CLI_BATCH));
    expect(log.entries.length).toBeGreaterThan(paneRows);
    expect(model.sheets.map((s) => s.name).filter((n) => n.startsWith(LOG_SHEET))).toEqual([LOG_SHEET]);

    const reopened = fakeFromXlsx(output);
    expect((await undo(reopened)).batch).toBe(CLI_BATCH);
    expect(snapshot(reopened.sheet(LEDGER))).toEqual(afterPane);
    expect((await undo(reopened)).batch).toBe(PANE_BATCH);
    expect(snapshot(reopened.sheet(LEDGER))).toEqual(original);
  });
});
