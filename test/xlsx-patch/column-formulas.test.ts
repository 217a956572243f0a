/**
 * The formulas of one column of a worksheet part (xlsx-patch/column-formulas.ts), as Excel shows
 * them, however well-formed XML spells them; and what normalize then does with the
 * days-overdue column (逾期天数) it wrote on an earlier run: the column it wrote is left alone
 * (a second run changes nothing), a clerk's own formula is replaced and logged, and a cell that
 * only a comment holds is no formula at all. Those workbooks are normalize's own copy with the
 * column's cells spelled again as another writer, or a hand, would spell them.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { cellAt } from "../../analytics/sheet/sheet-model.js";
import { WorkbookReadError } from "../../analytics/xlsx/read-errors.js";
import { ColumnFormulaReader, type ColumnFormulas } from "../../xlsx-patch/column-formulas.js";
import { normalizeBytes, readModel, type Normalized } from "./normalized.js";
import { ledgerParts, zipBytes } from "./other-writers.js";

const AS_OF = "2019-12-31";
const SHEET_PART = "xl/worksheets/sheet1.xml";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** The twelve item rows of the ledger (row 1 is its header); 逾期天数 is column G. */
const ITEM_ROWS = Array.from({ length: 12 }, (_, i) => i + 2);

/** A cell of column G as normalize wrote it: its row, its attributes after r, its formula as XML text, and its cached value. */
interface OverdueCell {
  readonly row: number;
  readonly attributes: string;
  readonly formulaXml: string;
  readonly cached: string;
}

const OVERDUE_CELL = /<c r="G(\d+)"([^>]*)><f>([^<]*)<\/f>((?:<v>[^<]*<\/v>)?)<\/c>/gu;

/** The formula as it reads, its XML escapes resolved (normalize writes only these three). */
const formulaText = (xml: string): string => xml.replace(/&lt;/gu, "<").replace(/&quot;/gu, '"').replace(/&amp;/gu, "&");

/** normalize's copy of the ledger with the days-overdue column, once: what the cases respell. */
let first: Promise<Normalized> | undefined;
const normalizedOnce = (): Promise<Normalized> => (first ??= normalizeBytes(zipBytes(ledgerParts()), AS_OF, { overdueColumn: true }));

/** The copy with its sheet part edited: `cell` respells each cell of column G, `sheet` the whole part after. */
async function respelled(cell: (c: OverdueCell) => string, sheet: (xml: string) => string = (xml) => xml): Promise<Uint8Array> {
  const files = unzipSync((await normalizedOnce()).output);
  let cells = 0;
  const xml = strFromU8(files[SHEET_PART]!).replace(OVERDUE_CELL, (_whole, row: string, attributes: string, formulaXml: string, cached: string) => {
    cells++;
    return cell({ row: Number(row), attributes, formulaXml, cached });
  });
  expect(cells).toBe(12);
  files[SHEET_PART] = strToU8(sheet(xml));
  return zipSync(files);
}

const again = (bytes: Uint8Array): Promise<Normalized> => normalizeBytes(bytes, AS_OF, { overdueColumn: true });

async function expectNothingToDo(bytes: Uint8Array): Promise<void> {
  const twice = await again(bytes);
  expect(twice.rewrite.plan.edits).toEqual([]);
  expect(twice.rewrite.applied?.rewritten).toEqual([]);
}

/** The cells of column G the plan writes, by address. */
async function overdueEdits(bytes: Uint8Array): Promise<string[]> {
  const twice = await again(bytes);
  return twice.rewrite.plan.edits.filter((e) => e.rule === "overdue-column").map((e) => e.cell);
}

