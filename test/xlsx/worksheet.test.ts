/** The worksheet reader gives the same sheet however its XML is cut into pieces. */
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { WorksheetReader, parseWorksheet, type WorksheetContext } from "../../analytics/xlsx/worksheet-part.js";
import { parseSharedStrings } from "../../analytics/xlsx/shared-strings.js";
import { parseCellStyleKinds } from "../../analytics/xlsx/styles-part.js";
import { fixtureBytes } from "../fixtures/build.js";
import { rectification15 } from "../fixtures/ledgers.js";

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
