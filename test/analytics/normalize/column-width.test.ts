/**
 * Column widths between the hosts' units (analytics/normalize/column-width.ts): the plan's unit is the
 * file's <col width>, which Excel turns into whole pixels by ECMA-376's formula; Office.js speaks
 * points, VBA and WPS characters without the padding.
 */
import { describe, expect, it } from "vitest";
import {
  charactersOfWidth,
  digitWidthOf,
  maxDigitWidth,
  pixelsOfWidth,
  pointsOfWidth,
  widened,
  widthOfCharacters,
  widthOfPixels,
  widthOfPoints,
} from "../../../analytics/normalize/column-width.js";
import { DATE_COLUMN_WIDTH } from "../../../analytics/normalize/types.js";

describe("Excel's default column, in every unit", () => {
  // Calibri 11: the widest digit is 7 px; the default column is 8.43 characters, 64 px, 48 pt,
  // written in a file as width="9.140625".
  it("is 64 pixels, 48 points and 8.43 characters wide", () => {
    expect(pixelsOfWidth(9.140625, 7)).toBe(64);
    expect(widthOfPixels(64, 7)).toBe(9.140625);
    expect(pointsOfWidth(9.140625, 7)).toBe(48);
    expect(widthOfPoints(48, 7)).toBe(9.140625);
    expect(charactersOfWidth(9.140625, 7)).toBe(8.43);
    expect(widthOfCharacters(8.43, 7)).toBe(9.140625);
  });

  it("in a Chinese Excel whose Normal font draws an 8-pixel digit, 8.38 characters are 72 pixels", () => {
    expect(pixelsOfWidth(widthOfCharacters(8.38, 8), 8)).toBe(72);
  });
});

describe("a date column's width", () => {
  it("15 characters (2019年12月31日) are 105 px (78.75 pt) on Calibri, 120 px on an 8-pixel digit", () => {
    expect(pixelsOfWidth(DATE_COLUMN_WIDTH.zh, 7)).toBe(105);
    expect(pointsOfWidth(DATE_COLUMN_WIDTH.zh, 7)).toBe(78.75);
    expect(charactersOfWidth(DATE_COLUMN_WIDTH.zh, 7)).toBe(14.29);
    expect(pixelsOfWidth(DATE_COLUMN_WIDTH.zh, 8)).toBe(120);
  });

  it("reads back as the width it was set to, so a column the command line widened is left alone", () => {
    for (const digit of [6, 7, 8, 9]) {
      for (const width of [DATE_COLUMN_WIDTH.zh, DATE_COLUMN_WIDTH.en, 10, 20.5]) {
        // 20.5 is no whole number of pixels: it reads back a little less, and still shows as wide.
        expect(widthOfPoints(pointsOfWidth(width, digit), digit)).toBeGreaterThan(width - 1 / digit);
        expect(widened({ width: widthOfPoints(pointsOfWidth(width, digit), digit), hidden: false, digitWidth: digit }, width)).toBeNull();
        expect(widened({ width: widthOfCharacters(charactersOfWidth(width, digit), digit), hidden: false, digitWidth: digit }, width)).toBeNull();
      }
    }
  });

  it("grows a narrower column, and never narrows a wider one or touches a hidden one", () => {
    expect(widened({ width: 10, hidden: false, digitWidth: 7 }, 15)).toBe(15);
    expect(widened({ width: 14.9, hidden: false, digitWidth: 7 }, 15)).toBe(15);
    expect(widened({ width: 15, hidden: false, digitWidth: 7 }, 15)).toBeNull();
    expect(widened({ width: 30, hidden: false, digitWidth: 7 }, 15)).toBeNull();
    expect(widened({ width: 0, hidden: true, digitWidth: 7 }, 15)).toBeNull();
  });
});

describe("the digit width", () => {
  it("is what a host's width in points and in characters imply together", () => {
    expect(digitWidthOf(48, 8.43)).toBe(7);
    expect(digitWidthOf(54, 8.38)).toBe(8);
    expect(digitWidthOf(0, 0)).toBeNull(); // a hidden column tells nothing
  });

  it("is the widest digit measured at the font's pixel size, rounded to a whole pixel", () => {
    // Calibri's digits advance 0.507 em; at 11 pt (14.67 px) that is 7.4 px.
    const calibri = (_text: string, _font: string, pixels: number) => 0.507 * pixels;
    expect(maxDigitWidth({ name: "Calibri", size: 11 }, calibri)).toBe(7);
    // A font whose 1 is narrower than its 0: the widest counts.
    const proportional = (text: string, _font: string, pixels: number) => (text === "1" ? 0.3 : 0.55) * pixels;
    expect(maxDigitWidth({ name: "Arial", size: 10 }, proportional)).toBe(7);
  });

  it("without a way to measure, is half the font's em (7 px at 11 pt, 8 px at 12 pt)", () => {
    expect(maxDigitWidth({ name: "Calibri", size: 11 })).toBe(7);
    expect(maxDigitWidth({ name: "宋体", size: 12 })).toBe(8);
  });
});
