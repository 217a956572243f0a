/** What an exceljs cell holds, in the sheet model's terms: the check before an edit is applied. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { excelValueOf, holds, modelValueOf } from "../../analytics/xlsx/apply/cell-values.js";

function cellWith(value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
  const cell = new ExcelJS.Workbook().addWorksheet("s").getCell("A1");
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

describe("cell values between exceljs and the plan", () => {
  it("reads rich text and links as their text, formulas as their result, dates as days", () => {
    expect(modelValueOf(cellWith({ richText: [{ text: "已" }, { text: "完成" }] }))).toBe("已完成");
    expect(modelValueOf(cellWith({ text: "办公室", hyperlink: "https://example.org" }))).toBe("办公室");
    expect(modelValueOf(cellWith({ formula: "ROW()-5", result: 3 }))).toBe(3);
    expect(modelValueOf(cellWith({ formula: "NA()", result: { error: "#N/A" } }))).toEqual({ error: "#N/A" });
    expect(modelValueOf(cellWith(new Date("2019-06-30T00:00:00Z")))).toEqual({ day: "2019-06-30" });
  });

  it("takes a day and its serial for the same value, and empty text for an empty cell", () => {
    expect(holds(cellWith(43646), { day: "2019-06-30" })).toBe(true);
    expect(holds(cellWith(new Date("2019-06-30T00:00:00Z")), 43646)).toBe(true);
    expect(holds(cellWith(new Date("2019-06-30T00:00:00Z")), { day: "2019-07-01" })).toBe(false);
    expect(holds(cellWith(""), null)).toBe(true);
    expect(holds(cellWith("a\r\nb"), "a\nb")).toBe(true);
    expect(holds(cellWith(true), true)).toBe(true);
    expect(holds(cellWith(1), true)).toBe(false);
    expect(holds(cellWith("1"), 1)).toBe(false);
  });

  it("writes a day as UTC midnight, whatever the machine's time zone", () => {
    const written = excelValueOf({ day: "2019-06-30" }) as Date;
    expect(written.toISOString()).toBe("2019-06-30T00:00:00.000Z");
    expect(excelValueOf({ formula: "TODAY()", result: 5 })).toEqual({ formula: "TODAY()", result: 5 });
  });
});
