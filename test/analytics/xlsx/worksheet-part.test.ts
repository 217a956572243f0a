/** The worksheet reader gives the same sheet however its XML is cut into pieces. */
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { WorksheetReader, parseWorksheet, type WorksheetContext } from "../../../analytics/xlsx/worksheet-part.js";
import { parseSharedStrings } from "../../../analytics/xlsx/shared-strings.js";
import { parseCellStyleKinds } from "../../../analytics/xlsx/styles-part.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { rectification15 } from "../../fixtures/ledgers.js";

let xml: string;
let context: WorksheetContext;

beforeAll(async () => {
  const parts = unzipSync(await fixtureBytes(rectification15));
  xml = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
  context = {
    name: "整改任务清单",
    hidden: false,
    sharedStrings: parseSharedStrings(strFromU8(parts["xl/sharedStrings.xml"]!)),
    styleKinds: parseCellStyleKinds(strFromU8(parts["xl/styles.xml"]!)),
    date1904: false,
  };
});

describe("the worksheet reader", () => {
  it("reads the same sheet from pieces cut anywhere, even inside a tag or a character", () => {
    const whole = parseWorksheet(xml, context);
    expect(whole.rows.length).toBeGreaterThan(15);
    expect(whole.merges.length).toBeGreaterThan(2);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 40 }), (cuts) => {
        const reader = new WorksheetReader(context);
        const points = [0, ...cuts.sort((a, b) => a - b), xml.length];
        for (let i = 1; i < points.length; i++) reader.push(xml.slice(points[i - 1], points[i]));
        expect(reader.finish()).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it("reads every spelling XML allows the same from pieces cut anywhere, and as the plain spelling says", () => {
    // Comments, a processing instruction and CDATA between and inside cells, references in
    // attributes and in text, either quote, ">" in a value, spaces inside tags, a prefix: each
    // where a cell's plain <v> would otherwise be taken whole.
    const spelled =
      `<?xml version="1.0"?><worksheet xmlns="m"><sheetData><!-- <row r="9"><c r="A9"><v>9</v></c></row> -->` +
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r='B1' t='s'><v>1</v></c><c r="C1" t="s"><v><!-- a note -->2</v></c></row>` +
      `<row r="2" x:note="a>b" ><c r="A&#50;" t="s" ><v>3</v></c><c r="B2"><v>4&#48;</v></c><c r="C2" t="s"><v><![CDATA[1]]></v></c></row>` +
      `<?pi between rows?><row r="3"><c r="A3"><v>1.5</v><?pi?></c><c r="B3" t="inlineStr"><is><t>整&amp;改</t></is></c><x:c r="C3" t="s"><x:v>2</x:v></x:c></row>` +
      `</sheetData></worksheet>`;
    const plain =
      `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
      `<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>40</v></c><c r="C2" t="s"><v>1</v></c></row>` +
      `<row r="3"><c r="A3"><v>1.5</v></c><c r="B3" t="inlineStr"><is><t>整&amp;改</t></is></c><c r="C3" t="s"><v>2</v></c></row></sheetData></worksheet>`;
    const strings: WorksheetContext = { name: "S", hidden: false, sharedStrings: ["任务", "责任单位", "完成时限", "整改措施"], styleKinds: [], date1904: false };
    const whole = parseWorksheet(spelled, strings);
    expect(whole).toEqual(parseWorksheet(plain, strings));
    expect(whole.rows).toEqual([["任务", "责任单位", "完成时限"], ["整改措施", 40, "责任单位"], [1.5, "整&改", "完成时限"]]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: spelled.length - 1 }), { maxLength: 30 }), (cuts) => {
        const reader = new WorksheetReader(strings);
        const points = [0, ...cuts.sort((a, b) => a - b), spelled.length];
        for (let i = 1; i < points.length; i++) reader.push(spelled.slice(points[i - 1], points[i]));
        expect(reader.finish()).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("reads namespace-prefixed SpreadsheetML as written by .NET tools", () => {
    const prefixed = xml.replace(/<(\/?)(?=[a-zA-Z])/gu, "<$1x:").replace(/<x:\?/u, "<?");
    expect(parseWorksheet(prefixed, context)).toEqual(parseWorksheet(xml, context));
  });
});

describe("hidden columns", () => {
  const sheetXml = `<worksheet><cols><col min="1" max="3" width="10"/><col min="4" max="4" width="12" hidden="1"/><col min="6" max="16384" hidden="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>任务</t></is></c></row></sheetData></worksheet>`;
  const bare: WorksheetContext = { name: "S", hidden: false, sharedStrings: [], styleKinds: [], date1904: false };

  it("are read from <cols>, however the part is cut; the hidden rest of the sheet is not listed", () => {
    expect([...parseWorksheet(sheetXml, bare).hiddenColumns!]).toEqual([4]);
    for (let cut = 1; cut < sheetXml.length; cut += 7) {
      const reader = new WorksheetReader(bare);
      reader.push(sheetXml.slice(0, cut));
      reader.push(sheetXml.slice(cut));
      expect([...reader.finish().hiddenColumns!]).toEqual([4]);
    }
  });
});

describe("formula cells", () => {
  it("are every filled cell of an array formula's or a data table's range, not only the one holding <f>", () => {
    const sheet = parseWorksheet(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
        `<row r="1"><c r="A1" t="str"><f t="array" ref="A1:A3">B1:B3</f><v>已完成</v></c><c r="B1" t="str"><v>已完成</v></c></row>` +
        `<row r="2"><c r="A2" t="str"><v>推进中</v></c><c r="C2"><f t="dataTable" ref="C2:D2" dt2D="0" dtr="0" r1="B1"/><v>1</v></c><c r="D2"><v>2</v></c></row>` +
        `<row r="3"><c r="A3" t="str"><v>未启动</v></c><c r="B3"><f t="shared" ref="B3:B9" si="0">A3</f><v>0</v></c></row>` +
        `</sheetData></worksheet>`,
      { name: "s", hidden: false, sharedStrings: [], styleKinds: [], date1904: false },
    );
    // A shared formula's range is not filled by it: its other cells carry their own <f si>.
    expect([...sheet.formulaCells].sort()).toEqual(["A1", "A2", "A3", "B3", "C2", "D2"]);
  });
});
