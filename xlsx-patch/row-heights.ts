/**
 * How tall a row must be to show the filled-down text normalize wraps in it. A dissolved merge
 * (责任单位 over four rows) showed its text in the merged area's height; filled into each row and
 * wrapped there, it needs as many lines in every row. A row the clerk fixed at one line's
 * height (customHeight) is never grown by Excel or WPS, so it showed only the first line: such a
 * row, and any row whose stored height is too low, is raised to the lines its text needs.
 * Widths are Excel's character units: a CJK or full-width character takes two, others one.
 */
import { attrOf, setAttr } from "./tag-attributes.js";

/** Excel's default row height in points (11-point body text), when the sheet gives none. */
const DEFAULT_LINE_HEIGHT = 15;

function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000;
}

/** The lines `text` takes wrapped in a column `width` characters wide (a cell's padding left out). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\n|\r/u)) {
    let units = 0;
    for (const ch of paragraph) units += isWide(ch.codePointAt(0)!) ? 2 : 1;
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

/**
 * A row's start tag raised to `lines` lines of `lineHeight` points, when it stores a height that
 * is lower; a row without a stored height is left to the application, which fits it.
 */
export function raisedRow(openTag: string, lines: number, lineHeight: number): string {
  // Most rows hold no wrapped text: they are passed before any attribute is read.
  if (lines <= 1) return openTag;
  const stored = Number(attrOf(openTag, "ht") ?? Number.NaN);
  const needed = lines * lineHeight;
  if (!Number.isFinite(stored) || stored >= needed) return openTag;
  return setAttr(openTag, "ht", String(needed));
}

/** The height of one line of the sheet's text: its default row height, else Excel's. */
export function lineHeightOf(sheetFormatPr: string): number {
  const given = Number(attrOf(sheetFormatPr, "defaultRowHeight") ?? Number.NaN);
  return Number.isFinite(given) && given > 0 ? given : DEFAULT_LINE_HEIGHT;
}
