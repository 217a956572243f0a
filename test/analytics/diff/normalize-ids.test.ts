/**
 * `normalize --ids` as part of the change plan: a 编号 column right of the table, written only
 * where none exists, and next month's copy (rows moved, renumbered, tasks rewritten) paired by it.
 */
import { describe, expect, it } from "vitest";
import { diffLedgers } from "../../../analytics/diff/diff.js";
import { planNormalization } from "../../../analytics/normalize/plan.js";
import type { CellEdit } from "../../../analytics/normalize/types.js";
import type { CellValue, Sheet } from "../../../analytics/sheet/sheet-model.js";
import { sheetOf } from "../../helpers/sheet.js";
import { ledgerOf } from "./version-ledgers.js";
import { OCTOBER_FILED, septemberRows } from "./monthly-ledgers.js";

const AS_OF = OCTOBER_FILED;

function plan(sheet: Sheet) {
  return planNormalization({ source: "台账.xlsx", sheets: [sheet] }, { asOf: AS_OF, ids: true }).plan;
}

/** The sheet as it reads once the plan's edits are applied. */
function applied(sheet: Sheet, edits: readonly CellEdit[]): CellValue[][] {
  const rows = sheet.rows.map((r) => [...(r ?? [])]);
  for (const e of edits) {
    const row = (rows[e.row - 1] ??= []);
    while (row.length < e.col) row.push(null);
    row[e.col - 1] = typeof e.after === "object" && e.after !== null && "formula" in e.after ? e.after.result : e.after;
  }
  return rows;
}

describe("normalize --ids", () => {
  const sheet = sheetOf(septemberRows(), { name: "整改台账" });
  const edits = plan(sheet).edits.filter((e) => e.rule === "id-column" || e.rule === "id-header");

  it("plans a 编号 header right of the table and one id per item", () => {
    const width = Math.max(...septemberRows().slice(3).map((r) => r.length));
    expect(edits[0]).toMatchObject({ rule: "id-header", row: 4, col: width + 1, after: "编号" });
    expect(edits.slice(1).map((e) => e.after)).toEqual(Array.from({ length: 17 }, (_, i) => `2019-${String(i + 1).padStart(3, "0")}`));
    expect(plan(sheet).newColumns).toEqual([{ sheet: "整改台账", col: width + 1, width: 10 }]);
  });

  it("writes nothing where an id column exists", () => {
    const numbered = sheetOf(applied(sheet, edits), { name: "整改台账" });
    expect(plan(numbered).edits.filter((e) => e.rule === "id-column" || e.rule === "id-header")).toEqual([]);
  });

  it("lets next month's diff pair items by id, even a task rewritten beyond recognition", () => {
    const withIds = applied(sheet, edits);
    const [title, header, items] = [withIds.slice(0, 3), withIds[3]!, withIds.slice(4, 21)];
    // Next month: rows reversed and renumbered, one task rewritten entirely.
    const moved = [...items].reverse().map((r, i) => {
      const row = [...r];
      row[0] = i + 1;
      if (i === 0) row[2] = "规范公务车辆使用管理";
      return row;
    });
    const diff = diffLedgers(ledgerOf(withIds, "2019-09-30"), ledgerOf([...title, header, ...moved], AS_OF), { old: "9月.xlsx", new: "10月.xlsx" });
    expect(diff.matched).toEqual({ count: 17, byId: true });
    expect(diff.changes.filter((c) => c.kind === "added" || c.kind === "removed")).toEqual([]);
    expect(diff.changes.find((c) => c.kind === "task-edited")).toMatchObject({ after: "规范公务车辆使用管理", confidence: 1 });
  });
});
