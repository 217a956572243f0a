/**
 * A second adversarial pass for issue 12, kept apart from adversarial-workbooks.ts so neither
 * set is tuned to the other: the neighbours of its cases, the same kinds of trick but new files.
 * Zip entries that claim a password, share a local header or name a part with a slash; files
 * that only look like workbooks by their name (a web page, Excel 2003 XML, a CSV: read as what they are); every part in
 * UTF-16; attributes spelled as character references; numbers JavaScript reads but a cell never
 * holds; shared-string indexes that are not indexes; Strict packages; sheets whose parts are
 * missing or are charts; a ledger beside another table, transposed, or under a header of three
 * merged rows. Each case says what a reader must do with it, as the first set's do.
 * `npx tsx test/analytics/xlsx/adversarial-neighbours.ts DIR` writes them all as files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8 } from "fflate";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { booksWith, entriesOf, inlineRow, type Expectation } from "./adversarial-workbooks.js";
import { columnLetters, escapeXml, gb18030, LEDGER, ledgerParts, sheetRows, utf16le, worksheetXml, zipParts, type Parts } from "./hostile-workbooks.js";
import { rawZip } from "./raw-zip.js";

export type NeighbourExpectation =
  | Exclude<Expectation, { kind: "refused" }>
  /** Refused with this code, and a message saying this (in Chinese). */
  | { readonly kind: "refused"; readonly code: string; readonly saying: RegExp }
  /** Read, but no sheet holds a ledger: the commands say so (exit 2). */
  | { readonly kind: "no-ledger" }
  /**
   * Another format under a spreadsheet's name (a web page, Excel 2003 XML, a CSV): every command
   * reads the ledger from it, on the sheet named `sheet` (a page's or a CSV's one sheet is named
   * after the file); the .xlsx reader (normalize's, which patches a workbook's parts) refuses it,
   * saying what it is.
   */
  | { readonly kind: "other-format"; readonly sheet?: string; readonly saying: RegExp };

export interface NeighbourCase {
  readonly bytes: Uint8Array;
  readonly expect: NeighbourExpectation;
  /** The ledger's 15 tasks are what check counts on this sheet (for cases read by their cells). */
  readonly fifteenItemsOn?: string;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const ledger = (bytes: Uint8Array, sheet?: string): NeighbourCase => ({ bytes, expect: sheet === undefined ? { kind: "ledger" } : { kind: "ledger", sheet } });
const refused = (code: string, saying: RegExp, bytes: Uint8Array): NeighbourCase => ({ bytes, expect: { kind: "refused", code, saying } });
const cells = (bytes: Uint8Array, values: Record<string, CellValue>, fifteenItemsOn?: string): NeighbourCase => ({
  bytes,
  expect: { kind: "cells", cells: values },
  ...(fifteenItemsOn === undefined ? {} : { fifteenItemsOn }),
});
const withSheet = (xml: string | Uint8Array, more: Parts = {}) => zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": xml, ...more }));

/** The ledger with every cell an inline string: no shared strings needed. */
const inlineLedger = (): string => worksheetXml(LEDGER.map((row, r) => inlineRow(r + 1, row)).join(""));

/** The central-directory record of entry `index` made to point at the local header of entry `target`. */
function pointRecordAt(zip: Uint8Array, index: number, target: number): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  const records: number[] = [];
  for (let at = 0; at + 4 <= out.length; at++) if (view.getUint32(at, true) === 0x02014b50) records.push(at);
  view.setUint32(records[index]! + 42, view.getUint32(records[target]! + 42, true), true);
  return out;
}

/** The end record's "number of this disk" and "disk where the directory starts" set as a spanned archive's last piece says them. */
function claimingSecondDisk(zip: Uint8Array): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  const end = out.length - 22;
  view.setUint16(end + 4, 1, true);
  view.setUint16(end + 6, 1, true);
  return out;
}

