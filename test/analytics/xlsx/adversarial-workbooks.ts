/**
 * A second, wider set of crafted workbooks for issue 12, of the kinds its held-out set is made
 * of but not the same files: zip tricks, every legal spelling of the XML, what other writers
 * (WPS, LibreOffice, openpyxl, Google Sheets, minimal writers) put in a package, odd structure,
 * and sizes at the edge. Each case says what a reader must do with it: read the ledger exactly,
 * read given cells as given values, or refuse with a code (exit 2 at the command line).
 * `npx tsx test/analytics/xlsx/adversarial-workbooks.ts DIR` writes them all as files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Deflate, strToU8 } from "fflate";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { columnLetters, escapeXml, LEDGER, ledgerParts, sharedStrings, sharedStringsXml, sheetRows, worksheetXml, zipParts, type Parts } from "./hostile-workbooks.js";
import { extraField, rawZip, storedBlocksDeflate, type RawEntry } from "./raw-zip.js";

export type Expectation =
  /** The sheet 整改台账 reads as LEDGER: 15 items, 4 of them completed. */
  | { readonly kind: "ledger"; readonly sheet?: string }
  /** These cells of the named sheet read as these values (and the ledger is still found). */
  | { readonly kind: "cells"; readonly sheet?: string; readonly cells: Readonly<Record<string, CellValue>> }
  /** Refused with this WorkbookReadError code. */
  | { readonly kind: "refused"; readonly code: string };

export interface AdversarialCase {
  readonly bytes: Uint8Array;
  readonly expect: Expectation;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const LEDGER_READ: Expectation = { kind: "ledger" };

/** The plain ledger's parts as raw zip entries, in a stable order. */
export function entriesOf(parts: Parts, each: (name: string) => Partial<RawEntry> = () => ({})): RawEntry[] {
  return Object.entries(parts).map(([name, data]) => ({ name, data, ...each(name) }));
}

function refused(code: string, bytes: Uint8Array): AdversarialCase {
  return { bytes, expect: { kind: "refused", code } };
}

function ledger(bytes: Uint8Array, sheet?: string): AdversarialCase {
  return { bytes, expect: sheet === undefined ? LEDGER_READ : { kind: "ledger", sheet } };
}

/** fflate's streaming deflate, pushed `size` bytes at a time: a block boundary after every push. */
function tinyPushDeflate(data: Uint8Array, size: number): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => void out.push(chunk));
  for (let at = 0; at < data.length; at += size) deflate.push(data.subarray(at, at + size), at + size >= data.length);
  const joined = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    joined.set(c, at);
    at += c.length;
  }
  return joined;
}

