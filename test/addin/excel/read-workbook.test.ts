/**
 * Reading the open workbook through Office.js (faked with office-addin-mock): the same sheet
 * model as the file reader, in a fixed number of requests whatever the sheet's size.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DESKTOP_BUDGET, WEB_BUDGET } from "../../../addin/host/request-budget.js";
import { readWorkbookFromExcel } from "../../../addin/excel/read-workbook.js";
import { analyzeWorkbook } from "../../../analytics/ledger.js";
import { a1 } from "../../../analytics/sheet/address.js";
import type { CellValue, Sheet, Workbook } from "../../../analytics/sheet/sheet-model.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { FIXTURES } from "../../fixtures/ledgers.js";
import { FakeExcel, fakeSheetFrom, hiddenDeadlineSheet, ledgerSheet } from "../fake-excel.js";

const WEB_RESPONSE_CAP = 5 * 1024 * 1024;

function cellsOf(sheet: Sheet): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  sheet.rows.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v !== null) cells[a1(r + 1, c + 1)] = v;
    }),
  );
  return cells;
}

function comparable(sheet: Sheet) {
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    cells: cellsOf(sheet),
    merges: [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    hiddenColumns: [...(sheet.hiddenColumns ?? [])].sort((a, b) => a - b),
    formulaCells: [...sheet.formulaCells].sort(),
    percentCells: [...(sheet.percentCells ?? [])].sort(),
  };
}

async function readThroughExcel(excel: FakeExcel, budget = DESKTOP_BUDGET): Promise<Workbook> {
  return (await readWorkbookFromExcel(excel.context, { budget, mergedAreas: true })).workbook;
}

describe("reading the open workbook", () => {
  const readable = FIXTURES.filter((f) => f.file !== "empty.xlsx");

  it.each(readable.map((f) => [f.file, f] as const))("%s reads as the file reader reads it, in 3 requests", async (_file, fixture) => {
    const fromFile = readWorkbook(await fixtureBytes(fixture), { source: fixture.file });
    const excel = new FakeExcel(fromFile.sheets.map(fakeSheetFrom));
    const fromExcel = await readThroughExcel(excel);
    expect(fromExcel.sheets.map(comparable)).toEqual(fromFile.sheets.map(comparable));
    expect(excel.syncs).toBe(3);
  });

  it("reads merged areas, hidden rows, formula cells and percentages of the bundled sample", async () => {
    const fixture = readable[0]!;
    const fromFile = readWorkbook(await fixtureBytes(fixture), { source: fixture.file });
    const excel = new FakeExcel(fromFile.sheets.map(fakeSheetFrom));
    const sheet = (await readThroughExcel(excel)).sheets[0]!;
    expect(sheet.merges.length).toBeGreaterThan(5);
    expect([...sheet.hiddenRows]).toEqual([21]);
    expect(sheet.formulaCells.has("A7")).toBe(true);
    expect(sheet.rows[13]?.[8]).toBe("80%"); // typed as text: stays text
    expect(sheet.rows[15]?.[10]).toEqual({ error: "#N/A" });
    expect(sheet.rows[7]?.[7]).toEqual("2019/9/30");
    expect(sheet.rows[6]?.[7]).toEqual({ day: "2019-12-31" });
  });

  it("reads hidden columns, so an old deadline column the clerk hid loses to the visible one, as in the file", async () => {
    const sheet = hiddenDeadlineSheet();
    const excel = new FakeExcel([fakeSheetFrom(sheet)]);
    const workbook = await readThroughExcel(excel);
    expect([...(workbook.sheets[0]!.hiddenColumns ?? [])]).toEqual([4]);
    const { ledgers } = analyzeWorkbook(workbook, { asOf: "2026-06-30" });
    expect(ledgers[0]!.header.roles.get("deadline")).toBe(5);
    expect(excel.syncs).toBe(3);
  });

  it("asks Excel for the sheet list, then every sheet's shape, then all values at once", async () => {
    const excel = new FakeExcel([ledgerSheet("A", 10), ledgerSheet("B", 10)]);
    await readThroughExcel(excel);
    const [list, shapes, values] = excel.batches;
    expect(list!.loads).toEqual([]);
    const shape = (sheet: string) => [
      { sheet, address: "A1:K12", props: ["rowIndex", "columnIndex", "rowCount", "columnCount"] },
      { sheet, address: "merged areas", props: ["address"] },
      { sheet, address: "visible cells", props: ["address"] },
      { sheet, address: "formula cells", props: ["address"] },
    ];
    expect(shapes!.loads).toEqual([...shape("A"), ...shape("B")]);
    expect(values!.loads).toEqual([
      { sheet: "A", address: "A1:K12", props: ["values", "numberFormat"] },
      { sheet: "B", address: "A1:K12", props: ["values", "numberFormat"] },
    ]);
  });

  describe("10, 10,000 and 100,000 rows", () => {
    const sizes = [10, 10_000, 100_000] as const;
    const sheets = new Map<number, ReturnType<typeof ledgerSheet>>();
    beforeAll(() => {
      for (const n of sizes) sheets.set(n, ledgerSheet("整改台账", n));
    });

    it.each(sizes)("desktop Excel reads %i rows in the same 3 requests", async (n) => {
      const excel = new FakeExcel([sheets.get(n)!]);
      const workbook = await readThroughExcel(excel);
      expect(excel.syncs).toBe(3);
      const { ledgers } = analyzeWorkbook(workbook, { asOf: "2019-12-31" });
      expect(ledgers[0]!.items.length).toBe(n);
    });

    it.each(sizes)("Excel on the web reads %i rows in row chunks, every response under 5 MB", async (n) => {
      const excel = new FakeExcel([sheets.get(n)!], { responseLimit: WEB_RESPONSE_CAP });
      const workbook = await readThroughExcel(excel, WEB_BUDGET);
      const cells = (n + 2) * 11;
      expect(excel.syncs).toBe(2 + Math.ceil(cells / WEB_BUDGET.cellsPerRequest));
      for (const batch of excel.batches) expect(batch.bytes).toBeLessThan(WEB_RESPONSE_CAP);
      // The chunks cover the rows exactly once, in order.
      const chunkRows = excel.batches.slice(2).flatMap((b) => b.loads.map((l) => l.address));
      expect(chunkRows[0]).toMatch(/^A1:K\d+$/);
      expect(chunkRows[chunkRows.length - 1]).toMatch(new RegExp(`:K${n + 2}$`));
      expect(analyzeWorkbook(workbook, { asOf: "2019-12-31" }).ledgers[0]!.items.length).toBe(n);
    });
  });

  it.each(["ResponsePayloadSizeLimitExceeded", "OperationCellsExceedLimit"])("reads a request Excel refuses (%s) again in halves", async (code) => {
    const sheet = ledgerSheet("整改台账", 2_000);
    const excel = new FakeExcel([sheet], { responseLimit: 400_000, refusalCode: code });
    const workbook = await readThroughExcel(excel, WEB_BUDGET);
    const refused = excel.batches.filter((b) => b.bytes >= 400_000).length;
    expect(refused).toBeGreaterThan(0);
    expect(excel.batches.filter((b) => b.bytes < 400_000 && b.loads.length > 0).length).toBeGreaterThan(1);
    const reference = await readThroughExcel(new FakeExcel([ledgerSheet("整改台账", 2_000)]));
    expect(workbook.sheets.map(comparable)).toEqual(reference.sheets.map(comparable));
  });

  it("reads no merges where Excel cannot list them (ExcelApi below 1.13), and loads no merged areas", async () => {
    const fixture = readable[0]!;
    const fromFile = readWorkbook(await fixtureBytes(fixture), { source: fixture.file });
    const excel = new FakeExcel(fromFile.sheets.map(fakeSheetFrom));
    const { workbook } = await readWorkbookFromExcel(excel.context, { budget: DESKTOP_BUDGET, mergedAreas: false });
    expect(workbook.sheets[0]!.merges).toEqual([]);
    expect(excel.batches[1]!.loads.map((l) => l.address)).toEqual(["A1:K24", "visible cells", "formula cells"]);
  });

  it("refuses a workbook on the 1904 date system in its first request, rather than move every date four years", async () => {
    const excel = new FakeExcel([ledgerSheet("整改台账", 10)], { date1904: true });
    const reading = readWorkbookFromExcel(excel.context, { budget: DESKTOP_BUDGET, mergedAreas: true });
    await expect(reading).rejects.toThrow(/1904 日期系统.*1904 date system/su);
    expect(excel.syncs).toBe(1);
  });

  it("gives the text of formula cells when asked, in the same requests", async () => {
    const fixture = readable[0]!;
    const fromFile = readWorkbook(await fixtureBytes(fixture), { source: fixture.file });
    const excel = new FakeExcel(fromFile.sheets.map(fakeSheetFrom));
    const read = await readWorkbookFromExcel(excel.context, { budget: DESKTOP_BUDGET, mergedAreas: true, formulas: true });
    expect(excel.syncs).toBe(3);
    expect(read.formulaAt("整改任务清单", 7, 1)).toBe("CACHED()");
    expect(read.formulaAt("整改任务清单", 8, 1)).toBeNull();
  });
});