export function zipNeighbours(): Record<string, NeighbourCase> {
  const parts = ledgerParts();
  const sheet = parts["xl/worksheets/sheet1.xml"] as string;
  const twoSheets = {
    ...parts,
    "xl/worksheets/sheet2.xml": sheet,
    "xl/workbook.xml": `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/><sheet name="副本" sheetId="2" r:id="rId9"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": (parts["xl/_rels/workbook.xml.rels"] as string).replace("</Relationships>", `<Relationship Id="rId9" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`),
  };
  const names = Object.keys(twoSheets);
  return {
    "zip-encrypted-flag-on-plain-data": refused("not-xlsx", /被压缩软件加了密码/u, rawZip(entriesOf(parts, (name) => (name.endsWith("sheet1.xml") ? { flags: 1 } : {})))),
    "zip-winzip-aes-method": refused("not-xlsx", /被压缩软件加了密码/u, rawZip(entriesOf(parts, (name) => (name.endsWith("sheet1.xml") ? { method: 99, packed: strToU8(sheet) } : {})))),
    "zip-part-name-with-a-trailing-slash": refused("corrupt", /工作表“整改台账”的内容（xl\/worksheets\/sheet1\.xml）在文件里找不到/u, rawZip(entriesOf(parts).map((e) => (e.name.endsWith("sheet1.xml") ? { ...e, name: e.name + "/" } : e)))),
    // Two directory records, one local header: both sheets read the same bytes, as every zip tool does.
    "zip-two-records-one-local-header": ledger(pointRecordAt(rawZip(entriesOf(twoSheets)), names.indexOf("xl/worksheets/sheet2.xml"), names.indexOf("xl/worksheets/sheet1.xml")), "整改台账"),
    "zip-end-record-names-a-second-disk": ledger(claimingSecondDisk(rawZip(entriesOf(parts)))),
    "zip-zero-byte-shared-strings": ledger(withSheet(inlineLedger(), { "xl/sharedStrings.xml": "" })),
    "zip-zero-byte-styles": ledger(zipParts(ledgerParts({ "xl/styles.xml": "" }))),
  };
}

/** An OLE compound file's first bytes and a directory naming a "Workbook" stream (a .xls, or WPS's .et). */
function oleWorkbook(): Uint8Array {
  const out = new Uint8Array(2048);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  [..."Workbook"].forEach((ch, i) => (out[1024 + i * 2] = ch.charCodeAt(0)));
  return out;
}

export function notWorkbooks(): Record<string, NeighbourCase> {
  const table = `<table border="1">${LEDGER.map((row) => `<tr>${row.map((t) => `<td>${escapeXml(t)}</td>`).join("")}</tr>`).join("")}</table>`;
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>${table}</body></html>`;
  const csv = LEDGER.map((row) => row.join(",")).join("\r\n");
  const xml2003 = `<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="整改台账"><Table>${LEDGER.map((row) => `<Row>${row.map((t) => `<Cell><Data ss:Type="String">${escapeXml(t)}</Data></Cell>`).join("")}</Row>`).join("")}</Table></Worksheet></Workbook>`;
  return {
    "web-page-table-saved-as-xls": { bytes: strToU8(html), expect: { kind: "other-format", saying: /网页（HTML）/u } },
    "web-page-in-utf16": { bytes: utf16le(`<html><body>${table}</body></html>`), expect: { kind: "other-format", saying: /网页（HTML）/u } },
    "csv-renamed": { bytes: strToU8("\uFEFF" + csv), expect: { kind: "other-format", saying: /文本文件（如 CSV）/u } },
    "gb18030-tab-separated": { bytes: gb18030(LEDGER.map((row) => row.join("\t")).join("\r\n")), expect: { kind: "other-format", saying: /文本文件（如 CSV）/u } },
    "excel-2003-xml-spreadsheet": { bytes: strToU8(xml2003), expect: { kind: "other-format", sheet: "整改台账", saying: /Excel 2003 XML/u } },
    "not-a-workbook-ole-workbook-stream": refused("legacy-xls", /旧版 \.xls/u, oleWorkbook()),
  };
}

/** Every character of a value as a decimal character reference. */
const referenced = (value: string): string => [...value].map((ch) => `&#${ch.codePointAt(0)};`).join("");

/** Cells of odd spellings in row 17, right of the ledger, and what each reads as. */
const NUMBER_SPELLINGS: readonly (readonly [string, CellValue])[] = [
  ["1E+3", 1000],
  [".5", 0.5],
  ["-0", 0],
  ["+7", 7],
  [" 12\n", 12],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["1e400", "1e400"],
  ["0x1F", "0x1F"],
  ["0b101", "0b101"],
  ["   ", null],
];
const BOOLEAN_SPELLINGS: readonly (readonly [string, CellValue])[] = [
  ["TRUE", true],
  ["False", false],
  ["1", true],
  ["0", false],
];

function oddValues(spellings: readonly (readonly [string, CellValue])[], type: string): { xml: string; expected: Record<string, CellValue> } {
  const expected: Record<string, CellValue> = {};
  const row = spellings
    .map(([raw, value], i) => {
      const ref = `${columnLetters(i + 8)}17`;
      expected[ref] = value;
      return `<c r="${ref}"${type}><v>${raw}</v></c>`;
    })
    .join("");
  return { xml: worksheetXml(sheetRows() + `<row r="17">${row}</row>`), expected };
}

const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/** The package in Strict OOXML: its own namespaces, relationship types in the Strict namespace too. */
function strictParts(): Parts {
  const base = ledgerParts();
  const strict = (xml: string) => xml.split(MAIN).join(STRICT_MAIN).split(REL).join(STRICT_REL);
  return Object.fromEntries(Object.entries(base).map(([name, xml]) => [name, strict(xml as string).replace("<workbook ", '<workbook conformance="strict" ')]));
}

export function xmlNeighbours(): Record<string, NeighbourCase> {
  const base = ledgerParts();
  const plain = worksheetXml(sheetRows());
  const everyPartUtf16 = Object.fromEntries(Object.entries(base).map(([name, xml]) => [name, utf16le((xml as string).replace("UTF-8", "UTF-16"))]));
  const bigEndian = (text: string) => {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff], 2 + i * 2);
    return bytes;
  };
  const reversed = worksheetXml(
    sheetRows()
      .split(/(?=<row )/u)
      .reverse()
      .map((row) => row.replace(/(<row [^>]*>)(.*)(<\/row>)/u, (_m, open: string, body: string, close: string) => open + body.split(/(?=<c )/u).reverse().join("") + close))
      .join(""),
  );
  const someElementsPrefixed = plain
    .replace(`xmlns="${MAIN}"`, `xmlns="${MAIN}" xmlns:x="${MAIN}"`)
    .replace(/<(\/?)row([ >])/gu, (_m, slash: string, after: string) => `<${slash}x:row${after}`)
    .replace(/<c (r="[BDF]\d+"[^>]*)><v>(\d+)<\/v><\/c>/gu, '<x:c $1><x:v>$2</x:v></x:c>');
  const alternateContent = plain
    .replace("<worksheet ", '<worksheet xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac" ')
    .replace(
      "<sheetData>",
      '<mc:AlternateContent><mc:Choice Requires="x14ac"><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/></mc:Choice><mc:Fallback><sheetFormatPr defaultRowHeight="14.25"/></mc:Fallback></mc:AlternateContent><sheetData>',
    )
    .replace("</sheetData>", '</sheetData><mc:AlternateContent><mc:Choice Requires="x14"><controls/></mc:Choice><mc:Fallback/></mc:AlternateContent>');
  const numbers = oddValues(NUMBER_SPELLINGS, "");
  const booleans = oddValues(BOOLEAN_SPELLINGS, ' t="b"');
  const index = (raw: string) => withSheet(worksheetXml(sheetRows() + `<row r="17"><c r="B17" t="s"><v>${raw}</v></c></row>`));
  return {
    "xml-utf16-in-every-part": ledger(zipParts(everyPartUtf16)),
    "xml-utf16-big-endian-worksheet": ledger(withSheet(bigEndian(plain.replace("UTF-8", "UTF-16")))),
    "xml-attributes-as-character-references": ledger(withSheet(plain.replace(/ (r|t)="([^"]*)"/gu, (_m, name: string, value: string) => ` ${name}="${referenced(value)}"`))),
    "xml-attribute-values-with-tabs-and-newlines": ledger(withSheet(plain.replace(/<c r="([A-Z]+\d+)" t="s">/gu, '<c\n\tr="$1"\n\tt="s"\ts="&#9;0&#10;">'))),
    "xml-values-padded-with-white-space": ledger(withSheet(plain.replace(/<v>(\d+)<\/v>/gu, "<v>\n  $1\t</v>"))),
    "xml-rows-descending-cells-reversed": ledger(withSheet(reversed)),
    "xml-main-prefix-on-some-elements-only": ledger(withSheet(someElementsPrefixed)),
    "xml-alternate-content-around-sheet-parts": ledger(withSheet(alternateContent)),
    "xml-strict-namespaces-and-relationships": ledger(zipParts(strictParts())),
    "xml-number-spellings": cells(withSheet(numbers.xml), { ...numbers.expected, B2: LEDGER[1]![1]! }, "整改台账"),
    "xml-boolean-spellings": cells(withSheet(booleans.xml), { ...booleans.expected, B2: LEDGER[1]![1]! }, "整改台账"),
    "xml-formula-without-a-cached-value": cells(withSheet(worksheetXml(sheetRows() + '<row r="17"><c r="H17"><f>SUM(A2:A16)</f></c><c r="I17" t="str"><f>B2</f></c></row>')), { H17: null, I17: null, B2: LEDGER[1]![1]! }, "整改台账"),
    "xml-shared-string-index-blank": refused("corrupt", /B17 的共享字符串编号“ {3}”不是整数/u, index("   ")),
    "xml-shared-string-index-in-hex": refused("corrupt", /共享字符串编号“0x3”不是整数/u, index("0x3")),
    "xml-shared-string-index-with-exponent": refused("corrupt", /共享字符串编号“1e1”不是整数/u, index("1e1")),
    "xml-doctype-in-the-workbook-part": refused("corrupt", /xl\/workbook\.xml/u, zipParts(ledgerParts({ "xl/workbook.xml": (base["xl/workbook.xml"] as string).replace("<workbook ", '<!DOCTYPE workbook [<!ENTITY 表 "整改台账">]><workbook ').replace('name="整改台账"', 'name="&表;"') }))),
  };
}