/** Column `col` of a worksheet whose sheetData is `rows`, pushed `pieceSize` characters at a time. */
function columnOf(rows: string, col: number, pieceSize = Infinity): ColumnFormulas {
  const xml = `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
  const reader = new ColumnFormulaReader("xl/worksheets/sheet1.xml", col);
  for (let at = 0; at < xml.length; at += Math.min(pieceSize, xml.length)) reader.push(xml.slice(at, at + pieceSize));
  return reader.finish();
}

/** Rows 1 to `last` of a column's answers. */
const answers = (formulas: ColumnFormulas, last: number): (string | null)[] => Array.from({ length: last }, (_, i) => formulas.at(i + 1));

describe("the formulas of one column, as Excel shows them", () => {
  it("reads text, CDATA and references as one formula, in pieces of any size", () => {
    const rows = `<row r="1"><c r="B1"><f>TODAY()-&#x48;1&amp;"天"<![CDATA[&"<"]]></f><v>3</v></c></row>`;
    for (const size of [1, 7, Infinity]) expect(columnOf(rows, 2, size).at(1)).toBe(`TODAY()-H1&"天"&"<"`);
  });

  it("keeps only the asked column: other columns' formulas are not its", () => {
    const formulas = columnOf(`<row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><f>2+2</f></c><c r="C1"><f>3+3</f></c></row>`, 2);
    expect([formulas.at(1), columnOf(`<row r="1"><c r="A1"><f>1+1</f></c></row>`, 2).at(1)]).toEqual(["2+2", null]);
  });

  it("takes no cell from a comment, a processing instruction or the text of a string", () => {
    const rows = `<row r="1"><!-- <c r="B1"><f>1+1</f></c> --><?pi <c r="B1"><f>2+2</f></c>?><c r="A1" t="inlineStr"><is><t><![CDATA[<c r="B1"><f>3+3</f></c>]]></t></is></c></row>`;
    expect(columnOf(rows, 2).at(1)).toBeNull();
  });

  it("places cells and rows without r as the worksheet reader does: after the last, a row by its first cell", () => {
    const rows = `<row><c><v>1</v></c><c><f>A1*2</f></c></row><row><c r="A5"><v>1</v></c><c><f>A5*2</f></c></row><row><c/><c><f>A6*2</f></c></row>`;
    expect(answers(columnOf(rows, 2), 6)).toEqual(["A1*2", null, null, null, "A5*2", "A6*2"]);
  });

  it("moves a shared formula's text to each follower, from a first cell in another column too", () => {
    const rows =
      `<row r="2"><c r="F2"><f t="shared" ref="F2:G4" si="3">$E2+F1</f></c><c r="G2"><f t="shared" si="3"/></c></row>` +
      `<row r="3"><c r="G3"><f t="shared" si="3"></f></c></row><row r="4"><c r="G4"><f t="shared" si="9"/></c></row>`;
    expect(answers(columnOf(rows, 7), 4)).toEqual([null, "$E2+G1", "$E3+G2", null]);
  });

  it("gives every cell of an array formula's range its text, and a data table's cells TABLE()", () => {
    const rows =
      `<row r="1"><c r="A1"><f t="array" ref="A1:B3">IF(C1:C3&gt;0,1,0)</f><v>1</v></c><c r="B1"><v>1</v></c></row>` +
      `<row r="5"><c r="B5"><f t="dataTable" ref="B5:B6" dt2D="0" dtr="0" r1="A9"/><v>2</v></c></row>`;
    expect(answers(columnOf(rows, 2), 7)).toEqual(["IF(C1:C3>0,1,0)", "IF(C1:C3>0,1,0)", "IF(C1:C3>0,1,0)", null, "TABLE(,A9)", "TABLE(,A9)", null]);
  });

  it("gives each row its formula exactly, its own row's digits wherever they stand", () => {
    // Kept as one text for the column where a formula names its own row: made again, each is what it was.
    const formulas = ["LOG10($H10)+$H110+A10", `IF($H10="A10已完成",10,H10)`, "$H10&\uE000", "SUM(H1:H9)"];
    const rows = formulas.map((f, i) => `<row r="${10 + i}"><c r="A${10 + i}"><f>${f.replace(/10/gu, String(10 + i)).replace(/&/gu, "&amp;").replace(/"/gu, "&quot;")}</f></c></row>`).join("");
    const column = columnOf(rows, 1);
    expect(formulas.map((_, i) => column.at(10 + i))).toEqual(formulas.map((f, i) => f.replace(/10/gu, String(10 + i))));
  });

  it("gathers no more than Excel's longest formula", () => {
    const long = "1+".repeat(10_000) + "1";
    const formula = columnOf(`<row r="1"><c r="A1"><f>${long}</f></c></row>`, 1).at(1)!;
    expect(formula.length).toBeLessThan(long.length);
    expect(formula.length).toBeGreaterThan(8_192);
  });

  it("refuses a part cut short, as the worksheet reader does", () => {
    const reader = new ColumnFormulaReader("xl/worksheets/sheet1.xml", 1);
    reader.push(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><f>1+1</f>`);
    expect(() => reader.finish()).toThrow(WorkbookReadError);
  });
});

describe("the days-overdue column normalize wrote, spelled as other writers spell it, is left alone", () => {
  it("formulas in CDATA", async () => {
    await expectNothingToDo(await respelled((c) => `<c r="G${c.row}"${c.attributes}><f><![CDATA[${formulaText(c.formulaXml)}]]></f>${c.cached}</c>`));
  });

  it("formulas whose characters are written as character references", async () => {
    // &#x45; is E, &#60; is <, &#34; is ": $E5 reads as $&#x45;5.
    const referenced = (xml: string): string => formulaText(xml).replace(/E/gu, "&#x45;").replace(/</gu, "&#60;").replace(/"/gu, "&#34;");
    await expectNothingToDo(await respelled((c) => `<c r="G${c.row}"${c.attributes}><f>${referenced(c.formulaXml)}</f>${c.cached}</c>`));
  });

  it("attributes in single quotes", async () => {
    await expectNothingToDo(await respelled((c) => `<c r='G${c.row}'${c.attributes.replace(/"/gu, "'")}><f>${c.formulaXml}</f>${c.cached}</c>`));
  });

  it("every element prefixed x:, the main namespace bound to x: and no default namespace", async () => {
    const prefixed = (xml: string): string => xml.replace(/<(\/?)(?=[A-Za-z])/gu, "<$1x:").replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    await expectNothingToDo(await respelled((c) => `<c r="G${c.row}"${c.attributes}><f>${c.formulaXml}</f>${c.cached}</c>`, prefixed));
  });

  it("white space and a comment between the cell's start tag and its formula", async () => {
    await expectNothingToDo(await respelled((c) => `<c r="G${c.row}"${c.attributes}>\n  <!-- 逾期天数 -->\n  <f>${c.formulaXml}</f>${c.cached}</c>`));
  });

  it("each formula after the cell's inline text (no writer orders a cell so, yet it is the cell's formula to the reader too)", async () => {
    await expectNothingToDo(await respelled((c) => `<c r="G${c.row}"${c.attributes} t="inlineStr"><is><t>${c.row}天</t></is><f>${c.formulaXml}</f></c>`));
  });

  it("cells and rows without r, their places given by their order", async () => {
    const unnumbered = (xml: string): string => xml.replace(/<(row|c) r="[A-Z]*\d+"/gu, "<$1");
    await expectNothingToDo(await respelled((c) => `<c r="G${c.row}"${c.attributes}><f>${c.formulaXml}</f>${c.cached}</c>`, unnumbered));
  });

  it("a shared formula filled down, its followers written as empty elements", async () => {
    await expectNothingToDo(
      await respelled((c) =>
        c.row === 2
          ? `<c r="G2"${c.attributes}><f t="shared" ref="G2:G13" si="0">${c.formulaXml}</f>${c.cached}</c>`
          : `<c r="G${c.row}"${c.attributes}><f t="shared" si="0"></f>${c.cached}</c>`,
      ),
    );
  });

  it("shared formulas with single-quoted attributes, the text once in CDATA, in two groups", async () => {
    await expectNothingToDo(
      await respelled((c) => {
        const group = c.row < 8 ? 0 : 1;
        const master = c.row === 2 || c.row === 8;
        return master
          ? `<c r='G${c.row}'${c.attributes}><f si='${group}' t='shared' ref='G${c.row}:G${group === 0 ? 7 : 13}'><![CDATA[${formulaText(c.formulaXml)}]]></f>${c.cached}</c>`
          : `<c r='G${c.row}'${c.attributes}><f si='${group}' t='shared'/>${c.cached}</c>`;
      }),
    );
  });

  it("each formula entered as a one-cell array formula (Ctrl+Shift+Enter)", async () => {
    await expectNothingToDo(await respelled((c) => `<c r="G${c.row}"${c.attributes}><f t="array" ref="G${c.row}">${c.formulaXml}</f>${c.cached}</c>`));
  });
});

describe("what is no formula of the column, or not normalize's", () => {
  it("a cell commented out is no cell: its formula is written again", async () => {
    const bytes = await respelled((c) => {
      const cell = `<c r="G${c.row}"${c.attributes}><f>${c.formulaXml}</f>${c.cached}</c>`;
      return c.row === 5 ? `<!--${cell}-->` : cell;
    });
    expect(await overdueEdits(bytes)).toEqual(["G5"]);
  });

  it("a formula in a comment beside a clerk's own is not the cell's: the clerk's is replaced", async () => {
    const bytes = await respelled((c) => {
      const ours = `<c r="G${c.row}"${c.attributes}><f>${c.formulaXml}</f>${c.cached}</c>`;
      return c.row === 5 ? `<c r="G5"${c.attributes}><f>TODAY()-E5</f><v>245</v></c><!--${ours}-->` : ours;
    });
    expect(await overdueEdits(bytes)).toEqual(["G5"]);
  });

  it("a clerk's formula in CDATA, with single-quoted attributes, is replaced and logged", async () => {
    const bytes = await respelled((c) =>
      c.row === 3 ? `<c r='G3'${c.attributes.replace(/"/gu, "'")}><f><![CDATA[IF(E3<TODAY(),TODAY()-E3,"")]]></f><v>306</v></c>` : `<c r="G${c.row}"${c.attributes}><f>${c.formulaXml}</f>${c.cached}</c>`,
    );
    const twice = await again(bytes);
    const edits = twice.rewrite.plan.edits.filter((e) => e.rule === "overdue-column");
    expect(edits.map((e) => e.cell)).toEqual(["G3"]);
    expect(edits[0]!.after).toMatchObject({ formula: expect.stringContaining("TODAY()-INT($E3)") });
    // The copy holds normalize's formula in G3, and the log has its line.
    const model = readModel(twice.output);
    const log = model.sheets.find((s) => s.name === "变更记录")!;
    const logged = log.rows.flatMap((cells) => (cells ?? []).map(String)).filter((text) => text.includes("G3"));
    expect(logged.length).toBeGreaterThan(0);
    const sheet = model.sheets.find((s) => s.name === "整改台账")!;
    expect(sheet.formulaCells.has("G3")).toBe(true);
    expect(cellAt(sheet, 3, 5)).toEqual({ day: "2019-02-28" });
  });

  it("a clerk's array formula over the whole column is every item's formula, and each is replaced", async () => {
    const clerks = `IF($E$2:$E$13<TODAY(),TODAY()-$E$2:$E$13,"")`;
    const bytes = await respelled((c) =>
      c.row === 2
        ? `<c r="G2"${c.attributes}><f t="array" ref="G2:G13"><![CDATA[${clerks}]]></f>${c.cached}</c>`
        : `<c r="G${c.row}"${c.attributes}>${c.cached}</c>`,
    );
    expect(await overdueEdits(bytes)).toEqual(ITEM_ROWS.map((row) => `G${row}`));
    const twice = await again(bytes);
    const sheet = strFromU8(unzipSync(twice.output)[SHEET_PART]!);
    // Every cell of the range is rewritten, so no part of the array is left behind.
    expect(sheet).not.toContain('t="array"');
  });
});
