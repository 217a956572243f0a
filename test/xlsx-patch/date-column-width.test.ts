/**
 * A column normalize writes dates into is made wide enough to show them: 2019年12月31日 in a
 * column of 10 characters, where "2019.6.30" as text still showed, is ### in Excel, WPS and
 * LibreOffice. The patch widens that one column, cutting it out of a range of columns it
 * shares, and leaves alone a column already wide enough, a hidden one, and the others. A
 * widening is never silent: 变更记录 gets the row the pane writes for it (加宽日期列, the column,
 * its width before and after as the 列宽 dialog shows them), which either host's 撤销 reads.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseLog } from "../../analytics/normalize/log.js";
import { LOG_SHEET } from "../../analytics/normalize/types.js";
import { cellAt } from "../../analytics/sheet/sheet-model.js";
import { normalizeBytes, readModel, TEST_BATCH } from "./normalized.js";
import { ledgerParts, zipBytes } from "./other-writers.js";

const AS_OF = "2019-12-31";

/** The ledger of other-writers.ts normalized, given its sheet's head before <sheetData>. */
async function normalizedWithHead(head: string, lang: "zh" | "en" = "zh"): Promise<Uint8Array> {
  const parts = ledgerParts();
  parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"]!.replace("<sheetData>", `${head}<sheetData>`);
  const { output } = await normalizeBytes(zipBytes(parts), AS_OF, { lang });
  expect(readModel(output).sheets[0]!.rows.length).toBe(13);
  return output;
}

/** The <cols> the deadline column (E) has after normalize, given the sheet's head before <sheetData>. */
async function colsAfter(head: string): Promise<string | null> {
  const output = await normalizedWithHead(head);
  return /<cols>[\s\S]*?<\/cols>/u.exec(strFromU8(unzipSync(output)["xl/worksheets/sheet1.xml"]!))?.[0] ?? null;
}

/** The log's column-width rows: column, width before and after, and the note. */
function widthRows(output: Uint8Array): Array<[string, unknown, unknown, string]> {
  const sheet = readModel(output).sheets.find((s) => s.name === LOG_SHEET)!;
  const log = parseLog((r, c) => cellAt(sheet, r, c), sheet.rows.length, 9)!;
  expect(log.entries.every((e) => e.batch === TEST_BATCH && e.state === "applied")).toBe(true);
  return log.entries.filter((e) => e.kind === "column-width").map((e) => [e.cell, e.before, e.after, e.reason]);
}

describe("the width of a column that gets dates", () => {
  it("widens the column's own entry", async () => {
    expect(await colsAfter(`<cols><col min="5" max="5" width="10" customWidth="1"/></cols>`)).toBe(`<cols><col min="5" max="5" width="15" customWidth="1"/></cols>`);
  });

  it("cuts the column out of a range it shares, the rest of the range as it was", async () => {
    expect(await colsAfter(`<cols><col min="1" max="6" width="9" style="0" customWidth="1"/></cols>`)).toBe(
      `<cols><col min="1" max="4" width="9" style="0" customWidth="1"/><col min="5" max="5" width="15" style="0" customWidth="1"/><col min="6" max="6" width="9" style="0" customWidth="1"/></cols>`,
    );
  });

  it("adds an entry where the sheet's default width is too narrow", async () => {
    expect(await colsAfter(`<sheetFormatPr defaultRowHeight="15"/>`)).toBe(`<cols><col min="5" max="5" width="15" customWidth="1"/></cols>`);
    expect(await colsAfter(`<cols><col min="2" max="2" width="30" customWidth="1"/></cols>`)).toBe(
      `<cols><col min="2" max="2" width="30" customWidth="1"/><col min="5" max="5" width="15" customWidth="1"/></cols>`,
    );
  });

  it("leaves a column already wide enough, a hidden column and a wide default as they are", async () => {
    const wide = `<cols><col min="5" max="5" width="20" customWidth="1"/></cols>`;
    expect(await colsAfter(wide)).toBe(wide);
    const hidden = `<cols><col min="5" max="5" width="3" hidden="1" customWidth="1"/></cols>`;
    expect(await colsAfter(hidden)).toBe(hidden);
    expect(await colsAfter(`<sheetFormatPr defaultColWidth="18" defaultRowHeight="15"/>`)).toBeNull();
  });

  it("logs each widening in 变更记录 as the pane does: the column, and its width before and after as the 列宽 dialog shows them", async () => {
    // Calibri 11 (the package's Normal font): a digit of 7 pixels; 10 and 15 in the file are 9.29 and 14.29 in the dialog.
    expect(widthRows(await normalizedWithHead(`<cols><col min="5" max="5" width="10" customWidth="1"/></cols>`))).toEqual([
      ["E:E", 9.29, 14.29, "E列写入日期后加宽，以免日期显示为“####”"],
    ]);
    // A column at the sheet's default width (8.43, Excel's) is logged from that width; English dates need 11 in the file.
    expect(widthRows(await normalizedWithHead(`<sheetFormatPr defaultRowHeight="15"/>`, "en"))).toEqual([
      ["E:E", 8.43, 10.29, "column E widened so its dates show rather than “####”"],
    ]);
  });

  it("logs no widening where the column stays as it was", async () => {
    expect(widthRows(await normalizedWithHead(`<cols><col min="5" max="5" width="20" customWidth="1"/></cols>`))).toEqual([]);
    expect(widthRows(await normalizedWithHead(`<cols><col min="5" max="5" width="3" hidden="1" customWidth="1"/></cols>`))).toEqual([]);
  });
});
