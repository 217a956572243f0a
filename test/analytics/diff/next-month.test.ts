/**
 * Next month's version of real ledgers, as clerks make it (next-month-ledgers.ts): every edit
 * that changes nothing real yields no change at all, every real change is reported once with
 * the right rows, alone and several together.
 */
import { describe, expect, it } from "vitest";
import { diffLedgers, type LedgerDiff } from "../../../analytics/diff/diff.js";
import { daysBetween } from "../../../analytics/day.js";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { REAL_CORPUS } from "../../fixtures/real/corpus.js";
import { sheetOf } from "../../helpers/sheet.js";
import { ledgerOf } from "./version-ledgers.js";
import { OCTOBER_FILED, SEPTEMBER, septemberRows } from "./monthly-ledgers.js";
import {
  addTitleRow, cellOf, corpusSheet, deleteItem, firstMonth, insertColumn, insertItemAfter, keysOf, monthOfRows,
  moveColumn, renameColumn, renumberSections, rewriteColumn, setCell, sortItems, unmergeBody, type MonthVersion,
} from "./next-month-ledgers.js";
import { detectHeader } from "../../../analytics/header.js";
import { analyzeSheet } from "../../../analytics/ledger.js";
import { planNormalization } from "../../../analytics/normalize/plan.js";
import { a1 } from "../../../analytics/sheet/address.js";

function ledgerOfMonth(v: MonthVersion, asOf: string) {
  const sheet = sheetOf(v.rows.map((r) => [...r]), { merges: [] });
  const withMerges = { ...sheet, merges: v.merges };
  const header = detectHeader(withMerges);
  if (!header) throw new Error("no header");
  return analyzeSheet(withMerges, header, { asOf });
}

function diffMonths(old: MonthVersion, next: MonthVersion, asOf: string): LedgerDiff {
  return diffLedgers(ledgerOfMonth(old, asOf), ledgerOfMonth(next, asOf), { old: "上月.xlsx", new: "本月.xlsx" });
}

/** The changes as "kind key", the key read from the rows of each version. */
function changesOf(diff: LedgerDiff, old: MonthVersion, next: MonthVersion): string[] {
  return diff.changes
    .map((c) => `${c.kind} ${c.newRow !== null ? next.items.get(c.newRow) ?? `new row ${c.newRow}` : old.items.get(c.oldRow!) ?? `old row ${c.oldRow}`}`)
    .sort();
}

/** Old and new rows of an item must both be the item's own. */
function expectRowsRight(diff: LedgerDiff, old: MonthVersion, next: MonthVersion): void {
  for (const c of diff.changes) {
    if (c.oldRow !== null && c.newRow !== null) expect(old.items.get(c.oldRow), `${c.kind} ${c.oldRow}→${c.newRow}`).toBe(next.items.get(c.newRow));
  }
}

const SEED_COLUMNS = { seq: 1, category: 2, task: 3, measure: 4, leader: 5, unit: 6, owner: 7, deadline: 8, status: 9 } as const;
const seed = (): MonthVersion => monthOfRows(septemberRows().slice(0, -1), 4, SEPTEMBER.map((i) => i.key), SEED_COLUMNS);

/** Real ledgers with a unit, a deadline or a status column, and the day they were read. */
const BASES: ReadonlyArray<{ name: string; month: () => MonthVersion; asOf: string }> = [
  { name: "seed 整改台账", month: seed, asOf: OCTOBER_FILED },
  ...["hubei-jingzhou-chuangwen-2020", "en-mactech-poam-2026", "zhejiang-cangnan-minsheng-2022", "chongqing-tongliang-mubiaorenwu-2025", "hunan-yueyanglou-minsheng-2017", "en-nist-poam-2025"].map((id) => ({
    name: id,
    month: () => firstMonth(corpusSheet(REAL_CORPUS, id)),
    asOf: REAL_CORPUS.find((l) => l.id === id)!.asOf,
  })),
];

