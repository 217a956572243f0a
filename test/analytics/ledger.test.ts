import { describe, expect, it } from "vitest";
import { analyzeSheet, analyzeWorkbook, ledgerHeader } from "../../analytics/ledger.js";
import { LOG_HEADERS } from "../../analytics/normalize/log.js";
import { MergeIndex } from "../../analytics/sheet/merge-index.js";
import { detectHeader } from "../../analytics/header.js";
import { toReport } from "../../analytics/check-report.js";
import { _, sheetOf } from "../helpers/sheet.js";
import { expectValidReport } from "../helpers/schema.js";

/** A small rectification ledger in the shape of seed 004, as of the end of 2019. */
const rectification = sheetOf(
  [
    ["附件1"],
    ["娄星区卫生健康局巡察反馈问题整改任务清单"],
    ["填报单位：娄星区卫生健康局　　填报日期：2019年10月8日"],
    ["序号", "问题类别", "存在问题", "整改措施", "责任单位", "责任人", "完成时限", "完成情况", "是否销号"],
    [1, "党的领导弱化方面", "学习贯彻不够深入", "制定中心组学习计划", "办公室", "李建宏", "2019年6月底前", "已完成。制定了《局党组中心组学习计划》并印发", "是"],
    [2, _, "全面深化改革不够有力", "科学制订三定方案", "政工人事股", "陈志昂", "2019年12月31日", "正在推进", _],
    [3, _, "依法治理不够严格", "清理三类人员", "区人民医院", "张三", "6月底", "整改中", _],
    [4, "党的建设缺失方面", "党组织设置不规范", "支部五化建设", "党建办", "李四", "长期坚持", "持续推进", _],
    [5, _, "党员发展程序不规范", "严格发展程序", "娄星区人民医院", "王五", "立行立改", _, _],
    [6, _, "党内组织生活不正常", "规范三会一课", "区医保局、扶贫办", "赵六", "尽快", "已销号", "是"],
    [8, _, "选人用人不规范", "出台后备人才规划", "政工人事股", "陈志昂", "2020年1月5日", "未开始", _],
    ["填报人：张三　　审核人：李建宏"],
  ],
  { name: "整改台账", merges: ["B5:B7", "B8:B11"] },
);

function analyze(asOf = "2019-12-31") {
  return analyzeSheet(rectification, detectHeader(rectification)!, { asOf });
}

