/**
 * The summary leaders read (contract §5): totals and completion, status buckets, and the same
 * per unit, leader and category, worst first; an item naming several units counts once for
 * each; a ledger lacking the column to judge by says so instead of showing zeros.
 * Items come from small ledgers read by the core, as a clerk's sheet would give them.
 */
import { describe, expect, it } from "vitest";
import { detectHeader } from "../../analytics/header.js";
import { analyzeSheet } from "../../analytics/ledger.js";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";
import { compareGroups, summarize, UNNAMED, type Group } from "../../analytics/summary.js";
import { _, sheetOf } from "../helpers/sheet.js";

const AS_OF = "2019-12-31";

function itemsOf(rows: CellValue[][]) {
  const sheet = sheetOf(rows, { name: "整改台账" });
  const header = detectHeader(sheet);
  if (!header) throw new Error("no header found in the test sheet");
  return analyzeSheet(sheet, header, { asOf: AS_OF }).items;
}

const HEADER = ["序号", "问题类别", "整改任务", "责任单位", "责任领导", "完成时限", "完成情况"];

/** Six items: two done, one closed, one overdue, one due soon, one with no status. */
const ledger = itemsOf([
  HEADER,
  [1, "党的建设方面", "学习制度不落实", "区财政局", "张三", "2019年6月30日", "已完成"],
  [2, "党的建设方面", "支部建设不规范", "区医保局、扶贫办", "李四", "2019年11月30日", "整改中"],
  [3, "作风建设方面", "文山会海", "区财政局", "张三", "2020年1月5日", "推进中"],
  [4, "作风建设方面", "督查检查过多", "区人民医院（牵头）", "王五", "2019年9月30日", "已销号"],
  [5, "作风建设方面", "调研不深入", "区医保局", "李四", "2020年6月30日", _],
  [6, _, "台账不规范", "区财政局", "张三", "2019年10月31日", "已完成"],
]);

const byName = (groups: readonly Group[]) => Object.fromEntries(groups.map((g) => [g.name, g]));

describe("totals", () => {
  const s = summarize(ledger);

  it("counts every item once, completed as done plus closed, and the rate of those", () => {
    expect(s.total).toBe(6);
    expect(s.completed).toBe(3);
    expect(s.completionRate).toBeCloseTo(3 / 6);
  });

  it("buckets statuses by value, an empty cell as missing", () => {
    expect(s.byStatus).toEqual({ done: 2, closed: 1, in_progress: 2, missing: 1 });
  });

  it("counts overdue and due-soon items from the items' own verdicts", () => {
    expect(s.overdue).toBe(1); // row 2: due 11-30, 整改中
    expect(s.dueSoon).toBe(1); // row 3: due 2020-01-05, five days on
  });

  it("a ledger with every column leaves nothing unjudged", () => {
    expect(s).toMatchObject({ missingRoles: [], unjudged: 0, overdueUnknown: 0, completionUnknown: 0 });
  });

  it("no items is a rate of 0, not NaN", () => {
    expect(summarize([])).toMatchObject({ total: 0, completed: 0, completionRate: 0, byUnit: [], byStatus: {} });
  });
});

