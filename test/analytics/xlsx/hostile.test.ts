/**
 * Issue 12's crafted workbooks (built by hostile-workbooks.ts): every legal way of writing the
 * ledger is read exactly, and every damaged, lying or oversized one is refused with a reason,
 * after bounded work.
 */
import { describe, expect, it } from "vitest";
import { cellAt, type Sheet } from "../../../analytics/sheet/sheet-model.js";
import { XlsxPackage } from "../../../analytics/xlsx/package.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { MAX_CHARACTERS_BETWEEN_EVENTS } from "../../../analytics/xlsx/xml.js";
import { WorksheetReader } from "../../../analytics/xlsx/worksheet-part.js";
import { columnLetters, LEDGER, ledgerParts, refusal, legalVariants, longCellWorkbook, refusedVariants, sharedStrings, sheetRows, worksheetXml, zipParts } from "./hostile-workbooks.js";

function expectLedger(sheet: Sheet): void {
  expect(sheet.rows).toHaveLength(LEDGER.length);
  LEDGER.forEach((cells, r) => cells.forEach((text, c) => expect(cellAt(sheet, r + 1, c + 1), `${columnLetters(c + 1)}${r + 1}`).toBe(text)));
}

describe("a ledger written in any legal XML", () => {
  it.each(Object.entries(legalVariants()))("%s is read exactly", (_name, bytes) => {
    expectLedger(readWorkbook(bytes, { source: "t.xlsx" }).sheets[0]!);
  });

  it("the plain ledger, for comparison", () => {
    expectLedger(readWorkbook(zipParts(ledgerParts()), { source: "t.xlsx" }).sheets[0]!);
  });
});

describe("workbooks a reader must refuse", () => {
  it.each(Object.entries(refusedVariants()))("%s is refused", (_name, { bytes, code }) => {
    const error = refusal(bytes);
    expect(error.code).toBe(code);
    expect(error.message).not.toContain("\n");
  });

  it("says an .xlsb is an .xlsb, and to save it as .xlsx", () => {
    expect(refusal(refusedVariants()["xlsb"]!.bytes).message).toMatch(/\.xlsb.*另存为.*\.xlsx/u);
  });

  it("stops a cell of a million characters at the first excess, having read a bounded part of it", () => {
    const bytes = longCellWorkbook(1_000_000);
    const pkg = XlsxPackage.open(bytes);
    const reader = new WorksheetReader({ name: "s", hidden: false, sharedStrings: sharedStrings(), styleKinds: [], date1904: false });
    let pushed = 0;
    expect(() =>
      pkg.streamText("xl/worksheets/sheet1.xml", (text) => {
        pushed += text.length;
        reader.push(text);
      }),
    ).toThrow(/too-large|超过/u);
    // One inflate slice past the bound at most, never the million.
    expect(pushed).toBeLessThan(MAX_CHARACTERS_BETWEEN_EVENTS + 512 * 1024);
    expect(refusal(bytes).code).toBe("too-large");
  });
});

describe("work bounded by what the sheet holds", () => {
  const withMerges = (refs: string[]) =>
    zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows(), `<mergeCells>${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`) }));

  it("clips full-column and whole-sheet merges to the used area", () => {
    const sheet = readWorkbook(withMerges(["B18:B1048576", "L1:XFD1048576", "D2:D4", "A1:XFD1"]), { source: "t.xlsx" }).sheets[0]!;
    // B18 and L1 lie outside the 16 × 6 cells used; A1:XFD1 becomes the header row's width.
    expect(sheet.merges).toEqual([
      { top: 2, left: 4, bottom: 4, right: 4 },
      { top: 1, left: 1, bottom: 1, right: 6 },
    ]);
  });

  it("reads a cell at XFD1048576 into a sparse sheet, not a grid of its size", () => {
    const sheet = readWorkbook(zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>') })), { source: "t.xlsx" }).sheets[0]!;
    expect(cellAt(sheet, 1_048_576, 16_384)).toBe(7);
    expect(sheet.rows.filter((row) => row !== undefined)).toHaveLength(LEDGER.length + 1);
  });
});
