/** Each kind of change, alone: one record with its rows, before and after. */
import { describe, expect, it } from "vitest";
import { diffRows, simpleRows } from "./version-ledgers.js";

const AS_OF = "2019-10-31";
const FILED = "2019年9月30日";
type Row = readonly [string, string, string, string];
const base: Row[] = [
  ["制定局党组中心组学习计划", "办公室", "2019年12月31日", "推进中"],
  ["规范发展党员档案资料", "党建办", "2019年12月15日", "推进中"],
  ["清理核对党费收缴情况", "财务股", "2019年8月31日", "已完成"],
];

function changed(index: number, patch: Partial<{ task: string; unit: string; deadline: string; status: string }>): Row[] {
  return base.map((row, i) => (i === index ? [patch.task ?? row[0], patch.unit ?? row[1], patch.deadline ?? row[2], patch.status ?? row[3]] : row));
}

const kinds = (oldItems: Row[], newItems: Row[]) => diffRows(simpleRows(oldItems, FILED), simpleRows(newItems), AS_OF).changes;

describe("each change class", () => {
  it("nothing changed: nothing reported (an item long overdue is not news)", () => {
    const stale: Row[] = [...base, ["全面清理津补贴", "财务股", "2019年9月15日", "推进中"]];
    expect(kinds(stale, stale)).toEqual([]);
  });

  it("completed: newly done, and 销号 of a done item", () => {
    expect(kinds(base, changed(0, { status: "已完成" }))).toMatchObject([{ kind: "completed", oldRow: 3, newRow: 2, before: "推进中", after: "已完成" }]);
    expect(kinds(base, changed(2, { status: "已销号" }))).toMatchObject([{ kind: "completed", before: "已完成", after: "已销号" }]);
  });

  it("completed by a completion day filled in beside an empty status, said in the status words", () => {
    const header = ["序号", "存在问题", "责任单位", "完成时限", "完成情况", "实际完成时间"];
    const september = [[`填报日期：${FILED}`], header, [1, "规范发展党员档案资料", "党建办", "2019年12月15日", null, null]];
    const october = [header, [1, "规范发展党员档案资料", "党建办", "2019年12月15日", null, "2019年10月20日"]];
    expect(diffRows(september, october, AS_OF).changes).toMatchObject([{ kind: "completed", before: null, after: "已完成" }]);
  });

  it("reopened: was done, now not (反弹)", () => {
    expect(kinds(base, changed(2, { status: "整改中", deadline: "2019年12月31日" }))).toMatchObject([{ kind: "reopened", before: "已完成", after: "整改中" }, { kind: "deadline-moved" }]);
    // Reopened past its deadline: overdue again, which is news of its own.
    expect(kinds(base, changed(2, { status: "整改中" })).map((c) => c.kind)).toEqual(["reopened", "newly-overdue"]);
  });

  it("status-changed: any other change of status", () => {
    expect(kinds(changed(0, { status: "未开始" }), base)).toMatchObject([{ kind: "status-changed", before: "未开始", after: "推进中" }]);
  });

  it("newly-overdue: on time when the old version was filed, overdue now", () => {
    // 2019-10-15 had not passed on 2019-09-30 (the old 填报日期); on 2019-10-31 it is 16 days past.
    const due = changed(1, { deadline: "2019年10月15日" });
    expect(kinds(due, due)).toMatchObject([{ kind: "newly-overdue", oldRow: 4, newRow: 3, days: 16, before: 0, after: 16 }]);
  });

  it("newly-overdue is judged at the old version's own day, else the new one's", () => {
    const due = changed(1, { deadline: "2019年10月15日" });
    expect(diffRows(simpleRows(due, "2019年10月20日"), simpleRows(due), AS_OF).changes).toEqual([]);
    expect(diffRows(simpleRows(due), simpleRows(due), AS_OF).changes).toEqual([]);
  });

  it("deadline-moved, with the days (延期 positive)", () => {
    expect(kinds(base, changed(0, { deadline: "2020年1月31日" }))).toMatchObject([{ kind: "deadline-moved", before: "2019-12-31", after: "2020-01-31", days: 31 }]);
    expect(kinds(base, changed(0, { deadline: "长期坚持" }))).toMatchObject([{ kind: "deadline-moved", before: "2019-12-31", after: "长期坚持", days: null }]);
  });

  it("unit-changed, but not for the same units listed in another order", () => {
    expect(kinds(base, changed(0, { unit: "党建办" }))).toMatchObject([{ kind: "unit-changed", before: "办公室", after: "党建办" }]);
    expect(kinds(changed(0, { unit: "办公室、党建办" }), changed(0, { unit: "党建办，办公室" }))).toEqual([]);
  });

  it("no unit-changed for a unit written another way: with its place, in short, with a remark", () => {
    expect(kinds(changed(0, { unit: "区人民医院" }), changed(0, { unit: "娄星区人民医院" }))).toEqual([]);
    expect(kinds(changed(0, { unit: "县发展和改革局" }), changed(0, { unit: "县发改局" }))).toEqual([]);
    expect(kinds(changed(0, { unit: "办公室（牵头）" }), changed(0, { unit: "办公室" }))).toEqual([]);
    // A unit renamed is a change (卫计局 → 卫健局), and so is a place named where two could be meant.
    expect(kinds(changed(0, { unit: "区卫计局" }), changed(0, { unit: "区卫健局" }))).toMatchObject([{ kind: "unit-changed" }]);
  });

  it("a unit written more fully keeps one line in the standings, named as the new version writes it", () => {
    const hospital = (unit: string, status?: string): Row[] => changed(0, { unit, ...(status ? { status } : {}) }).map((r, i) => (i === 1 ? [r[0], unit, r[2], r[3]] : r));
    const { units, changes } = diffRows(simpleRows(hospital("区人民医院"), FILED), simpleRows(hospital("娄星区人民医院", "已完成")), AS_OF);
    expect(changes).toMatchObject([{ kind: "completed" }]);
    expect(units.filter((u) => u.unit.includes("人民医院"))).toMatchObject([{ unit: "娄星区人民医院", total: 2, totalDelta: 0, completedDelta: 1 }]);
  });

  it("task-edited, not for width or spacing", () => {
    expect(kinds(base, changed(0, { task: "制定并落实局党组中心组学习计划" }))).toMatchObject([{ kind: "task-edited", before: "制定局党组中心组学习计划", after: "制定并落实局党组中心组学习计划" }]);
    expect(kinds(base, changed(0, { task: "制定局党组 中心组学习计划 " }))).toEqual([]);
  });

  it("added and removed", () => {
    const more: Row[] = [...base, ["开展作风纪律集中整顿", "办公室", "2019年12月31日", "未开始"]];
    expect(kinds(base, more)).toMatchObject([{ kind: "added", oldRow: null, newRow: 5, confidence: 1 }]);
    expect(kinds(more, base)).toMatchObject([{ kind: "removed", oldRow: 6, newRow: null }]);
  });

  it("several changes of one item, one record each", () => {
    const c = kinds(base, changed(0, { task: "制定并落实局党组中心组学习计划", status: "已完成", unit: "党建办" }));
    expect(c.map((x) => x.kind)).toEqual(["completed", "unit-changed", "task-edited"]);
  });
});