export function zipTricks(): Record<string, AdversarialCase> {
  const parts = ledgerParts();
  const sheet = strToU8(parts["xl/worksheets/sheet1.xml"] as string);
  const fakeEnd = new Uint8Array(22);
  new DataView(fakeEnd.buffer).setUint32(0, 0x06054b50, true);
  return {
    "zip-data-descriptors": ledger(rawZip(entriesOf(parts, () => ({ dataDescriptor: true })))),
    "zip-stored-not-deflated": ledger(rawZip(entriesOf(parts, () => ({ method: 0 })))),
    "zip-stored-with-data-descriptors": ledger(rawZip(entriesOf(parts, () => ({ method: 0, dataDescriptor: true })))),
    "zip-extra-fields": ledger(
      rawZip(entriesOf(parts, () => ({ extra: extraField(0x5455, new Uint8Array([1, 0, 0, 0, 0])), localExtra: extraField(0xcafe, new Uint8Array(300)) }))),
    ),
    "zip-comment-at-the-end": ledger(rawZip(entriesOf(parts), { comment: "由 台账助手 导出 · exported ".repeat(200) })),
    "zip-comment-holding-an-end-record": ledger(rawZip(entriesOf(parts), { comment: Uint8Array.from([...strToU8("x"), ...fakeEnd, ...strToU8("PK")]) })),
    "zip-entries-out-of-order": ledger(rawZip(entriesOf(parts).reverse(), { layout: [3, 0, 5, 1, 6, 4, 2] })),
    "zip-directory-entries": ledger(
      rawZip([{ name: "xl/", data: "", method: 0 }, { name: "xl/worksheets/", data: "", method: 0 }, { name: "_rels/", data: "", method: 0 }, ...entriesOf(parts)]),
    ),
    "zip-names-with-dot-slash": ledger(rawZip(entriesOf(parts).map((e) => ({ ...e, name: "./" + e.name })))),
    "zip-names-with-backslashes": ledger(rawZip(entriesOf(parts).map((e) => ({ ...e, name: e.name.replace(/\//gu, "\\") })))),
    "zip-names-with-leading-slash": ledger(rawZip(entriesOf(parts).map((e) => ({ ...e, name: "/" + e.name })))),
    "zip-zero-length-parts": ledger(
      rawZip([...entriesOf(parts), { name: "docProps/app.xml", data: "" }, { name: "xl/printerSettings/printerSettings1.bin", data: "", method: 0 }]),
    ),
    "zip-many-tiny-stored-blocks": ledger(rawZip(entriesOf(parts, (name) => (name.endsWith("sheet1.xml") ? { packed: storedBlocksDeflate(sheet, 1) } : {})))),
    "zip-many-tiny-deflate-blocks": ledger(rawZip(entriesOf(parts, (name) => (name.endsWith("sheet1.xml") ? { packed: tinyPushDeflate(sheet, 7) } : {})))),
    "zip-local-header-lies": ledger(
      rawZip(entriesOf(parts, (name) => ({ localName: name.toUpperCase() + "-old", localMethod: 0, localSizes: { packed: 1, unpacked: 999_999, crc: 7 } }))),
    ),
    "zip64-end-record": ledger(rawZip(entriesOf(parts), { zip64: true })),
    "zip-entry-comments": ledger(rawZip(entriesOf(parts, (name) => ({ entryComment: `注释 ${name}` })))),
    "zip-self-extractor-stub": refused("not-xlsx", rawZip(entriesOf(parts), { prefix: strToU8("MZ".padEnd(4096, "\0")) })),
    "zip-count-overstated": refused("corrupt", rawZip(entriesOf(parts), { claimedCount: 9 })),
    "zip-encrypted-entry": refused("not-xlsx", rawZip(entriesOf(parts, (name) => (name.endsWith("sheet1.xml") ? { flags: 1, method: 0, data: sheet.map((b) => b ^ 0x5a) } : {})))),
    "zip-method-lzma": refused("corrupt", rawZip(entriesOf(parts, (name) => (name.endsWith("sheet1.xml") ? { method: 14, packed: sheet } : {})))),
    "zip-worksheet-local-header-broken": refused("corrupt", breakFirstLocalHeader(rawZip(entriesOf(parts), { layout: [4] }))),
    "zip-empty-worksheet-part": refused("corrupt", zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": "" }))),
  };
}

/** The first local header's signature broken (the worksheet's, laid out first): the directory points at nothing. */
function breakFirstLocalHeader(zip: Uint8Array): Uint8Array {
  const out = Uint8Array.from(zip);
  out[2] = 0x09;
  return out;
}

/** How to spell the worksheet's XML. */
interface Spelling {
  readonly prefix?: string;
  readonly newlines?: boolean;
  readonly cellRefs?: boolean;
  readonly rowRefs?: boolean;
  readonly attributeOrder?: "t-first" | "r-last";
  readonly inline?: "plain" | "rich" | "str" | "v-in-inlineStr";
  readonly quote?: "'" | '"';
}

/** The ledger's worksheet written one way; strings inline when `inline` says, else shared. */
function spelledSheet(s: Spelling, rows = LEDGER): string {
  const p = s.prefix ? `${s.prefix}:` : "";
  const nl = s.newlines ? "\n    " : "";
  const q = s.quote ?? '"';
  const table = sharedStrings(rows);
  const cell = (text: string, r: number, c: number): string => {
    const ref = s.cellRefs === false ? "" : ` r=${q}${columnLetters(c + 1)}${r + 1}${q}`;
    const t = (type: string) => ` t=${q}${type}${q}`;
    const attrs = (type: string) => (s.attributeOrder === "t-first" ? `${t(type)} s=${q}0${q}${ref}` : s.attributeOrder === "r-last" ? ` s=${q}0${q}${t(type)}${ref}` : `${ref}${t(type)}`);
    const escaped = escapeXml(text);
    switch (s.inline) {
      case "plain":
        return `<${p}c${attrs("inlineStr")}>${nl}<${p}is>${nl}<${p}t>${escaped}</${p}t>${nl}</${p}is>${nl}</${p}c>`;
      case "rich": {
        const half = Math.ceil([...text].length / 2);
        const [a, b] = [[...text].slice(0, half).join(""), [...text].slice(half).join("")];
        return `<${p}c${attrs("inlineStr")}><${p}is><${p}r><${p}rPr><${p}b/><${p}rFont ${p ? `${p}:` : ""}val=${q}宋体${q}/></${p}rPr><${p}t xml:space=${q}preserve${q}>${escapeXml(a)}</${p}t></${p}r>${nl}<${p}r><${p}t>${escapeXml(b)}</${p}t></${p}r></${p}is></${p}c>`;
      }
      case "str":
        return `<${p}c${attrs("str")}><${p}f>"${escaped.replace(/&quot;/gu, '""')}"</${p}f><${p}v>${escaped}</${p}v></${p}c>`;
      case "v-in-inlineStr":
        return `<${p}c${attrs("inlineStr")}><${p}v>${escaped}</${p}v></${p}c>`;
      default:
        return `<${p}c${attrs("s")}>${nl}<${p}v>${table.indexOf(text)}</${p}v>${nl}</${p}c>`;
    }
  };
  const body = rows
    .map((cells, r) => `${nl}<${p}row${s.rowRefs === false ? "" : ` r=${q}${r + 1}${q}`}>${cells.map((text, c) => nl + cell(text, r, c)).join("")}${nl}</${p}row>`)
    .join("");
  const ns = p ? `xmlns:${s.prefix}=${q}${MAIN}${q}` : `xmlns=${q}${MAIN}${q}`;
  return `${DECLARATION}<${p}worksheet ${ns} xmlns:r=${q}${REL}${q}>${nl}<${p}sheetData>${body}${nl}</${p}sheetData>${nl}</${p}worksheet>`;
}

/** Every part of the plain package with every element of the SpreadsheetML namespace prefixed `x:`. */
function prefixedParts(): Parts {
  const base = ledgerParts();
  const prefix = (xml: string) =>
    xml
      .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
      .replace(/<(\/?)(?!\?)(sst|si|t|workbook|sheets|sheet|worksheet|sheetData|row|c|v|is|r)([\s>/])/gu, "<$1x:$2$3");
  return {
    ...base,
    "xl/workbook.xml": prefix(base["xl/workbook.xml"] as string),
    "xl/sharedStrings.xml": prefix(base["xl/sharedStrings.xml"] as string),
    "xl/worksheets/sheet1.xml": spelledSheet({ prefix: "x" }),
  };
}

export function xmlSpellings(): Record<string, AdversarialCase> {
  const bom = "\uFEFF";
  const withBom = Object.fromEntries(Object.entries(ledgerParts()).map(([n, x]) => [n, bom + (x as string)]));
  const noDeclaration = Object.fromEntries(Object.entries(ledgerParts()).map(([n, x]) => [n, (x as string).replace(/^<\?xml[^>]*\?>\n?/u, "")]));
  const standaloneNo = Object.fromEntries(Object.entries(ledgerParts()).map(([n, x]) => [n, (x as string).replace('standalone="yes"', 'standalone="no"')]));
  const strings = sharedStrings();
  const mixedReferences = `${DECLARATION}<sst xmlns="${MAIN}" count="99999999" uniqueCount="-1">${strings
    .map((s) => `<si><t xml:space="preserve">${[...s].map((ch, i) => (i % 3 === 0 ? `&#${ch.codePointAt(0)};` : i % 3 === 1 ? escapeXml(ch).replace("&amp;", "&#38;") : escapeXml(ch))).join("")}</t></si>`)
    .join("")}</sst>`;
  const sheetWith = (s: Spelling) => zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": spelledSheet(s) }));
  return {
    "xml-byte-order-marks": ledger(zipParts(withBom)),
    "xml-no-declaration": ledger(zipParts(noDeclaration)),
    "xml-standalone-no": ledger(zipParts(standaloneNo)),
    "xml-x-prefix-on-every-element": ledger(zipParts(prefixedParts())),
    "xml-newlines-between-every-element": ledger(sheetWith({ newlines: true })),
    "xml-attributes-in-odd-order": ledger(sheetWith({ attributeOrder: "t-first" })),
    "xml-attributes-r-last": ledger(sheetWith({ attributeOrder: "r-last" })),
    "xml-cells-without-r": ledger(sheetWith({ cellRefs: false })),
    "xml-rows-without-r": ledger(sheetWith({ rowRefs: false })),
    "xml-rows-and-cells-without-r": ledger(sheetWith({ rowRefs: false, cellRefs: false })),
    "xml-inline-strings": ledger(sheetWith({ inline: "plain" })),
    "xml-rich-inline-strings": ledger(sheetWith({ inline: "rich", newlines: true })),
    "xml-str-formula-cells": ledger(sheetWith({ inline: "str" })),
    "xml-inlineStr-with-v": ledger(sheetWith({ inline: "v-in-inlineStr" })),
    "xml-single-quotes-prefixed-newlines": ledger(zipParts({ ...ledgerParts(), "xl/worksheets/sheet1.xml": spelledSheet({ prefix: "main", newlines: true, quote: "'", attributeOrder: "r-last" }) })),
    "xml-references-in-shared-strings": ledger(zipParts(ledgerParts({ "xl/sharedStrings.xml": mixedReferences }))),
    "xml-self-closing-rows-and-cells": ledger(
      zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows().replace(/<\/row>/gu, '<c s="0"/><c s="0"><v/></c></row>') + '<row r="17"/><row r="18" ht="20" customHeight="1"/>') })),
    ),
    "xml-sparse-rows-without-r": {
      bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows().replace(/<row r="\d+">/gu, "<row>").replace(/r="([A-Z]+)(\d+)"/gu, (_m, c: string, r: string) => `r="${c}${Number(r) > 1 ? Number(r) + 2 : r}"`)) })),
      expect: { kind: "cells", cells: { A1: "序号", A4: "1", B4: LEDGER[1]![1]!, A2: null, A18: "15" } },
    },
    "xml-typed-cells": { bytes: typedCells(false), expect: { kind: "cells", cells: TYPED_CELLS_1900 } },
    "xml-typed-cells-1904": { bytes: typedCells(true), expect: { kind: "cells", cells: TYPED_CELLS_1904 } },
    "xml-ooxml-escapes": {
      bytes: zipParts(
        ledgerParts({
          "xl/worksheets/sheet1.xml": worksheetXml(
            sheetRows() + '<row r="17"><c r="H17" t="inlineStr"><is><t>第一行_x000D__x000a_第二行</t></is></c><c r="I17" t="inlineStr"><is><t>_x005F_x000D_</t></is></c><c r="J17" t="str"><v>a_x0009_b</v></c></row>',
          ),
        }),
      ),
      expect: { kind: "cells", cells: { H17: "第一行\r\n第二行", I17: "_x000D_", J17: "a\tb" } },
    },
    "xml-shared-string-index-missing": refused("corrupt", zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + '<row r="17"><c r="B17" t="s"><v>9999</v></c></row>') }))),
    "xml-long-shared-string-table": ledger(longStringTable()),
  };
}

