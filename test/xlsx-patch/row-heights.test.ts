/** The height a row needs for the filled-down text normalize wraps in it (xlsx-patch/row-heights.ts). */
import { describe, expect, it } from "vitest";
import { lineHeightOf, raisedRow, wrappedLines } from "../../xlsx-patch/row-heights.js";

describe("wrapped lines", () => {
  it("count a Chinese character as two of Excel's width units and a Latin one as one", () => {
    // 8.43 wide: 7.43 units of text a line, three Chinese characters and a half.
    expect(wrappedLines("区财政局", 8.43)).toBe(2);
    expect(wrappedLines("区财政", 8.43)).toBe(1);
    expect(wrappedLines("abcdefg", 8.43)).toBe(1);
    expect(wrappedLines("区财政局牵头，区教育局、区卫健委配合", 8.43)).toBe(5);
  });

  it("count each line break's paragraph on its own", () => {
    expect(wrappedLines("区财政\n区教育\n\n区卫健", 20)).toBe(4);
  });
});

describe("a raised row", () => {
  it("gets the height of its lines when it stores less, fixed or not", () => {
    expect(raisedRow(`<row r="3" ht="15" customHeight="1">`, 3, 15)).toBe(`<row r="3" ht="45" customHeight="1">`);
    expect(raisedRow(`<row r="3" ht='15'>`, 2, 13.5)).toBe(`<row r="3" ht="27">`);
  });

  it("stays when it is tall enough, holds one line, or stores no height (the application fits it)", () => {
    expect(raisedRow(`<row r="3" ht="60" customHeight="1">`, 3, 15)).toBe(`<row r="3" ht="60" customHeight="1">`);
    expect(raisedRow(`<row r="3" ht="15" customHeight="1">`, 1, 15)).toBe(`<row r="3" ht="15" customHeight="1">`);
    expect(raisedRow(`<row r="3">`, 4, 15)).toBe(`<row r="3">`);
  });

  it("takes its line height from the sheet's default row height (WPS: 13.5), else Excel's 15", () => {
    expect(lineHeightOf(`<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/>`)).toBe(13.5);
    expect(lineHeightOf("")).toBe(15);
  });
});
