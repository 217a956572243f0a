/** Plain-text tables that line up with Chinese text (wide characters take two columns). */
import stringWidth from "string-width";

/**
 * Text in which every UTF-16 unit is a character of its own, as in nearly every ledger cell: no
 * surrogate pairs, joiners, variation selectors, marks or escape sequences. Its width is the sum
 * of its characters' widths.
 */
const ONE_UNIT_CHARACTERS = /^[^\u{10000}-\u{10ffff}\ud800-\udfff\u200d\ufe00-\ufe0f\p{M}\x1b\x9b]*$/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/u;

/** Each UTF-16 unit's width, as string-width measures it alone; −1 until first asked. */
const unitWidths = new Int8Array(0x10000).fill(-1);
function unitWidth(code: number): number {
  let width = unitWidths[code]!;
  if (width < 0) unitWidths[code] = width = stringWidth(String.fromCharCode(code));
  return width;
}

/**
 * Columns `text` takes on a terminal. string-width's emoji scan over every cell was most of
 * `diff`'s time on 10,000 rows, so it measures only text with joined characters (an emoji with
 * its modifiers); other text is measured a character at a time, each character once.
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (!ONE_UNIT_CHARACTERS.test(text)) return stringWidth(text);
  let width = 0;
  for (let i = 0; i < text.length; i++) width += unitWidth(text.charCodeAt(i));
  return width;
}

export function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Cut to at most `width` columns, marking the cut with "…"; a character (an emoji with its joiners) is never split. */
export function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const characters = ONE_UNIT_CHARACTERS.test(text) ? text : Array.from(graphemes.segment(text), (s) => s.segment);
  let out = "";
  let used = 0;
  for (const character of characters) {
    const w = displayWidth(character);
    if (used + w > width - 1) break;
    out += character;
    used += w;
  }
  return `${out}…`;
}

/** The widest of `texts` (a loop: a spread of 100,000 rows into Math.max overflows the stack). */
export function widestOf(texts: Iterable<string>, least = 0): number {
  let widest = least;
  for (const text of texts) widest = Math.max(widest, displayWidth(text));
  return widest;
}

export function renderTable(headings: readonly string[], rows: readonly (readonly string[])[], indent = "  "): string[] {
  const columnWidths = headings.map((h, i) => widestOf(rows.map((r) => r[i] ?? ""), displayWidth(h)));
  const line = (cells: readonly string[]) =>
    indent + cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, columnWidths[i] ?? 0))).join("  ").trimEnd();
  const lines = [line(headings)];
  for (const row of rows) lines.push(line(row));
  return lines;
}
