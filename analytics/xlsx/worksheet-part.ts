/**
 * A worksheet part (xl/worksheets/sheetN.xml) into the core's sheet model, as the scanner
 * reports its tags: rows are filled as their cells close, so a part handed over in pieces is
 * never held whole. Work and memory are bounded by what the part holds: references past
 * Excel's grid (XFD1048576) are refused, a cell longer than a cell can be is refused, and
 * merged ranges are clipped to the cells the sheet uses (a full-column merge is a one-cell
 * mistake, not a million-row range).
 */
import { userMessage } from "../findings/user-message.js";
import { serialToDay } from "../day.js";
import { a1, GRID_COLUMNS, GRID_ROWS } from "../sheet/address.js";
import type { CellRange, CellValue, Sheet } from "../sheet/sheet-model.js";
import type { ReadBudget } from "./read-budget.js";
import { readError } from "./read-errors.js";
import { NumberKind } from "./styles-part.js";
import { XmlScanner } from "./xml-scanner.js";
import { checkCellLength, MAX_CELL_CHARACTERS, unescapeOoxml } from "./xml.js";


export interface WorksheetContext {
  readonly name: string;
  readonly hidden: boolean;
  readonly sharedStrings: readonly string[];
  readonly styleKinds: readonly NumberKind[];
  /** The format code of each date style (by index), to record what format each date cell shows. */
  readonly styleDateCodes?: readonly (string | undefined)[];
  readonly date1904: boolean;
  /** The part's name, for messages. */
  readonly partName?: string;
  /** What the whole workbook may still cost; shared by its sheets. */
  readonly budget?: ReadBudget;
}

/** A whole worksheet part at once (tests, small parts). */
export function parseWorksheet(xml: string, context: WorksheetContext): Sheet {
  const reader = new WorksheetReader(context);
  reader.push(xml);
  return reader.finish();
}

/** Reads a worksheet part handed over in pieces of any size. */
export class WorksheetReader {
  private readonly rows: (CellValue[] | undefined)[] = [];
  private readonly merges: CellRange[] = [];
  private readonly hiddenRows = new Set<number>();
  private readonly hiddenColumns = new Set<number>();
  private readonly formulaCells = new Set<string>();
  /** The ranges array formulas and data tables fill: their other cells hold a cached result and no <f>. */
  private readonly formulaRanges: CellRange[] = [];
  private readonly percentCells = new Set<string>();
  private readonly dateFormats = new Map<string, string>();
  private readonly scanner: XmlScanner;
  private readonly partName: string;

  private inSheetData = false;
  private sawSheetData = false;
  private rowNumber = 0;
  /** The current <row> gave no r: its first cell's reference, if any, says which row it is. */
  private rowUnnumbered = false;
  private colNumber = 0;
  private inCell = false;
  private cellType: string | undefined;
  /** The cell's style index, NO_STYLE when it gives none. */
  private cellStyle = NO_STYLE;
  /** What the cell's <v> or inline <is><t> runs hold, gathered while the scanner captures text. */
  private value = "";
  /** A shared-string cell's index read where its <v> lies (no string cut for it), or -1. */
  private sharedIndex = -1;
  private inline = false;
  private phoneticDepth = 0;
  private width = 0;
  /** Notes the current cell as a percentage (its style says so). */
  private readonly markPercent = (): void => void this.percentCells.add(a1(this.rowNumber, this.colNumber));
  /** Notes the format code of the current date cell. */
  private readonly markDate = (code: string): void => void this.dateFormats.set(a1(this.rowNumber, this.colNumber), code);

  constructor(private readonly context: WorksheetContext) {
    this.partName = context.partName ?? "worksheet";
    this.scanner = new XmlScanner(this.partName, {
      open: (name) => this.open(name),
      close: (name) => this.close(name),
      text: (text) => {
        this.value = this.value === "" ? text : this.value + text;
      },
    });
  }

  push(text: string): void {
    this.scanner.push(text);
  }

  /** The row read last (0 before the first): a row past 1 means the first row is whole. */
  get rowReached(): number {
    return this.rowNumber;
  }

  /** The first row alone, from a part read only so far (XlsxPackage.streamHead): what says which sheet it is. */
  finishFirstRow(): Sheet {
    const first = this.rows[0];
    return { name: this.context.name, hidden: this.context.hidden, rows: first ? [first] : [], merges: [], hiddenRows: new Set(), formulaCells: new Set() };
  }

