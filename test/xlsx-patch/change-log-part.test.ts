/**
 * The 变更记录 part the patch writes: streamed from the plan entry by entry, it holds the very
 * rows every host writes (analytics/normalize/log.ts planEntries), in their order, with the
 * number format each edited cell had. A second normalize of a workbook that changed since the
 * first appends its batch below the log already there: the log part is streamed through (never
 * held whole), its dimension grows to the last row, and everything the log held stays.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { parseLog, planEntries } from "../../analytics/normalize/log.js";
import { LOG_SHEET } from "../../analytics/normalize/types.js";
import { cellAt } from "../../analytics/sheet/sheet-model.js";
import { FINISH_AS_OF, sheetFinishBytes } from "../analytics/normalize/sheet-finish-cases.js";
import { fixtureBytes } from "../fixtures/build.js";
import { rectification15 } from "../fixtures/ledgers.js";
import { loadExcel, normalizeBytes, readModel, TEST_BATCH } from "./normalized.js";

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

  it("puts a second batch below the first, grows the dimension, and keeps the first batch as it was", async () => {
    const first = await normalizeBytes(await fixtureBytes(rectification15), "2019-12-31", { baseYear: 2019 });
    // A clerk types a status the way the office says it; the copy is saved by another writer.
    const book = await loadExcel(first.output);
    book.getWorksheet("整改任务清单")!.getCell("I8").value = "完成";
    const edited = new Uint8Array(await book.xlsx.writeBuffer());
    const second = await normalizeBytes(edited, "2019-12-31", { baseYear: 2019, batch: "2026-12-31 09:00:00" });
    expect(second.rewrite.plan.edits.map((e) => e.cell)).toEqual(["I8"]);

    const before = logOf(edited);
    const after = logOf(second.output);
    expect(after.entries.slice(0, before.entries.length)).toEqual(before.entries);
    const added = after.entries.slice(before.entries.length);
    // The edit first, then whatever the other writer's save made Taizhang put back.
    expect([added[0]!.cell, added[0]!.kind, added[0]!.before, added[0]!.after]).toEqual(["I8", "status-word", "完成", "已完成"]);
    expect(added.every((e) => e.batch === "2026-12-31 09:00:00" && e.logRow! > before.lastRow)).toBe(true);
    expect(before.entries.every((e) => e.batch === TEST_BATCH)).toBe(true);

    const logPart = Object.entries(unzipSync(second.output)).find(([name, data]) => name.startsWith("xl/worksheets/") && strFromU8(data).includes("2026-12-31 09:00:00"))!;
    expect(strFromU8(logPart[1])).toMatch(new RegExp(`<dimension ref="A1:I${after.lastRow}"/>`, "u"));
  });

  it("appends right below the last row, whatever comments in the log part say", async () => {
    const first = await normalizeBytes(await fixtureBytes(rectification15), "2019-12-31", { baseYear: 2019 });
    const files = unzipSync(first.output);
    for (const name of Object.keys(files)) if (name.endsWith("/")) delete files[name];
    const [logName] = Object.entries(files).find(([name, data]) => name.startsWith("xl/worksheets/") && strFromU8(data).includes(TEST_BATCH))!;
    // A note someone left in the log's XML, naming a row far below; and I8 retyped in the ledger.
    const note = `<!-- rows below r="9999"? <row r="9999"><c r="A9999"/></row> -->`;
    files[logName] = strToU8(strFromU8(files[logName]!).replace("</sheetData>", `${note}</sheetData>`));
    const sheet = "xl/worksheets/sheet1.xml";
    files[sheet] = strToU8(strFromU8(files[sheet]!).replace(/<c r="I8"([^>]*?) t="[^"]*">[\s\S]*?<\/c>/u, `<c r="I8"$1 t="inlineStr"><is><t>完成</t></is></c>`));
    const edited = zipSync(files as Zippable);

    const second = await normalizeBytes(edited, "2019-12-31", { baseYear: 2019, batch: "2026-12-31 09:00:00" });
    const before = logOf(edited);
    const after = logOf(second.output);
    expect(after.entries.slice(before.entries.length).map((e) => [e.logRow, e.cell, e.after])).toEqual([[before.lastRow + 1, "I8", "已完成"]]);
    expect(strFromU8(unzipSync(second.output)[logName]!)).toContain(note);
  });
});
