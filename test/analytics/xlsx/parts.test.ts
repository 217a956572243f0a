/**
 * Parts of a workbook that a rewrite through exceljs would lose, found by the package's part
 * names: charts, pivot tables, pictures and drawings, macros, slicers, timelines, threaded
 * comments, form controls, embedded objects, external links, data models. Parts exceljs carries
 * (legacy notes and their VML drawings, tables, themes) are not flagged.
 */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { describeParts, findUnsupportedParts } from "../../../analytics/xlsx/parts.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { rectification15 } from "../../fixtures/ledgers.js";

function packageWith(names: string[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8("<workbook/>"),
    "xl/worksheets/sheet1.xml": strToU8("<worksheet/>"),
  };
  for (const name of names) files[name] = strToU8("x");
  return zipSync(files);
}

describe("parts exceljs cannot carry", () => {
  it("finds none in a plain ledger", async () => {
    expect(findUnsupportedParts(await fixtureBytes(rectification15))).toEqual([]);
  });

  it("lists each kind with its parts, in a fixed order", () => {
    const found = findUnsupportedParts(
      packageWith([
        "xl/charts/chart2.xml", "xl/charts/chart1.xml", "xl/charts/style1.xml", "xl/chartsheets/sheet1.xml",
        "xl/pivotTables/pivotTable1.xml", "xl/media/image1.png", "xl/drawings/drawing1.xml", "xl/vbaProject.bin",
        "xl/slicers/slicer1.xml", "xl/timelines/timeline1.xml", "xl/threadedComments/threadedComment1.xml",
        "xl/ctrlProps/ctrlProp1.xml", "xl/activeX/activeX1.xml", "xl/embeddings/oleObject1.bin",
        "xl/externalLinks/externalLink1.xml", "xl/model/item.data",
      ]),
    );
    expect(found.map((f) => [f.kind, f.parts])).toEqual([
      ["chart", ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/chartsheets/sheet1.xml"]],
      ["pivot", ["xl/pivotTables/pivotTable1.xml"]],
      ["image", ["xl/media/image1.png"]],
      ["drawing", ["xl/drawings/drawing1.xml"]],
      ["macro", ["xl/vbaProject.bin"]],
      ["slicer", ["xl/slicers/slicer1.xml"]],
      ["timeline", ["xl/timelines/timeline1.xml"]],
      ["threaded-comment", ["xl/threadedComments/threadedComment1.xml"]],
      ["control", ["xl/activeX/activeX1.xml", "xl/ctrlProps/ctrlProp1.xml"]],
      ["embedded-object", ["xl/embeddings/oleObject1.bin"]],
      ["external-link", ["xl/externalLinks/externalLink1.xml"]],
      ["data-model", ["xl/model/item.data"]],
    ]);
  });

  it("does not flag notes, their VML drawings, tables or the theme", () => {
    const found = findUnsupportedParts(
      packageWith(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/tables/table1.xml", "xl/theme/theme1.xml", "xl/printerSettings/printerSettings1.bin"]),
    );
    expect(found).toEqual([]);
  });

  it("says what would be lost in Chinese, then English", () => {
    const found = findUnsupportedParts(packageWith(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/vbaProject.bin"]));
    expect(describeParts(found)).toBe("图表 2 个、宏（VBA） 1 个 (charts: 2, macros (VBA): 1)");
  });
});
