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
