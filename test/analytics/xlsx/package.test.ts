/** The zip layer: streamed parts decode exactly, whatever falls on a chunk edge. */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { XlsxPackage } from "../../../analytics/xlsx/package.js";
import { WorkbookReadError } from "../../../analytics/xlsx/read-errors.js";

const text = Array.from({ length: 100_000 }, (_, i) => `<c r="A${i}" t="inlineStr"><is><t>第${i}项：整改措施落实到位🙂</t></is></c>`).join("");

describe("a package part", () => {
  it("streams Chinese text across many inflate chunks without a single replacement character", () => {
    const pkg = XlsxPackage.open(zipSync({ "xl/worksheets/sheet1.xml": strToU8(text) }, { level: 6 }));
    const pieces: string[] = [];
    expect(pkg.streamText("xl/worksheets/sheet1.xml", (t) => pieces.push(t))).toBe(true);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe(text);
  });

  it("reads stored (uncompressed) parts and finds parts whatever their case or leading slash", () => {
    const pkg = XlsxPackage.open(zipSync({ "xl/Workbook.xml": [strToU8("<workbook/>"), { level: 0 }] }));
    expect(pkg.textOf("/xl/workbook.xml")).toBe("<workbook/>");
    expect(pkg.streamText("xl/missing.xml", () => undefined)).toBe(false);
  });

  it("stops a part that unpacks beyond the size its directory declared", () => {
    const zip = zipSync({ "xl/worksheets/sheet1.xml": strToU8(text) });
    const pkg = XlsxPackage.open(zip);
    const entry = pkg.entries.get("xl/worksheets/sheet1.xml")!;
    (entry as { unpackedSize: number }).unpackedSize = 1000; // the lie a bomb tells
    expect(() => pkg.streamText("xl/worksheets/sheet1.xml", () => undefined)).toThrow(WorkbookReadError);
  });
});
