/**
 * Header detection by evidence (contract §2): header words first, then what the cells below
 * hold. Each case is a layout seen in real ledgers.
 */
import { describe, expect, it } from "vitest";
import { detectHeader, looksLikeLedger } from "../../analytics/header.js";
import { analyzeSheet, analyzeWorkbook } from "../../analytics/ledger.js";
import { matchHeader } from "../../analytics/roles.js";
import type { Sheet } from "../../analytics/sheet/sheet-model.js";
import { sheetOf } from "../helpers/sheet.js";

const withHiddenColumns = (sheet: Sheet, cols: number[]): Sheet => ({ ...sheet, hiddenColumns: new Set(cols) });

describe("the header words of real ledgers", () => {
  it.each([
    ["重点工作", "task"],
    ["承担的重点工作", "task"],
    ["采购项目名称", "task"],
    ["省重点民生实事项目名称", "task"],
    ["整改实施主体", "unit"],
    ["需求部门", "unit"],
    ["牵头 单位", "unit"],
    ["时间节点", "deadline"],
    ["计划结束采购时间", "deadline"],
    ["季度进展报送时间", "deadline"],
    ["完成\n是/否", "status"],
    ["完成状态", "status"],
    ["1-8月实际完成率%", "status"],
    ["工作进展情况", "status"],
    ["备  注", "note"],
    ["目标任务", "target"],
    ["分管省领导", "leader"],
    ["交办时间", "start"],
    ["下发日期", "start"],
    ["Target Completion Date", "deadline"],
    ["Weakness Description", "task"],
    ["Responsible Party", "unit"],
    ["POA&M ID", "seq"],
  ])("%j names the %s column", (text, role) => {
    expect(matchHeader(text)?.role).toBe(role);
  });

  it("keeps short general words for whole headers only", () => {
    expect(matchHeader("单位")?.role).toBe("unit");
    expect(matchHeader("填报单位：娄星区卫生健康局")).toBeNull();
  });
});

describe("a ledger is a task and one more role (contract §2)", () => {
  it.each([
    [["重点任务", "牵头单位", "责任单位"]],
    [["序号", "项目", "完成状态"]],
    [["整改任务", "整改目标", "整改完成情况"]],
    [["问题", "整改措施"]],
  ])("%j is read", (headerRow) => {
    const header = detectHeader(sheetOf([headerRow, headerRow.map((h, i) => (i === 0 ? "推进老旧小区改造工作" : `${h}内容`))]));
    expect(header !== null && looksLikeLedger(header)).toBe(true);
  });

  it("a missing unit, deadline or status column is a warning, never a refusal", () => {
    const sheet = sheetOf([["重点任务", "牵头单位"], ["推进老旧小区改造", "区住建局"]]);
    const { ledgers } = analyzeWorkbook({ source: "x", sheets: [sheet] }, { asOf: "2026-11-30" });
    const missing = ledgers[0]!.findings.filter((f) => f.rule === "missing-column");
    expect(missing.map((f) => [f.severity, f.message])).toEqual([
      ["warning", "台账缺少“完成时限”列，无法判断是否逾期"],
      ["warning", "台账缺少“完成情况”列，无法判断是否完成"],
    ]);
  });

  it("an action register without a problem column lists its actions as the items", () => {
    const sheet = sheetOf([
      ["ID", "Action", "Owner", "Due Date", "Status"],
      ["A-001", "Update design", "J.Smith", "2024-03-15", "Open"],
      ["A-002", "Review spec", "K.Jones", "2024-03-10", "Closed"],
    ]);
    const header = detectHeader(sheet)!;
    expect(header.roles.get("task")).toBe(2);
    expect(header.roles.has("measure")).toBe(false);
    // Beside a problem column the action stays the measure.
    const poam = detectHeader(sheetOf([["Weakness", "Planned Action", "Due Date"], ["No change control", "Adopt a workflow", "2025-08-15"]]))!;
    expect([poam.roles.get("task"), poam.roles.get("measure")]).toEqual([1, 2]);
  });

  it("a table of counts is no ledger, whatever its headers say", () => {
    const stats = sheetOf([["进度情况", "个数", "占总任务"], ["欠进度", 17, "7.7%"], ["超进度", 10, "4.5%"], ["达进度", 162, "72.9%"]]);
    const header = detectHeader(stats);
    expect(header === null || !looksLikeLedger(header)).toBe(true);
  });
});

describe("what the cells hold", () => {
  it("proposes an unknown header over a column of dates as the deadline, with an info finding", () => {
    const sheet = sheetOf([
      ["序号", "工作任务", "责任单位", "节点", "完成情况"],
      [1, "修订制度", "办公室", { day: "2026-03-31" }, "已完成"],
      [2, "开展培训", "人事科", { day: "2026-06-30" }, "推进中"],
      [3, "建设平台", "信息中心", "2026年12月底", "推进中"],
    ]);
    const header = detectHeader(sheet)!;
    expect(header.roles.get("deadline")).toBe(4);
    const ledger = analyzeSheet(sheet, header, { asOf: "2026-11-30" });
    expect(ledger.findings.find((f) => f.rule === "column-guessed")).toMatchObject({
      severity: "info",
      cell: "D1",
      message: "D列“节点”的内容多为日期，按“完成时限”列读取；如不对，请用 --columns 或在任务窗格中指定",
    });
  });

  it("a visible deadline column beats a hidden one", () => {
    const sheet = withHiddenColumns(
      sheetOf([
        ["序号", "采购项目名称", "需求部门", "报名截止时间", "计划结束采购时间"],
        [1, "办公设备", "区财政局", { day: "2022-01-10" }, { day: "2026-12-31" }],
        [2, "物业服务", "区机关事务中心", { day: "2022-02-10" }, { day: "2026-12-31" }],
      ]),
      [4],
    );
    expect(detectHeader(sheet)!.roles.get("deadline")).toBe(5);
  });

  it("of two status columns, the one of status words is the status and the narrative one is progress text", () => {
    const sheet = sheetOf([
      ["序号", "工作任务", "责任单位", "完成状态", "工作进展情况"],
      [1, "修订制度", "办公室", "已完成", "已于3月印发《制度汇编》，并组织全员学习，下一步将持续抓好落实工作"],
      [2, "开展培训", "人事科", "推进中", "已完成两期培训，共培训干部职工120人次，第三期培训计划于下月举办"],
      [3, "建设平台", "信息中心", "未开始", "正在开展前期调研，形成需求方案初稿，待领导审定后启动采购程序"],
    ]);
    const header = detectHeader(sheet)!;
    expect(header.statusColumns.map((c) => c.col)).toEqual([4]);
    expect(header.progressTextColumns).toEqual([5]);
    const ledger = analyzeSheet(sheet, header, { asOf: "2026-11-30" });
    expect(ledger.findings.filter((f) => f.rule === "status-unknown")).toEqual([]);
  });
});

describe("template placeholder rows are not items", () => {
  it.each(["${data.zyrwmc}", "{{task}}", "#{item.name}"])("%s", (placeholder) => {
    const sheet = sheetOf([
      ["序号", "重点任务", "责任单位", "完成时限"],
      ["${index}", placeholder, "${data.zrdw}", "${data.wcsx}"],
      [1, "推进老旧小区改造", "区住建局", "2026年12月底"],
    ]);
    const ledger = analyzeSheet(sheet, detectHeader(sheet)!, { asOf: "2026-11-30" });
    expect(ledger.items.map((i) => i.row)).toEqual([3]);
    expect(ledger.findings.find((f) => f.rule === "template-row")).toMatchObject({ row: 2, severity: "info" });
  });
});
