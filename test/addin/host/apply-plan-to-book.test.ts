/**
 * Applying normalize's change plan to the open workbook and undoing it from 变更记录, through
 * Office.js faked with office-addin-mock. The plan comes from the real planner, so the add-in
 * makes exactly the edits the command line makes.
 */
import { describe, expect, it } from "vitest";
import { applyPlan, PlanConflictError } from "../../../addin/host/apply-plan-to-book.js";
import { DESKTOP_BUDGET, WEB_BUDGET, type RequestBudget } from "../../../addin/host/request-budget.js";
import { LOG_HEADERS, LOG_STATE_WORDS } from "../../../analytics/normalize/log.js";

const UNDONE = LOG_STATE_WORDS.undone.zh;
import { ExcelTaskError } from "../../../addin/host/task-error.js";
import { readWorkbookFromExcel } from "../../../addin/excel/read-workbook.js";
import { undoLatest } from "../../../addin/host/undo.js";
import { OfficeBook } from "../../../addin/excel/office-book.js";
import { planNormalization } from "../../../analytics/normalize/plan.js";
import { LOG_SHEET, type ChangePlan } from "../../../analytics/normalize/types.js";
import { sameValue } from "../../../analytics/normalize/values.js";
import { a1 } from "../../../analytics/sheet/address.js";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { rectification15 } from "../../fixtures/ledgers.js";
import { FakeExcel, FakeSheet, fakeSheetFrom, ZH_DATE } from "../fake-excel.js";
import { FINISH_AS_OF, sheetFinishBytes } from "../../analytics/normalize/sheet-finish-cases.js";

const BATCH = "2026-11-25 10:00:00";

async function sampleExcel(): Promise<FakeExcel> {
  const workbook = readWorkbook(await fixtureBytes(rectification15), { source: rectification15.file });
  return new FakeExcel(workbook.sheets.map(fakeSheetFrom));
}

async function planFor(excel: FakeExcel, asOf = rectification15.asOf, overdueColumn = false): Promise<ChangePlan> {
  const read = await readWorkbookFromExcel(excel.context, { budget: DESKTOP_BUDGET, mergedAreas: true, formulas: true });
  return planNormalization(read.workbook, { asOf, lang: "zh", overdueColumn, formulaAt: read.formulaAt }).plan;
}

/** Every cell of a sheet as the core sees it, formulas as "=…". */
function snapshot(sheet: FakeSheet): Record<string, CellValue | string> {
  const cells: Record<string, CellValue | string> = {};
  sheet.cells.forEach((row, r) =>
    row?.forEach((c, i) => {
      if (c === undefined) return;
      cells[a1(r + 1, i + 1)] = c.formula !== undefined ? `=${c.formula}` : sheet.modelValue(r + 1, i + 1);
    }),
  );
  return cells;
}

/** The fake Excel behind the workbook interface, as the pane's tasks get it in Excel.run. */
function book(excel: FakeExcel, budget: RequestBudget = DESKTOP_BUDGET): OfficeBook {
  return new OfficeBook(excel.context, { budget, mergedAreas: true });
}

function apply(excel: FakeExcel, plan: ChangePlan, budget: RequestBudget = DESKTOP_BUDGET) {
  return applyPlan(book(excel, budget), plan, { budget, batch: BATCH, lang: "zh" });
}

