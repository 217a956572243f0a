/**
 * The clerk's column mapping (--columns, the pane's dropdowns): parsed once in the core, and
 * stronger than any header word or guess.
 */
import { describe, expect, it } from "vitest";
import { ColumnMappingError, parseColumnMapping } from "../../analytics/column-mapping.js";
import { analyzeWorkbook } from "../../analytics/ledger.js";
import { sheetOf } from "../helpers/sheet.js";

describe("parsing --columns", () => {
  it("reads header=role pairs, role ids or their Chinese names, any comma", () => {
    expect(parseColumnMapping("时间节点=deadline,需求部门=unit")).toEqual([
      { header: "时间节点", role: "deadline" },
      { header: "需求部门", role: "unit" },
    ]);
    expect(parseColumnMapping("时间节点＝完成时限，报名截止时间=none")).toEqual([
      { header: "时间节点", role: "deadline" },
      { header: "报名截止时间", role: "none" },
    ]);
  });

  it.each([
    ["时间节点=when", /没有“when”这一角色/u],
    ["时间节点", /应写成“表头=角色”/u],
    ["=deadline", /应写成“表头=角色”/u],
    ["", /为空/u],
    ["甲=task,甲=unit", /出现了两次/u],
  ])("%j is refused with one line in both languages", (spec, says) => {
    expect(() => parseColumnMapping(spec)).toThrow(ColumnMappingError);
    expect(() => parseColumnMapping(spec)).toThrow(says);
  });
});

const procurement = sheetOf([
  ["2026年政府采购意向"],
  ["序号", "采购项目名称", "需求单位", "节点", "进展"],
  [1, "办公设备采购", "区财政局", { day: "2026-03-31" }, "已完成"],
  [2, "信息系统运维", "区大数据中心", { day: "2026-06-30" }, "履约中"],
  [3, "物业服务", "区机关事务中心", { day: "2026-09-30" }, "未开始"],
]);

describe("applying a mapping", () => {
  it("gives a column the role the clerk names, over the header words", () => {
    const { ledgers } = analyzeWorkbook({ source: "x", sheets: [procurement] }, { asOf: "2026-11-30", columns: parseColumnMapping("节点=deadline,需求单位=owner") });
    const header = ledgers[0]!.header;
    expect(header.roles.get("deadline")).toBe(4);
    expect(header.roles.get("owner")).toBe(3);
    expect(header.mapped).toEqual(["deadline", "owner"]);
    expect(ledgers[0]!.items.filter((i) => i.overdue).map((i) => i.row)).toEqual([4, 5]);
  });

  it("none takes a column out of its role", () => {
    const { ledgers } = analyzeWorkbook({ source: "x", sheets: [procurement] }, { asOf: "2026-11-30", columns: parseColumnMapping("进展=none") });
    expect(ledgers[0]!.header.roles.has("status")).toBe(false);
  });

  it("finds the header by the mapped cells when the words find none", () => {
    const bare = sheetOf([
      ["事", "何时", "谁"],
      ["修路", "2026年6月底", "交通局"],
      ["建桥", "2026年12月", "住建局"],
    ]);
    const { ledgers } = analyzeWorkbook({ source: "x", sheets: [bare] }, { asOf: "2026-11-30", columns: parseColumnMapping("事=task,何时=deadline,谁=unit") });
    expect(ledgers).toHaveLength(1);
    expect(Object.fromEntries(ledgers[0]!.header.roles)).toMatchObject({ task: 1, deadline: 2, unit: 3 });
  });

  it("a header no sheet holds is an error naming it, never silently ignored", () => {
    expect(() => analyzeWorkbook({ source: "x", sheets: [procurement] }, { asOf: "2026-11-30", columns: parseColumnMapping("时间节点=deadline") })).toThrow(
      /“时间节点”.*找不到/u,
    );
  });
});