describe("a rectification ledger, end to end", () => {
  const ledger = analyze();

  it("finds the header under the title rows and every item above the notes", () => {
    expect(ledger.header.lastRow).toBe(4);
    expect(ledger.items.map((i) => i.row)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(ledger.table.notesRow).toBe(12);
  });

  it("takes the base year from the title and the base date from 填报日期", () => {
    expect(ledger.baseYear).toBe(2019);
    expect(ledger.baseDate).toBe("2019-10-08");
  });

  it("reads categories from the merged column", () => {
    expect(ledger.items.map((i) => i.category)).toEqual([
      "党的领导弱化方面", "党的领导弱化方面", "党的领导弱化方面",
      "党的建设缺失方面", "党的建设缺失方面", "党的建设缺失方面", "党的建设缺失方面",
    ]);
  });

  it("reads deadlines and statuses by the contract", () => {
    expect(ledger.items.map((i) => [i.deadline.kind, i.deadline.date])).toEqual([
      ["date", "2019-06-30"],
      ["date", "2019-12-31"],
      ["date", "2019-06-30"],
      ["ongoing", null],
      ["immediate", "2019-10-08"],
      ["unparsed", null],
      ["date", "2020-01-05"],
    ]);
    expect(ledger.items.map((i) => i.status.value)).toEqual(["closed", "in_progress", "in_progress", "ongoing", null, "closed", "not_started"]);
  });

  it("flags overdue and due-soon items, never a standing duty", () => {
    const late = ledger.items.filter((i) => i.overdue).map((i) => [i.row, i.daysOverdue]);
    expect(late).toEqual([
      [7, 184],
      [9, 84],
    ]);
    expect(ledger.items.filter((i) => i.dueSoon).map((i) => i.row)).toEqual([6, 11]);
  });

  it("reports findings with stable rule ids and cells", () => {
    const byRule = (rule: string) => ledger.findings.filter((f) => f.rule === rule).map((f) => f.cell ?? f.row);
    expect(byRule("overdue")).toEqual(["G7", "G9"]);
    expect(byRule("due-soon")).toEqual(["G6", "G11"]);
    expect(byRule("deadline-unparsed")).toEqual(["G10"]);
    expect(byRule("deadline-year-inferred")).toEqual(["G7"]);
    expect(byRule("missing-status")).toEqual(["H9"]);
    expect(byRule("seq-gap")).toEqual(["A11"]);
    expect(byRule("merged-cells")).toEqual(["B5", "B8"]);
    expect(ledger.findings.find((f) => f.rule === "overdue")?.message).toBe("第7行“依法治理不够严格”已逾期184天（时限2019-06-30，责任单位区人民医院）");
  });

  it("summarizes by status, unit, leader and category, counting a shared item for each unit", () => {
    const { summary } = ledger;
    expect(summary.total).toBe(7);
    expect(summary.completed).toBe(2);
    expect(summary.completionRate).toBeCloseTo(2 / 7);
    expect(summary.byStatus).toEqual({ closed: 2, in_progress: 2, ongoing: 1, missing: 1, not_started: 1 });
    const units = Object.fromEntries(summary.byUnit.map((g) => [g.name, [g.total, g.completed, g.overdue]]));
    expect(units).toEqual({
      区人民医院: [1, 0, 1],
      娄星区人民医院: [1, 0, 1],
      政工人事股: [2, 0, 0],
      办公室: [1, 1, 0],
      区医保局: [1, 1, 0],
      扶贫办: [1, 1, 0],
      党建办: [1, 0, 0],
    });
    expect(summary.byUnit[0]?.overdue).toBe(1);
    // Worst first: both have one overdue item; the lower completion rate leads.
    expect(summary.byCategory.map((g) => [g.name, g.total, g.completed])).toEqual([
      ["党的建设缺失方面", 4, 1],
      ["党的领导弱化方面", 3, 1],
    ]);
  });

  it("points out the unit written two ways", () => {
    const variants = ledger.findings.filter((f) => f.rule === "name-variant");
    expect(variants.map((f) => [f.value, f.suggestion])).toEqual([["区人民医院", "娄星区人民医院"]]);
  });

  it("produces a report that satisfies the contract's schema", () => {
    const report = toReport(ledger, "整改台账.xlsx");
    expectValidReport(report);
    expect(report.header).toEqual({
      row: 4,
      columns: { seq: "A", category: "B", task: "C", measure: "D", unit: "E", owner: "F", deadline: "G", status: "H" },
    });
  });

  it("speaks English when asked", () => {
    const en = analyzeSheet(rectification, detectHeader(rectification)!, { asOf: "2019-12-31", lang: "en" });
    expect(en.findings.find((f) => f.rule === "overdue")?.message).toBe("Row 7 “依法治理不够严格” is 184 days overdue (due 2019-06-30, unit 区人民医院)");
  });
});

describe("workbooks", () => {
  it("skips sheets that hold no ledger and says so", () => {
    const notes = sheetOf([["填表说明"], ["1. 完成时限请填写具体日期。"]], { name: "填表说明" });
    const result = analyzeWorkbook({ source: "x.xlsx", sheets: [notes, rectification] }, { asOf: "2019-12-31" });
    expect(result.ledgers.map((l) => l.sheet.name)).toEqual(["整改台账"]);
    expect(result.skipped.map((f) => [f.rule, f.sheet])).toEqual([["no-ledger-found", "填表说明"]]);
  });

  it("never reads the change log normalize writes as a ledger, in either language, nor lists it as a sheet it could not read", () => {
    // The log's rows read like a ledger (a dated 批次 column, a 说明 text, a 状态): counted, they doubled every normalized workbook's items.
    const logOf = (lang: "zh" | "en", name: string) =>
      sheetOf(
        [
          [...LOG_HEADERS[lang]],
          ["2026-12-01 11:34:16", "整改台账", "B5:B7", "取消合并", "党的领导弱化方面", _, "B5:B7为合并单元格，取消合并", _, "已应用"],
          ["2026-12-01 11:34:16", "整改台账", "G7", "统一时限写法", "6月底", { day: "2019-06-30" }, "按2019年计", _, "已应用"],
          ["2026-12-01 11:34:16", "整改台账", "F10", "整理名称写法", " 赵六 ", "赵六", "去掉多余空格", _, "已撤销"],
        ],
        { name },
      );
    const result = analyzeWorkbook({ source: "x.xlsx", sheets: [rectification, logOf("zh", "变更记录"), logOf("en", "变更记录(台账助手)")] }, { asOf: "2019-12-31" });
    expect(result.ledgers.map((l) => l.sheet.name)).toEqual(["整改台账"]);
    expect(result.skipped).toEqual([]);
    expect(ledgerHeader(logOf("zh", "变更记录"), new MergeIndex(logOf("zh", "变更记录")))).toBeNull();
  });

  it("checks only the sheet asked for", () => {
    const result = analyzeWorkbook({ source: "x.xlsx", sheets: [rectification] }, { asOf: "2019-12-31", sheet: "其他" });
    expect(result.ledgers).toEqual([]);
  });
});
