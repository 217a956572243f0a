import { describe, expect, it } from "vitest";
import { detectHeader, looksLikeLedger } from "../../analytics/header.js";
import { matchHeader } from "../../analytics/roles.js";
import { _, sheetOf } from "../helpers/sheet.js";

describe("header words", () => {
  it.each([
    ["序号", "seq"],
    ["问题类别", "category"],
    ["存在问题", "task"],
    ["整改措施", "measure"],
    ["责任领导", "leader"],
    ["责任单位", "unit"],
    ["责任人", "owner"],
    ["完成时限", "deadline"],
    ["整改完成时限", "deadline"],
    ["实际完成时间", "completedOn"],
    ["完成情况", "status"],
    ["佐证材料", "evidence"],
    ["备注", "note"],
    ["完成\n时限", "deadline"],
    ["责 任 单 位", "unit"],
    ["责任单位（牵头）", "unit"],
    ["ＮＯ.", "seq"],
    ["Due date", "deadline"],
    ["Owner", "owner"],
  ])("%j names the %s column", (text, role) => {
    expect(matchHeader(text)?.role).toBe(role);
  });

  it("reads 本月进展 as the status and leaves last period's column (上月进展) unread", () => {
    expect(matchHeader("本月进展")?.role).toBe("status");
    for (const text of ["上月进展", "上期完成情况", "上周进展情况", "上月整改进展"]) expect(matchHeader(text), text).toBeNull();
  });

  it("tells yes/no status columns and supporting units apart", () => {
    expect(matchHeader("是否销号")).toEqual({ role: "status", statusKind: "isClosed" });
    expect(matchHeader("是否完成")).toEqual({ role: "status", statusKind: "isDone" });
    expect(matchHeader("配合单位")).toEqual({ role: "unit", secondary: true });
  });

  it("names the hazard or the proposal as the item, and the unit that must remove a hazard", () => {
    for (const text of ["隐患名称", "存在隐患", "主要隐患", "隐患描述", "隐患", "建议提案名称", "提案名称", "案由"]) {
      expect(matchHeader(text)?.role, text).toBe("task");
    }
    expect(matchHeader("隐患单位")?.role).toBe("unit");
    expect(matchHeader("会办单位")).toEqual({ role: "unit", secondary: true });
    // 隐患 alone names the item; beside a grade or a kind it does not.
    expect(matchHeader("隐患等级")).toBeNull();
    expect(matchHeader("隐患类型")?.role).toBe("category");
  });

  it("ignores titles and sentences", () => {
    expect(matchHeader("XX局巡察反馈问题整改任务清单")).toBeNull();
    expect(matchHeader("填报单位：娄星区卫生健康局")).toBeNull();
    expect(matchHeader("Annotation")).toBeNull();
  });
});