/** Cells of every type beside the ledger (columns H on, row 2), with the styles a date needs. */
const TYPED_CELLS_1900: Record<string, CellValue> = {
  H2: true,
  I2: false,
  J2: { error: "#N/A" },
  K2: { day: "2019-06-30" },
  L2: { day: "2019-06-30" },
  M2: { day: "2019-06-30" },
  N2: { day: "2019-06-30" },
  O2: -5,
  P2: 1e9,
  Q2: { day: "2019-06-30" },
  R2: 0.5,
};
const TYPED_CELLS_1904: Record<string, CellValue> = { ...TYPED_CELLS_1900, K2: { day: "2019-06-30" }, L2: { day: "2019-06-30" }, M2: { day: "2019-06-30" }, N2: { day: "2019-06-30" } };

function typedCells(date1904: boolean): Uint8Array {
  // 43646 is 2019-06-30 in the 1900 system; 1,462 days fewer in the 1904 one.
  const serial = (fraction: string) => `${date1904 ? 43646 - 1462 : 43646}${fraction}`;
  const styles = `${DECLARATION}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy/m/d;@"/><numFmt numFmtId="177" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/></numFmts><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="31"/><xf numFmtId="177"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
  const row2 = [
    '<c r="H2" t="b"><v>1</v></c>',
    '<c r="I2" t="b"><v>0</v></c>',
    '<c r="J2" t="e"><f>NA()</f><v>#N/A</v></c>',
    `<c r="K2" s="1"><v>${serial("")}</v></c>`,
    `<c r="L2" s="2"><v>${serial(".75")}</v></c>`,
    `<c r="M2" s="3"><v>${serial(".999988")}</v></c>`,
    `<c r="N2" s="4" t="n"><v>${serial(".0001")}</v></c>`,
    '<c r="O2" s="1"><v>-5</v></c>',
    '<c r="P2" s="1"><v>1E9</v></c>',
    '<c r="Q2" t="d"><v>2019-06-30T18:30:00</v></c>',
    '<c r="R2" s="5"><v>0.5</v></c>',
  ].join("");
  const sheet = worksheetXml(sheetRows().replace("</row><row r=\"3\">", `${row2}</row><row r="3">`));
  const workbook = (ledgerParts()["xl/workbook.xml"] as string).replace("<sheets>", `<workbookPr${date1904 ? ' date1904="1"' : ""}/><sheets>`);
  return zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": sheet, "xl/styles.xml": styles, "xl/workbook.xml": workbook }));
}

/** 200,000 shared strings, the ledger's at the end of the table. */
function longStringTable(): Uint8Array {
  const filler = Array.from({ length: 200_000 }, (_, i) => `备用文字${i}`);
  const strings = [...filler, ...sharedStrings()];
  const sheet = worksheetXml(sheetRows().replace(/<v>(\d+)<\/v>/gu, (_m, i: string) => `<v>${Number(i) + filler.length}</v>`));
  return zipParts(ledgerParts({ "xl/sharedStrings.xml": sharedStringsXml(strings), "xl/worksheets/sheet1.xml": sheet }));
}

/** What other writers put around the same ledger. */
export function otherWriters(): Record<string, AdversarialCase> {
  const base = ledgerParts();
  const contentTypes = (extra: string) => (base["[Content_Types].xml"] as string).replace("</Types>", `${extra}</Types>`);
  const wps = ledgerParts({
    "xl/worksheets/sheet1.xml": `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><sheetPr/><dimension ref="A1:F16"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelCol="5"/><cols><col min="1" max="1" width="9" customWidth="1"/><col min="2" max="3" width="36.25" customWidth="1"/></cols><sheetData>${sheetRows().replace(/<row r="(\d+)">/gu, '<row r="$1" spans="1:6" ht="27" customHeight="1">')}</sheetData><mergeCells count="0"/><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><headerFooter/><extLst><ext uri="{F2E34A1A-F9B1-4F26-9A6E-5FD8E0E9D2C1}" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><etc:cellImages/></ext></extLst></worksheet>`,
    "xl/cellimages.xml": `${DECLARATION}<etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"/>`,
    "customXml/item1.xml": `<s:customData xmlns:s="http://www.wps.cn/officeDocument/2013/wpsCustomData"><customSectProps/></s:customData>`,
    "docProps/custom.xml": `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.14309</vt:lpwstr></property></Properties>`,
  });
  const libreOffice = ledgerParts({
    "xl/worksheets/sheet1.xml": worksheetXml(
      sheetRows()
        .replace(/<row r="(\d+)">/gu, '<row r="$1" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">')
        .replace(/ t="s">/gu, ' s="0" t="s">'),
      '<printOptions headings="false" gridLines="false" gridLinesSet="true" horizontalCentered="false" verticalCentered="false"/><pageMargins left="0.7875" right="0.7875" top="1.05277777777778" bottom="1.05277777777778" header="0.7875" footer="0.7875"/><pageSetup paperSize="9" scale="100" fitToWidth="1" fitToHeight="1" pageOrder="downThenOver" orientation="portrait" blackAndWhite="false" draft="false" cellComments="none" horizontalDpi="300" verticalDpi="300" copies="1"/><headerFooter differentFirst="false" differentOddEven="false"><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;12&amp;A</oddHeader></headerFooter>',
    ).replace("<sheetData>", '<sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:F16"/><sheetViews><sheetView showFormulas="false" showGridLines="true" showRowColHeaders="true" showZeros="true" rightToLeft="false" tabSelected="true" showOutlineSymbols="true" defaultGridColor="true" view="normal" topLeftCell="A1" colorId="64" zoomScale="100" zoomScaleNormal="100" zoomScalePageLayoutView="100" workbookViewId="0"><selection pane="topLeft" activeCell="A1" activeCellId="0" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="11.53515625" defaultRowHeight="12.8" zeroHeight="false" outlineLevelRow="0" outlineLevelCol="0"/><sheetData>'),
    "xl/workbook.xml": `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><fileVersion appName="Calc"/><workbookPr backupFile="false" showObjects="all" date1904="false"/><workbookProtection/><bookViews><workbookView showHorizontalScroll="true" showVerticalScroll="true" showSheetTabs="true" xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192" tabRatio="500" firstSheet="0" activeTab="0"/></bookViews><sheets><sheet name="整改台账" sheetId="1" state="visible" r:id="rId1"/></sheets><calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001"/></workbook>`,
  });
  const openpyxl = ledgerParts({
    "xl/workbook.xml": `<workbook xmlns="${MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets><sheet xmlns:r="${REL}" name="整改台账" sheetId="1" state="visible" r:id="rId1"/></sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
    "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A1:F16"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData>${sheetRows()}</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG_REL}"><Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId1"/><Relationship Type="${REL}/sharedStrings" Target="sharedStrings.xml" Id="rId2"/><Relationship Type="${REL}/styles" Target="/xl/styles.xml" Id="rId3"/></Relationships>`,
    "_rels/.rels": `<Relationships xmlns="${PKG_REL}"><Relationship Type="${REL}/officeDocument" Target="/xl/workbook.xml" Id="rId1"/></Relationships>`,
  });
  const googleSheets = ledgerParts({
    "xl/workbook.xml": `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><workbookPr/><sheets><sheet state="visible" name="整改台账" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName hidden="1" localSheetId="0" name="_xlnm._FilterDatabase">'整改台账'!$A$1:$F$16</definedName></definedNames><calcPr/></workbook>`,
    "xl/worksheets/sheet1.xml": worksheetXml(sheetRows().replace(/ t="s">/gu, ' s="1" t="s">'), '<autoFilter ref="$A$1:$F$16"/><drawing r:id="rId1"/>').replace(
      "<sheetData>",
      '<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/><sheetData>',
    ),
    "xl/worksheets/_rels/sheet1.xml.rels": `${DECLARATION}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    "xl/drawings/drawing1.xml": `${DECLARATION}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex" xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram"/>`,
    "xl/styles.xml": `${DECLARATION}<styleSheet xmlns="${MAIN}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><fonts count="2"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font><font><color theme="1"/><name val="Arial"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs><cellXfs count="2"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="0"/></xf><xf borderId="0" fillId="0" fontId="1" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0"/></xf></cellXfs><cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`,
    "[Content_Types].xml": contentTypes('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'),
  });
  const minimalRows = LEDGER.map((cells, r) => `<row r="${r + 1}">${cells.map((text, c) => `<c r="${columnLetters(c + 1)}${r + 1}" t="${c === 0 && r > 0 ? "n" : "str"}"><v>${escapeXml(text)}</v></c>`).join("")}</row>`).join("");
  const minimal: Parts = {
    "[Content_Types].xml": (base["[Content_Types].xml"] as string).replace(/<Override PartName="\/xl\/(?:sharedStrings|styles)\.xml"[^>]*\/>/gu, ""),
    "_rels/.rels": base["_rels/.rels"]!,
    "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetData>${minimalRows}</sheetData></worksheet>`,
  };
  const noRootRels = { ...ledgerParts() };
  delete noRootRels["_rels/.rels"];
  return {
    "writer-wps": ledger(zipParts(wps)),
    "writer-libreoffice": ledger(zipParts(libreOffice)),
    "writer-openpyxl": ledger(zipParts(openpyxl)),
    "writer-google-sheets": ledger(zipParts(googleSheets)),
    "writer-minimal-no-styles-no-shared-strings": { bytes: zipParts(minimal), expect: { kind: "cells", cells: { A1: "序号", A2: 1, A16: 15, B2: LEDGER[1]![1]!, F16: LEDGER[15]![5]! } } },
    "writer-without-root-relationships": ledger(zipParts(noRootRels)),
  };
}