  finish(): Sheet {
    this.scanner.end();
    // A worksheet always has <sheetData>: one without it was cut or is no worksheet.
    if (!this.sawSheetData) throw readError("corrupt", userMessage("sheet-no-data", { part: this.partName }));
    trimTrailingEmptyRows(this.rows);
    markFormulaRanges(this.formulaRanges, this.rows, this.formulaCells);
    const { rows, hiddenRows, hiddenColumns, formulaCells, percentCells, dateFormats } = this;
    const merges = clipMerges(this.merges, rows.length, this.width, this.partName);
    return { name: this.context.name, hidden: this.context.hidden, rows, merges, hiddenRows, hiddenColumns, formulaCells, percentCells, dateFormats };
  }

  private open(name: string): void {
    if (this.inCell) {
      if (name === "v") {
        this.value = "";
        this.sharedIndex = -1;
        this.scanner.captureText = true;
      } else if (name === "f") {
        this.formulaCells.add(a1(this.rowNumber, this.colNumber));
        const kind = this.scanner.attr("t");
        if (kind === "array" || kind === "dataTable") {
          const range = parseCellRange(this.partName, this.scanner.attr("ref"));
          if (range) this.formulaRanges.push(range);
        }
      } else if (name === "is") {
        this.inline = true;
        this.value = "";
        this.sharedIndex = -1;
      } else if (name === "rPh") {
        this.phoneticDepth++; // phonetic guides (pinyin/furigana) are not the cell's text
      } else if (name === "t" && this.inline && this.phoneticDepth === 0) {
        this.scanner.captureText = true;
      }
      return;
    }
    switch (name) {
      case "sheetData":
        this.inSheetData = true;
        this.sawSheetData = true;
        break;
      case "row":
        if (this.inSheetData) this.startRow();
        break;
      case "c":
        if (this.inSheetData) this.startCell();
        break;
      case "mergeCell": {
        const range = parseCellRange(this.partName, this.scanner.attr("ref"));
        if (range) this.merges.push(range);
        break;
      }
      case "col":
        if (!this.inSheetData) this.hideColumns();
        break;
    }
  }

  private hideColumns(): void {
    addHiddenColumns(this.hiddenColumns, this.scanner.attr("hidden"), this.scanner.attr("min"), this.scanner.attr("max"));
  }

  private close(name: string): void {
    if (!this.inCell) {
      if (name === "sheetData") this.inSheetData = false;
      return;
    }
    if (name === "v" || name === "t") this.scanner.captureText = false;
    else if (name === "rPh") this.phoneticDepth--;
    else if (name === "c") this.endCell();
  }

  private startRow(): void {
    const scanner = this.scanner;
    let r: number | undefined;
    if (scanner.findAttribute("r")) {
      r = digitsIn(scanner.source, scanner.valueFrom, scanner.valueTo);
      // Anything but plain digits within the grid is read the general way, and refused there.
      if (r < 1 || r > GRID_ROWS) {
        const written = scanner.attr("r")!;
        r = rowOfRef(this.partName, written, written);
      }
    }
    this.rowNumber = r ?? this.rowNumber + 1;
    if (this.rowNumber > GRID_ROWS) outOfGrid(this.partName, String(this.rowNumber));
    this.rowUnnumbered = r === undefined;
    this.colNumber = 0;
    if (scanner.findAttribute("hidden")) {
      const hidden = scanner.attr("hidden");
      if (hidden === "1" || hidden === "true") this.hiddenRows.add(this.rowNumber);
    }
  }

  private startCell(): void {
    const scanner = this.scanner;
    if (!scanner.findAttribute("r")) {
      this.colNumber++;
      if (this.colNumber > GRID_COLUMNS) outOfGrid(this.partName, `R${this.rowNumber}C${this.colNumber}`);
    } else if (!this.cellRefInPlace(scanner.source, scanner.valueFrom, scanner.valueTo)) {
      const ref = scanner.attr("r")!;
      this.colNumber = columnOfRef(this.partName, ref);
      // Writers that leave rows unnumbered still number cells; rows they skip are empty rows.
      if (this.rowUnnumbered) this.rowNumber = rowOfCellRef(this.partName, ref) ?? this.rowNumber;
    }
    this.rowUnnumbered = false;
    if (this.rowNumber === 0) this.rowNumber = 1; // a cell before any <row r>: the first row
    this.inCell = true;
    this.cellType = scanner.findAttribute("t") ? this.typeInPlace(scanner.source, scanner.valueFrom, scanner.valueTo) : undefined;
    if (!scanner.findAttribute("s")) this.cellStyle = NO_STYLE;
    else {
      const style = digitsIn(scanner.source, scanner.valueFrom, scanner.valueTo);
      this.cellStyle = style >= 0 ? style : Number(scanner.attr("s"));
    }
    this.inline = false;
    this.phoneticDepth = 0;
    this.value = "";
    this.sharedIndex = -1;
    if (scanner.takeTextChild("v")) this.takeValue(scanner.source, scanner.valueFrom, scanner.valueTo);
  }