describe("header detection", () => {
  it("finds a one-row header under title rows", () => {
    const sheet = sheetOf([
      ["附件1"],
      ["XX局巡察反馈问题整改任务清单"],
      ["序号", "存在问题", "整改措施", "责任单位", "责任人", "完成时限", "完成情况"],
      [1, "学习不深入", "制定学习计划", "办公室", "张三", "2019年6月底", "已完成"],
    ]);
    const header = detectHeader(sheet)!;
    expect(header.lastRow).toBe(3);
    expect(Object.fromEntries(header.roles)).toEqual({ seq: 1, task: 2, measure: 3, unit: 4, owner: 5, deadline: 6, status: 7 });
    expect(looksLikeLedger(header)).toBe(true);
  });

  it("reads a two-row header whose upper row merges a group over its children", () => {
    const sheet = sheetOf(
      [
        ["整改任务清单"],
        ["序号", "存在问题", "责任主体", _, _, "完成时限", "完成情况", "是否销号"],
        [_, _, "责任领导", "责任单位", "责任人", _, _, _],
        [1, "学习不深入", "李建宏", "办公室", "张三", "2019年6月底", "已完成", "是"],
      ],
      { merges: ["A2:A3", "B2:B3", "C2:E2", "F2:F3", "G2:G3", "H2:H3"] },
    );
    const header = detectHeader(sheet)!;
    expect(header.lastRow).toBe(3);
    expect(Object.fromEntries(header.roles)).toEqual({ seq: 1, task: 2, leader: 3, unit: 4, owner: 5, deadline: 6, status: 7 });
    expect(header.statusColumns).toEqual([
      { col: 7, kind: "progress" },
      { col: 8, kind: "isClosed" },
    ]);
  });

  it("reads a two-row header with no vertical merges", () => {
    const sheet = sheetOf(
      [
        ["序号", "问题", "责任主体", _, "完成时限", "完成情况"],
        [_, _, "责任单位", "责任人", _, _],
        [1, "学习不深入", "办公室", "张三", "2019年6月底", "已完成"],
      ],
      { merges: ["C1:D1"] },
    );
    const header = detectHeader(sheet)!;
    expect(header.firstRow).toBe(1);
    expect(header.lastRow).toBe(2);
    expect(Object.fromEntries(header.roles)).toEqual({ seq: 1, task: 2, unit: 3, owner: 4, deadline: 5, status: 6 });
  });

  it("ends the header where its cells merged down end, over a row of sub-labels", () => {
    const sheet = sheetOf(
      [
        ["序号", "隐患问题描述", "整改期限", "整改责任单位", _, "销号情况"],
        [_, _, _, _, _, _],
        [_, _, _, "建设", "施工", _],
        [_, _, _, _, _, _],
        [1, "基坑临边防护缺失", "2025-01-10", "沿海建指", "中铁三局", "已整改"],
      ],
      { merges: ["A1:A4", "B1:B4", "C1:C4", "D1:E2", "D3:D4", "E3:E4", "F1:F4"] },
    );
    const header = detectHeader(sheet)!;
    expect([header.firstRow, header.lastRow]).toEqual([1, 4]);
    expect(header.roles.get("unit")).toBe(4);
  });

  it("reads English headers", () => {
    const header = detectHeader(sheetOf([["No.", "Task", "Owner", "Unit", "Due date", "Status"]]))!;
    expect(Object.fromEntries(header.roles)).toEqual({ seq: 1, task: 2, owner: 3, unit: 4, deadline: 5, status: 6 });
  });

  it("takes the problem for the item when a project's name stands beside it", () => {
    const problems = detectHeader(sheetOf([["序号", "项目名称", "工点名称", "问题描述", "问题原因", "整改措施", "整改时限", "责任部门", "整改进展"]]))!;
    expect(problems.roles.get("task")).toBe(4);
    // A hazard register (建设系统安全隐患库): the hazard is the item, the inspection day the start.
    const hazards = detectHeader(sheetOf([["序号", "检查时间", "检查单位", "检查项目", "隐患问题描述", "隐患类型", "整改期限", "整改责任单位-施工", "整改责任人", "销号情况"]]))!;
    expect(Object.fromEntries(hazards.roles)).toMatchObject({ start: 2, task: 5, category: 6, deadline: 7, unit: 8, owner: 9, status: 10 });
    // Without a problem column the project is the item, as in a 民生实事 table.
    expect(detectHeader(sheetOf([["序号", "项目名称", "建设内容", "责任单位", "进展情况"]]))!.roles.get("task")).toBe(2);
  });

  it("keeps the lead unit primary and a supporting unit aside", () => {
    const header = detectHeader(sheetOf([["任务", "牵头单位", "配合单位", "完成时限", "完成情况"]]))!;
    expect(header.roles.get("unit")).toBe(2);
    expect(header.supportUnitColumn).toBe(3);
  });

  it("does not take a contact list or an instructions sheet for a ledger", () => {
    const contacts = detectHeader(sheetOf([["姓名", "单位", "职务", "联系电话"], ["张三", "办公室", "主任", "0738-6962002"]]));
    expect(contacts === null || !looksLikeLedger(contacts)).toBe(true);
    const instructions = detectHeader(sheetOf([["填表说明"], ["1. 完成时限请填写具体日期。"], ["2. 完成情况填写已完成、推进中或未开始。"]]));
    expect(instructions === null || !looksLikeLedger(instructions)).toBe(true);
  });

  describe("under a notice pasted above the table", () => {
    /** A 任务分解表 as published: the 通知 and its 说明, a line each as a pasted document gives them. */
    function notice(lines: number): (string | null)[][] {
      const head = ["区委办公室 区政府办公室", "关于印发《2019年区政府工作报告重点任务分解方案》的通知", "各乡镇（街道）、区直各单位："];
      const body = ["为确保政府工作报告确定的各项目标任务落到实处，经区政府同意，现将重点任务分解如下，请认真抓好落实。", "各责任单位要明确分管领导和具体责任人，制定工作方案，细化工作措施。"];
      return Array.from({ length: lines }, (_line, i) => [i < head.length ? head[i]! : `${i - head.length + 1}. ${body[i % body.length]!}`]);
    }
    const table = [["序号", "重点任务", "责任单位", "完成时限"], [1, "地区生产总值增长7.5%", "区发改局", "2019年12月31日"], [2, "新建农村公路50公里", "区交通局", "2019年10月31日"]];

    it("finds the header below a notice longer than the usual title block", () => {
      const rows = [...notice(60), [_], ...table];
      const header = detectHeader(sheetOf(rows))!;
      expect(header).not.toBeNull();
      expect(header.firstRow).toBe(62);
      expect(header.roles.get("deadline")).toBe(4);
      expect(looksLikeLedger(header)).toBe(true);
    });

    it("keeps the search bounded: past a few hundred filled rows no header is looked for", () => {
      expect(detectHeader(sheetOf([...notice(400), ...table]))).toBeNull();
      // A sheet of a million rows and no header is read no further than the bound.
      const tall = sheetOf(Array.from({ length: 1_000_000 }, (_row, i) => [`第${i + 1}条记录`, i]));
      expect(detectHeader(tall)).toBeNull();
    });
  });
});
