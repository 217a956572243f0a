/**
 * The 变更记录 entries of a plan, one at a time (eachPlanEntry, which the file patch streams) and
 * as a list (planEntries, which the pane writes): the same entries in the same order, every
 * host's order: merges dissolved, merges added, cells edited, text wrapped, status conflicts,
 * dropdowns, colors.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { cellKey, eachPlanEntry, planEntries, planEntryCount, rangeListPieces, type LogKind } from "../../../analytics/normalize/log.js";
import { planNormalization } from "../../../analytics/normalize/plan.js";
import type { ChangePlan, FlagFormat } from "../../../analytics/normalize/types.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { FINISH_AS_OF, sheetFinishBytes } from "./sheet-finish-cases.js";

const BATCH = "2026-11-30 09:00:00";

/** The kinds of a list of entries with runs of one kind collapsed: the blocks, in order. */
function blocks(kinds: readonly LogKind[]): string[] {
  const out: string[] = [];
  for (const kind of kinds) {
    const block = kind === "unmerge" || kind === "merge" || kind === "wrap-text" || kind === "status-conflict" || kind === "status-validation" || kind === "conditional-format" ? kind : "edit";
    if (out.at(-1) !== block) out.push(block);
  }
  return out;
}

describe("a plan's log entries", () => {
  let plan: ChangePlan;
  beforeAll(async () => {
    const workbook = readWorkbook(await sheetFinishBytes(), { source: "sheet-finish.xlsx" });
    plan = planNormalization(workbook, { asOf: FINISH_AS_OF, overdueColumn: true }).plan;
  });

  it("come in every host's order, one block a kind, each change once", () => {
    const entries = [...eachPlanEntry(plan, BATCH, () => undefined)];
    expect(blocks(entries.map((e) => e.kind))).toEqual(["unmerge", "merge", "edit", "wrap-text", "status-conflict", "status-validation", "conditional-format"]);
    expect(entries).toHaveLength(planEntryCount(plan));
    expect(entries.filter((e) => e.kind === "status-conflict").map((e) => [e.cell, e.after])).toEqual([["G6 H6", "待核实"]]);
  });

  it("are the same one at a time as in a list, the old number formats included", () => {
    const formatted = plan.edits.filter((e) => e.numFmt !== undefined);
    expect(formatted.length).toBeGreaterThan(0);
    const oldFormats = new Map(formatted.map((e) => [cellKey(e.sheet, e.cell), "yyyy/m/d"]));
    const streamed = [...eachPlanEntry(plan, BATCH, (e) => oldFormats.get(cellKey(e.sheet, e.cell)), "en")];
    expect(streamed).toEqual(planEntries(plan, BATCH, oldFormats, "en"));
    // An edit that sets a format logs the one it had; General when the host saw none.
    expect(streamed.find((e) => e.cell === formatted[0]!.cell && e.kind === formatted[0]!.rule)?.oldFormat).toBe("yyyy/m/d");
    expect([...eachPlanEntry(plan, BATCH, () => undefined)].find((e) => e.cell === formatted[0]!.cell)?.oldFormat).toBe("General");
  });
});

describe("a list of ranges in the log", () => {
  // Every other row of a 60,000-row ledger: "A3:J3 A5:J5 …", 30,000 ranges, some 390,000 characters.
  const ranges = Array.from({ length: 30_000 }, (_, i) => `A${2 * i + 3}:J${2 * i + 3}`);
  const long = ranges.join(" ");

  it("stays whole while a cell can hold it", () => {
    expect(rangeListPieces("A3:J20 A22:J24")).toEqual(["A3:J20 A22:J24"]);
    expect(rangeListPieces("A3:J20 A22:J24", 14)).toEqual(["A3:J20 A22:J24"]);
  });

  it("is cut between ranges into pieces no cell refuses, nothing lost or repeated", () => {
    const pieces = rangeListPieces(long);
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(long.length / 32_767));
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(32_767);
      expect(piece).toMatch(/^A\d+:J\d+( A\d+:J\d+)*$/u);
    }
    expect(pieces.join(" ").split(" ")).toEqual(ranges);
    expect(rangeListPieces("A3:J3 A5:J5 A7:J7", 12)).toEqual(["A3:J3 A5:J5", "A7:J7"]);
  });

  it("gives a big ledger's colors several log rows, each of the one format, and the count a writer sizes by", () => {
    const flag: FlagFormat = { sheet: "整改台账", sqref: long, kind: "overdue", formula: "AND($H3<TODAY())", fill: "FFFFC7CE", font: "FF9C0006", priority: 1 };
    const plan = { unmerges: [], merges: [], edits: [], wraps: [], conflicts: [], validations: [], flags: [flag] } as unknown as ChangePlan;
    const entries = [...eachPlanEntry(plan, BATCH, () => undefined)];
    expect(entries.length).toBeGreaterThan(1);
    expect(entries).toHaveLength(planEntryCount(plan));
    expect(new Set(entries.map((e) => JSON.stringify(e.after)))).toEqual(new Set([JSON.stringify({ formula: flag.formula, result: "" })]));
    expect(entries.map((e) => e.cell).join(" ")).toBe(long);
  });
});
