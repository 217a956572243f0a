/** merged-cells.ts: merges inside the table, which hide values from filters and sorts. */
import { describe, expect, it } from "vitest";
import { _ } from "../../helpers/sheet.js";
import { findingsOf, where } from "./ledger-findings.js";

const rows = [
  ["整改台账"],
  ["序号", "问题类别", "整改任务", "责任单位", "完成时限", "完成情况", "备注"],
  ["一、党的建设方面"],
  [1, "组织建设", "支部建设不规范", "区医保局", "2019年12月31日", "整改中", "说明"],
  [2, _, "党员发展程序不规范", _, "2019年12月31日", "整改中", _],
  [3, "作风建设", "文山会海", "区财政局", "2019年12月31日", "整改中", "甲"],
  ["填报人：张三", _, _, _, _, _, _],
  ["审核人：李四", _, _, _, _, _, _],
];

describe("merged cells in the table", () => {
  it("a merge down a role column is named with its range and value", () => {
    const found = findingsOf(["merged-cells"], rows, { merges: ["A1:G1", "A3:G3", "B4:B5", "D4:D5", "A7:G7", "A7:A8"] });
    expect(found.map(where)).toEqual([
      { rule: "merged-cells", cell: "B4", value: "组织建设" },
      { rule: "merged-cells", cell: "D4", value: "区医保局" },
    ]);
    expect(found[0]!.message).toContain("B4:B5");
  });

  it("the title, a section row and the notes below are not the table's merges", () => {
    expect(findingsOf(["merged-cells"], rows, { merges: ["A1:G1", "A3:G3", "A7:A8"] })).toEqual([]);
  });

  it("a merge across one row is left alone (it hides no row from a filter)", () => {
    expect(findingsOf(["merged-cells"], rows, { merges: ["F6:G6"] })).toEqual([]);
  });
});
