/**
 * A small BIFF8 writer for tests: the core's sheet model out as a legacy .xls, record by
 * record ([MS-XLS]), in a compound file written by `cfb`. It writes each kind of record the
 * reader takes, chosen by options, so one model can be written many ways and must read back
 * the same: strings through the shared table (split across CONTINUE records every few bytes,
 * one byte or two a character, with rich-text runs and phonetic blocks), or inline as LABEL or
 * RSTRING; numbers as NUMBER, RK or runs of MULRK; days under date formats in either date
 * system; formulas with their cached results (a text result in the STRING after it).
 */
import * as CFB from "cfb";
import { dayToSerial } from "../../../analytics/day.js";
import { a1 } from "../../../analytics/sheet/address.js";
import { isDayCell, isErrorCell, type CellValue, type Sheet, type Workbook } from "../../../analytics/sheet/sheet-model.js";
import { Rec } from "../../../analytics/xls/biff-records.js";

export interface Biff8Options {
  /** How text cells are written: the shared table (LABELSST), LABEL, or RSTRING. */
  readonly strings?: "sst" | "label" | "rstring";
  /** The most data bytes of an SST record or of each CONTINUE after it (8,224 in Excel's files). */
  readonly sstPiece?: number;
  /** Write every character as two bytes, even Latin ones; otherwise one byte where they all fit. */
  readonly wide?: boolean;
  /** Give each shared string rich-text runs and a phonetic block, which the reader must skip. */
  readonly richAndPhonetic?: boolean;
  /** Numbers that fit as RK (and runs of them as MULRK) rather than NUMBER. */
  readonly rk?: boolean;
  readonly date1904?: boolean;
  /** Sheets hidden (1) or very hidden (2), by name. */
  readonly hiddenSheets?: ReadonlyMap<string, 1 | 2>;
}

