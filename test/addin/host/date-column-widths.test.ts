/**
 * The pane widens a column that gets dates, as the command line's patch does
 * (test/xlsx-patch/date-column-width.test.ts): in Excel through Office.js (points) and in WPS
 * through its VBA-like model (characters), both behind the Book interface. A column already as
 * wide, or hidden, is left alone; 撤销 puts the old width back with the rest of the batch.
 * Widths are checked on screen, in pixels, as the fakes keep them.
 */
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../../addin/host/apply-plan-to-book.js";
import type { Book } from "../../../addin/host/book.js";
import { DESKTOP_BUDGET } from "../../../addin/host/request-budget.js";
import { undoLatest } from "../../../addin/host/undo.js";
import { OfficeBook } from "../../../addin/excel/office-book.js";
import { WpsBook } from "../../../addin/wps/wps-book.js";
import { planNormalization } from "../../../analytics/normalize/plan.js";
import { LOG_RULE_WORDS } from "../../../analytics/normalize/log.js";
import { LOG_SHEET, type ChangePlan } from "../../../analytics/normalize/types.js";
import { FakeExcel, FakeSheet } from "../fake-excel.js";
import { FakeWps } from "../fake-wps.js";

const BATCH = "2026-11-25 10:00:00";
const AS_OF = "2019-12-31";

/**
 * Two ledgers whose deadlines are written as text, as clerks type them: 整改台账 with its
 * 完成时限 in D, 问题台账 with its 整改时限 in E.
 */
function ledgers(): [FakeSheet, FakeSheet] {
  const units = ["办公室", "财务股", "区人民医院"];
  const rectification = new FakeSheet("整改台账");
  ["序号", "存在问题", "责任单位", "完成时限", "完成情况"].forEach((h, i) => rectification.write(1, i + 1, h));
  const problems = new FakeSheet("问题台账");
  ["序号", "问题描述", "责任领导", "责任单位", "整改时限", "整改进度"].forEach((h, i) => problems.write(1, i + 1, h));
  for (let i = 1; i <= 6; i++) {
    const row = [i, `第${i}项问题：制度执行不到位`, units[i % units.length]!, `2019.${i + 3}.30`, i % 2 === 0 ? "已完成" : "正在推进"];
    row.forEach((raw, c) => rectification.setCell(i + 1, c + 1, { raw }));
    [i, `问题${i}：台账登记不及时`, "周亚平", units[i % units.length]!, `2019年${i + 3}月底前`, i % 2 === 0 ? "已整改" : "整改中"].forEach((raw, c) =>
      problems.setCell(i + 1, c + 1, { raw }),
    );
  }
  return [rectification, problems];
}

/** The deadline columns of the two ledgers. */
const D = 4;
const E = 5;

interface Opened {
  /** One task's workbook, as the pane gets it. */
  readonly book: () => Book;
}

interface Host {
  readonly name: string;
  open(sheets: FakeSheet[]): Opened;
}

const HOSTS: Host[] = [
  {
    name: "Excel (Office.js)",
    open(sheets) {
      const excel = new FakeExcel(sheets);
      return { book: () => new OfficeBook(excel.context, { budget: DESKTOP_BUDGET, mergedAreas: true }) };
    },
  },
  {
    name: "WPS (members as properties)",
    open(sheets) {
      const wps = new FakeWps(sheets, { members: "properties" });
      return { book: () => new WpsBook(wps.application) };
    },
  },
  {
    name: "WPS (members as methods)",
    open(sheets) {
      const wps = new FakeWps(sheets, { members: "methods" });
      return { book: () => new WpsBook(wps.application) };
    },
  },
];

async function planOf(book: Book): Promise<ChangePlan> {
  const read = await book.readSheets({ formulas: true });
  return planNormalization(read.workbook, { asOf: AS_OF, lang: "zh", formulaAt: read.formulaAt }).plan;
}

function apply(book: Book, plan: ChangePlan) {
  return applyPlan(book, plan, { budget: DESKTOP_BUDGET, batch: BATCH, lang: "zh" });
}

