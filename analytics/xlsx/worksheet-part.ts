/**
 * A worksheet part (xl/worksheets/sheetN.xml) into the core's sheet model, in one pass over
 * the XML string. This is the hot loop of reading a big ledger: it uses indexOf and
 * charCodeAt only, and allocates nothing per cell but the value itself.
 */
import { serialToDay } from "../day.js";
import { a1, columnNumber } from "../sheet/address.js";
import type { CellRange, CellValue, Sheet } from "../sheet/model.js";
import { NumberKind } from "./styles-part.js";
import { attr, closingTag, isSelfClosing, stringItemText, tagEnd, tagNameAt, unescapeXml } from "./xml.js";

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
  formulaCells: Set<string>;
  percentCells: Set<string>;
}

export function parseWorksheet(xml: string, context: WorksheetContext): Sheet {
  const builder: Builder = { rows: [], merges: [], hiddenRows: new Set(), formulaCells: new Set(), percentCells: new Set() };
  const dataStart = xml.indexOf("sheetData");
  const dataEnd = dataStart < 0 ? -1 : readSheetData(xml, dataStart, builder, context);
  readMerges(xml, dataEnd < 0 ? 0 : dataEnd, builder.merges);
  trimTrailingEmptyRows(builder.rows);
  return {
    name: context.name,
    hidden: context.hidden,
    rows: builder.rows,
    merges: builder.merges,
    hiddenRows: builder.hiddenRows,
    formulaCells: builder.formulaCells,
    percentCells: builder.percentCells,
  };
}

/** Reads rows and cells; returns the index just past </sheetData>. */
function readSheetData(xml: string, from: number, builder: Builder, context: WorksheetContext): number {
  let at = xml.indexOf("<", from);
  let rowNumber = 0;
  let row: CellValue[] | undefined;
  let colNumber = 0;
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
      const r = attr(xml, at, end, "r");
      rowNumber = r === undefined ? rowNumber + 1 : Number(r);
      colNumber = 0;
      const hidden = attr(xml, at, end, "hidden");
      if (hidden === "1" || hidden === "true") builder.hiddenRows.add(rowNumber);
      row = undefined;
      if (!isSelfClosing(xml, end)) {
        row = [];
        builder.rows[rowNumber - 1] = row;
      }
      at = xml.indexOf("<", end);
    } else if (name === "c") {
      const ref = attr(xml, at, end, "r");
      colNumber = ref === undefined ? colNumber + 1 : columnOf(ref);
      if (isSelfClosing(xml, end)) {
        at = xml.indexOf("<", end);
        continue;
      }
      const close = closingTag(xml, end, "c");
      const value = cellValue(xml, at, end, close, context, builder, rowNumber, colNumber);
      if (value !== null && row !== undefined) row[colNumber - 1] = value;
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
  start: number,
  end: number,
  close: number,
  context: WorksheetContext,
  builder: Builder,
  rowNumber: number,
  colNumber: number,
): CellValue {
  const type = attr(xml, start, end, "t");
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
      return numberCell(raw, xml, start, end, context, builder, rowNumber, colNumber);
  }
}

function numberCell(
  raw: string,
  xml: string,
  start: number,
  end: number,
  context: WorksheetContext,
  builder: Builder,
  rowNumber: number,
  colNumber: number,
): CellValue {
  const n = Number(raw);
  if (raw === "" || Number.isNaN(n)) return emptyToNull(raw);
  const s = attr(xml, start, end, "s");
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