const BIFF8 = 0x0600;
const ERROR_CODES: Record<string, number> = { "#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0f, "#REF!": 0x17, "#NAME?": 0x1d, "#NUM!": 0x24, "#N/A": 0x2a };
const DAYS_1900_TO_1904 = 1462;

/** Cell formats: XF 0 is General, 1 a percent, then one XF per date format code used. */
const GENERAL_XF = 0;
const PERCENT_XF = 1;
const FIRST_CUSTOM_FORMAT = 164;

class Bytes {
  private readonly parts: number[] = [];
  u8(v: number): this {
    this.parts.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v).u8(v >>> 8);
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  f64(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    for (const x of b) this.u8(x);
    return this;
  }
  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.u8(b[i]!);
    return this;
  }
  get length(): number {
    return this.parts.length;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

function record(out: Bytes, type: number, data: Uint8Array): void {
  if (data.length > 8224) throw new Error(`a BIFF8 record holds at most 8,224 bytes, not ${data.length}`);
  out.u16(type).u16(data.length).bytes(data);
}

const fitsLatin = (text: string) => [...text].every((ch) => ch.charCodeAt(0) < 0x100 && ch.length === 1);

/** The characters of a string, one byte each when `wide` is false. */
function characters(text: string, wide: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (wide) out.push(c & 0xff, c >>> 8);
    else out.push(c);
  }
  return out;
}

/** An XLUnicodeString (2-byte count) or ShortXLUnicodeString (1-byte count). */
function unicodeString(text: string, wide: boolean, shortCount = false): Bytes {
  const two = wide || !fitsLatin(text);
  const b = new Bytes();
  if (shortCount) b.u8(text.length);
  else b.u16(text.length);
  return b.u8(two ? 1 : 0).bytes(characters(text, two));
}

/**
 * The SST and its CONTINUE records, each at most `piece` bytes of data. A string's header is
 * never split (the next record starts with it); its characters may be, and then the next
 * record starts with a flags byte, each piece one byte a character where its own characters
 * allow; runs and phonetic bytes split anywhere.
 */
function sharedStringTable(strings: readonly string[], total: number, options: Biff8Options): Uint8Array {
  const piece = options.sstPiece ?? 8224;
  const out = new Bytes();
  let current = new Bytes().u32(total).u32(strings.length);
  let type: number = Rec.SST;
  const flush = () => {
    record(out, type, current.done());
    type = Rec.CONTINUE;
    current = new Bytes();
  };
  const room = () => piece - current.length;
  for (const text of strings) {
    const runs = options.richAndPhonetic ? 2 : 0;
    const phonetic = options.richAndPhonetic ? Uint8Array.from({ length: 14 }, (_, i) => (i * 37) & 0xff) : new Uint8Array(0);
    const headerBytes = 3 + (runs ? 2 : 0) + (phonetic.length ? 4 : 0);
    if (room() < headerBytes + 2) flush();
    const wide = options.wide === true || !fitsLatin(text);
    current.u16(text.length).u8((wide ? 1 : 0) | (runs ? 0x08 : 0) | (phonetic.length ? 0x04 : 0));
    if (runs) current.u16(runs);
    if (phonetic.length) current.u32(phonetic.length);
    let i = 0;
    let pieceWide = wide;
    while (i < text.length) {
      const step = pieceWide ? 2 : 1;
      if (room() < step) {
        flush();
        // Each continuation says its own width: one byte where its characters allow it.
        const rest = text.slice(i, i + piece);
        pieceWide = options.wide === true || !fitsLatin(rest);
        current.u8(pieceWide ? 1 : 0);
        continue;
      }
      const c = text.charCodeAt(i++);
      if (pieceWide) current.u16(c);
      else current.u8(c);
    }
    const tail = new Bytes();
    for (let r = 0; r < runs; r++) tail.u16(r).u16(0);
    tail.bytes(phonetic);
    for (const b of tail.done()) {
      if (room() < 1) flush();
      current.u8(b);
    }
  }
  flush();
  return out.done();
}

/** The 30-bit integer RK of n, when n is one. */
function rkOf(n: number): number | undefined {
  if (Number.isInteger(n) && n >= -(2 ** 29) && n < 2 ** 29) return ((n << 2) | 0x02) >>> 0;
  if (Number.isInteger(n * 100) && n * 100 >= -(2 ** 29) && n * 100 < 2 ** 29) return (((n * 100) << 2) | 0x03) >>> 0;
  return undefined;
}

interface Styles {
  readonly formatCodes: string[];
  xfOfDate(code: string): number;
}

function sheetStream(sheet: Sheet, strings: Map<string, number>, styles: Styles, options: Biff8Options): Uint8Array {
  const out = new Bytes();
  record(out, Rec.BOF, new Bytes().u16(BIFF8).u16(0x0010).u16(0).u16(0).u32(0).u32(0).done());
  const height = sheet.rows.length;
  const width = Math.max(0, ...sheet.rows.map((r) => r?.length ?? 0));
  // DIMENSIONS: the used range, which other readers (LibreOffice) expect before the cells.
  record(out, 0x0200, new Bytes().u32(0).u32(height).u16(0).u16(width).u16(0).done());
  for (let r = 0; r < height; r++) {
    if (!sheet.hiddenRows.has(r + 1)) continue;
    record(out, Rec.ROW, new Bytes().u16(r).u16(0).u16(0).u16(0).u16(0).u16(0).u16(0x20).u16(0x0f).done());
  }
  for (let r = 0; r < height; r++) {
    const cells = sheet.rows[r] ?? [];
    let c = 0;
    while (c < cells.length) {
      const value = cells[c] ?? null;
      const ref = a1(r + 1, c + 1);
      if (value === null || value === undefined) {
        c++;
        continue;
      }
      if (sheet.formulaCells.has(ref)) {
        writeFormula(out, r, c, value, styles, sheet, options);
        c++;
        continue;
      }
      // A run of numbers along the row goes as one MULRK.
      if (options.rk && typeof value === "number") {
        let end = c;
        while (end < cells.length && typeof cells[end] === "number" && rkOf(cells[end] as number) !== undefined && !sheet.formulaCells.has(a1(r + 1, end + 1))) end++;
        if (end - c >= 2) {
          const b = new Bytes().u16(r).u16(c);
          for (let k = c; k < end; k++) b.u16(xfOfNumber(sheet, r, k, styles)).u32(rkOf(cells[k] as number)!);
          record(out, Rec.MULRK, b.u16(end - 1).done());
          c = end;
          continue;
        }
      }
      writeValue(out, r, c, value, strings, styles, sheet, options);
      c++;
    }
  }
  // MERGECELLS holds at most 1,026 ranges (a record's 8,224 bytes); Excel writes 1,024 a record.
  for (let from = 0; from < sheet.merges.length; from += 1024) {
    const merges = sheet.merges.slice(from, from + 1024);
    const b = new Bytes().u16(merges.length);
    for (const m of merges) b.u16(m.top - 1).u16(m.bottom - 1).u16(m.left - 1).u16(m.right - 1);
    record(out, Rec.MERGECELLS, b.done());
  }
  record(out, Rec.EOF, new Uint8Array(0));
  return out.done();
}

function xfOfNumber(sheet: Sheet, r: number, c: number, styles: Styles): number {
  return sheet.percentCells?.has(a1(r + 1, c + 1)) ? PERCENT_XF : GENERAL_XF;
}

function serialOf(day: string, options: Biff8Options): number {
  return dayToSerial(day) - (options.date1904 ? DAYS_1900_TO_1904 : 0);
}

function writeValue(out: Bytes, r: number, c: number, value: CellValue, strings: Map<string, number>, styles: Styles, sheet: Sheet, options: Biff8Options): void {
  const at = new Bytes().u16(r).u16(c);
  if (typeof value === "string") {
    const mode = options.strings ?? "sst";
    if (mode === "sst") record(out, Rec.LABELSST, at.u16(GENERAL_XF).u32(strings.get(value)!).done());
    else if (mode === "label") record(out, Rec.LABEL, at.u16(GENERAL_XF).bytes(unicodeString(value, options.wide === true).done()).done());
    else record(out, Rec.RSTRING, at.u16(GENERAL_XF).bytes(unicodeString(value, options.wide === true).done()).u16(1).u16(0).u16(0).done());
  } else if (typeof value === "number") {
    const xf = xfOfNumber(sheet, r, c, styles);
    const rk = options.rk ? rkOf(value) : undefined;
    if (rk !== undefined) record(out, Rec.RK, at.u16(xf).u32(rk).done());
    else record(out, Rec.NUMBER, at.u16(xf).f64(value).done());
  } else if (typeof value === "boolean") {
    record(out, Rec.BOOLERR, at.u16(GENERAL_XF).u8(value ? 1 : 0).u8(0).done());
  } else if (isErrorCell(value)) {
    record(out, Rec.BOOLERR, at.u16(GENERAL_XF).u8(ERROR_CODES[value.error] ?? 0x2a).u8(1).done());
  } else if (isDayCell(value)) {
    const xf = styles.xfOfDate(sheet.dateFormats?.get(a1(r + 1, c + 1)) ?? "yyyy/m/d");
    record(out, Rec.NUMBER, at.u16(xf).f64(serialOf(value.day, options)).done());
  }
}

/** A FORMULA with its cached result and a one-token formula (=1) the reader never evaluates. */
function writeFormula(out: Bytes, r: number, c: number, value: CellValue, styles: Styles, sheet: Sheet, options: Biff8Options): void {
  const head = (xf: number) => new Bytes().u16(r).u16(c).u16(xf);
  const tail = (b: Bytes) => b.u16(0).u32(0).u16(3).u8(0x1e).u16(1).done();
  const special = (kind: number, byte: number) => new Bytes().u8(kind).u8(0).u8(byte).u8(0).u8(0).u8(0).u16(0xffff).done();
  if (typeof value === "number") record(out, Rec.FORMULA, tail(head(xfOfNumber(sheet, r, c, styles)).f64(value)));
  else if (isDayCell(value)) record(out, Rec.FORMULA, tail(head(styles.xfOfDate(sheet.dateFormats?.get(a1(r + 1, c + 1)) ?? "yyyy/m/d")).f64(serialOf(value.day, options))));
  else if (typeof value === "boolean") record(out, Rec.FORMULA, tail(head(GENERAL_XF).bytes(special(1, value ? 1 : 0))));
  else if (isErrorCell(value)) record(out, Rec.FORMULA, tail(head(GENERAL_XF).bytes(special(2, ERROR_CODES[value.error] ?? 0x2a))));
  else if (typeof value === "string") {
    record(out, Rec.FORMULA, tail(head(GENERAL_XF).bytes(special(0, 0))));
    record(out, Rec.STRING, unicodeString(value, options.wide === true).done());
  }
}

/** The Workbook stream of a model. */
export function biff8Stream(workbook: Workbook, options: Biff8Options = {}): Uint8Array {
  const strings = new Map<string, number>();
  let uses = 0;
  const formatCodes: string[] = [];
  const styles: Styles = {
    formatCodes,
    xfOfDate(code) {
      let i = formatCodes.indexOf(code);
      if (i < 0) i = formatCodes.push(code) - 1;
      return 2 + i;
    },
  };
  for (const sheet of workbook.sheets) {
    for (const cells of sheet.rows) for (const v of cells ?? []) {
      if (typeof v !== "string") continue;
      uses++;
      if (!strings.has(v)) strings.set(v, strings.size);
    }
    for (const code of sheet.dateFormats?.values() ?? []) styles.xfOfDate(code);
  }
  const sheets = workbook.sheets.map((s) => sheetStream(s, strings, styles, options));

  const globalsWithout = (offsets: readonly number[]) => {
    const g = new Bytes();
    record(g, Rec.BOF, new Bytes().u16(BIFF8).u16(0x0005).u16(0).u16(0).u32(0).u32(0).done());
    record(g, Rec.CODEPAGE, new Bytes().u16(1200).done());
    record(g, Rec.DATEMODE, new Bytes().u16(options.date1904 ? 1 : 0).done());
    formatCodes.forEach((code, i) => record(g, Rec.FORMAT, new Bytes().u16(FIRST_CUSTOM_FORMAT + i).bytes(unicodeString(code, false).done()).done()));
    const xf = (formatId: number) => new Bytes().u16(0).u16(formatId).u16(0).u16(0).u32(0).u32(0).u32(0).done();
    record(g, Rec.XF, xf(0));
    record(g, Rec.XF, xf(10));
    formatCodes.forEach((_, i) => record(g, Rec.XF, xf(FIRST_CUSTOM_FORMAT + i)));
    workbook.sheets.forEach((s, i) => {
      const state = options.hiddenSheets?.get(s.name) ?? (s.hidden ? 1 : 0);
      record(g, Rec.BOUNDSHEET, new Bytes().u32(offsets[i] ?? 0).u8(state).u8(0).bytes(unicodeString(s.name, false, true).done()).done());
    });
    g.bytes(sharedStringTable([...strings.keys()], uses, options));
    record(g, Rec.EOF, new Uint8Array(0));
    return g.done();
  };
  const globalsLength = globalsWithout([]).length;
  const offsets: number[] = [];
  let at = globalsLength;
  for (const s of sheets) {
    offsets.push(at);
    at += s.length;
  }
  const out = new Bytes().bytes(globalsWithout(offsets));
  for (const s of sheets) out.bytes(s);
  return out.done();
}

/** A compound file holding `stream` as its Workbook (or another name, to test refusals). */
export function compoundFile(stream: Uint8Array, name = "Workbook"): Uint8Array {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, name, stream);
  return Uint8Array.from(CFB.write(container, { type: "array" }) as ArrayLike<number>);
}

/** The model as an .xls file. */
export function writeXls(workbook: Workbook, options: Biff8Options = {}): Uint8Array {
  return compoundFile(biff8Stream(workbook, options));
}