describe("applying a change plan", () => {
  it("writes every planned value, and nothing else, in seven requests", async () => {
    const excel = await sampleExcel();
    const sheet = excel.sheet("整改任务清单");
    const before = snapshot(sheet);
    const plan = await planFor(excel);
    expect(plan.edits.length).toBeGreaterThan(10);
    excel.resetCounts();

    const result = await apply(excel, plan);
    // 1: the sheets are still there; 2: the edited cells read back; 3, 4: the conditional
    // formats already there (types, then formulas); 5: whether the dissolved merges' text
    // already wraps; 6: how wide the date columns are (with the Normal font); 7: log and plan written.
    expect(excel.syncs).toBe(7);
    expect(result.writeRequests).toBe(1);

    const after = snapshot(sheet);
    const edited = new Set(plan.edits.map((e) => e.cell));
    for (const e of plan.edits) {
      const now = e.after !== null && typeof e.after === "object" && "formula" in e.after ? sheet.formulaAt(e.row, e.col) : sheet.modelValue(e.row, e.col);
      const expected = e.after !== null && typeof e.after === "object" && "formula" in e.after ? `=${e.after.formula}` : e.after;
      expect({ cell: e.cell, value: now }).toEqual({ cell: e.cell, value: expected });
      if (e.numFmt) expect(sheet.format(e.row, e.col)).toBe(e.numFmt);
    }
    for (const [cell, value] of Object.entries(before)) if (!edited.has(cell)) expect({ cell, value: after[cell] }).toEqual({ cell, value });
  });

  it("dissolves the planned merges, adds the status dropdown and the overdue formats", async () => {
    const excel = await sampleExcel();
    const plan = await planFor(excel);
    await apply(excel, plan);
    const sheet = excel.sheet("整改任务清单");
    for (const u of plan.unmerges) expect(sheet.merges).not.toContainEqual(u.range);
    expect(sheet.merges).toContainEqual({ top: 4, left: 5, bottom: 4, right: 7 }); // 责任主体 over three columns stays

    expect(sheet.validations.map((v) => ({ ref: v.ref, rule: v.rule, style: v.errorAlert?.style }))).toEqual(
      plan.validations.map((v) => ({ ref: v.ref, rule: { list: { inCellDropDown: true, source: v.words.join(",") } }, style: v.errorStyle === "stop" ? "Stop" : "Warning" })),
    );

    // Office.js adds each format at the top, so the last added ends first: the plan's order.
    const formats = [...sheet.conditionalFormats].reverse();
    expect(formats.map((f) => ({ sqref: f.sqref, formula: f.custom.rule.formula, fill: f.custom.format.fill.color, font: f.custom.format.font.color }))).toEqual(
      [...plan.flags]
        .sort((a, b) => a.priority - b.priority)
        .map((f) => ({ sqref: f.sqref, formula: `=${f.formula}`, fill: `#${f.fill.slice(2)}`, font: `#${f.font.slice(2)}` })),
    );
    // 待核实 first; the overdue rule anchored on the first item row: the deadline $H6 against TODAY(), live in the workbook.
    const overdue = formats[plan.flags.findIndex((f) => f.kind === "overdue")]!;
    expect(overdue.custom.rule.formula).toContain("ISNUMBER($H6)");
    expect(overdue.custom.rule.formula).toContain("TODAY()");
  });

  it("logs every change on 变更记录 with the old value as it was", async () => {
    const excel = await sampleExcel();
    const plan = await planFor(excel);
    const result = await apply(excel, plan);
    const log = excel.sheet(LOG_SHEET);
    expect(LOG_HEADERS.zh.map((_, i) => log.modelValue(1, i + 1))).toEqual([...LOG_HEADERS.zh]);
    expect(log.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1 } });
    // The fixture's 完成时限 column has Excel's default width, too narrow for 2019年6月30日: widened, and logged.
    expect(result.widened).toBe(plan.dateColumns!.length);
    const rows = plan.unmerges.length + plan.merges.length + plan.edits.length + plan.wraps.length + plan.conflicts.length + plan.validations.length + plan.flags.length + result.widened;
    expect(log.used()?.bottom).toBe(rows + 1);
    const logged = new Map<string, CellValue>();
    for (let r = 2; r <= rows + 1; r++) if (log.modelValue(r, 4) !== "取消合并") logged.set(String(log.modelValue(r, 3)), log.modelValue(r, 5));
    const text8 = plan.edits.find((e) => e.cell === "H8")!;
    expect(text8.before).toBe("2019/9/30");
    expect(logged.get("H8")).toBe("2019/9/30"); // text that looks like a date is logged as text
    for (let r = 2; r <= rows + 1; r++) {
      expect(log.modelValue(r, 1)).toBe(BATCH);
      expect(log.modelValue(r, 9)).toBe("已应用");
    }
  });

  it("refuses the whole plan when a cell changed after the preview, writing nothing", async () => {
    const excel = await sampleExcel();
    const plan = await planFor(excel);
    const sheet = excel.sheet("整改任务清单");
    const target = plan.edits.find((e) => e.rule === "deadline-date")!;
    sheet.write(target.row, target.col, "'2020年1月底");
    const before = snapshot(sheet);
    excel.resetCounts();
    await expect(apply(excel, plan)).rejects.toBeInstanceOf(PlanConflictError);
    await expect(apply(excel, plan)).rejects.toThrow(`整改任务清单!${target.cell}`);
    expect(excel.batches.flatMap((b) => b.ops)).toEqual([]);
    expect(snapshot(sheet)).toEqual(before);
    expect(excel.sheets.map((s) => s.name)).not.toContain(LOG_SHEET);
  });

  it("puts its log beside a clerk's own sheet named 变更记录, never under its headers", async () => {
    const excel = await sampleExcel();
    const own = new FakeSheet(LOG_SHEET);
    ["日期", "变更内容", "经办人"].forEach((h, i) => own.write(1, i + 1, h));
    own.write(2, 1, "'3月5日");
    excel.sheets.push(own);
    const plan = await planFor(excel);
    expect(plan.logSheet).toBe("变更记录(台账助手)");
    await apply(excel, plan);
    expect(own.used()).toEqual({ top: 1, left: 1, bottom: 2, right: 3 });
    expect(excel.sheet("变更记录(台账助手)").modelValue(1, 2)).toBe("工作表");
    const undone = await undoLatest(book(excel), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET });
    expect(undone.restored).toBe(plan.edits.length);
  });

  it("will not write into a 变更记录 sheet that is not a log, made after the preview", async () => {
    const excel = await sampleExcel();
    const plan = await planFor(excel);
    const log = new FakeSheet(LOG_SHEET);
    ["日期", "变更内容", "经办人"].forEach((h, i) => log.write(1, i + 1, h));
    excel.sheets.push(log);
    excel.resetCounts();
    await expect(apply(excel, plan)).rejects.toThrow("不是变更记录");
    expect(excel.batches.flatMap((b) => b.ops)).toEqual([]);
  });

  it("a second preview after applying finds nothing left to do, and the formats are not added twice", async () => {
    const excel = await sampleExcel();
    await apply(excel, await planFor(excel));
    const again = await planFor(excel);
    expect(again.edits).toEqual([]);
    expect(again.unmerges).toEqual([]);
    const formats = excel.sheet("整改任务清单").conditionalFormats.length;
    const result = await apply(excel, again);
    expect(result.flags).toBe(0);
    expect(excel.sheet("整改任务清单").conditionalFormats.length).toBe(formats);
  });
});