/** The version as `taizhang normalize --ids` writes it: merges filled down, dates and statuses unified, a 编号 column. */
function normalizedWithIds(v: MonthVersion, asOf: string): MonthVersion {
  const sheet = { ...sheetOf(v.rows.map((r) => [...r]), { name: "台账" }), merges: v.merges };
  const { plan } = planNormalization({ source: "台账.xlsx", sheets: [sheet] }, { asOf, ids: true });
  const rows = v.rows.map((r) => [...r]);
  for (const e of plan.edits) {
    const row = (rows[e.row - 1] ??= []);
    while (row.length < e.col) row.push(null);
    row[e.col - 1] = typeof e.after === "object" && e.after !== null && "formula" in e.after ? e.after.result : e.after;
  }
  const unmerged = new Set(plan.unmerges.map((u) => u.ref));
  expect(plan.edits.some((e) => e.rule === "id-column")).toBe(true);
  expect(unmerged.size).toBe(v.merges.filter((m) => m.top > v.headerRow && m.left === m.right).length);
  return { ...v, rows, merges: v.merges.filter((m) => !unmerged.has(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`)) };
}

/**
 * Each Chinese unit name in a cell written with its place in front, as a clerk spells a unit out
 * (县教育局 → 青山县教育局, 区人社局 → 青山区人社局, 办公室 → 青山区办公室); other names kept.
 */
const withPlace = (cell: string): string =>
  cell.replace(/[\p{Script=Han}（）()]+/gu, (name) => (/^[区市县镇乡]/u.test(name) ? `青山${name}` : /^\p{Script=Han}{2}/u.test(name) ? `青山区${name}` : name));

const text = (v: CellValue): string => (v === null ? "" : typeof v === "object" ? ("day" in v ? v.day : v.error) : String(v));

/** Edits that change nothing an office cares about: the diff must be empty. */
const NO_REAL_CHANGE: ReadonlyArray<{ name: string; edit: (v: MonthVersion) => MonthVersion }> = [
  { name: "rows re-sorted by unit", edit: (v) => (v.columns.unit ? sortItems(v, (r) => text(r[v.columns.unit! - 1] ?? null)) : sortItems(v, (r) => text(r[v.columns.task! - 1] ?? null))) },
  { name: "rows re-sorted by deadline", edit: (v) => sortItems(v, (r) => text(r[(v.columns.deadline ?? v.columns.task!) - 1] ?? null)) },
  { name: "merged cells unmerged and filled", edit: unmergeBody },
  { name: "sections renumbered", edit: renumberSections },
  { name: "a title row with the new month above", edit: (v) => addTitleRow(v, "2019年11月份整改落实情况台账") },
  { name: "status column renamed 整改进展情况", edit: (v) => (v.columns.status ? renameColumn(v, "status", "整改进展情况") : v) },
  { name: "status column renamed 进展情况（截至10月底）", edit: (v) => (v.columns.status ? renameColumn(v, "status", "进展情况（截至10月底）") : v) },
  { name: "status column moved next to the task", edit: (v) => (v.columns.status ? moveColumn(v, "status", v.columns.task! + 1) : v) },
  { name: "units written with their place in front", edit: (v) => rewriteColumn(v, "unit", withPlace) },
];

describe("next month's version that changes nothing real", () => {
  for (const base of BASES) {
    for (const change of NO_REAL_CHANGE) {
      it(`${base.name}: ${change.name}`, () => {
        const old = base.month();
        const next = change.edit(old);
        const diff = diffMonths(old, next, base.asOf);
        expect(changesOf(diff, old, next)).toEqual([]);
        expect(diff.matched.count).toBe(old.items.size);
      });
    }
  }

  it("all of them at once", () => {
    for (const base of BASES) {
      const old = base.month();
      const next = NO_REAL_CHANGE.reduce((v, c) => c.edit(v), old);
      expect(changesOf(diffMonths(old, next, base.asOf), old, next), base.name).toEqual([]);
    }
  });
});

describe("one month normalized with --ids, the other not", () => {
  for (const base of BASES.filter((b) => ["seed 整改台账", "hubei-jingzhou-chuangwen-2020", "en-nist-poam-2025"].includes(b.name))) {
    it(`${base.name}: only the real change, both ways`, () => {
      const old = base.month();
      const key = keysOf(old)[1]!;
      const edited = setCell(old, key, "task", `${text(cellOf(old, key, "task"))}（已纳入年度考核）`);
      const normalizedOld = normalizedWithIds(old, base.asOf);
      expect(changesOf(diffMonths(normalizedOld, edited, base.asOf), normalizedOld, edited)).toEqual([`task-edited ${key}`]);
      const normalizedNew = normalizedWithIds(edited, base.asOf);
      expect(changesOf(diffMonths(old, normalizedNew, base.asOf), old, normalizedNew)).toEqual([`task-edited ${key}`]);
    });
  }
});

describe("next month's version with real changes", () => {
  const asOf = OCTOBER_FILED;

  it("a row inserted mid-sheet with the 序号 re-filled is one item added", () => {
    const old = seed();
    const next = insertItemAfter(old, "rules", "new", { task: "公车私用问题专项治理不彻底", unit: "办公室", status: "未开始" });
    const diff = diffMonths(old, next, asOf);
    expect(changesOf(diff, old, next)).toEqual(["added new"]);
  });

  it("a lightly reworded task is task-edited, a 【已销号】 mark before it is no edit of the task", () => {
    const old = seed();
    let next = setCell(old, "kickbacks", "task", "医疗机构收受“回扣”问题专项整治不力");
    next = setCell(next, "dues", "task", `【已销号】${text(cellOf(old, "dues", "task"))}`);
    const diff = diffMonths(old, next, asOf);
    expect(changesOf(diff, old, next)).toEqual(["task-edited kickbacks"]);
    expectRowsRight(diff, old, next);
  });

  it("a new 本月进展 column left of the old one, kept as 上月进展, is read for the status", () => {
    const old = seed();
    const status = old.columns.status!;
    let next = insertColumn(old, status, "本月进展", (key, row) => (key === "plan2030" ? "已完成" : row[status - 1] ?? null), "status");
    next = { ...next, rows: next.rows.map((r, i) => (i + 1 === next.headerRow ? r.map((c, k) => (k === status ? "上月进展" : c)) : r)) };
    const diff = diffMonths(old, next, asOf);
    expect(changesOf(diff, old, next)).toEqual(["completed plan2030"]);
  });

  it("dates written another way are no change; a date moved is", () => {
    const old = seed();
    let next = setCell(old, "study", "deadline", "2019.6.30");
    next = setCell(next, "rules", "deadline", { day: "2019-12-31" });
    next = setCell(next, "branches", "deadline", "2019.12.31");
    const diff = diffMonths(old, next, asOf);
    expect(changesOf(diff, old, next)).toEqual(["deadline-moved branches"]);
    expect(diff.changes[0]!.days).toBe(daysBetween("2019-11-30", "2019-12-31"));
  });

  it("已完成 → 已完成（已销号） is the item closed: completed, once", () => {
    const old = seed();
    const next = setCell(old, "dues", "status", "已完成（已销号）");
    const diff = diffMonths(old, next, asOf);
    expect(changesOf(diff, old, next)).toEqual(["completed dues"]);
  });

  it("a unit renamed across all its rows (机构改革) is a unit change of each of its items", () => {
    const old = seed();
    const next = keysOf(old).reduce((v, key) => (cellOf(v, key, "unit") === "财务股" ? setCell(v, key, "unit", "计划财务股") : v), old);
    const diff = diffMonths(old, next, asOf);
    expect(changesOf(diff, old, next)).toEqual(["unit-changed allowances", "unit-changed dues", "unit-changed expenses"]);
    expectRowsRight(diff, old, next);
  });

  it("a task lightly reworded in a renumbered section is paired as confidently as before", () => {
    const old = firstMonth(corpusSheet(REAL_CORPUS, "chongqing-tongliang-mubiaorenwu-2025"));
    const key = keysOf(old).at(-1)!;
    const edited = setCell(old, key, "task", `${text(cellOf(old, key, "task"))}，推动产业集群发展`);
    const next = renumberSections(edited);
    const diff = diffMonths(old, next, "2025-06-30");
    expect(changesOf(diff, old, next)).toEqual([`task-edited ${key}`]);
    // The section's number is no part of the category: renumbering costs the pairing nothing.
    expect(diff.changes[0]!.confidence).toBe(diffMonths(old, edited, "2025-06-30").changes[0]!.confidence);
  });

  it("several changes together, rows re-sorted and a title added", () => {
    const old = seed();
    let next = setCell(old, "plan2030", "status", "已完成");
    next = setCell(next, "kickbacks", "task", "进一步整治医疗机构收受回扣问题");
    next = deleteItem(next, "cars");
    next = insertItemAfter(next, "members", "poverty", { task: "健康扶贫政策落实不够精准", unit: "基层卫生股", status: "未开始", deadline: "2019年12月15日" });
    next = setCell(next, "branches", "deadline", "2019年12月31日");
    next = addTitleRow(sortItems(next, (r) => text(r[SEED_COLUMNS.unit - 1] ?? null)), "2019年10月");
    next = renameColumn(next, "status", "进展情况（截至10月底）");
    const diff = diffMonths(old, next, asOf);
    expect(changesOf(diff, old, next)).toEqual(["added poverty", "completed plan2030", "deadline-moved branches", "removed cars", "task-edited kickbacks"]);
    expectRowsRight(diff, old, next);
  });
});

/** A 任务分解表: one task handed to twenty units, each with its own row. */
const UNITS20 = ["城关镇", "东街道", "西街道", "南街道", "北街道", "龙泉镇", "区卫计局", "白马镇", "青山镇", "桃源乡", "河口镇", "新兴镇", "高坪乡", "长岭镇", "金沙镇", "黄土乡", "大河镇", "清水乡", "平安镇", "红星乡"];
const TASKS = ["开展农村人居环境整治“回头看”，建立问题清单并逐项销号", "落实河长制湖长制，完成辖区河道“清四乱”专项行动"];

function distributed(): MonthVersion {
  const header = ["序号", "工作任务", "责任单位", "责任人", "完成时限", "完成情况"];
  const rows: CellValue[][] = [header];
  const keys: string[] = [];
  TASKS.forEach((task, t) =>
    UNITS20.forEach((unit, u) => {
      rows.push([rows.length, task, unit, `${unit.slice(0, 1)}主任`, `2019年${11 + t}月30日`, u % 3 === 0 ? "已完成" : "推进中"]);
      keys.push(`${t}:${unit}`);
    }),
  );
  return monthOfRows(rows, 1, keys, { seq: 1, task: 2, unit: 3, owner: 4, deadline: 5, status: 6 });
}

describe("one task handed to twenty units", () => {
  const asOf = "2019-10-31";

  it("pairs each unit's row with the same unit's row, whatever the order", () => {
    const old = distributed();
    let next = sortItems(old, (r) => text(r[2] ?? null));
    next = setCell(next, "0:白马镇", "status", "已完成");
    next = setCell(next, "1:河口镇", "status", "已完成");
    const diff = diffMonths(old, next, asOf);
    expect(changesOf(diff, old, next)).toEqual(["completed 0:白马镇", "completed 1:河口镇"]);
    expectRowsRight(diff, old, next);
  });

  it("a unit's row deleted and the same task added for another unit: one removed, one added", () => {
    const old = distributed();
    let next = deleteItem(old, "0:桃源乡");
    next = insertItemAfter(next, "0:红星乡", "0:开发区", { unit: "开发区管委会", owner: "开发区主任", status: "未开始" });
    const diff = diffMonths(old, next, asOf);
    expect(changesOf(diff, old, next)).toEqual(["added 0:开发区", "removed 0:桃源乡"]);
  });

  it("a unit's row deleted and the task given to a unit that already had others: removed and added", () => {
    const old = distributed();
    const onlySecond = deleteItem(old, "1:清水乡");
    let next = deleteItem(onlySecond, "0:桃源乡");
    next = insertItemAfter(next, "0:红星乡", "0:清水乡", { unit: "清水乡", owner: "清主任", status: "未开始" });
    const before = deleteItem(old, "1:清水乡");
    const diff = diffMonths(before, next, asOf);
    expect(changesOf(diff, before, next)).toEqual(["added 0:清水乡", "removed 0:桃源乡"]);
  });

  it("a unit renamed on all its rows (机构改革: 卫计局 → 卫健局) is a unit change of each", () => {
    const old = distributed();
    let next = setCell(old, "0:区卫计局", "unit", "区卫健局");
    next = setCell(next, "1:区卫计局", "unit", "区卫健局");
    next = setCell(next, "1:区卫计局", "status", "已销号");
    const diff = diffMonths(old, next, asOf);
    expect(changesOf(diff, old, next)).toEqual(["completed 1:区卫计局", "unit-changed 0:区卫计局", "unit-changed 1:区卫计局"]);
    expectRowsRight(diff, old, next);
  });
});
