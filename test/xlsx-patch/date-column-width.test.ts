/**
 * A column normalize writes dates into is made wide enough to show them: 2019年12月31日 in a
 * column of 10 characters, where "2019.6.30" as text still showed, is ### in Excel, WPS and
 * LibreOffice. The patch widens that one column, cutting it out of a range of columns it
 * shares, and leaves alone a column already wide enough, a hidden one, and the others.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { normalizeBytes, readModel } from "./normalized.js";
import { ledgerParts, zipBytes } from "./other-writers.js";

const AS_OF = "2019-12-31";

/** The <cols> the deadline column (E) has after normalize, given the sheet's head before <sheetData>. */
async function colsAfter(head: string): Promise<string | null> {
  const parts = ledgerParts();
  parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"]!.replace("<sheetData>", `${head}<sheetData>`);
  const { output } = await normalizeBytes(zipBytes(parts), AS_OF);
  expect(readModel(output).sheets[0]!.rows.length).toBe(13);
  return /<cols>[\s\S]*?<\/cols>/u.exec(strFromU8(unzipSync(output)["xl/worksheets/sheet1.xml"]!))?.[0] ?? null;
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
});
