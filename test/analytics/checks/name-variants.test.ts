/** name-variants.ts: one unit or person written several ways across the ledger (contract §5). */
import { describe, expect, it } from "vitest";
import { findingsOf, where } from "./ledger-findings.js";

const HEADER = ["序号", "整改任务", "责任单位", "责任领导", "完成时限", "完成情况"];
const row = (n: number, unit: string, leader = "张三") => [n, `任务${n}`, unit, leader, "2019年12月31日", "整改中"];

describe("name variants", () => {
  it("a unit with and without its place prefix: the spelling used most is the suggestion, at the variant's first cell", () => {
    const found = findingsOf(["name-variant"], [HEADER, row(1, "区人民医院"), row(2, "娄星区人民医院"), row(3, "娄星区人民医院"), row(4, "区人民医院"), row(5, "娄星区人民医院")]);
    expect(found.map(where)).toEqual([{ rule: "name-variant", cell: "C2", value: "区人民医院", suggestion: "娄星区人民医院" }]);
  });

  it("a government organ's abbreviation (发改 for 发展和改革)", () => {
    const found = findingsOf(["name-variant"], [HEADER, row(1, "县发展和改革局"), row(2, "县发展和改革局"), row(3, "县发改局")]);
    expect(found.map(where)).toEqual([{ rule: "name-variant", cell: "C4", value: "县发改局", suggestion: "县发展和改革局" }]);
  });

  it("a name inside a cell listing several units is compared on its own", () => {
    const found = findingsOf(["name-variant"], [HEADER, row(1, "区医保局、扶贫办"), row(2, "娄星区医保局"), row(3, "区医保局")]);
    expect(found.map((f) => [f.value, f.suggestion])).toEqual([["娄星区医保局", "区医保局"]]);
  });

  it("different units that merely share words are not variants", () => {
    const found = findingsOf(["name-variant"], [HEADER, row(1, "区财政局"), row(2, "区医保局"), row(3, "区人民医院"), row(4, "区中医医院")]);
    expect(found).toEqual([]);
  });

  it("leaders are compared among leaders, and the message says which kind of name", () => {
    const found = findingsOf(["name-variant"], [HEADER, row(1, "区财政局", "张三"), row(2, "区财政局", "张三"), row(3, "区财政局", "张三（副局长）")]);
    expect(found.map(where)).toEqual([{ rule: "name-variant", cell: "D4", value: "张三（副局长）", suggestion: "张三" }]);
    expect(found[0]!.message).toContain("领导");
  });
});
