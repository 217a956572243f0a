/** The zip layer: streamed parts decode exactly, whatever falls on a chunk edge. */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { XlsxPackage } from "../../../analytics/xlsx/package.js";
import { WorkbookReadError } from "../../../analytics/xlsx/read-errors.js";
import { zlibInflater } from "../../../cli/zlib-inflater.js";

const text = Array.from({ length: 100_000 }, (_, i) => `<c r="A${i}" t="inlineStr"><is><t>第${i}项：整改措施落实到位🙂</t></is></c>`).join("");

describe("a package part", () => {
  it.each([
    ["fflate", undefined],
    ["Node's zlib", zlibInflater],
  ])("streams Chinese text across many pieces without a single replacement character (%s)", (_inflaterName, inflater) => {
    const pkg = XlsxPackage.open(zipSync({ "xl/worksheets/sheet1.xml": strToU8(text) }, { level: 6 }), inflater);
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

  it("says why a zip's directory cannot be read in the user's language, whatever cut the file short", () => {
    const zip = zipSync({ "xl/workbook.xml": strToU8(text) });
    const refusal = (bytes: Uint8Array): WorkbookReadError => {
      try {
        XlsxPackage.open(bytes);
      } catch (error) {
        if (error instanceof WorkbookReadError) return error;
        throw error;
      }
      throw new Error("opened");
    };
    // Cut before the end record; a directory whose offset points past the file; a directory cut short.
    const pointingPast = zip.slice();
    new DataView(pointingPast.buffer).setUint32(pointingPast.length - 6, 0x7fffffff, true);
    const cutShort = zip.slice();
    new DataView(cutShort.buffer).setUint16(cutShort.length - 12, 9, true);
    for (const bytes of [zip.subarray(0, zip.length - 30), pointingPast, cutShort]) {
      const said = refusal(bytes);
      expect(said.in("zh")).toMatch(/^文件已损坏或不完整.*：无法解开压缩包（[^A-Za-z]+）$/u);
      expect(said.in("en")).toMatch(/the zip cannot be unpacked \(.+\)$/u);
    }
  });

  it.each([
    ["fflate", undefined],
    ["Node's zlib", zlibInflater],
  ])("says a damaged or unfinished part's compressed data in the user's words, not the inflater's English (%s)", (_inflaterName, inflater) => {
    const zip = zipSync({ "xl/worksheets/sheet1.xml": strToU8(text) });
    const view = new DataView(zip.buffer);
    const dataAt = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    const invalidBlock = zip.slice();
    invalidBlock[dataAt] = 0x07; // a final block of type 3, which deflate does not have
    const said = (bytes: Uint8Array, cutInHalf = false): WorkbookReadError => {
      try {
        const pkg = XlsxPackage.open(bytes, inflater);
        const entry = pkg.entries.get("xl/worksheets/sheet1.xml") as { packedSize: number };
        if (cutInHalf) entry.packedSize = Math.floor(entry.packedSize / 2); // a download cut off mid-part
        pkg.streamText("xl/worksheets/sheet1.xml", () => undefined);
      } catch (error) {
        if (error instanceof WorkbookReadError) return error;
        throw error;
      }
      throw new Error("read");
    };
    expect(said(invalidBlock).in("zh")).toMatch(/xl\/worksheets\/sheet1\.xml：压缩数据已损坏，无法解压$/u);
    expect(said(invalidBlock).in("en")).toMatch(/the compressed data is damaged$/u);
    expect(said(zip, true).in("zh")).toMatch(/xl\/worksheets\/sheet1\.xml：压缩数据不完整，文件可能没有下载完$/u);
    expect(said(zip, true).in("en")).toMatch(/the compressed data ends early \(an unfinished download\?\)$/u);
  });

  it.each([
    ["fflate", undefined],
    ["Node's zlib", zlibInflater],
  ])("stops a part that unpacks beyond the size its directory declared (%s)", (_inflaterName, inflater) => {
    const zip = zipSync({ "xl/worksheets/sheet1.xml": strToU8(text) });
    const pkg = XlsxPackage.open(zip, inflater);
    const entry = pkg.entries.get("xl/worksheets/sheet1.xml")!;
    (entry as { unpackedSize: number }).unpackedSize = 1000; // the lie a bomb tells
    let pushed = 0;
    expect(() => pkg.streamText("xl/worksheets/sheet1.xml", (t) => (pushed += t.length))).toThrow(/超出|beyond/u);
    expect(pushed).toBeLessThanOrEqual(1000);
  });

  it.each([
    ["fflate", undefined],
    ["Node's zlib", zlibInflater],
  ])("refuses a part whose checksum is not its data's (%s)", (_inflaterName, inflater) => {
    const zip = zipSync({ "xl/worksheets/sheet1.xml": strToU8(text) });
    const view = new DataView(zip.buffer);
    const record = view.getUint32(zip.length - 6, true);
    view.setUint32(record + 16, (view.getUint32(record + 16, true) ^ 1) >>> 0, true);
    expect(() => XlsxPackage.open(zip, inflater).streamText("xl/worksheets/sheet1.xml", () => undefined)).toThrow(WorkbookReadError);
  });

  it("refuses parts that each stay under the bomb floor but compress like one bomb together", () => {
    const filler = strToU8("<row/>".repeat(200_000)); // 1.2 MB, a few kilobytes packed
    const parts = Array.from({ length: 20 }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`);
    const pkg = XlsxPackage.open(zipSync(Object.fromEntries(parts.map((p) => [p, filler])), { level: 9 }));
    expect(() => pkg.guardSize(parts.slice(0, 2))).not.toThrow();
    let refusal: unknown;
    try {
      pkg.guardSize(parts);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(WorkbookReadError);
    expect((refusal as WorkbookReadError).code).toBe("too-large");
    expect((refusal as WorkbookReadError).message).toMatch(/要读的 20 个部件合计压缩比 \d+:1/u);
  });
});

describe("the head of a part", () => {
  // Four megabytes of rows: streamHead inflates the first pieces and no more.
  const text = `<sheetData>${"<row><c><v>1</v></c></row>".repeat(160_000)}</sheetData>`;

  for (const [host, inflater] of [["fflate", undefined], ["the command line's zlib", zlibInflater]] as const) {
    it(`stops where the reader says, never inflating the rest (${host})`, () => {
      const pkg = XlsxPackage.open(zipSync({ "xl/worksheets/sheet1.xml": strToU8(text) }, { level: 6 }), inflater);
      let seen = "";
      expect(pkg.streamHead("xl/worksheets/sheet1.xml", (piece) => ((seen += piece), false))).toBe(true);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.length).toBeLessThan(text.length / 4);
      expect(text.startsWith(seen)).toBe(true);
    });
  }

  it("read to its end is the whole part, as streamText gives it", () => {
    const pkg = XlsxPackage.open(zipSync({ "xl/worksheets/sheet1.xml": strToU8(text) }, { level: 6 }));
    let seen = "";
    pkg.streamHead("xl/worksheets/sheet1.xml", (piece) => ((seen += piece), true));
    expect(seen).toBe(text);
    expect(pkg.streamHead("xl/missing.xml", () => true)).toBe(false);
  });
});
