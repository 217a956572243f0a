/** cell-problems.ts: empty cells an item needs, error values, hidden rows, export-template rows. */
import { describe, expect, it } from "vitest";
import { _ } from "../../helpers/sheet.js";
import { findingsOf, where } from "./ledger-findings.js";

const HEADER = ["序号", "整改任务", "整改措施", "责任单位", "责任人", "完成时限", "完成情况"];

describe("missing values", () => {
  const rules = ["missing-task", "missing-owner", "missing-deadline", "missing-status"] as const;

  it("points at the empty cell of each role an item needs", () => {
    const found = findingsOf(rules, [
      HEADER,
      [1, "学习制度不落实", "制定计划", "区财政局", "张三", "2019年6月30日", "已完成"],
      [2, _, _, "区财政局", "张三", "2019年6月30日", "已完成"],
      [3, "支部建设不规范", "规范三会一课", _, _, "2019年6月30日", "已完成"],
      [4, "调研不深入", "每月调研", "区医保局", "李四", _, "整改中"],
      [5, "文山会海", "精简文件", "区医保局", "李四", "2019年6月30日", _],
    ]);
    expect(found.map(where)).toEqual([
      { rule: "missing-task", cell: "B3", value: undefined },
      { rule: "missing-owner", cell: "D4", value: undefined },
      { rule: "missing-deadline", cell: "F5", value: undefined },
      { rule: "missing-status", cell: "G6", value: undefined },
    ]);
  });

  it("a measure without a task, or a person without a unit, is enough", () => {
    const found = findingsOf(rules, [HEADER, [1, _, "制定计划", _, "张三", "2019年6月30日", "已完成"]]);
    expect(found).toEqual([]);
  });

  it("a column the ledger lacks is one missing-column finding, not an empty cell on every row", () => {
    const found = findingsOf(rules, [
      ["序号", "整改任务", "责任单位", "完成时限"],
      [1, "学习制度不落实", "区财政局", "2019年6月30日"],
      [2, "支部建设不规范", "区医保局", "2019年6月30日"],
    ]);
    expect(found).toEqual([]);
  });
});

describe("formula errors", () => {
  it("are found in any column of the table, named by its header", () => {
    const found = findingsOf(
      ["formula-error"],
      [
        [...HEADER, "完成率"],
        [1, "学习制度不落实", "制定计划", "区财政局", "张三", "2019年6月30日", "已完成", { error: "#DIV/0!" }],
        [2, "支部建设不规范", "规范三会一课", { error: "#N/A" }, "李四", "2019年6月30日", "已完成", 1],
      ],
    );
    expect(found.map(where)).toEqual([
      { rule: "formula-error", cell: "H2", value: "#DIV/0!" },
      { rule: "formula-error", cell: "D3", value: "#N/A" },
    ]);
    expect(found[0]!.message).toContain("完成率");
  });
});

describe("hidden rows", () => {
  it("are items, flagged so nobody misses them when the sheet is printed", () => {
    const found = findingsOf(
      ["hidden-row"],
      [
        HEADER,
        [1, "学习制度不落实", "制定计划", "区财政局", "张三", "2019年6月30日", "已完成"],
        [2, "支部建设不规范", "规范三会一课", "区医保局", "李四", "2019年6月30日", "已完成"],
      ],
      { hiddenRows: [3] },
    );
    expect(found.map((f) => f.row)).toEqual([3]);
  });
});

describe("export-template rows", () => {
  it("a row of placeholders (${…}) is named, not read as an item", () => {
    const found = findingsOf(
      ["template-row", "missing-task"],
      [
        HEADER,
        [1, "学习制度不落实", "制定计划", "区财政局", "张三", "2019年6月30日", "已完成"],
        ["${seq}", "${data.task}", "${data.measure}", "${data.unit}", "${data.owner}", "${data.deadline}", "${data.status}"],
      ],
    );
    expect(found.map((f) => [f.rule, f.row])).toEqual([["template-row", 3]]);
  });
});
