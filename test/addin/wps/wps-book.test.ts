/**
 * The WPS adapter (addin/wps/) on the fake WPS Application of fake-wps.ts, in both member
 * styles WPS versions have (properties, and zero-argument methods): it reads a workbook into
 * the same sheet model the file reader makes, applies and undoes the same change plan through
 * the same 变更记录 log as Excel, inserts the 完成情况 sheet with native charts, selects cells and
 * keeps settings in the workbook.
 */
import { sourcedStarts } from "../../../analytics/ledger-start.js";
import { DEFAULT_LIGHT_RULES, unitLights } from "../../../analytics/lights.js";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../../addin/host/apply-plan-to-book.js";
import { summaryLayout } from "../../../analytics/overview/completion-sheet.js";
import { undoLatest } from "../../../addin/host/undo.js";
import { propertySettings, wpsApplication, wpsHostInfo } from "../../../addin/wps/wps-host.js";
import { WpsBook } from "../../../addin/wps/wps-book.js";
import { consolidate } from "../../../analytics/consolidate.js";
import { analyzeWorkbook } from "../../../analytics/ledger.js";
import { planNormalization } from "../../../analytics/normalize/plan.js";
import { LOG_HEADERS, LOG_STATE_WORDS } from "../../../analytics/normalize/log.js";
import { LOG_SHEET, type ChangePlan } from "../../../analytics/normalize/types.js";
import { a1 } from "../../../analytics/sheet/address.js";
import type { CellValue, Sheet } from "../../../analytics/sheet/sheet-model.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { FIXTURES, rectification15 } from "../../fixtures/ledgers.js";
import { fakeSheetFrom, hiddenDeadlineSheet, ledgerSheet, type FakeSheet } from "../fake-excel.js";
import { FakeWps, type MemberStyle } from "../fake-wps.js";
import { FINISH_AS_OF, sheetFinishBytes } from "../../analytics/normalize/sheet-finish-cases.js";

const BATCH = "2026-11-25 10:00:00";
const UNDONE = LOG_STATE_WORDS.undone.zh;
const STYLES: MemberStyle[] = ["properties", "methods"];

function comparable(sheet: Sheet) {
  const cells: Record<string, CellValue> = {};
  sheet.rows.forEach((row, r) => row?.forEach((v, c) => v !== null && (cells[a1(r + 1, c + 1)] = v)));
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    cells,
    merges: [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    hiddenColumns: [...(sheet.hiddenColumns ?? [])].sort((a, b) => a - b),
    formulaCells: [...sheet.formulaCells].sort(),
    percentCells: [...(sheet.percentCells ?? [])].sort(),
  };
}

function snapshot(sheet: FakeSheet): Record<string, CellValue | string> {
  const cells: Record<string, CellValue | string> = {};
  sheet.cells.forEach((row, r) =>
    row?.forEach((c, i) => {
      if (c !== undefined) cells[a1(r + 1, i + 1)] = c.formula !== undefined ? `=${c.formula}` : sheet.modelValue(r + 1, i + 1);
    }),
  );
  return cells;
}

async function sampleWps(members: MemberStyle, options: { date1904?: boolean; languageId?: number } = {}): Promise<FakeWps> {
  const workbook = readWorkbook(await fixtureBytes(rectification15), { source: rectification15.file });
  return new FakeWps(workbook.sheets.map(fakeSheetFrom), { members, ...options });
}

async function planFor(book: WpsBook, overdueColumn = false): Promise<ChangePlan> {
  const read = await book.readSheets({ formulas: true });
  return planNormalization(read.workbook, { asOf: rectification15.asOf, lang: "zh", overdueColumn, formulaAt: read.formulaAt }).plan;
}