describe("batches", () => {
  /** A ledger whose N deadlines are all text: normalize turns the whole column into dates. */
  function textDeadlines(n: number): FakeExcel {
    const sheet = new FakeSheet("台账");
    ["序号", "存在问题", "责任单位", "完成时限", "完成情况"].forEach((h, i) => sheet.write(1, i + 1, h));
    for (let i = 1; i <= n; i++) {
      sheet.setCell(i + 1, 1, { raw: i });
      sheet.setCell(i + 1, 2, { raw: `第${i}项问题` });
      sheet.setCell(i + 1, 3, { raw: "办公室" });
      sheet.setCell(i + 1, 4, { raw: "2019年6月30日前" });
      sheet.setCell(i + 1, 5, { raw: "已完成" });
    }
    return new FakeExcel([sheet]);
  }

  it("a column of 10,000 text deadlines is one block write, not 10,000", async () => {
    const excel = textDeadlines(10_000);
    const plan = await planFor(excel);
    expect(plan.edits.filter((e) => e.rule === "deadline-date").length).toBe(10_000);
    excel.resetCounts();
    await apply(excel, plan);
    const writes = excel.batches.flatMap((b) => b.ops).filter((o) => o.sheet === "台账" && (o.op === "values" || o.op === "formulas"));
    expect(writes).toEqual([{ op: "values", sheet: "台账", ref: "D2:D10001", cells: 10_000 }]);
    expect(excel.sheet("台账").modelValue(10_001, 4)).toEqual({ day: "2019-06-30" });
    expect(excel.sheet("台账").format(2, 4)).toBe(ZH_DATE);
  });

  it("on Excel on the web the log goes 2,222 rows to a request, then the plan", async () => {
    const excel = textDeadlines(10_000);
    const plan = await planFor(excel);
    excel.resetCounts();
    const result = await apply(excel, plan, WEB_BUDGET);
    const logRows = plan.edits.length + plan.validations.length + plan.flags.length + result.widened;
    // A log row is 9 cells and 9 formats: 40,000 / 18 = 2,222 rows fill a request.
    const rowsPerRequest = Math.floor(WEB_BUDGET.cellsPerRequest / 18);
    expect(rowsPerRequest).toBe(2_222);
    const logBatches = Math.ceil(logRows / rowsPerRequest);
    // Before the writes: the sheets, the edited cells (one request: 10,000 cells), the formats,
    // the date column's width.
    expect(excel.syncs - result.writeRequests).toBe(5);
    const writeBatches = excel.batches.slice(5);
    const blocks = writeBatches.map((b) => b.ops.filter((o) => o.sheet === LOG_SHEET && o.op === "values" && o.ref !== "A1:I1").map((o) => o.ref));
    expect(blocks.flat()).toEqual(
      Array.from({ length: logBatches }, (_, i) => `A${2 + i * rowsPerRequest}:I${Math.min(1 + (i + 1) * rowsPerRequest, logRows + 1)}`),
    );
    for (const refs of blocks) expect(refs.length).toBeLessThanOrEqual(1); // each block fills a request
    const planWrites = writeBatches.flatMap((b) => b.ops).filter((o) => o.sheet === "台账");
    expect(planWrites.map((o) => o.op)).toEqual(["numberFormat", "values", "clear-validation", "validation", "add-format", "add-format", "column-width"]);
    for (const b of writeBatches) expect(b.ops.reduce((n, o) => n + (o.cells ?? 0), 0)).toBeLessThanOrEqual(WEB_BUDGET.cellsPerRequest);
  });
});

