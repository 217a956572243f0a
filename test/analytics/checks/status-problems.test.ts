/** status-problems.ts: statuses that could not be read, status columns that disagree, close-outs without proof, done by a completion day (contract §3). */
import { describe, expect, it } from "vitest";
import { _ } from "../../helpers/sheet.js";
import { findingsOf, where } from "./ledger-findings.js";

const RULES = ["status-unknown", "status-conflict", "closed-without-evidence", "status-from-completion"] as const;

describe("unreadable statuses", () => {
  it("point at the cell of the column that holds the word", () => {
    const found = findingsOf(RULES, [
      ["序号", "整改任务", "责任单位", "完成时限", "完成情况", "是否销号"],
      [1, "学习制度不落实", "区财政局", "2019年6月30日", "有待研究", _],
      [2, "支部建设不规范", "区医保局", "2019年6月30日", "已完成", "待定"],
    ]);
    expect(found.map(where)).toEqual([
      { rule: "status-unknown", cell: "E2", value: "有待研究" },
      { rule: "status-unknown", cell: "F3", value: "待定" },
    ]);
  });
});

describe("status columns that disagree", () => {
  it("are one finding on the item, holding both cells' words", () => {
    const found = findingsOf(RULES, [
      ["序号", "整改任务", "责任单位", "完成时限", "完成情况", "是否销号"],
      [1, "学习制度不落实", "区财政局", "2019年6月30日", "未开始", "是"],
      [2, "支部建设不规范", "区医保局", "2019年6月30日", "已完成", "是"],
    ]);
    expect(found.map(where)).toEqual([{ rule: "status-conflict", cell: "E2", value: ["未开始", "是"] }]);
  });
});

describe("closed without evidence", () => {
  const HEADER = ["序号", "整改任务", "责任单位", "完成时限", "完成情况", "整改佐证材料"];

  it("a 销号 item whose evidence cell is empty", () => {
    const found = findingsOf(RULES, [
      HEADER,
      [1, "学习制度不落实", "区财政局", "2019年6月30日", "已销号", _],
      [2, "支部建设不规范", "区医保局", "2019年6月30日", "已销号", "会议记录"],
      [3, "调研不深入", "区医保局", "2019年6月30日", "已完成", _],
    ]);
    expect(found.map(where)).toEqual([{ rule: "closed-without-evidence", cell: "F2", value: undefined }]);
  });

  it("is not asked of a ledger that keeps no evidence column", () => {
    const found = findingsOf(RULES, [
      ["序号", "整改任务", "责任单位", "完成时限", "完成情况"],
      [1, "学习制度不落实", "区财政局", "2019年6月30日", "已销号"],
    ]);
    expect(found).toEqual([]);
  });
});

describe("done by the day it was finished", () => {
  const rows = [
    ["序号", "整改任务", "责任单位", "完成时限", "完成情况", "实际完成时间"],
    [1, "学习制度不落实", "区财政局", "2019年6月30日", _, "2019年6月20日"],
    [2, "支部建设不规范", "区医保局", "2019年6月30日", "见附件", "2019年7月5日"],
    [3, "调研不深入", "区医保局", "2019年6月30日", "推进中", "2019年6月1日"],
  ];

  it("says why an empty or unreadable status is counted as done, at the completion cell", () => {
    const found = findingsOf(RULES, rows);
    expect(found.map(where)).toEqual([
      { rule: "status-from-completion", cell: "F2", value: "2019-06-20" },
      { rule: "status-unknown", cell: "E3", value: "见附件" },
      { rule: "status-from-completion", cell: "F3", value: "2019-07-05" },
    ]);
    expect(found[0]!.message).toBe("第2行完成情况未填写，但“实际完成时间”填有2019-06-20，按已完成统计");
    expect(found[2]!.message).toBe("第3行完成情况“见附件”无法识别，但“实际完成时间”填有2019-07-05，按已完成统计");
    expect(findingsOf(RULES, rows, { lang: "en" })[0]!.message).toBe("Row 2: the status is empty, but “实际完成时间” gives 2019-06-20; counted as done");
  });
});
