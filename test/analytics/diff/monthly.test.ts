/**
 * The held-out monthly pair (monthly-ledgers.ts): every change classified right, with the rows
 * of both versions, and nothing else reported.
 */
import { describe, expect, it } from "vitest";
import { diffLedgers } from "../../../analytics/diff/diff.js";
import { ledgerOf, oldLedgerOf } from "./version-ledgers.js";
import { EXPECTED_CHANGES, OCTOBER, OCTOBER_FILED, octoberRows, rowOf, SEPTEMBER, SEPTEMBER_FILED, septemberRows } from "./monthly-ledgers.js";

const diff = diffLedgers(oldLedgerOf(septemberRows(), OCTOBER_FILED), ledgerOf(octoberRows(), OCTOBER_FILED), { old: "9月.xlsx", new: "10月.xlsx" });

describe("a month of a rectification ledger", () => {
  it("judges September at its 填报日期 and October at the as-of day", () => {
    expect(diff.old.asOf).toBe(SEPTEMBER_FILED);
    expect(diff.new.asOf).toBe(OCTOBER_FILED);
  });

  it("reports exactly the changes made, each with both rows", () => {
    const found = diff.changes.map((c) => ({ kind: c.kind, oldRow: c.oldRow, newRow: c.newRow }));
    const expected = EXPECTED_CHANGES.map(({ kind, key }) => ({
      kind,
      oldRow: SEPTEMBER.some((i) => i.key === key) ? rowOf(SEPTEMBER, key) : null,
      newRow: OCTOBER.some((i) => i.key === key) ? rowOf(OCTOBER, key) : null,
    }));
    expect(new Set(found.map((f) => JSON.stringify(f)))).toEqual(new Set(expected.map((e) => JSON.stringify(e))));
    expect(found).toHaveLength(expected.length);
  });

  it("gives the days a deadline moved and the days newly overdue", () => {
    for (const { kind, key, days } of EXPECTED_CHANGES.filter((e) => e.days !== undefined)) {
      const change = diff.changes.find((c) => c.kind === kind && c.newRow === rowOf(OCTOBER, key));
      expect(change?.days, `${kind} ${key}`).toBe(days);
    }
  });

  it("says what the values were and became", () => {
    const byKind = (kind: string) => diff.changes.find((c) => c.kind === kind)!;
    expect(byKind("completed")).toMatchObject({ before: "推进中", after: "已完成" });
    expect(byKind("reopened")).toMatchObject({ before: "已完成", after: "整改中（制度需重新修订）" });
    expect(byKind("unit-changed")).toMatchObject({ before: "人事股", after: "办公室" });
    expect(byKind("deadline-moved")).toMatchObject({ before: "2019-11-30", after: "2019-12-31" });
    expect(byKind("task-edited")).toMatchObject({ before: "医疗机构收受回扣问题整治不力", after: "医疗机构收受“回扣”问题专项整治不力" });
  });

  it("pairs by content, confidently, with nothing left to confirm", () => {
    expect(diff.matched).toEqual({ count: SEPTEMBER.length - 1, byId: false });
    expect(diff.toConfirm).toEqual([]);
    for (const c of diff.changes) expect(c.confidence).toBeGreaterThanOrEqual(0.75);
  });

  it("ranks the units by completion rate with the change of rank", () => {
    const office = diff.units.find((u) => u.unit === "规划信息股")!;
    expect(office).toMatchObject({ total: 1, completed: 1, completedDelta: 1, rank: 1 });
    expect(office.previous.completed).toBe(0);
    const finance = diff.units.find((u) => u.unit === "财务股")!;
    expect(finance).toMatchObject({ total: 3, completed: 1, overdue: 1, overdueDelta: 0 });
    const party = diff.units.find((u) => u.unit === "党建办")!;
    expect(party).toMatchObject({ overdue: 1, overdueDelta: 1 });
    const ranks = diff.units.map((u) => u.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => (a ?? 99) - (b ?? 99)));
    for (const u of diff.units) if (u.rank !== null && u.previous.rank !== null) expect(u.rankDelta).toBe(u.previous.rank - u.rank);
  });
});
