/**
 * The calculation chain (xl/calcChain.xml): kept as stored while the patch touches no formula,
 * dropped with its relationship and content type as soon as it writes one (the days-overdue
 * column), so Excel never opens a chain that names cells wrongly; Excel rebuilds it.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { isFormulaValue } from "../../analytics/normalize/types.js";
import { storedEntries } from "../../xlsx-patch/zip-out.js";
import { fixtureBytes } from "../fixtures/build.js";
import { rectification15 } from "../fixtures/ledgers.js";
import { normalizeBytes, readModel } from "./normalized.js";

const CHAIN = "xl/calcChain.xml";
const CHAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml";
const CHAIN_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";

/** The sample ledger as Excel saves it once a formula is in it: its A7 (=ROW()-5) listed in a calcChain. */
async function withCalcChain(): Promise<Uint8Array> {
  const files = unzipSync(await fixtureBytes(rectification15));
  for (const name of Object.keys(files)) if (name.endsWith("/")) delete files[name];
  expect(strFromU8(files["xl/worksheets/sheet1.xml"]!)).toContain("<f>ROW()-5</f>");
  files[CHAIN] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A7" i="1"/></calcChain>`);
  const rels = "xl/_rels/workbook.xml.rels";
  files[rels] = strToU8(strFromU8(files[rels]!).replace("</Relationships>", `<Relationship Id="rId99" Type="${CHAIN_REL}" Target="calcChain.xml"/></Relationships>`));
  const types = "[Content_Types].xml";
  files[types] = strToU8(strFromU8(files[types]!).replace("</Types>", `<Override PartName="/${CHAIN}" ContentType="${CHAIN_TYPE}"/></Types>`));
  return zipSync(files as Zippable, { level: 6 });
}

const partsOf = (bytes: Uint8Array) => new Map(storedEntries(bytes).map((e) => [e.name, e]));

describe("the calculation chain", () => {
  it("stays as it was stored when no formula is written", async () => {
    const input = await withCalcChain();
    const { output, rewrite } = await normalizeBytes(input, "2019-12-31", { baseYear: 2019 });
    expect(rewrite.applied!.dropped).toEqual([]);
    expect(partsOf(output).get(CHAIN)?.local).toEqual(partsOf(input).get(CHAIN)!.local);
    expect(strFromU8(unzipSync(output)["xl/_rels/workbook.xml.rels"]!)).toContain(CHAIN_REL);
  });

  it("goes, with its relationship and content type, when the days-overdue column writes formulas", async () => {
    const { output, rewrite } = await normalizeBytes(await withCalcChain(), "2019-12-31", { baseYear: 2019, overdueColumn: true });
    expect(rewrite.plan.edits.some((e) => isFormulaValue(e.after))).toBe(true);
    expect(rewrite.applied!.dropped).toEqual([CHAIN]);
    const files = unzipSync(output);
    expect(Object.keys(files)).not.toContain(CHAIN);
    expect(strFromU8(files["xl/_rels/workbook.xml.rels"]!)).not.toContain("calcChain");
    expect(strFromU8(files["[Content_Types].xml"]!)).not.toContain("calcChain");
    // The rest of both lists is intact: the workbook still reads, the log sheet included.
    expect(strFromU8(files["xl/_rels/workbook.xml.rels"]!)).toContain("sharedStrings");
    expect(readModel(output).sheets.map((s) => s.name)).toContain(rewrite.plan.logSheet);
  });
});
