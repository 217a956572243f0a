/**
 * One cell as SpreadsheetML, both ways: what an edit writes reads back as the value the plan
 * meant (text with markup, line breaks and literal "_x000D_", days in either date system,
 * formulas with their cached result), and what a cell holds reads as the reader reads it, to
 * check an edit's `before`.
 */
import { describe, expect, it } from "vitest";
import { parseWorksheet } from "../../analytics/xlsx/worksheet-part.js";
import { NumberKind } from "../../analytics/xlsx/styles-part.js";
import { cellValueOf, cellXml, escapeText, holds, type CellContext } from "../../xlsx-patch/cell-xml.js";
import type { EditValue } from "../../analytics/normalize/types.js";
import { cellAt } from "../../analytics/sheet/sheet-model.js";

const CONTEXT: CellContext = { sharedStrings: ["已完成", "整改中_x000D_"], styleKinds: [NumberKind.Plain, NumberKind.Date], date1904: false };

/** The value the project's reader gives for a cell element. */
function readBack(cell: string, context: CellContext = CONTEXT): unknown {
  const sheet = parseWorksheet(`<worksheet><sheetData><row r="1">${cell}</row></sheetData></worksheet>`, { ...context, name: "s", hidden: false });
  return cellAt(sheet, 1, 1);
}

describe("a cell an edit writes", () => {
  it.each<[string, EditValue]>([
    ["text with markup", "<已完成> & “推进中”"],
    ["a line break and a carriage return", "第一行\r\n第二行"],
    ["a literal _x000D_ in the text", "编号_x000D_不是转义"],
    ["a lower-case one", "a_x000d_b"],
    ["leading and trailing spaces", "  推进中 "],
    ["a number", 214],
    ["a truth value", true],
  ])("reads back as it was meant: %s", (_, value) => {
    expect(readBack(cellXml("", "A1", 0, value, false))).toEqual(value);
  });

  it("writes a day as its serial in the workbook's date system, read back as the day with a date style", () => {
    expect(cellXml("", "A1", 1, { day: "2019-06-30" }, false)).toBe('<c r="A1" s="1"><v>43646</v></c>');
    expect(cellXml("", "A1", 1, { day: "2019-06-30" }, true)).toBe('<c r="A1" s="1"><v>42184</v></c>');
    expect(readBack(cellXml("", "A1", 1, { day: "2019-06-30" }, true), { ...CONTEXT, date1904: true })).toEqual({ day: "2019-06-30" });
  });

  it("writes a formula with its cached result, text results typed as text", () => {
    expect(cellXml("x:", "L6", 0, { formula: 'IF($H6<TODAY(),"逾期","")', result: "逾期" }, false)).toBe(
      '<x:c r="L6" t="str"><x:f>IF($H6&lt;TODAY(),&quot;逾期&quot;,&quot;&quot;)</x:f><x:v>逾期</x:v></x:c>',
    );
    expect(cellXml("", "L7", 0, { formula: "TODAY()-INT($H7)", result: "" }, false)).toBe('<c r="L7"><f>TODAY()-INT($H7)</f></c>');
  });

  it("writes an emptied cell with its style only", () => {
    expect(cellXml("", "B7", 3, null, false)).toBe('<c r="B7" s="3"/>');
  });

  it("escapes only what needs it", () => {
    expect(escapeText("推进中")).toBe("推进中");
    expect(escapeText("a\u0001b")).toBe("a_x0001_b");
  });
});

describe("what a cell holds", () => {
  it("reads shared, inline and typed cells as the reader does", () => {
    const cells = [
      '<c r="A1" t="s"><v>0</v></c>',
      '<c r="A1" t="s"><v>1</v></c>',
      '<c r="A1" t="inlineStr"><is><r><t>已</t></r><r><t>完成_x000D_</t></r></is></c>',
      '<c r="A1" s="1"><v>43646.5</v></c>',
      '<c r="A1" t="d"><v>2019-06-30T00:00:00</v></c>',
      '<c r="A1" t="e"><v>#N/A</v></c>',
      '<c r="A1" t="b"><v>1</v></c>',
      '<c r="A1" s="1"/>',
    ];
    for (const cell of cells) expect(cellValueOf(cell, CONTEXT), cell).toEqual(readBack(cell));
  });

  it("takes empty text for an empty cell and CR LF for a line break, and nothing else as equal", () => {
    expect(holds(null, "")).toBe(true);
    expect(holds("a\r\nb", "a\nb")).toBe(true);
    expect(holds({ day: "2019-06-30" }, { day: "2019-06-30" })).toBe(true);
    expect(holds({ day: "2019-06-30" }, 43646)).toBe(false);
    expect(holds("1", 1)).toBe(false);
    expect(holds(1, true)).toBe(false);
  });
});