/** A package of several sheets: `sheets` in order, each its name, visibility and worksheet XML. */
export function booksWith(sheets: readonly { name: string; state?: "hidden" | "veryHidden"; xml: string }[], definedNames = ""): Uint8Array {
  const base = ledgerParts();
  const parts: Parts = { ...base };
  delete parts["xl/worksheets/sheet1.xml"];
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
  });
  parts["xl/workbook.xml"] = `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 10}"/>`)
    .join("")}</sheets>${definedNames}</workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = `${DECLARATION}<Relationships xmlns="${PKG_REL}">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 10}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("")}<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  return zipParts(parts);
}

export const inlineRow = (r: number, texts: readonly string[], firstCol = 1) =>
  `<row r="${r}">${texts.map((t, i) => `<c r="${columnLetters(firstCol + i)}${r}" t="inlineStr"><is><t>${escapeXml(t)}</t></is></c>`).join("")}</row>`;

/** The ledger's rows moved down by `by` rows, under title and note rows. */
function ledgerBelow(by: number): string {
  const notes = Array.from({ length: by }, (_, i) => inlineRow(i + 1, [i === 0 ? "2019年度巡察反馈问题整改台账" : `说明${i}：本表由各单位于每月25日前报送`]));
  const moved = sheetRows().replace(/r="([A-Z]*)(\d+)"/gu, (_m, c: string, r: string) => `r="${c}${Number(r) + by}"`);
  return worksheetXml(notes.join("") + moved);
}

export function structures(): Record<string, AdversarialCase> {
  const plain = worksheetXml(sheetRows());
  const note = (i: number) => worksheetXml(inlineRow(1, [`附表${i}`, "填报说明"]) + inlineRow(2, ["各单位按时报送"]));
  const wideColumns = [1, 13, 52, 100, 700, 16_384];
  const farApart = worksheetXml(
    LEDGER.map((cells, r) => `<row r="${r + 1}">${cells.map((text, c) => `<c r="${columnLetters(wideColumns[c]!)}${r + 1}" t="s"><v>${sharedStrings().indexOf(text)}</v></c>`).join("")}</row>`).join(""),
  );
  const farApartCells: Record<string, CellValue> = { A1: "序号", M2: LEDGER[1]![1]!, CV2: LEDGER[1]![3]!, XFD16: LEDGER[15]![5]! };
  const rows = sheetRows();
  const everyRowToXfd = worksheetXml(rows.replace(/<\/row>/gu, (_m, at: number) => `<c r="XFD${rowAt(rows, at)}" t="inlineStr"><is><t>备注</t></is></c></row>`));
  const mergedHeader = worksheetXml(
    inlineRow(1, ["序号", "存在问题", "整改措施", "责任主体", "", "完成情况"]) +
      inlineRow(2, ["", "", "", "责任单位", "完成时限", ""]) +
      sheetRows().replace(/<row r="1">.*?<\/row>/u, "").replace(/r="([A-Z]*)(\d+)"/gu, (_m, c: string, r: string) => `r="${c}${Number(r) + 1}"`),
    '<mergeCells count="5"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/><mergeCell ref="C1:C2"/><mergeCell ref="D1:E1"/><mergeCell ref="F1:F2"/></mergeCells>',
  );
  return {
    "structure-many-sheets": ledger(booksWith([...Array.from({ length: 40 }, (_, i) => ({ name: `附表${i + 1}`, xml: note(i + 1) })), { name: "整改台账", xml: plain }, ...Array.from({ length: 20 }, (_, i) => ({ name: `空表${i + 1}`, xml: worksheetXml("") }))]), "整改台账"),
    "structure-sheet-names-with-quotes-and-brackets": ledger(booksWith([{ name: "[2019]'整改'台账 & “旧”", xml: plain }]), "[2019]'整改'台账 & “旧”"),
    "structure-hidden-and-very-hidden-copies": ledger(
      booksWith([
        { name: "整改台账", xml: plain },
        { name: "整改台账(旧)", state: "hidden", xml: plain },
        { name: "底稿", state: "veryHidden", xml: plain },
      ]),
      "整改台账",
    ),
    "structure-defined-names": ledger(
      booksWith(
        [{ name: "整改台账", xml: plain }],
        `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">整改台账!$A$1:$F$16</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">整改台账!$1:$1</definedName><definedName name="责任单位">整改台账!$D$2:$D$16</definedName><definedName name="坏名字">#REF!</definedName></definedNames>`,
      ),
    ),
    "structure-overlapping-merges": {
      bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows(), '<mergeCells><mergeCell ref="D2:D4"/><mergeCell ref="D3:E5"/><mergeCell ref="D3:E5"/><mergeCell ref="B10:B9"/></mergeCells>') })),
      expect: { kind: "cells", cells: { D2: "区人民医院", D3: "区财政局", E5: LEDGER[4]![4]! } },
    },
    "structure-merged-two-row-header": { bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": mergedHeader })), expect: { kind: "cells", cells: { D1: "责任主体", D2: "责任单位", B3: LEDGER[1]![1]! } } },
    "structure-header-on-row-40": { bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": ledgerBelow(39) })), expect: { kind: "cells", cells: { A40: "序号", B41: LEDGER[1]![1]! } } },
    "structure-columns-far-apart": { bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": farApart })), expect: { kind: "cells", cells: farApartCells } },
    "structure-a-note-at-XFD-on-every-row": { bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": everyRowToXfd })), expect: { kind: "cells", cells: { XFD1: "备注", XFD16: "备注", B2: LEDGER[1]![1]! } } },
  };
}

/** The row number of the <row> that closes at `at`. */
function rowAt(xml: string, at: number): number {
  const open = xml.lastIndexOf('<row r="', at);
  return Number(/<row r="(\d+)"/u.exec(xml.slice(open))![1]);
}

export function sizes(): Record<string, AdversarialCase> {
  const rowsOf = (count: number, row: (r: number) => string) => Array.from({ length: count }, (_, i) => row(i + 17)).join("");
  const hugeRow = `<row r="17">${Array.from({ length: 16_384 }, (_, c) => `<c r="${columnLetters(c + 1)}17" t="inlineStr"><is><t>第${c + 1}列的说明文字</t></is></c>`).join("")}</row>`;
  const lastCell = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>末</t></is></c></row>';
  const mergedOverATallSheet = (merges: string, more = "") =>
    zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + more + lastCell, `<mergeCells>${merges}</mergeCells>`) }));
  return {
    "size-full-column-merges-on-a-tall-sheet": {
      bytes: mergedOverATallSheet(Array.from({ length: 300 }, (_, i) => `<mergeCell ref="${columnLetters(i + 10)}1:${columnLetters(i + 10)}1048576"/>`).join("")),
      expect: { kind: "cells", cells: { XFD1048576: "末", B2: LEDGER[1]![1]! } },
    },
    "size-full-row-merges": {
      bytes: mergedOverATallSheet(rowsOf(20_000, (r) => `<mergeCell ref="G${r}:XFD${r}"/>`), rowsOf(20_000, (r) => `<row r="${r}"><c r="G${r}"><v>1</v></c></row>`)),
      expect: { kind: "cells", cells: { G20016: 1, B2: LEDGER[1]![1]! } },
    },
    "size-one-whole-sheet-merge-written-50000-times": { bytes: mergedOverATallSheet('<mergeCell ref="H1:XFD1048576"/>'.repeat(50_000)), expect: { kind: "cells", cells: { XFD1048576: "末" } } },
    "size-overlapping-whole-sheet-merges": refused("corrupt", mergedOverATallSheet(Array.from({ length: 5_000 }, (_, i) => `<mergeCell ref="H${i + 1}:XFD1048576"/>`).join(""))),
    "size-many-tiny-rows": { bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + rowsOf(300_000, (r) => `<row r="${r}"><c r="G${r}"><v>${r}</v></c></row>`)) })), expect: { kind: "cells", cells: { G17: 17, G300016: 300_016, B2: LEDGER[1]![1]! } } },
    "size-one-huge-row": { bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + hugeRow) })), expect: { kind: "cells", cells: { XFD17: "第16384列的说明文字", B2: LEDGER[1]![1]! } } },
    "size-million-row-dimension-few-rows": {
      bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>末行</t></is></c></row>').replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>') })),
      expect: { kind: "cells", cells: { A1048576: "末行", B2: LEDGER[1]![1]! } },
    },
    "size-a-million-empty-rows": { bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + rowsOf(1_000_000, (r) => (r <= 1_048_576 ? `<row r="${r}"/>` : ""))) })), expect: LEDGER_READ },
    "size-many-merges": {
      bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + rowsOf(50_000, (r) => `<row r="${r}"><c r="G${r}"><v>${r}</v></c></row>`), `<mergeCells>${rowsOf(50_000, (r) => `<mergeCell ref="G${r}:H${r}"/>`)}</mergeCells>`) })),
      expect: { kind: "cells", cells: { G17: 17, B2: LEDGER[1]![1]! } },
    },
    "size-many-merges-in-one-row": {
      bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + hugeRow, `<mergeCells>${Array.from({ length: 8_000 }, (_, i) => `<mergeCell ref="${columnLetters(2 * i + 7)}17:${columnLetters(2 * i + 8)}17"/>`).join("")}</mergeCells>`) })),
      expect: { kind: "cells", cells: { G17: "第7列的说明文字", B2: LEDGER[1]![1]! } },
    },
  };
}

export function adversarialCases(): Record<string, AdversarialCase> {
  return { ...zipTricks(), ...xmlSpellings(), ...otherWriters(), ...structures(), ...sizes() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "adversarial";
  mkdirSync(dir, { recursive: true });
  for (const [name, { bytes }] of Object.entries(adversarialCases())) writeFileSync(join(dir, `${name}.xlsx`), bytes);
}
