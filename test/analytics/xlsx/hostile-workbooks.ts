/**
 * Builds the hostile and unusual workbooks of issue 12 from text, so every crafted input of the
 * reader's tests is made here, in the open: a small ledger written several legal ways (comments,
 * CDATA, processing instructions, references, single quotes, other encodings), and the damaged,
 * lying or oversized variants a reader must refuse. `npx tsx test/analytics/xlsx/hostile-workbooks.ts DIR`
 * writes them all as files (to try with the built command).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";
import type { HostInflater } from "../../../analytics/xlsx/package.js";
import { WorkbookReadError } from "../../../analytics/xlsx/read-errors.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";

/** The ledger every variant holds: a header and 15 tasks of three units. */
export const LEDGER: readonly (readonly string[])[] = [
  ["序号", "存在问题", "整改措施", "责任单位", "完成时限", "完成情况"],
  ...Array.from({ length: 15 }, (_, i) => [
    String(i + 1),
    `问题${i + 1}：学习制度落实不到位`,
    `措施${i + 1}：建立台账 & 定期督办`,
    ["区人民医院", "区财政局", "区教育局"][i % 3]!,
    `2019年${(i % 12) + 1}月底前`,
    i % 4 === 0 ? "已完成" : "正在推进",
  ]),
];

export type Parts = Record<string, string | Uint8Array>;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The shared string table: every distinct text of the ledger, in first-seen order. */
export function sharedStrings(rows = LEDGER): string[] {
  return [...new Set(rows.flat())];
}

export function escapeXml(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
}

/** sheetData rows with shared-string cells; `extra` is XML put between the rows (after row `after`). */
export function sheetRows(rows = LEDGER, between: (rowNumber: number) => string = () => ""): string {
  const table = sharedStrings(rows);
  return rows
    .map((cells, r) => {
      const body = cells.map((text, c) => `<c r="${columnLetters(c + 1)}${r + 1}" t="s"><v>${table.indexOf(text)}</v></c>`).join("");
      return `<row r="${r + 1}">${body}</row>${between(r + 1)}`;
    })
    .join("");
}

export function worksheetXml(sheetData: string, after = ""): string {
  return `${XML_DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export function sharedStringsXml(strings = sharedStrings(), between: (index: number) => string = () => ""): string {
  const items = strings.map((s, i) => `<si><t>${escapeXml(s)}</t></si>${between(i)}`).join("");
  return `${XML_DECLARATION}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${items}</sst>`;
}

/** The least styles part Excel writes: one font, the two required fills, one border, one cell format. */
export const MINIMAL_STYLES = `${XML_DECLARATION}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The package around one worksheet: content types, relationships, workbook, styles. */
export function ledgerParts(overrides: Parts = {}): Parts {
  return {
    "[Content_Types].xml": `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    "_rels/.rels": `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": worksheetXml(sheetRows()),
    "xl/sharedStrings.xml": sharedStringsXml(),
    "xl/styles.xml": MINIMAL_STYLES,
    ...overrides,
  };
}

export function zipParts(parts: Parts): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(files, { level: 6 });
}

/** Text as UTF-16LE with a byte order mark, as OPC allows any part to be. */
export function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

let gbTable: Map<string, number[]> | undefined;

/** Text in GB18030 (ASCII and the two-byte GBK range, which the ledger's characters are in). */
export function gb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder("gb18030");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const code = gbTable.get(ch);
      if (!code) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...code);
    }
  }
  return Uint8Array.from(out);
}

