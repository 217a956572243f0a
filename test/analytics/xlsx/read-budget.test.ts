/**
 * What a workbook may cost to read: cells kept and characters held, counted across its sheets
 * and its string table, and refused at the first excess with the reason, in one line.
 */
import { describe, expect, it } from "vitest";
import { renderMessage } from "../../../analytics/findings/user-message.js";
import { MAX_BOOK_CELLS, MAX_BOOK_CHARACTERS, ReadBudget } from "../../../analytics/xlsx/read-budget.js";
import { WorkbookReadError } from "../../../analytics/xlsx/read-errors.js";
import { parseSharedStrings } from "../../../analytics/xlsx/shared-strings.js";
import { parseWorksheet, type WorksheetContext } from "../../../analytics/xlsx/worksheet-part.js";

const sheetOf = (cells: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
const context = (budget: ReadBudget, sharedStrings: string[] = []): WorksheetContext => ({ name: "表", hidden: false, sharedStrings, styleKinds: [], date1904: false, budget });

function refusalOf(read: () => unknown): WorkbookReadError {
  try {
    read();
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error("read without a refusal");
}

describe("the read budget", () => {
  it("holds a consolidated ledger of 200,000 rows of 15 columns, and some 30 million characters three times over", () => {
    expect(MAX_BOOK_CELLS).toBeGreaterThan(200_000 * 15);
    expect(MAX_BOOK_CHARACTERS).toBeGreaterThanOrEqual(3 * 30_000_000);
  });

  it("counts cells across sheets and stops at the first one too many", () => {
    const budget = new ReadBudget(10, 1000);
    parseWorksheet(sheetOf("<c><v>1</v></c>".repeat(6)), context(budget));
    const error = refusalOf(() => parseWorksheet(sheetOf("<c><v>1</v></c>".repeat(5)), context(budget)));
    expect(error.code).toBe("too-large");
    expect(renderMessage(error.said, "zh")).toContain("单元格超过 10 个，远超任何台账的规模，已停止读取");
    expect(renderMessage(error.said, "en")).toContain("more than 10 cells, far beyond any ledger");
  });

  it("counts an inline string's text with its cell, and a shared string's once, with its table", () => {
    const shared = parseSharedStrings(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${"整".repeat(50)}</t></si></sst>`, "xl/sharedStrings.xml", new ReadBudget(100, 60));
    // Forty cells showing the same 50 characters hold them once.
    expect(() => parseWorksheet(sheetOf('<c t="s"><v>0</v></c>'.repeat(40)), context(new ReadBudget(100, 60), shared))).not.toThrow();
    const error = refusalOf(() => parseWorksheet(sheetOf(`<c t="inlineStr"><is><t>${"改".repeat(40)}</t></is></c>`.repeat(2)), context(new ReadBudget(100, 60))));
    expect(renderMessage(error.said, "zh")).toContain("文字超过 60 个字符");
    expect(refusalOf(() => parseSharedStrings(`<sst><si><t>${"整".repeat(61)}</t></si></sst>`, "xl/sharedStrings.xml", new ReadBudget(100, 60))).code).toBe("too-large");
  });
});