describe("撤销 from 变更记录", () => {
  it("puts every cell, merge and format back, and marks the batch undone", async () => {
    const excel = await sampleExcel();
    const sheet = excel.sheet("整改任务清单");
    const original = snapshot(sheet);
    const merges = [...sheet.merges];
    const plan = await planFor(excel, rectification15.asOf, true);
    await apply(excel, plan);
    expect(snapshot(sheet)).not.toEqual(original);

    const result = await undoLatest(book(excel), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET });
    expect(result.restored).toBe(plan.edits.length);
    expect(result.changedSince).toEqual([]);
    expect(snapshot(sheet)).toEqual(original);
    expect([...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual([...merges].sort((a, b) => a.top - b.top || a.left - b.left));
    expect(sheet.conditionalFormats.filter((f) => !f.deleted)).toEqual([]);
    expect(sheet.validations.every((v) => v.cleared)).toBe(true);
    const log = excel.sheet(LOG_SHEET);
    for (let r = 2; r <= log.used()!.bottom; r++) expect(log.modelValue(r, 9)).toBe(UNDONE);

    await expect(undoLatest(book(excel), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET })).rejects.toThrow("没有可撤销的修改");
  });

  it("leaves a cell a clerk edited since alone, and says so", async () => {
    const excel = await sampleExcel();
    const plan = await planFor(excel);
    await apply(excel, plan);
    const sheet = excel.sheet("整改任务清单");
    const edit = plan.edits.find((e) => e.rule === "status-word")!;
    sheet.write(edit.row, edit.col, "已完成");
    const result = await undoLatest(book(excel), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET });
    expect(result.changedSince).toEqual([`整改任务清单!${edit.cell}`]);
    expect(sheet.modelValue(edit.row, edit.col)).toBe("已完成");
    const other = plan.edits.find((e) => e.rule === "deadline-date")!;
    expect(sameValue(sheet.modelValue(other.row, other.col), other.before)).toBe(true);
  });

  it("undoes the newest batch first, then the one before", async () => {
    const excel = await sampleExcel();
    const sheet = excel.sheet("整改任务清单");
    const original = snapshot(sheet);
    await apply(excel, await planFor(excel));
    const normalized = snapshot(sheet);
    const flagsOnly = await planFor(excel, rectification15.asOf, true);
    await applyPlan(book(excel), flagsOnly, { budget: DESKTOP_BUDGET, batch: "2026-11-25 11:00:00", lang: "zh" });
    expect(snapshot(sheet)).not.toEqual(normalized);

    expect((await undoLatest(book(excel), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET })).batch).toBe("2026-11-25 11:00:00");
    expect(snapshot(sheet)).toEqual(normalized);
    expect((await undoLatest(book(excel), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET })).batch).toBe(BATCH);
    expect(snapshot(sheet)).toEqual(original);
  });

  it("undoes the first six-column log the command line wrote (rule ids, no batch, no 状态)", async () => {
    const excel = await sampleExcel();
    const sheet = excel.sheet("整改任务清单");
    sheet.write(7, 9, "推进中");
    const log = new FakeSheet(LOG_SHEET);
    ["工作表", "单元格", "规则", "原值", "新值", "原因"].forEach((h, i) => log.write(1, i + 1, h));
    ["整改任务清单", "I7", "status-word", "正在推进", "推进中", "“正在推进”统一写作“推进中”"].forEach((v, i) => log.write(2, i + 1, v));
    excel.sheets.push(log);
    const result = await undoLatest(book(excel), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET });
    expect(result.restored).toBe(1);
    expect(sheet.modelValue(7, 9)).toBe("正在推进");
  });

  it("says there is nothing to undo in a workbook without 变更记录", async () => {
    const excel = await sampleExcel();
    const error = await undoLatest(book(excel), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelTaskError);
    expect((error as ExcelTaskError).in("zh")).toBe("没有“变更记录”工作表，没有可撤销的修改");
    expect((error as ExcelTaskError).in("en")).toBe("no “变更记录” sheet: nothing to undo");
  });
});

