/** columns.ts: a ledger's missing columns (missing-column) and those read by their contents (column-guessed), contract §2. */
import { describe, expect, it } from "vitest";
import { findingsOf, where } from "./ledger-findings.js";

describe("missing columns", () => {
  it("names each role a ledger lacks, on the header row, and what cannot be judged without it", () => {
    const found = findingsOf(["missing-column"], [
      ["序号", "重点任务", "牵头单位"],
      [1, "推进营商环境改革", "区发改局"],
      [2, "优化政务服务", "区政务中心"],
    ]);
    expect(found.map((f) => [f.value, f.row])).toEqual([
      ["deadline", 1],
      ["status", 1],
    ]);
    expect(found.every((f) => f.severity === "warning")).toBe(true);
  });

  it("a unit or an owner column answers for the responsible party", () => {
    const found = findingsOf(["missing-column"], [
      ["序号", "整改任务", "责任人", "完成时限", "完成情况"],
      [1, "学习制度不落实", "张三", "2019年6月30日", "已完成"],
    ]);
    expect(found).toEqual([]);
  });
});

describe("columns read by their contents", () => {
  it("a column without a header whose cells are dates is proposed as the deadline", () => {
    const found = findingsOf(["column-guessed", "missing-column"], [
      ["序号", "整改任务", "责任单位", null, "完成情况"],
      [1, "学习制度不落实", "区财政局", "2019-06-30", "已完成"],
      [2, "支部建设不规范", "区医保局", "2019-09-30", "整改中"],
      [3, "调研不深入", "区人民医院", "2019-12-31", "整改中"],
      [4, "文山会海", "区发改局", "2019-12-31", "未开始"],
    ]);
    expect(found.map(where)).toEqual([{ rule: "column-guessed", cell: "D1", value: null, suggestion: "deadline" }]);
  });
});