/** A ledger written every legal way at once: the reader must see exactly LEDGER. */
export function legalVariants(): Record<string, Uint8Array> {
  const strings = sharedStrings();
  const commentedSi = (i: number) => (i === 2 ? "<!-- <si><t>不该读到</t></si> -->" : "");
  const cdataStrings = strings.map((s) => `<si><t><![CDATA[${s}]]></t></si>`).join("");
  const referenced = strings.map((s) => `<si><t>${[...s].map((ch) => `&#x${ch.codePointAt(0)!.toString(16)};`).join("")}</t></si>`).join("");
  const sst = (items: string) => `${XML_DECLARATION}<sst xmlns="${MAIN}">${items}</sst>`;
  const singleQuoted = (xml: string) => xml.replace(/="([^"]*)"/gu, "='$1'");
  return {
    "comment-in-shared-strings": zipParts(ledgerParts({ "xl/sharedStrings.xml": sharedStringsXml(strings, commentedSi) })),
    "commented-out-row": zipParts(
      ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows(LEDGER, (r) => (r === 5 ? `<!--<row r="6"><c r="A6" t="inlineStr"><is><t>旧行</t></is></c></row>-->` : ""))) }),
    ),
    "cdata-strings": zipParts(ledgerParts({ "xl/sharedStrings.xml": sst(cdataStrings) })),
    "character-references": zipParts(ledgerParts({ "xl/sharedStrings.xml": sst(referenced) })),
    "processing-instructions": zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows(LEDGER, (r) => `<?taizhang row ${r} <c>?>`)) })),
    "single-quoted-attributes": zipParts(
      Object.fromEntries(Object.entries(ledgerParts()).map(([name, text]) => [name, singleQuoted(text as string)])),
    ),
    "gt-in-attribute": zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows()).replace(/<row r="(\d+)">/gu, '<row r="$1" x:note="a>b" xmlns:x="urn:x">') })),
    "utf-16-parts": zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": utf16le(worksheetXml(sheetRows()).replace("UTF-8", "UTF-16")), "xl/sharedStrings.xml": utf16le(sharedStringsXml().replace("UTF-8", "UTF-16")) })),
    "gb18030-parts": zipParts(
      ledgerParts({
        "xl/sharedStrings.xml": gb18030(sharedStringsXml().replace("UTF-8", "GB18030")),
        "xl/workbook.xml": gb18030((ledgerParts()["xl/workbook.xml"] as string).replace("UTF-8", "GB18030")),
      }),
    ),
  };
}

/** Workbooks a reader must refuse (exit 2), by the code it must give. */
export function refusedVariants(): Record<string, { bytes: Uint8Array; code: string }> {
  const sheet = worksheetXml(sheetRows());
  return {
    "unclosed-sheetData": { code: "corrupt", bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": sheet.replace("</sheetData>", "") })) },
    "sheet-cut-in-half": { code: "corrupt", bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": sheet.slice(0, Math.floor(sheet.length / 2)) })) },
    "sheet-cut-after-its-rows": { code: "corrupt", bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": sheet.slice(0, sheet.indexOf("</sheetData>")) })) },
    "bad-crc": { code: "corrupt", bytes: withBadCrc(zipParts(ledgerParts()), "xl/sharedStrings.xml") },
    "duplicate-entry": { code: "corrupt", bytes: withDuplicateEntry() },
    "shared-strings-understated": { code: "too-large", bytes: withUnpackedSize(zipParts(ledgerParts()), "xl/sharedStrings.xml", 200) },
    "column-past-XFD": { code: "corrupt", bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + '<row r="17"><c r="XFE17"><v>1</v></c></row>') })) },
    "column-2^31-1": { code: "corrupt", bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + `<row r="17"><c r="${columnLetters(2 ** 31 - 1)}17"><v>1</v></c></row>`) })) },
    "row-4294967294": { code: "corrupt", bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + '<row r="4294967294"><c r="A4294967294"><v>1</v></c></row>') })) },
    "cell-of-32768-characters": { code: "too-large", bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + `<row r="17"><c r="B17" t="inlineStr"><is><t>${"整".repeat(32_768)}</t></is></c></row>`) })) },
    "entity-declared-in-a-doctype": { code: "corrupt", bytes: zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": sheet.replace("<worksheet", '<!DOCTYPE worksheet [<!ENTITY a "整改整改">]><worksheet').replace("<sheetData>", '<sheetData><row r="20"><c r="A20" t="inlineStr"><is><t>&a;</t></is></c></row>') })) },
    xlsb: { code: "not-xlsx", bytes: xlsbLike() },
  };
}