/** A three-row header: 责任主体 over 责任单位 over 牵头单位, the other headings merged down all three rows. */
function threeRowHeader(): string {
  const moved = sheetRows().replace(/<row r="1">.*?<\/row>/u, "").replace(/r="([A-Z]*)(\d+)"/gu, (_m, c: string, r: string) => `r="${c}${Number(r) + 2}"`);
  return worksheetXml(
    inlineRow(1, ["序号", "存在问题", "整改措施", "责任主体", "整改时限", "整改情况"]) + inlineRow(2, ["", "", "", "责任单位", "", ""]) + inlineRow(3, ["", "", "", "牵头单位", "完成时限", "完成情况"]) + moved,
    '<mergeCells count="4"><mergeCell ref="A1:A3"/><mergeCell ref="B1:B3"/><mergeCell ref="C1:C3"/><mergeCell ref="E1:E2"/></mergeCells>',
  );
}

export function structureNeighbours(): Record<string, NeighbourCase> {
  const plain = worksheetXml(sheetRows());
  const base = ledgerParts();
  const missingRelationship = zipParts(
    ledgerParts({ "xl/workbook.xml": `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/><sheet name="附表" sheetId="2" r:id="rId77"/></sheets></workbook>` }),
  );
  const chartAndDialog: Parts = {
    ...base,
    "xl/workbook.xml": `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="完成情况图" sheetId="3" r:id="rId5"/><sheet name="整改台账" sheetId="1" r:id="rId1"/><sheet name="对话框" sheetId="4" r:id="rId6"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": (base["xl/_rels/workbook.xml.rels"] as string).replace(
      "</Relationships>",
      `<Relationship Id="rId5" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId6" Type="${REL}/dialogsheet" Target="dialogsheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/chartsheets/sheet1.xml": `${DECLARATION}<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
    "xl/dialogsheets/sheet1.xml": `${DECLARATION}<dialogsheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></dialogsheet>`,
  };
  const note = (i: number) => worksheetXml(inlineRow(1, [`附表${i}`]));
  const unitTable = [["单位", "逾期数"], ["区人民医院", "2"], ["区财政局", "1"], ["区教育局", "0"]];
  const cellsOf = (row: string) => row.replace(/^<row r="\d+">|<\/row>$/gu, "");
  const sideBySide = worksheetXml(LEDGER.map((row, r) => `<row r="${r + 1}">${cellsOf(inlineRow(r + 1, row))}${unitTable[r] ? cellsOf(inlineRow(r + 1, unitTable[r]!, 8)) : ""}</row>`).join(""));
  const transposed = worksheetXml(LEDGER[0]!.map((_, c) => inlineRow(c + 1, LEDGER.map((row) => row[c]!))).join(""));
  return {
    "structure-sheet-relationship-missing": refused("corrupt", /工作表“附表”的内容（r:id）在文件里找不到/u, missingRelationship),
    "structure-chart-sheet-and-dialog-sheet-beside-the-ledger": ledger(zipParts(chartAndDialog), "整改台账"),
    "structure-sheet-names-like-paths": ledger(
      booksWith([
        { name: "../../etc/passwd", xml: note(1) },
        { name: "C:\\台账\\整改台账.xlsx", xml: plain },
        { name: "<script>", xml: note(2) },
      ]),
      "C:\\台账\\整改台账.xlsx",
    ),
    "structure-255-sheets": ledger(booksWith(Array.from({ length: 255 }, (_, i) => (i === 199 ? { name: "整改台账", xml: plain } : { name: `附表${i + 1}`, xml: note(i + 1) }))), "整改台账"),
    "structure-header-over-three-merged-rows": cells(withSheet(threeRowHeader()), { A1: "序号", D1: "责任主体", D3: "牵头单位", F3: "完成情况", B4: LEDGER[1]![1]!, F18: LEDGER[15]![5]! }, "整改台账"),
    "structure-ledger-beside-a-unit-table": cells(withSheet(sideBySide), { H1: "单位", I2: "2", H4: "区教育局", B2: LEDGER[1]![1]!, F16: LEDGER[15]![5]! }, "整改台账"),
    // Fields down column A, one task a column: not how any office keeps a ledger. Read, and said to hold none.
    "structure-ledger-transposed": { bytes: withSheet(transposed), expect: { kind: "no-ledger" } },
  };
}