  /** The cell's <v>, taken whole by the scanner: a shared string's index read in place, any other value as text. */
  private takeValue(xml: string, from: number, to: number): void {
    if (this.cellType === "s") {
      const index = digitsIn(xml, from, to);
      if (index >= 0 && this.context.sharedStrings[index] !== undefined) {
        this.sharedIndex = index;
        return;
      }
    }
    this.value = xml.slice(from, to);
  }

  /**
   * A cell reference as writers write it ("AB12": letters, then digits, within the grid) read
   * where it lies, with no string cut out for it: the column, and the row when the <row> gave
   * none. False for anything else, which the general way reads or refuses.
   */
  private cellRefInPlace(xml: string, from: number, to: number): boolean {
    let column = 0;
    let p = from;
    for (; p < to && p - from < 3; p++) {
      const ch = xml.charCodeAt(p) | 0x20; // lower-cased
      if (ch < 97 || ch > 122) break;
      column = column * 26 + (ch - 96);
    }
    if (p === from || column > GRID_COLUMNS) return false;
    const row = digitsIn(xml, p, to);
    if (row < 0 && p < to) return false;
    if (this.rowUnnumbered && p < to) {
      if (row < 1 || row > GRID_ROWS) return false;
      this.rowNumber = row;
    }
    this.colNumber = column;
    return true;
  }

  /** The cell's t, as one of the few short words writers use, without cutting a string for it. */
  private typeInPlace(xml: string, from: number, to: number): string | undefined {
    if (to - from === 1) {
      const word = ONE_LETTER_TYPES[xml.charCodeAt(from)];
      if (word !== undefined) return word;
    }
    return this.scanner.attr("t");
  }

  private endCell(): void {
    this.inCell = false;
    this.scanner.captureText = false;
    const raw = this.value;
    this.value = "";
    if (raw.length > MAX_CELL_CHARACTERS) checkCellLength(raw, this.partName, a1(this.rowNumber, this.colNumber));
    const value =
      this.sharedIndex >= 0 ? emptyToNull(this.context.sharedStrings[this.sharedIndex]!) : this.inline ? emptyToNull(unescapeOoxml(raw)) : this.cellValue(raw);
    if (value === null) return;
    // A shared string's text is counted once, with its table; an inline one with its cell.
    this.context.budget?.spendCell(typeof value === "string" && this.cellType !== "s" ? value.length : 0);
    let row = this.rows[this.rowNumber - 1];
    if (row === undefined) {
      row = [];
      this.rows[this.rowNumber - 1] = row;
    }
    row[this.colNumber - 1] = value;
    if (this.colNumber > this.width) this.width = this.colNumber;
  }

  /** A cell pointing past the string table has lost its text: the file is damaged, not the cell empty. */
  private sharedString(raw: string): string {
    const index = digitsIn(raw, 0, raw.length);
    if (index >= 0) {
      const text = this.context.sharedStrings[index];
      if (text !== undefined) return text;
    }
    // Number() would read " " as 0, "0x3" as 3 and "1e1" as 10: each a different cell's text.
    if (!SHARED_INDEX.test(raw)) {
      throw readError("corrupt", userMessage("sheet-bad-shared-string-index", { part: this.partName, where: a1(this.rowNumber, this.colNumber), index: raw.slice(0, 20) }));
    }
    const text = this.context.sharedStrings[Number(raw)];
    if (text !== undefined) return text;
    throw readError("corrupt", userMessage("sheet-missing-shared-string", { part: this.partName, where: a1(this.rowNumber, this.colNumber), index: raw.trim().slice(0, 20) }));
  }

  private cellValue(raw: string): CellValue {
    switch (this.cellType) {
      case "s":
        return raw === "" ? null : emptyToNull(this.sharedString(raw));
      case "str":
      case "inlineStr":
        return emptyToNull(unescapeOoxml(raw));
      case "b":
        return booleanCellValue(raw);
      case "e":
        return raw === "" ? null : { error: raw };
      case "d":
        return raw === "" ? null : isoDateCell(raw);
      default:
        return styledNumberValue(raw, this.cellStyle, this.context, this.markPercent, this.markDate);
    }
  }
}