describe.each(STYLES)("WPS with members as %s", (members) => {
  it("is a WPS whose members are " + members, async () => {
    const wps = await sampleWps(members);
    expect(typeof (wps.application as Record<string, unknown>).ActiveWorkbook).toBe(members === "methods" ? "function" : "object");
    expect(wpsApplication({ Application: wps.application })).toBe(wps.application);
    expect(wpsApplication({ wps: { EtApplication: () => wps.application } })).toBe(wps.application);
    expect(wpsApplication({ wps: { EtApplication: () => { throw new Error("not in ET"); } } })).toBeNull();
    expect(wpsApplication({})).toBeNull();
  });

  it.each(FIXTURES.filter((f) => f.file !== "empty.xlsx").map((f) => [f.file, f] as const))("reads %s as the file reader reads it", async (_file, fixture) => {
    const fromFile = readWorkbook(await fixtureBytes(fixture), { source: fixture.file });
    const wps = new FakeWps(fromFile.sheets.map(fakeSheetFrom), { members });
    const read = await new WpsBook(wps.application).readSheets();
    expect(read.workbook.sheets.map(comparable)).toEqual(fromFile.sheets.map(comparable));
  });

  it("reads error cells, merged areas, hidden rows and formulas of the sample", async () => {
    const wps = await sampleWps(members);
    const read = await new WpsBook(wps.application).readSheets({ formulas: true });
    const sheet = read.workbook.sheets[0]!;
    expect(sheet.rows[15]?.[10]).toEqual({ error: "#N/A" });
    expect(sheet.merges.length).toBeGreaterThan(5);
    expect([...sheet.hiddenRows]).toEqual([21]);
    expect(read.formulaAt(sheet.name, 7, 1)).toBe("CACHED()");
    expect(read.workbook.source).toBe("整改台账.xlsx");
  });

  it("reads hidden columns, so an old deadline column the clerk hid loses to the visible one, as in the file", async () => {
    const wps = new FakeWps([fakeSheetFrom(hiddenDeadlineSheet())], { members });
    const read = await new WpsBook(wps.application).readSheets();
    expect([...(read.workbook.sheets[0]!.hiddenColumns ?? [])]).toEqual([4]);
    const { ledgers } = analyzeWorkbook(read.workbook, { asOf: "2026-06-30" });
    expect(ledgers[0]!.header.roles.get("deadline")).toBe(5);
  });

  it("reads a 10,000-row ledger with a few calls per column, not one per cell", async () => {
    const sheet = ledgerSheet("台账", 10_000);
    sheet.merges.push({ top: 3, bottom: 400, left: 2, right: 2 });
    sheet.hiddenRows = new Set([500, 501, 9_000]);
    const wps = new FakeWps([sheet], { members });
    const read = await new WpsBook(wps.application).readSheets();
    const model = read.workbook.sheets[0]!;
    expect(model.rows[9_001]?.[7]).toEqual({ day: "2019-01-28" }); // item 9,000 on row 9,002
    expect(model.merges).toEqual([{ top: 3, bottom: 400, left: 2, right: 2 }]);
    expect([...model.hiddenRows]).toEqual([500, 501, 9_000]);
    const cells = 10_002 * 11;
    // A handful of calls per column for number formats, the 398-row merge and the hidden rows.
    expect(wps.reads.get("NumberFormat")!).toBeLessThan(cells / 1_000);
    expect(wps.reads.get("MergeCells")!).toBeLessThan(cells / 1_000);
    expect(wps.reads.get("MergeArea")!).toBeLessThan(20);
    expect(wps.reads.get("Hidden")!).toBeLessThan(200);
  });

  it("refuses a workbook on the 1904 date system", async () => {
    const wps = await sampleWps(members, { date1904: true });
    await expect(new WpsBook(wps.application).readSheets()).rejects.toThrow(/1904 日期系统.*1904 date system/su);
  });

  it("applies the plan Excel applies: values, formats, dropdowns, live flags in the plan's order, and the log", async () => {
    const wps = await sampleWps(members);
    const book = new WpsBook(wps.application);
    const plan = await planFor(book);
    const sheet = wps.sheet("整改任务清单");
    const before = snapshot(sheet);
    const result = await applyPlan(book, plan, { budget: book.budget, batch: BATCH, lang: "zh" });
    expect(result.edits).toBe(plan.edits.length);

    const edited = new Set(plan.edits.map((e) => e.cell));
    for (const e of plan.edits) {
      const formula = e.after !== null && typeof e.after === "object" && "formula" in e.after;
      expect({ cell: e.cell, value: formula ? sheet.formulaAt(e.row, e.col) : sheet.modelValue(e.row, e.col) }).toEqual({ cell: e.cell, value: formula ? `=${(e.after as { formula: string }).formula}` : e.after });
      if (e.numFmt) expect(sheet.format(e.row, e.col)).toBe(e.numFmt);
    }
    const after = snapshot(sheet);
    for (const [cell, value] of Object.entries(before)) if (!edited.has(cell)) expect({ cell, value: after[cell] }).toEqual({ cell, value });
    for (const u of plan.unmerges) expect(sheet.merges).not.toContainEqual(u.range);
    expect(sheet.validations.map((v) => v.ref)).toEqual(plan.validations.map((v) => v.ref));
    expect(sheet.conditionalFormats.map((f) => ({ formula: f.custom.rule.formula, fill: f.custom.format.fill.color }))).toEqual(
      [...plan.flags].sort((a, b) => a.priority - b.priority).map((f) => ({ formula: `=${f.formula}`, fill: `#${f.fill.slice(2)}` })),
    );

    const log = wps.sheet(LOG_SHEET);
    expect(LOG_HEADERS.zh.map((_, i) => log.modelValue(1, i + 1))).toEqual([...LOG_HEADERS.zh]);
    expect(log.pageLayout).toEqual({ Orientation: 2, PaperSize: 9, Zoom: false, FitToPagesWide: 1, FitToPagesTall: false });
    expect(result.widened).toBe(plan.dateColumns!.length);
    expect(log.used()?.bottom).toBe(plan.unmerges.length + plan.merges.length + plan.edits.length + plan.wraps.length + plan.conflicts.length + plan.validations.length + plan.flags.length + result.widened + 1);
    expect(log.modelValue(2, 1)).toBe(BATCH);
  });

  it("a second apply finds nothing left to do and adds no format twice", async () => {
    const wps = await sampleWps(members);
    const book = new WpsBook(wps.application);
    await applyPlan(book, await planFor(book), { budget: book.budget, batch: BATCH, lang: "zh" });
    const formats = wps.sheet("整改任务清单").conditionalFormats.length;
    const again = await planFor(book);
    expect(again.edits).toEqual([]);
    expect((await applyPlan(book, again, { budget: book.budget, batch: "2026-11-25 11:00:00", lang: "zh" })).flags).toBe(0);
    expect(wps.sheet("整改任务清单").conditionalFormats.length).toBe(formats);
  });

  it("writes one date format, the spanning 逾期天数 header and wrapped categories, and 撤销 takes them back", async () => {
    const workbook = readWorkbook(await sheetFinishBytes(), { source: "finish.xlsx" });
    const wps = new FakeWps(workbook.sheets.map(fakeSheetFrom), { members });
    const book = new WpsBook(wps.application);
    const sheet = wps.sheet("整改台账");
    const original = { cells: snapshot(sheet), deadlines: [4, 5, 6, 7, 8].map((r) => sheet.format(r, 6)), merges: sheet.merges.length };
    const read = await book.readSheets({ formulas: true });
    const plan = planNormalization(read.workbook, { asOf: FINISH_AS_OF, lang: "zh", overdueColumn: true, formulaAt: read.formulaAt }).plan;
    await applyPlan(book, plan, { budget: book.budget, batch: BATCH, lang: "zh" });
    expect([4, 5, 6, 7, 8].map((r) => sheet.format(r, 6))).toEqual(new Array(5).fill('yyyy"年"m"月"d"日"'));
    expect(sheet.merges).toContainEqual({ top: 2, left: 9, bottom: 3, right: 9 });
    expect(sheet.wrapped).toEqual(new Set(["B4", "B5", "B6", "B7", "B8", "B9"]));

    await undoLatest(book, { budget: book.budget, logSheet: LOG_SHEET });
    expect({ cells: snapshot(sheet), deadlines: [4, 5, 6, 7, 8].map((r) => sheet.format(r, 6)), merges: sheet.merges.length }).toEqual(original);
    expect(sheet.wrapped.size).toBe(0);
  });

  it("撤销 puts every cell, merge and format back from 变更记录, then has nothing left to undo", async () => {
    const wps = await sampleWps(members);
    const book = new WpsBook(wps.application);
    const sheet = wps.sheet("整改任务清单");
    const original = snapshot(sheet);
    const merges = [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    const plan = await planFor(book, true);
    await applyPlan(book, plan, { budget: book.budget, batch: BATCH, lang: "zh" });
    expect(snapshot(sheet)).not.toEqual(original);

    const result = await undoLatest(book, { budget: book.budget, logSheet: LOG_SHEET });
    expect(result.restored).toBe(plan.edits.length);
    expect(result.changedSince).toEqual([]);
    expect(result.formats).toBe(plan.flags.length);
    expect(snapshot(sheet)).toEqual(original);
    expect([...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual(merges);
    expect(sheet.conditionalFormats.filter((f) => !f.deleted)).toEqual([]);
    expect(sheet.validations.every((v) => v.cleared)).toBe(true);
    const log = wps.sheet(LOG_SHEET);
    for (let r = 2; r <= log.used()!.bottom; r++) expect(log.modelValue(r, 9)).toBe(UNDONE);
    await expect(undoLatest(book, { budget: book.budget, logSheet: LOG_SHEET })).rejects.toThrow("没有可撤销的修改");
  });

  it("inserts the 完成情况 sheet with four native charts, and replaces its own on a second insert", async () => {
    const wps = await sampleWps(members);
    const book = new WpsBook(wps.application);
    const { workbook } = await book.readSheets();
    const { ledgers } = analyzeWorkbook(workbook, { asOf: rectification15.asOf, lang: "zh" });
    const submissions = [{ file: workbook.source, ledgers }];
    const { summary, items } = consolidate(submissions);
    const lights = unitLights(items, { asOf: rectification15.asOf, startOf: sourcedStarts(submissions), rules: DEFAULT_LIGHT_RULES });
    const layout = summaryLayout({ summary, items: [...items], asOf: rectification15.asOf, dueSoonDays: 7, source: workbook.source, lang: "zh", lights });
    expect(await book.insertSummary(layout)).toEqual({ sheet: "完成情况", charts: 4, replaced: false });
    const inserted = wps.sheet("完成情况");
    expect(inserted.charts.map((c) => c.type)).toEqual(["Doughnut", "BarStacked", "BarStacked", "BarStacked"]);
    expect(inserted.charts[0]!.pointColors.length).toBeGreaterThan(1);
    expect(inserted.modelValue(1, 1)).toBe(layout.title);
    expect(wps.active).toBe("完成情况");
    expect(await book.insertSummary(layout)).toEqual({ sheet: "完成情况", charts: 4, replaced: true });
    expect(wps.sheets.filter((s) => s.name === "完成情况").length).toBe(1);
    expect(wps.displayAlerts).toBe(true);
  });

  it("selects a finding's cell on its sheet", async () => {
    const wps = await sampleWps(members);
    await new WpsBook(wps.application).select("整改任务清单", "H16");
    expect(wps.selection).toEqual({ sheet: "整改任务清单", ref: "H16" });
    expect(wps.active).toBe("整改任务清单");
  });

  it("keeps settings in the workbook's custom properties, long values in parts", async () => {
    const wps = await sampleWps(members);
    const settings = propertySettings(wps.application);
    expect(await settings.get("columns")).toBeNull();
    const long = { deadline: "H", note: "说明".repeat(200) };
    await settings.set("columns", long);
    expect(wps.properties.size).toBeGreaterThan(1);
    expect(await settings.get("columns")).toEqual(long);
    await settings.set("columns", { deadline: "I" });
    expect(await settings.get("columns")).toEqual({ deadline: "I" });
    expect([...wps.properties.keys()]).toEqual(["taizhang.columns"]);
  });

  it("speaks the language of WPS's menus", async () => {
    expect(wpsHostInfo((await sampleWps(members, { languageId: 1033 })).application).lang).toBe("en");
    expect(wpsHostInfo((await sampleWps(members, { languageId: 2052 })).application).lang).toBe("zh");
  });
});
