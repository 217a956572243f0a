/**
 * The 变更记录 part the patch writes: streamed from the plan entry by entry, it holds the very
 * rows every host writes (analytics/normalize/log.ts planEntries), in their order, with the
 * number format each edited cell had.
 */
import { describe, expect, it } from "vitest";
import { parseLog, planEntries } from "../../analytics/normalize/log.js";
import { LOG_SHEET } from "../../analytics/normalize/types.js";
import { cellAt } from "../../analytics/sheet/sheet-model.js";
import { FINISH_AS_OF, sheetFinishBytes } from "../analytics/normalize/sheet-finish-cases.js";
import { normalizeBytes, readModel, TEST_BATCH } from "./normalized.js";

function logOf(bytes: Uint8Array) {
  const sheet = readModel(bytes).sheets.find((s) => s.name === LOG_SHEET)!;
  return parseLog((r, c) => cellAt(sheet, r, c), sheet.rows.length, 9)!;
}

describe("the change log part", () => {
  it("holds the plan's entries in every host's order, each edited cell with the format it had", async () => {
    for (const lang of ["zh", "en"] as const) {
      const { output, rewrite } = await normalizeBytes(await sheetFinishBytes(), FINISH_AS_OF, { overdueColumn: true, lang });
      const plan = { ...rewrite.plan, wraps: rewrite.applied!.wraps };
      const typedDates = new Map(plan.edits.filter((e) => e.rule === "deadline-format").map((e) => [`${e.sheet}!${e.cell}`, "yyyy/m/d"]));
      expect(typedDates.size).toBeGreaterThan(0);
      const expected = planEntries(plan, TEST_BATCH, typedDates, lang);
      const written = logOf(output).entries;
      expect(written.map((e) => [e.batch, e.state, e.kind, e.sheet, e.cell, e.reason])).toEqual(expected.map((e) => [e.batch, e.state, e.kind, e.sheet, e.cell, e.reason]));
      expect(written.filter((e) => e.kind === "deadline-format").map((e) => e.oldFormat)).toEqual([...typedDates.values()]);
    }
  });
});
