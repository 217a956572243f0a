/**
 * A worksheet part (xl/worksheets/sheetN.xml) into the core's sheet model, in one pass over
 * the XML string. This is the hot loop of reading a big ledger: it uses indexOf and
 * charCodeAt only, and allocates nothing per cell but the value itself.
 */
import { serialToDay } from "../day.js";
import { a1, columnNumber } from "../sheet/address.js";
import type { CellRange, CellValue, Sheet } from "../sheet/model.js";
import { NumberKind } from "./styles-part.js";
import { attr, closingTag, isSelfClosing, stringItemText, tagAttr, tagEnd, tagNameAt, unescapeXml } from "./xml.js";

export interface WorksheetContext {
  readonly name: string;
  readonly hidden: boolean;
  readonly sharedStrings: readonly string[];
  readonly styleKinds: readonly NumberKind[];
  readonly date1904: boolean;
}

interface Builder {
  rows: (CellValue[] | undefined)[];
  merges: CellRange[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  formulaCells: Set<string>;
  percentCells: Set<string>;
}

/** A whole worksheet part at once (tests, small parts). */
export function parseWorksheet(xml: string, context: WorksheetContext): Sheet {
  const reader = new WorksheetReader(context);
  reader.push(xml);
  return reader.finish();
}

/**
 * Reads a worksheet part handed over in pieces of any size. Rows are parsed as soon as they
 * are complete; only the unfinished tail of a piece is carried over to the next.
 */
export class WorksheetReader {
  private readonly builder: Builder = { rows: [], merges: [], hiddenRows: new Set(), hiddenColumns: new Set(), formulaCells: new Set(), percentCells: new Set() };
  private carry = "";
  private state: RowState = { rowNumber: 0, row: undefined, colNumber: 0 };
  private phase: "before" | "data" | "after" = "before";

  constructor(private readonly context: WorksheetContext) {}

  push(text: string): void {
    let xml = this.carry + text;
    this.carry = "";
    if (this.phase === "before") {
      const at = xml.indexOf("sheetData");
      if (at < 0) {
        // Before the data: <cols> (hidden columns) may straddle pieces; the head is small.
        readHiddenColumns(xml, this.builder.hiddenColumns);
        this.carry = xml.slice(Math.max(0, xml.lastIndexOf("<")));
        return;
      }
      this.phase = "data";
      readHiddenColumns(xml.slice(0, at), this.builder.hiddenColumns);
      xml = xml.slice(xml.lastIndexOf("<", at));
    }
    if (this.phase === "data") {
      const cut = lastRowBoundary(xml);
      const end = readRows(xml.slice(0, cut), this.builder, this.context, this.state);
      if (end >= 0) {
        this.phase = "after";
        this.carry = xml.slice(0, cut).slice(end) + xml.slice(cut);
      } else {
        this.carry = xml.slice(cut);
      }
      return;
    }
    this.carry = xml; // after </sheetData>: merges and the rest, small; read at the end
  }

  finish(): Sheet {
    if (this.phase === "data") readRows(this.carry, this.builder, this.context, this.state);
    else readMerges(this.carry, 0, this.builder.merges);
    trimTrailingEmptyRows(this.builder.rows);
    const { rows, merges, hiddenRows, hiddenColumns, formulaCells, percentCells } = this.builder;
    return { name: this.context.name, hidden: this.context.hidden, rows, merges, hiddenRows, hiddenColumns, formulaCells, percentCells };
  }
}

/** Columns widths and hidden columns come before the data: <col min="4" max="4" hidden="1"/>. */
function readHiddenColumns(xml: string, into: Set<number>): void {
  let at = xml.indexOf("<col ");
  while (at >= 0) {
    const end = tagEnd(xml, at);
    if (end < 0 || end <= at) return;
    const tag = xml.slice(at, end);
    const hidden = tagAttr(tag, "hidden");
    if (hidden === "1" || hidden === "true") {
      const min = Number(tagAttr(tag, "min"));
      const max = Math.min(Number(tagAttr(tag, "max")), min + 16_384);
      // A hidden range to the sheet's edge (max 16384) is the unused remainder: the table's own columns count.
      if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max - min < 1_000) for (let c = min; c <= max; c++) into.add(c);
    }
    at = xml.indexOf("<col ", end);
  }
}

interface RowState {
  rowNumber: number;
  row: CellValue[] | undefined;
  colNumber: number;
}

/** Index just past the last complete row (or the end of sheetData) in `xml`; 0 if none. */
function lastRowBoundary(xml: string): number {
  const dataEnd = xml.lastIndexOf("sheetData>");
  if (dataEnd >= 0 && xml.charCodeAt(xml.lastIndexOf("<", dataEnd) + 1) === 47) return xml.length;
  let at = xml.lastIndexOf("row>");
  while (at >= 0) {
    const lt = xml.lastIndexOf("<", at);
    if (xml.charCodeAt(lt + 1) === 47 && tagNameAt(xml, lt + 1) === "row") return at + 4;
    at = xml.lastIndexOf("row>", at - 1);
  }
  return 0;
}

