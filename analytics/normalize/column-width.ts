/**
 * Column widths between the units the hosts speak. The plan's widths (DATE_COLUMN_WIDTH, a new
 * column's width) are in the unit of the file's `<col width>`, the one the command line writes:
 * characters of the widest digit of the workbook's default (Normal style) font, padding
 * included. Excel turns that into whole pixels (ECMA-376 Part 1 §18.3.1.13, Office's reading in
 * MS-OI29500 §2.1.598):
 *
 *   pixels = Truncate(((256 × width + Truncate(128 / MDW)) / 256) × MDW)
 *   width  = Truncate(pixels / MDW × 256) / 256
 *
 * where MDW is that digit's width in pixels at 96 dpi (7 for Calibri 11, Excel's default) and
 * the pixels hold 5 of padding (2 each side and 1 of grid line). Office.js reads and writes
 * points (¾ of a pixel); WPS's and VBA's ColumnWidth counts characters without the padding.
 * Compared in these units, a column the command line leaves alone the pane leaves alone too.
 */

/** The widest digit of Calibri 11 at 96 dpi: Excel's default font since 2007. */
export const DEFAULT_DIGIT_WIDTH = 7;
/** Pixels of padding in every column: 2 each side and 1 for the grid line. */
const PADDING_PIXELS = 5;
const POINTS_PER_PIXEL = 72 / 96;

/** A column's width as a host reports it. */
export interface ColumnState {
  /** In the plan's unit (characters, padding included). 0 for a hidden column. */
  readonly width: number;
  readonly hidden: boolean;
  /** The digit width the host's units were converted with. */
  readonly digitWidth: number;
}

export function pixelsOfWidth(width: number, digitWidth: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / digitWidth)) / 256) * digitWidth);
}

export function widthOfPixels(pixels: number, digitWidth: number): number {
  return Math.trunc((pixels / digitWidth) * 256) / 256;
}

/** Office.js's columnWidth for a width in the plan's unit. */
export function pointsOfWidth(width: number, digitWidth = DEFAULT_DIGIT_WIDTH): number {
  return pixelsOfWidth(width, digitWidth) * POINTS_PER_PIXEL;
}

/** The plan's unit for an Office.js columnWidth (Excel keeps whole pixels; a stray fraction is rounded). */
export function widthOfPoints(points: number, digitWidth = DEFAULT_DIGIT_WIDTH): number {
  return widthOfPixels(Math.round(points / POINTS_PER_PIXEL), digitWidth);
}

/** VBA's and WPS's ColumnWidth (characters without the padding) for a width in the plan's unit. */
export function charactersOfWidth(width: number, digitWidth = DEFAULT_DIGIT_WIDTH): number {
  return Math.round(((pixelsOfWidth(width, digitWidth) - PADDING_PIXELS) / digitWidth) * 100) / 100;
}

/** The plan's unit for a VBA ColumnWidth. */
export function widthOfCharacters(characters: number, digitWidth = DEFAULT_DIGIT_WIDTH): number {
  return widthOfPixels(Math.round(characters * digitWidth) + PADDING_PIXELS, digitWidth);
}

/**
 * The digit width a host's own figures imply: a column's width in points beside the same
 * width in characters (WPS gives both: Width and ColumnWidth). Null when they cannot tell
 * (a hidden or zero-width column).
 */
export function digitWidthOf(points: number, characters: number): number | null {
  if (!(characters > 0) || !(points > 0)) return null;
  const pixels = Math.round(points / POINTS_PER_PIXEL);
  const digit = Math.round((pixels - PADDING_PIXELS) / characters);
  return digit > 0 ? digit : null;
}

/**
 * The widest of the digits 0–9 of a font, in whole pixels at 96 dpi, as Excel measures it for
 * the Normal style. `measure` gives a text's width in pixels at a pixel size (a canvas in the
 * pane); without one the digit is taken as half the font's em, which is Calibri's and SimSun's
 * proportion near 11 pt.
 */
export function maxDigitWidth(font: { readonly name: string; readonly size: number }, measure?: (text: string, font: string, pixels: number) => number): number {
  const pixels = (font.size * 96) / 72;
  if (!(pixels > 0)) return DEFAULT_DIGIT_WIDTH;
  const widest = measure ? Math.max(...[..."0123456789"].map((d) => measure(d, font.name, pixels))) : pixels / 2;
  const digit = Math.round(widest);
  return Number.isFinite(digit) && digit > 0 ? digit : DEFAULT_DIGIT_WIDTH;
}

/**
 * The width the column should get to be at least `atLeast`, or null when it is to be left as it
 * is. Compared on screen, in pixels: widths between two pixels show alike.
 */
export function widened(state: ColumnState, atLeast: number): number | null {
  if (state.hidden) return null;
  return pixelsOfWidth(state.width, state.digitWidth) >= pixelsOfWidth(atLeast, state.digitWidth) ? null : atLeast;
}