describe("groups", () => {
  const s = summarize(ledger);

  it("an item naming several units counts once for each; role markers are not part of the name", () => {
    const units = byName(s.byUnit);
    expect(Object.keys(units).sort()).toEqual(["区人民医院", "区医保局", "区财政局", "扶贫办"].sort());
    expect(units["区医保局"]).toMatchObject({ total: 2, completed: 0, overdue: 1 });
    expect(units["扶贫办"]).toMatchObject({ total: 1, overdue: 1 });
    expect(units["区财政局"]).toMatchObject({ total: 3, completed: 2, dueSoon: 1, completionRate: 2 / 3 });
    expect(units["区人民医院"]).toMatchObject({ total: 1, completed: 1, completionRate: 1 });
  });

  it("a unit written twice in one cell counts the item once", () => {
    const twice = summarize(itemsOf([HEADER, [1, "A", "任务", "区医保局、区医保局", "张三", "2019年6月30日", "已完成"]]));
    expect(twice.byUnit).toEqual([expect.objectContaining({ name: "区医保局", total: 1 })]);
  });

  it("groups by leader the same way", () => {
    expect(byName(s.byLeader)["张三"]).toMatchObject({ total: 3, completed: 2 });
    expect(byName(s.byLeader)["李四"]).toMatchObject({ total: 2, overdue: 1 });
  });

  it("a category is one group; a blank category cell continues the section above it", () => {
    const categories = byName(s.byCategory);
    expect(categories["党的建设方面"]).toMatchObject({ total: 2 });
    expect(categories["作风建设方面"]).toMatchObject({ total: 4, completed: 2 });
  });

  it("rows before any category go to the unnamed group", () => {
    const s = summarize(itemsOf([
      HEADER,
      [1, _, "任务一", "区财政局", "张三", "2019年6月30日", "已完成"],
      [2, "作风建设方面", "任务二", "区财政局", "张三", "2019年6月30日", "已完成"],
    ]));
    expect(byName(s.byCategory)).toMatchObject({ [UNNAMED]: { total: 1 }, 作风建设方面: { total: 1 } });
  });

  it("lists worst first: most overdue, then lowest completion, then most items", () => {
    expect(s.byUnit.map((g) => g.name)).toEqual(["区医保局", "扶贫办", "区财政局", "区人民医院"]);
  });

  it("a ledger without the column has no breakdown, not one unnamed group", () => {
    const noLeader = summarize(itemsOf([
      ["序号", "整改任务", "责任单位", "完成时限", "完成情况"],
      [1, "任务一", "区财政局", "2019年6月30日", "已完成"],
      [2, "任务二", "区医保局", "2019年6月30日", "整改中"],
    ]));
    expect(noLeader.byLeader).toEqual([]);
    expect(noLeader.byCategory).toEqual([]);
    expect(noLeader.byUnit).toHaveLength(2);
  });
});

describe("compareGroups", () => {
  const group = (name: string, overdue: number, completionRate: number, total: number): Group => ({ name, overdue, completionRate, total, completed: 0, dueSoon: 0, unjudged: 0 });

  it.each([
    ["more overdue first", group("甲", 2, 0.9, 5), group("乙", 1, 0.1, 5)],
    ["then lower completion first", group("甲", 1, 0.2, 5), group("乙", 1, 0.8, 5)],
    ["then more items first", group("甲", 1, 0.5, 9), group("乙", 1, 0.5, 2)],
  ] as const)("%s", (_, worse, better) => {
    expect(compareGroups(worse, better)).toBeLessThan(0);
    expect(compareGroups(better, worse)).toBeGreaterThan(0);
  });

  it("ties go by name, in Chinese collation order", () => {
    const sorted = [group("区医保局", 0, 1, 1), group("区财政局", 0, 1, 1), group("扶贫办", 0, 1, 1)].sort(compareGroups);
    expect(sorted.map((g) => g.name)).toEqual(["扶贫办", "区财政局", "区医保局"].sort((a, b) => a.localeCompare(b, "zh-CN")));
  });
});

describe("what cannot be judged is said, never shown as fine", () => {
  it("no deadline column: every item's overdue state is unknown, per group too", () => {
    const s = summarize(itemsOf([
      ["序号", "整改任务", "责任单位", "完成情况"],
      [1, "任务一", "区财政局", "整改中"],
      [2, "任务二", "区财政局", "已完成"],
      [3, "任务三", "区医保局", "未开始"],
    ]));
    expect(s).toMatchObject({ missingRoles: ["deadline"], overdueUnknown: 3, completionUnknown: 0, unjudged: 3, overdue: 0 });
    expect(byName(s.byUnit)["区财政局"]).toMatchObject({ total: 2, unjudged: 2 });
  });

  it("no status column: completion is unknown for every item", () => {
    const s = summarize(itemsOf([
      ["序号", "整改任务", "责任单位", "完成时限"],
      [1, "任务一", "区财政局", "2019年6月30日"],
      [2, "任务二", "区医保局", "2020年6月30日"],
    ]));
    expect(s).toMatchObject({ missingRoles: ["status"], completionUnknown: 2, overdueUnknown: 0, unjudged: 2, completed: 0 });
    expect(s.byStatus).toEqual({ missing: 2 });
  });
});