/** Reads rows and cells; returns the index just past </sheetData>, or -1 if not reached. */
function readRows(xml: string, builder: Builder, context: WorksheetContext, state: RowState): number {
  let at = xml.indexOf("<");
  while (at >= 0) {
    const second = xml.charCodeAt(at + 1);
    if (second === 47 /* "/" */) {
      if (tagNameAt(xml, at + 1) === "sheetData") return tagEnd(xml, at);
      at = xml.indexOf("<", at + 2);
      continue;
    }
    const name = tagNameAt(xml, at);
    const end = tagEnd(xml, at);
    if (name === "row") {
      const tag = xml.slice(at, end);
      const r = tagAttr(tag, "r");
      state.rowNumber = r === undefined ? state.rowNumber + 1 : Number(r);
      state.colNumber = 0;
      const hidden = tagAttr(tag, "hidden");
      if (hidden === "1" || hidden === "true") builder.hiddenRows.add(state.rowNumber);
      state.row = undefined;
      if (!isSelfClosing(xml, end)) {
        state.row = [];
        builder.rows[state.rowNumber - 1] = state.row;
      }
      at = xml.indexOf("<", end);
    } else if (name === "c") {
      const tag = xml.slice(at, end);
      const ref = tagAttr(tag, "r");
      state.colNumber = ref === undefined ? state.colNumber + 1 : columnOf(ref);
      if (isSelfClosing(xml, end)) {
        at = xml.indexOf("<", end);
        continue;
      }
      const close = closingTag(xml, end, "c");
      const value = cellValue(xml, tag, end, close, context, builder, state.rowNumber, state.colNumber);
      if (value !== null && state.row !== undefined) state.row[state.colNumber - 1] = value;
      at = xml.indexOf("<", close);
    } else {
      at = xml.indexOf("<", end);
    }
  }
  return -1;
}

/** "AB12" → 28: the letters of a cell reference, read without a regex. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) n = n * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) n = n * 26 + (ch - 96);
    else break;
  }
  return n;
}

// The cell's content is the range (end, close): <f>, <v> and <is> children in any order.
function cellValue(
  xml: string,
  tag: string,
  end: number,
  close: number,
  context: WorksheetContext,
  builder: Builder,
  rowNumber: number,
  colNumber: number,
): CellValue {
  const type = tagAttr(tag, "t");
  let raw: string | undefined;
  let at = xml.indexOf("<", end);
  while (at >= 0 && at < close) {
    if (xml.charCodeAt(at + 1) === 47) {
      at = xml.indexOf("<", at + 2);
      continue;
    }
    const child = tagNameAt(xml, at);
    const childEnd = tagEnd(xml, at);
    if (child === "f") {
      builder.formulaCells.add(a1(rowNumber, colNumber));
    } else if (child === "v" && !isSelfClosing(xml, childEnd)) {
      const stop = xml.indexOf("<", childEnd);
      raw = xml.slice(childEnd, stop);
    } else if (child === "is") {
      const isClose = closingTag(xml, childEnd, "is", close);
      return emptyToNull(stringItemText(xml, childEnd, isClose));
    }
    at = xml.indexOf("<", childEnd);
  }
  if (raw === undefined) return null;
  switch (type) {
    case "s":
      return emptyToNull(context.sharedStrings[Number(raw)] ?? "");
    case "str":
    case "inlineStr":
      return emptyToNull(raw.includes("&") || raw.includes("_x") ? unescapeXml(raw) : raw);
    case "b":
      return raw === "1" || raw === "true";
    case "e":
      return { error: unescapeXml(raw) };
    case "d":
      return isoDateCell(raw);
    default:
      return numberCell(raw, tag, context, builder, rowNumber, colNumber);
  }
}

function numberCell(
  raw: string,
  tag: string,
  context: WorksheetContext,
  builder: Builder,
  rowNumber: number,
  colNumber: number,
): CellValue {
  const n = Number(raw);
  if (raw === "" || Number.isNaN(n)) return emptyToNull(raw);
  const s = tagAttr(tag, "s");
  if (s === undefined) return n;
  const kind = context.styleKinds[Number(s)];
  if (kind === NumberKind.Date) {
    // A date-time counts as its calendar day; the time of day never moves the date.
    const day = serialToDay(Math.floor(n), context.date1904);
    return day === null ? n : { day };
  }
  if (kind === NumberKind.Percent) builder.percentCells.add(a1(rowNumber, colNumber));
  return n;
}

/** t="d" cells hold an ISO 8601 date (LibreOffice and Strict files write them). */
function isoDateCell(raw: string): CellValue {
  const m = /^(\d{4}-\d{2}-\d{2})/u.exec(raw);
  return m ? { day: m[1]! } : raw;
}

function emptyToNull(text: string): string | null {
  return text === "" ? null : text;
}

function readMerges(xml: string, from: number, merges: CellRange[]): void {
  let at = xml.indexOf("mergeCell", from);
  while (at >= 0) {
    const lt = xml.lastIndexOf("<", at);
    const end = tagEnd(xml, lt);
    if (tagNameAt(xml, lt) === "mergeCell") {
      const range = parseRange(attr(xml, lt, end, "ref"));
      if (range) merges.push(range);
    }
    at = xml.indexOf("mergeCell", end);
  }
}

function parseRange(ref: string | undefined): CellRange | null {
  if (ref === undefined) return null;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/u.exec(ref.trim());
  if (!m) return null;
  const left = columnNumber(m[1]!);
  const top = Number(m[2]);
  const right = m[3] ? columnNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

function trimTrailingEmptyRows(rows: (CellValue[] | undefined)[]): void {
  while (rows.length > 0) {
    const last = rows[rows.length - 1];
    if (last !== undefined && last.length > 0) return;
    rows.pop();
  }
}