describe("the normalized sheet's finish, in the pane", () => {
  async function finishExcel(): Promise<FakeExcel> {
    const workbook = readWorkbook(await sheetFinishBytes(), { source: "finish.xlsx" });
    return new FakeExcel(workbook.sheets.map(fakeSheetFrom));
  }

  /** Values, number formats, merges and wrapping: what a clerk sees of the sheet. */
  function looks(sheet: FakeSheet): unknown {
    const formats: Record<string, string> = {};
    sheet.formats.forEach((row, r) =>
      row?.forEach((_, c) => {
        const format = sheet.format(r + 1, c + 1);
        if (format !== "General") formats[a1(r + 1, c + 1)] = format;
      }),
    );
    return { cells: snapshot(sheet), formats, merges: [...sheet.merges].map((m) => JSON.stringify(m)).sort(), wrapped: [...sheet.wrapped].sort() };
  }

  it("applies one date format, the spanning 逾期天数 header and wrapped categories as the command line does, and 撤销 restores exactly", async () => {
    const excel = await finishExcel();
    const sheet = excel.sheet("整改台账");
    const original = looks(sheet);
    const plan = await planFor(excel, FINISH_AS_OF, true);
    await apply(excel, plan);

    for (const row of [4, 5, 6, 7, 8]) expect({ row, format: sheet.format(row, 6) }).toEqual({ row, format: 'yyyy"年"m"月"d"日"' });
    expect(sheet.merges).toContainEqual({ top: 2, left: 9, bottom: 3, right: 9 });
    expect(sheet.modelValue(2, 9)).toBe("逾期天数");
    expect(sheet.format(4, 9)).toBe('0"天"');
    expect(sheet.wrapped).toEqual(new Set(["B4", "B5", "B6", "B7", "B8", "B9"]));
    // The conflict stays as written.
    expect(sheet.modelValue(6, 7)).toBe("已办结");
    // The header merge comes after its text: Office refuses to write into a merged cell's covered part.
    const ops = excel.batches.flatMap((b) => b.ops).filter((o) => o.sheet === "整改台账");
    expect(ops.findIndex((o) => o.op === "merge")).toBeGreaterThan(ops.findIndex((o) => o.op === "values" && o.ref.startsWith("I2")));

    const undone = await undoLatest(book(excel), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET });
    expect(undone.changedSince).toEqual([]);
    expect(looks(sheet)).toEqual(original);
  });

  it("does not wrap, nor later unwrap, a category the clerk had wrapped", async () => {
    const excel = await finishExcel();
    const sheet = excel.sheet("整改台账");
    sheet.wrapped.add("B4");
    const plan = await planFor(excel, FINISH_AS_OF, true);
    await apply(excel, plan);
    const log = excel.sheet(LOG_SHEET);
    const wrapRows = Array.from({ length: log.used()!.bottom }, (_, i) => i + 1).filter((r) => log.modelValue(r, 4) === "自动换行");
    expect(wrapRows.map((r) => log.modelValue(r, 3))).toEqual(["B7:B9"]);
    await undoLatest(book(excel), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET });
    expect(sheet.wrapped.has("B4")).toBe(true);
  });
});
