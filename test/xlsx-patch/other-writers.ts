/**
 * Packages as writers other than Excel lay them out, for the patch to carry through: a small
 * ledger in parts (with or without a styles part and root relationships, its workbook written
 * as openpyxl writes it), zipped byte by byte so the zip itself can carry what some writers
 * put there: a comment holding an end-record signature, a zip64 end record, local headers that
 * say other than the central directory.
 */
import { deflateSync, strToU8 } from "fflate";
import CRC32 from "crc-32";

export type Parts = Record<string, string>;

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** A ledger of twelve tasks whose deadlines normalize turns into dates and whose statuses it flags. */
export const LEDGER_ROWS: readonly (readonly string[])[] = [
  ["序号", "存在问题", "整改措施", "责任单位", "完成时限", "完成情况"],
  ...Array.from({ length: 12 }, (_, i) => [
    String(i + 1),
    `问题${i + 1}：学习制度落实不到位`,
    `措施${i + 1}：建立台账，定期督办`,
    ["区财政局", "区教育局", "区卫健委"][i % 3]!,
    `2019年${i + 1}月底前`,
    i % 4 === 0 ? "已完成" : "正在推进",
  ]),
];

const escape = (text: string): string => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;");
const letter = (col: number): string => String.fromCharCode(64 + col);

/** The ledger's rows as a minimal writer writes them: formula-string cells, numbers as numbers. */
export function ledgerRows(rows = LEDGER_ROWS): string {
  return rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((text, c) => (c === 0 && r > 0 ? `<c r="${letter(c + 1)}${r + 1}"><v>${text}</v></c>` : `<c r="${letter(c + 1)}${r + 1}" t="str"><v>${escape(text)}</v></c>`)).join("")}</row>`)
    .join("");
}

export interface LedgerPackage {
  /**
   * A styles part with the default font, fill, border and cell style (false: none, as minimal
   * writers do; "related, missing": a relationship and content type naming a part not in the zip).
   */
  readonly styles?: boolean | "related, missing";
  /** The root relationships (false: none; readers then take xl/workbook.xml). */
  readonly rootRels?: boolean;
  /** The workbook part, when it is written another way. */
  readonly workbook?: string;
  /** The worksheet's sheetData content. */
  readonly rows?: string;
}

export const STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The parts of a one-sheet ledger workbook named 整改台账. */
export function ledgerParts(options: LedgerPackage = {}): Parts {
  const styles = options.styles ?? true;
  const related = styles !== false;
  const parts: Parts = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>${related ? `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` : ""}</Types>`,
    "xl/workbook.xml": options.workbook ?? `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${related ? `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` : ""}</Relationships>`,
    "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetData>${options.rows ?? ledgerRows()}</sheetData></worksheet>`,
  };
  if (styles === true) parts["xl/styles.xml"] = STYLES;
  if (options.rootRels ?? true) parts["_rels/.rels"] = `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  return parts;
}

/** openpyxl's workbook part: the relationships prefix bound on each <sheet>, not on <workbook>. */
export const OPENPYXL_WORKBOOK = `<workbook xmlns="${MAIN}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet xmlns:r="${REL}" name="整改台账" sheetId="1" state="visible" r:id="rId1"/></sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`;

export interface ZipLayout {
  /** The zip comment after the end record. */
  readonly comment?: Uint8Array;
  /** A zip64 end record and locator before the classic end record, whose fields then say "see zip64". */
  readonly zip64?: boolean;
  /** Every local header names `<NAME>-old`, says stored, and gives wrong sizes and CRC; the directory is right. */
  readonly lyingLocalHeaders?: boolean;
}

/** The parts zipped (deflated) in order, laid out as `layout` says. */
export function zipBytes(parts: Parts, layout: ZipLayout = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array): void => {
    chunks.push(bytes);
    offset += bytes.length;
  };
  const header = (length: number, fill: (view: DataView) => void): Uint8Array => {
    const bytes = new Uint8Array(length);
    fill(new DataView(bytes.buffer));
    return bytes;
  };
  const entries = Object.entries(parts).map(([name, text]) => {
    const data = strToU8(text);
    return { name: strToU8(name), packed: deflateSync(data), size: data.length, crc: CRC32.buf(data) >>> 0, offset: 0 };
  });
  for (const e of entries) {
    e.offset = offset;
    const lie = layout.lyingLocalHeaders === true;
    const name = lie ? strToU8(`${new TextDecoder().decode(e.name).toUpperCase()}-old`) : e.name;
    push(
      header(30, (v) => {
        v.setUint32(0, 0x04034b50, true);
        v.setUint16(4, 20, true);
        v.setUint16(6, 0x800, true);
        v.setUint16(8, lie ? 0 : 8, true);
        v.setUint32(10, 0x00210000, true);
        v.setUint32(14, lie ? 7 : e.crc, true);
        v.setUint32(18, lie ? 1 : e.packed.length, true);
        v.setUint32(22, lie ? 999_999 : e.size, true);
        v.setUint16(26, name.length, true);
      }),
    );
    push(name);
    push(e.packed);
  }
  const directoryStart = offset;
  for (const e of entries) {
    push(
      header(46, (v) => {
        v.setUint32(0, 0x02014b50, true);
        v.setUint16(4, 20, true);
        v.setUint16(6, 20, true);
        v.setUint16(8, 0x800, true);
        v.setUint16(10, 8, true);
        v.setUint32(12, 0x00210000, true);
        v.setUint32(16, e.crc, true);
        v.setUint32(20, e.packed.length, true);
        v.setUint32(24, e.size, true);
        v.setUint16(28, e.name.length, true);
        v.setUint32(42, e.offset, true);
      }),
    );
    push(e.name);
  }
  const directorySize = offset - directoryStart;
  if (layout.zip64 === true) {
    const zip64End = offset;
    push(
      header(56, (v) => {
        v.setUint32(0, 0x06064b50, true);
        v.setBigUint64(4, 44n, true);
        v.setUint16(12, 45, true);
        v.setUint16(14, 45, true);
        v.setBigUint64(24, BigInt(entries.length), true);
        v.setBigUint64(32, BigInt(entries.length), true);
        v.setBigUint64(40, BigInt(directorySize), true);
        v.setBigUint64(48, BigInt(directoryStart), true);
      }),
    );
    push(
      header(20, (v) => {
        v.setUint32(0, 0x07064b50, true);
        v.setBigUint64(8, BigInt(zip64End), true);
        v.setUint32(16, 1, true);
      }),
    );
  }
  const comment = layout.comment ?? new Uint8Array(0);
  const classic = layout.zip64 !== true;
  push(
    header(22, (v) => {
      v.setUint32(0, 0x06054b50, true);
      v.setUint16(8, classic ? entries.length : 0xffff, true);
      v.setUint16(10, classic ? entries.length : 0xffff, true);
      v.setUint32(12, classic ? directorySize : 0xffffffff, true);
      v.setUint32(16, classic ? directoryStart : 0xffffffff, true);
      v.setUint16(20, comment.length, true);
    }),
  );
  push(comment);
  const out = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A zip comment holding an end-of-directory signature and 18 bytes after it, as a zip inside a comment would. */
export function commentHoldingAnEndRecord(): Uint8Array {
  const comment = new Uint8Array(24);
  comment.set([0x78, 0x50, 0x4b, 0x05, 0x06]);
  comment.set(strToU8("PK"), 22);
  return comment;
}