describe.each(HOSTS)("date columns in $name", (host) => {
  it("plans each ledger's deadline column as a date column, as the command line does", async () => {
    const { book } = host.open(ledgers());
    const plan = await planOf(book());
    expect(plan.dateColumns?.map((c) => [c.sheet, c.col, c.atLeast])).toEqual([
      ["整改台账", D, 15],
      ["问题台账", E, 15],
    ]);
  });

  it("widens a date column of the default width, and one of 10 characters, to show 2019年6月30日 (105 px on Calibri 11)", async () => {
    const [rectification, problems] = ledgers();
    problems.setPixels(E, 75); // 10 characters: "2019.6.30" as text showed, the date would show ####
    const { book } = host.open([rectification, problems]);
    const result = await apply(book(), await planOf(book()));
    expect(result.widened).toBe(2);
    expect([rectification.pixelsOf(D), problems.pixelsOf(E)]).toEqual([105, 105]);
    expect([rectification.pixelsOf(2), problems.pixelsOf(D)]).toEqual([64, 64]); // columns without dates keep their width
  });

  it("leaves a column already wide enough as it is, never narrower", async () => {
    const [rectification, problems] = ledgers();
    rectification.setPixels(D, 105);
    problems.setPixels(E, 200);
    const { book } = host.open([rectification, problems]);
    const result = await apply(book(), await planOf(book()));
    expect(result.widened).toBe(0);
    expect([rectification.pixelsOf(D), problems.pixelsOf(E)]).toEqual([105, 200]);
  });

  it("leaves a column the clerk hid after the preview hidden: widening would have shown it", async () => {
    const [rectification, problems] = ledgers();
    const { book } = host.open([rectification, problems]);
    const plan = await planOf(book());
    problems.hiddenColumns.add(E);
    const result = await apply(book(), plan);
    expect(result.widened).toBe(1);
    expect(problems.hiddenColumns.has(E)).toBe(true);
    expect(problems.columnPixels.has(E)).toBe(false);
    expect(rectification.pixelsOf(D)).toBe(105);
  });

  it("logs each widening in 变更记录 with the old and new width, and 撤销 narrows the column back", async () => {
    const [rectification, problems] = ledgers();
    problems.setPixels(E, 75);
    const { book } = host.open([rectification, problems]);
    await apply(book(), await planOf(book()));

    const { workbook } = await book().readSheets({ sheets: [LOG_SHEET] });
    const rows = workbook.sheets[0]!.rows.filter((row) => row?.[3] === LOG_RULE_WORDS["column-width"].zh);
    // Widths as Excel's and WPS's 列宽 dialog shows them: 64 px is 8.43 characters, 75 px 10,
    // 105 px 14.29.
    expect(rows.map((row) => [row?.[1], row?.[2], row?.[4], row?.[5], row?.[6]])).toEqual([
      ["整改台账", "D:D", 8.43, 14.29, "D列写入日期后加宽，以免日期显示为“####”"],
      ["问题台账", "E:E", 10, 14.29, "E列写入日期后加宽，以免日期显示为“####”"],
    ]);

    const undone = await undoLatest(book(), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET });
    expect(undone.widths).toBe(2);
    expect(undone.changedSince).toEqual([]);
    expect([rectification.pixelsOf(D), problems.pixelsOf(E)]).toEqual([64, 75]);
  });

  it("撤销 leaves a column the clerk resized since, and says which", async () => {
    const [rectification, problems] = ledgers();
    const { book } = host.open([rectification, problems]);
    await apply(book(), await planOf(book()));
    problems.setPixels(E, 160);

    const undone = await undoLatest(book(), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET });
    expect(undone.widths).toBe(1);
    expect(undone.changedSince).toEqual(["问题台账!E:E"]);
    expect([rectification.pixelsOf(D), problems.pixelsOf(E)]).toEqual([64, 160]);
  });

  it("a second normalize finds the columns wide enough and widens nothing", async () => {
    const [rectification, problems] = ledgers();
    const { book } = host.open([rectification, problems]);
    await apply(book(), await planOf(book()));
    const again = await apply(book(), await planOf(book()));
    expect(again.widened).toBe(0);
    expect(rectification.pixelsOf(D)).toBe(105);
  });
});

describe("Office.js widths in points, by the workbook's Normal font", () => {
  it("reads every date column's width, with the font, in one request", async () => {
    const excel = new FakeExcel(ledgers());
    const book = () => new OfficeBook(excel.context, { budget: DESKTOP_BUDGET, mergedAreas: true });
    const plan = await planOf(book());
    excel.resetCounts();
    await apply(book(), plan);
    const widthReads = excel.batches.filter((b) => b.loads.some((l) => l.props.includes("format/columnWidth")));
    expect(widthReads).toHaveLength(1);
    const widths = widthReads[0]!.loads.filter((l) => l.props.includes("format/columnWidth"));
    expect(widths.map((l) => `${l.sheet}!${l.address}`)).toEqual(["整改台账!D1", "问题台账!E1"]);
    expect(widthReads[0]!.loads.some((l) => l.address === "style Normal")).toBe(true);
  });

  it("撤销 reads the widened columns' widths in one request", async () => {
    const excel = new FakeExcel(ledgers());
    const book = () => new OfficeBook(excel.context, { budget: DESKTOP_BUDGET, mergedAreas: true });
    await apply(book(), await planOf(book()));
    excel.resetCounts();
    await undoLatest(book(), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET });
    const widthReads = excel.batches.filter((b) => b.loads.some((l) => l.props.includes("format/columnWidth")));
    expect(widthReads).toHaveLength(1);
    expect(widthReads[0]!.loads.filter((l) => l.props.includes("format/columnWidth"))).toHaveLength(2);
  });

  it("with SimSun 12 (an 8-pixel digit) as the default font, widens to 120 px, and 撤销 puts 64 back", async () => {
    const sheets = ledgers();
    const excel = new FakeExcel(sheets, { normalFont: { name: "宋体", size: 12 } });
    const book = () => new OfficeBook(excel.context, { budget: DESKTOP_BUDGET, mergedAreas: true });
    await apply(book(), await planOf(book()));
    expect(sheets.map((s, i) => s.pixelsOf([D, E][i]!))).toEqual([120, 120]);
    await undoLatest(book(), { budget: DESKTOP_BUDGET, logSheet: LOG_SHEET });
    expect(sheets.map((s, i) => s.pixelsOf([D, E][i]!))).toEqual([64, 64]);
  });

  it("a workbook with no style named Normal costs one request more and is sized on Calibri 11's digit", async () => {
    const sheets = ledgers();
    const excel = new FakeExcel(sheets, { normalFont: null });
    const book = () => new OfficeBook(excel.context, { budget: DESKTOP_BUDGET, mergedAreas: true });
    const plan = await planOf(book());
    excel.resetCounts();
    await apply(book(), plan);
    expect(excel.batches.filter((b) => b.loads.some((l) => l.props.includes("format/columnWidth")))).toHaveLength(2);
    expect(sheets.map((s, i) => s.pixelsOf([D, E][i]!))).toEqual([105, 105]);
  });
});