export function sizeNeighbours(): Record<string, NeighbourCase> {
  const rows = Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 17}"><c r="A${i + 17}" t="inlineStr"><is><t>附注${i + 1}</t></is></c><c r="XFD${i + 17}"><v>${i}</v></c></row>`).join("");
  // One part of 16 MB of numbered empty rows (about 40:1), listed as thirty sheets: nearly 500 MB to scan.
  const emptyRows = worksheetXml(sheetRows() + Array.from({ length: 760_000 }, (_, i) => `<row r="${i + 20}"/>`).join(""));
  const manySheetsOnePart: Parts = {
    ...ledgerParts({ "xl/worksheets/sheet2.xml": emptyRows }),
    "xl/workbook.xml": `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/>${Array.from({ length: 30 }, (_, i) => `<sheet name="附表${i + 1}" sheetId="${i + 2}" r:id="rId9"/>`).join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": (ledgerParts()["xl/_rels/workbook.xml.rels"] as string).replace("</Relationships>", `<Relationship Id="rId9" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`),
  };
  return {
    "size-thirty-sheets-of-one-part-of-empty-rows": refused("too-large", /文件大得不合理.*解压后有 \d+ MiB（可能是压缩炸弹）/u, zipParts(manySheetsOnePart)),
    // 330 KB: each row two cells, the second at XFD; walking each row by its length took minutes.
    "size-a-note-at-XFD-on-50000-rows": cells(withSheet(worksheetXml(sheetRows() + rows)), { A17: "附注1", XFD50016: 49_999, B2: LEDGER[1]![1]! }, "整改台账"),
  };
}

export function neighbourCases(): Record<string, NeighbourCase> {
  return { ...zipNeighbours(), ...notWorkbooks(), ...xmlNeighbours(), ...structureNeighbours(), ...sizeNeighbours() };
}

/**
 * The ledger and, on a second sheet, one cell more than a workbook may hold (read-budget.ts):
 * 16 numbers a row, unnumbered, as a minimal writer puts them. Kept out of neighbourCases: it
 * takes seconds to build and to refuse, so one command is tried on it, not every one.
 */
export function pastTheCellBudget(cellsAllowed: number): Uint8Array {
  const row = `<row>${"<c><v>1</v></c>".repeat(16)}</row>`;
  const filler = worksheetXml(row.repeat(Math.ceil((cellsAllowed + 1) / 16)));
  return booksWith([
    { name: "整改台账", xml: worksheetXml(sheetRows()) },
    { name: "数据", xml: filler },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "adversarial-neighbours";
  mkdirSync(dir, { recursive: true });
  for (const [name, { bytes }] of Object.entries(neighbourCases())) writeFileSync(join(dir, `${name}.xlsx`), bytes);
}
