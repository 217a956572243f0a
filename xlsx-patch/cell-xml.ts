/**
 * One cell as SpreadsheetML: what an edit writes (text inline, so the shared string table stays
 * as it was; days as serials in the workbook's date system; formulas with their cached result),
 * and what a cell holds, to check an edit's `before` against the file.
 */
import { dayToSerial, serialToDay } from "../analytics/day.js";
import { isDayValue, isFormulaValue, type EditValue } from "../analytics/normalize/types.js";
import type { CellValue } from "../analytics/sheet/sheet-model.js";
import { stringItemText, unescapeXml } from "../analytics/xlsx/xml.js";
import { NumberKind } from "../analytics/xlsx/styles-part.js";

/** Days between the 1900 and 1904 date systems' serials. */
const DAYS_1904 = 1462;

/**
 * Text as element content: markup escaped; characters XML cannot hold (and CR, which a parser
 * would turn into LF) as OOXML's _xHHHH_; a literal "_x000D_" in the text kept literal by
 * escaping its underscore (_x005F_), as Excel does.
 */
const NEEDS_ESCAPE = /[&<>"_\u0000-\u001F\uFFFE\uFFFF]/u;

export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = text.replace(/_(x[0-9A-Fa-f]{4}_)/gu, "_x005F_$1");
  out = out.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");
  // eslint-disable-next-line no-control-regex
  return out.replace(/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/gu, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/\n/gu, "&#10;").replace(/\t/gu, "&#9;");
}

export function serialOf(day: string, date1904: boolean): number {
  return dayToSerial(day) - (date1904 ? DAYS_1904 : 0);
}

/** The cell element for an edit's value; `p` is the sheet's namespace prefix ("" or "x:"). */
export function cellXml(p: string, ref: string, style: number | undefined, value: EditValue, date1904: boolean): string {
  const s = style === undefined || style === 0 ? "" : ` s="${style}"`;
  if (value === null || value === "") return `<${p}c r="${ref}"${s}/>`;
  if (typeof value === "number") return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  if (typeof value === "boolean") return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (typeof value === "string") {
    return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(value)}</${p}t></${p}is></${p}c>`;
  }
  if (isDayValue(value)) return `<${p}c r="${ref}"${s}><${p}v>${serialOf(value.day, date1904)}</${p}v></${p}c>`;
  if (isFormulaValue(value)) {
    const type = typeof value.result === "string" && value.result !== "" ? ' t="str"' : "";
    const cached = value.result === "" ? "" : `<${p}v>${typeof value.result === "string" ? escapeText(value.result) : value.result}</${p}v>`;
    return `<${p}c r="${ref}"${s}${type}><${p}f>${escapeText(value.formula)}</${p}f>${cached}</${p}c>`;
  }
  return `<${p}c r="${ref}"${s}/>`;
}

export interface CellContext {
  readonly sharedStrings: readonly string[];
  readonly styleKinds: readonly NumberKind[];
  readonly date1904: boolean;
}

const TYPE_ATTRIBUTE = /\st\s*=\s*(?:"([^"]*)"|'([^']*)')/u;
const STYLE_ATTRIBUTE = /\ss\s*=\s*(?:"([^"]*)"|'([^']*)')/u;

function attribute(tag: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(tag);
  return m === null ? undefined : (m[1] ?? m[2] ?? "");
}

/**
 * A cell element with the markup XML allows inside it made plain, as the reader's scanner
 * reads it: comments and processing instructions dropped, CDATA as escaped text.
 */
function plainCell(xml: string): string {
  if (!xml.includes("<!") && !xml.includes("<?")) return xml;
  return xml.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>/gu, (_whole, cdata: string | undefined) =>
    cdata === undefined ? "" : cdata.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;"),
  );
}

/** What a cell element holds, as the reader gives it: text, number, day, truth value, error. */
export function cellValueOf(cellElement: string, context: CellContext): CellValue {
  const xml = plainCell(cellElement);
  const open = /^<[^>]*>/u.exec(xml)![0];
  if (open.endsWith("/>")) return null;
  const typeText = attribute(open, TYPE_ATTRIBUTE);
  // An attribute may spell its value with character references (t="&#115;").
  const type = typeText?.includes("&") ? unescapeXml(typeText) : typeText;
  const is = /<(?:\w+:)?is[\s>]/u.exec(xml);
  if (is !== null) return blankToNull(stringItemText(xml, is.index + is[0].length, xml.length));
  const v = /<(?:\w+:)?v>([^<]*)</u.exec(xml);
  if (v === null) return null;
  const raw = v[1]!;
  switch (type) {
    case "s":
      return blankToNull(context.sharedStrings[Number(raw)] ?? "");
    case "str":
    case "inlineStr":
      return blankToNull(unescapeXml(raw));
    case "b":
      return raw === "1" || raw === "true";
    case "e":
      return { error: unescapeXml(raw) };
    case "d":
      return /^\d{4}-\d{2}-\d{2}/u.exec(raw) ? { day: raw.slice(0, 10) } : raw;
    default: {
      const n = Number(raw);
      if (raw === "" || Number.isNaN(n)) return blankToNull(raw);
      const s = attribute(open, STYLE_ATTRIBUTE);
      if (s !== undefined && context.styleKinds[Number(s)] === NumberKind.Date) {
        const day = serialToDay(Math.floor(n), context.date1904);
        return day === null ? n : { day };
      }
      return n;
    }
  }
}

function blankToNull(text: string): string | null {
  return text === "" ? null : text;
}

/** Whether a cell still holds what the plan read: empty text is an empty cell, CR LF a line break. */
export function holds(actual: CellValue, expected: CellValue): boolean {
  const blank = (v: CellValue): boolean => v === null || v === "";
  if (blank(actual) || blank(expected)) return blank(actual) && blank(expected);
  if (typeof actual === "string" && typeof expected === "string") {
    if (actual === expected) return true;
    return actual.replace(/\r\n?/gu, "\n") === expected.replace(/\r\n?/gu, "\n");
  }
  if (actual === null || expected === null || typeof actual !== "object" || typeof expected !== "object") return actual === expected;
  if ("day" in actual && "day" in expected) return actual.day === expected.day;
  if ("error" in actual && "error" in expected) return actual.error === expected.error;
  return false;
}
