/** The units' lights of one ledger: a unit written several ways is one unit with one light. */
import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../analytics/ledger.js";
import { ledgerUnitLights } from "../../analytics/ledger-lights.js";
import { DEFAULT_LIGHT_RULES, unitLights } from "../../analytics/lights.js";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";
import { sheetOf } from "../helpers/sheet.js";

const rows: CellValue[][] = [
  ["2019年整改任务清单"],
  ["序号", "存在问题", "责任单位", "完成时限", "完成情况"],
  [1, "甲", "区人民医院", { day: "2019-11-30" }, "推进中"],
  [2, "乙", "娄星区人民医院", { day: "2020-06-30" }, "已完成"],
  [3, "丙", "办公室", { day: "2020-06-30" }, "已完成"],
];
const [ledger] = analyzeWorkbook({ source: "t.xlsx", sheets: [sheetOf(rows, { name: "台账" })] }, { asOf: "2019-12-31" }).ledgers;

describe("the units' lights of one ledger", () => {
  it("counts a unit written two ways (name-variant) as one unit under one name, as the consolidated view does", () => {
    const lights = ledgerUnitLights(ledger!, DEFAULT_LIGHT_RULES);
    // The name is the one the consolidated view chooses; either way, one row for the hospital.
    expect(lights.map((u) => [u.unit.replace(/^娄星/u, ""), u.light, u.total, u.overdue])).toEqual([
      ["区人民医院", "red", 2, 1],
      ["办公室", "green", 1, 0],
    ]);
    // Taken as written, the same items would be two units, one of them green.
    const asWritten = unitLights(ledger!.items, { asOf: ledger!.asOf, startOf: () => "2019-01-01", rules: DEFAULT_LIGHT_RULES });
    expect(asWritten.map((u) => u.unit)).toContain("娄星区人民医院");
  });
});