/**
 * A low-ratio bomb: one cell of `characters` random Chinese characters, which deflate only about
 * 2:1, so no ratio check can catch it (the issue's 2.6 MB file held a 300M-character row).
 */
export function longCellWorkbook(characters: number): Uint8Array {
  let seed = 12345;
  const chars: string[] = [];
  for (let i = 0; i < characters; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    chars.push(String.fromCharCode(0x4e00 + (seed >>> 20)));
  }
  const row = `<row r="17"><c r="B17" t="inlineStr"><is><t>${chars.join("")}</t></is></c></row>`;
  return zipParts(ledgerParts({ "xl/worksheets/sheet1.xml": worksheetXml(sheetRows() + row) }));
}

function findBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Offsets of the central directory header (PK\1\2) and local header (PK\3\4) of `name`. */
function headersOf(zip: Uint8Array, name: string): { central: number; local: number } {
  const nameBytes = strToU8(name);
  let central = -1;
  let local = -1;
  for (let at = findBytes(zip, nameBytes); at >= 0; at = findBytes(zip, nameBytes, at + 1)) {
    if (zip[at - 46] === 0x50 && zip[at - 45] === 0x4b && zip[at - 44] === 1 && zip[at - 43] === 2) central = at - 46;
    if (zip[at - 30] === 0x50 && zip[at - 29] === 0x4b && zip[at - 28] === 3 && zip[at - 27] === 4) local = at - 30;
  }
  if (central < 0 || local < 0) throw new Error(`no headers for ${name}`);
  return { central, local };
}

export function withUnpackedSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Uint8Array.from(zip);
  const { central, local } = headersOf(out, name);
  const view = new DataView(out.buffer);
  view.setUint32(central + 24, size, true);
  view.setUint32(local + 22, size, true);
  return out;
}

export function withBadCrc(zip: Uint8Array, name: string): Uint8Array {
  const out = Uint8Array.from(zip);
  const { central, local } = headersOf(out, name);
  const view = new DataView(out.buffer);
  view.setUint32(central + 16, view.getUint32(central + 16, true) ^ 1, true);
  view.setUint32(local + 14, view.getUint32(local + 14, true) ^ 1, true);
  return out;
}

/** Two entries named xl/worksheets/sheet1.xml: the second (a changed copy) renamed onto the first. */
function withDuplicateEntry(): Uint8Array {
  const twin = worksheetXml(sheetRows()).replace("<v>0</v>", "<v>1</v>");
  const zip = zipParts(ledgerParts({ "xl/worksheets/sheetX.xml": twin }));
  const out = Uint8Array.from(zip);
  const name = strToU8("xl/worksheets/sheetX.xml");
  for (let at = findBytes(out, name); at >= 0; at = findBytes(out, name, at + 1)) out[at + "xl/worksheets/sheet".length] = "1".charCodeAt(0);
  return out;
}

/** An .xlsb's package: its root relationship points at a binary workbook. */
function xlsbLike(): Uint8Array {
  return zipParts({
    "[Content_Types].xml": `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`,
    "_rels/.rels": `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
    "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00, 0x80, 0x01, 0x00]),
    "xl/worksheets/sheet1.bin": new Uint8Array([0x81, 0x01, 0x00]),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "hostile";
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(legalVariants())) writeFileSync(join(dir, `${name}.xlsx`), bytes);
  for (const [name, { bytes }] of Object.entries(refusedVariants())) writeFileSync(join(dir, `${name}.xlsx`), bytes);
}

/** The reader's refusal of a workbook; fails the test when the workbook is read. */
export function refusal(bytes: Uint8Array, inflater?: HostInflater): WorkbookReadError {
  try {
    readWorkbook(bytes, { source: "t.xlsx", inflater });
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error("read without a refusal");
}
