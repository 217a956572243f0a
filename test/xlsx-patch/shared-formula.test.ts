/**
 * A shared formula's follower holds the first cell's formula moved to its place
 * (xlsx-patch/shared-formula.ts): so a days-overdue column Excel saved filled down, as shared
 * formulas, is the column normalize wrote, and a second run changes nothing.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { shiftedFormula } from "../../xlsx-patch/shared-formula.js";
import { normalizeBytes } from "./normalized.js";
import { ledgerParts, zipBytes } from "./other-writers.js";

describe("a shared formula moved to a follower", () => {
  it("moves relative rows and columns, keeps $-anchored ones", () => {
    expect(shiftedFormula("IF(ISNUMBER($E2),TODAY()-INT($E2),F2+$A$1)", 3, 1)).toBe("IF(ISNUMBER($E5),TODAY()-INT($E5),G5+$A$1)");
  });

  it("leaves text in quotes, function names with digits and sheet names alone", () => {
    expect(shiftedFormula(`IF(LEFT(TRIM(F2),3)="A1已完成",LOG10(B2),'汇总'!C2)`, 1, 0)).toBe(`IF(LEFT(TRIM(F3),3)="A1已完成",LOG10(B3),'汇总'!C3)`);
  });

  it("leaves a reference that would leave the grid as it was", () => {
    expect(shiftedFormula("A1+B1048576", 1, 0)).toBe("A2+B1048576");
  });
});

describe("a days-overdue column Excel saved as shared formulas", () => {
  it("is the column normalize wrote: a second run changes nothing", async () => {
    const once = await normalizeBytes(zipBytes(ledgerParts()), "2019-12-31", { overdueColumn: true });
    const files = unzipSync(once.output);
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    // As Excel writes a formula filled down G2:G13: the text once, then followers by si.
    let followers = 0;
    const shared = sheet.replace(/<c r="G(\d+)"([^>]*)><f>([^<]*)<\/f>/gu, (_whole, row: string, attributes: string, formula: string) => {
      if (row === "2") return `<c r="G2"${attributes}><f t="shared" ref="G2:G13" si="0">${formula}</f>`;
      followers++;
      return `<c r="G${row}"${attributes}><f t="shared" si="0"/>`;
    });
    expect(followers).toBe(11);
    files["xl/worksheets/sheet1.xml"] = strToU8(shared);
    const twice = await normalizeBytes(zipSync(files), "2019-12-31", { overdueColumn: true });
    expect(twice.rewrite.plan.edits).toEqual([]);
    expect(twice.rewrite.applied?.rewritten).toEqual([]);
  });
});