/**
 * What indexing the merges may cost, in entries of the merge index (each range counts its
 * shorter side): far above any real sheet's (20,000 merged category cells cost about 60,000),
 * far below what would strain memory.
 */
export const MAX_MERGE_INDEX_ENTRIES = 4_000_000;

/**
 * Merged ranges cut to the used area (the rows and columns that hold a value): beyond it they
 * cover nothing, and a merge like B18:B1048576 or L1:XFD1048576 would otherwise cost its full
 * size to every reader that walks it. Ranges wholly outside, or cut down to one cell, go, and
 * so does a range written twice. What is left is indexed along its shorter sides
 * (sheet/merge-index.ts); a part whose merges would cost more than any sheet's can (thousands
 * of overlapping full-column merges over a sheet a million rows tall) is refused.
 */
export function clipMerges(merges: readonly CellRange[], height: number, width: number, partName = "worksheet"): CellRange[] {
  const clipped: CellRange[] = [];
  const seen = new Set<string>();
  let cost = 0;
  for (const m of merges) {
    if (m.top > height || m.left > width) continue;
    const range = { top: m.top, left: m.left, bottom: Math.min(m.bottom, height), right: Math.min(m.right, width) };
    if (range.bottom === range.top && range.right === range.left) continue;
    const key = `${range.top},${range.left},${range.bottom},${range.right}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cost += Math.min(range.bottom - range.top, range.right - range.left) + 1;
    if (cost > MAX_MERGE_INDEX_ENTRIES) throw readError("corrupt", userMessage("sheet-merges-overlapping", { part: partName, count: merges.length }));
    clipped.push(range);
  }
  return clipped;
}

/** t="d" cells hold an ISO 8601 date (LibreOffice and Strict files write them). */
export function isoDateCell(raw: string): CellValue {
  const m = /^(\d{4}-\d{2}-\d{2})/u.exec(raw);
  return m ? { day: m[1]! } : raw;
}

export function emptyToNull(text: string): string | null {
  return text === "" ? null : text;
}

export function trimTrailingEmptyRows(rows: (CellValue[] | undefined)[]): void {
  while (rows.length > 0) {
    const last = rows[rows.length - 1];
    if (last !== undefined && last.length > 0) return;
    rows.pop();
  }
}

/**
 * A <col min="4" max="4" hidden="1"/> before the data, as the set of hidden columns. A hidden
 * range reaching far right is the unused remainder of the sheet, not a table column: only short
 * ranges are recorded.
 */
export function addHiddenColumns(into: Set<number>, hidden: string | undefined, min: string | undefined, max: string | undefined): void {
  if (hidden !== "1" && hidden !== "true") return;
  const first = Number(min);
  const last = Number(max);
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last < first || last - first >= 1_000 || last > GRID_COLUMNS) return;
  for (let c = first; c <= last; c++) into.add(c);
}

/** A shared-string index as XML Schema writes an unsigned int: digits, white space around them. */
const SHARED_INDEX = /^\s*\d+\s*$/u;

/**
 * A <v> as a decimal number, or undefined. Number() is not enough: it reads "0x1F", "0b101" and
 * white space alone as numbers, and "Infinity" or "1e400" as a number no cell can hold.
 */
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/u;

export function decimalOf(raw: string): number | undefined {
  if (!DECIMAL.test(raw)) return undefined;
  const n = Number(raw);
  // "-0" is zero, and shows as 0 wherever it is printed.
  return Number.isFinite(n) ? n + 0 : undefined;
}

/** t="b": 1 or 0 as Excel writes it, true or false in any case as others do; anything else is kept as written. */
export function booleanCellValue(raw: string): CellValue {
  const word = raw.trim().toLowerCase();
  if (word === "") return null;
  if (word === "1" || word === "true") return true;
  if (word === "0" || word === "false") return false;
  return raw;
}

/** A number cell's value: a calendar day when its style is a date (its format code noted), the number otherwise (a percent style is marked). */
export function numberCellValue(
  raw: string,
  style: string | undefined,
  context: WorksheetContext,
  markPercent: () => void,
  markDate?: (code: string) => void,
): CellValue {
  return styledNumberValue(raw, style === undefined ? NO_STYLE : Number(style), context, markPercent, markDate);
}

/** numberCellValue with the style as its index (NO_STYLE for none), as the scanner reads it. */
function styledNumberValue(raw: string, style: number, context: WorksheetContext, markPercent: () => void, markDate?: (code: string) => void): CellValue {
  const n = decimalOf(raw);
  if (n === undefined) return emptyToNull(raw.trim() === "" ? "" : raw);
  if (style === NO_STYLE) return n;
  const kind = context.styleKinds[style];
  if (kind === NumberKind.Date) {
    // A date-time counts as its calendar day; the time of day never moves the date.
    const day = serialToDay(Math.floor(n), context.date1904);
    if (day === null) return n;
    const code = context.styleDateCodes?.[style];
    if (markDate !== undefined && code !== undefined) markDate(code);
    return { day };
  }
  if (kind === NumberKind.Percent) markPercent();
  return n;
}

/** A cell with no s attribute (an index is never negative). */
const NO_STYLE = -1;

/** The short t words, by their one letter. */
const ONE_LETTER_TYPES: Readonly<Record<number, string>> = { 115: "s", 110: "n", 98: "b", 101: "e", 100: "d" };

/**
 * The number written between `from` and `to` when it is plain ASCII digits, at most seven (a
 * row, a style, a string's index); -1 for anything else, left to the general reading.
 */
export function digitsIn(text: string, from: number, to: number): number {
  if (to <= from || to - from > 7) return -1;
  let n = 0;
  for (let p = from; p < to; p++) {
    const digit = text.charCodeAt(p) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** "AB12" → 28, refusing anything past XFD. The row is the <row>'s (Excel writes the digits equal). */
export function columnOfRef(partName: string, ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower-cased
    if (ch < 97 || ch > 122) break;
    n = n * 26 + (ch - 96);
    if (n > GRID_COLUMNS) outOfGrid(partName, ref);
  }
  if (i === 0) throw readError("corrupt", userMessage("sheet-bad-reference", { part: partName, reference: ref.slice(0, 20) }));
  return n;
}

/** The row digits of a cell reference ("AB12" → 12), undefined when it has none. */
export function rowOfCellRef(partName: string, ref: string): number | undefined {
  let i = 0;
  while (i < ref.length && (ref.charCodeAt(i) | 0x20) >= 97 && (ref.charCodeAt(i) | 0x20) <= 122) i++;
  return i < ref.length ? rowOfRef(partName, ref.slice(i), ref) : undefined;
}

export function rowOfRef(partName: string, digits: string, ref: string): number {
  const n = Number(digits);
  if (!Number.isInteger(n) || n < 1) throw readError("corrupt", userMessage("sheet-bad-row", { part: partName, reference: ref.slice(0, 20) }));
  if (n > GRID_ROWS) outOfGrid(partName, ref);
  return n;
}

export function outOfGrid(partName: string, ref: string): never {
  throw readError("corrupt", userMessage("sheet-out-of-grid", { part: partName, reference: ref.slice(0, 20) }));
}

/** A merge's "B18:B1048576" as a range; null when it is no reference at all, exit 2 when it lies past the grid. */
/**
 * Every filled cell inside an array formula's (or a data table's) range is a formula cell: Excel
 * writes the formula on the first cell only and the cached results on the others. Clipped to
 * the cells the sheet holds; Excel's arrays never overlap, so the work is at most the sheet's
 * cells (overlapping ones, which only a crafted file has, stop at a bound).
 */
function markFormulaRanges(ranges: readonly CellRange[], rows: readonly (CellValue[] | undefined)[], formulaCells: Set<string>): void {
  let budget = 4_000_000;
  for (const range of ranges) {
    for (let row = range.top; row <= Math.min(range.bottom, rows.length) && budget > 0; row++) {
      const cells = rows[row - 1];
      if (cells === undefined) continue;
      for (let col = range.left; col <= Math.min(range.right, cells.length); col++, budget--) {
        const value = cells[col - 1];
        if (value !== undefined && value !== null) formulaCells.add(a1(row, col));
      }
    }
  }
}

export function parseCellRange(partName: string, ref: string | undefined): CellRange | null {
  if (ref === undefined) return null;
  const m = /^\$?([A-Za-z]{1,4})\$?(\d{1,10})(?::\$?([A-Za-z]{1,4})\$?(\d{1,10}))?$/u.exec(ref.trim());
  if (!m) return null;
  const left = columnOfRef(partName, m[1]!);
  const top = rowOfRef(partName, m[2]!, ref);
  const right = m[3] ? columnOfRef(partName, m[3]) : left;
  const bottom = m[4] ? rowOfRef(partName, m[4], ref) : top;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}
