/**
 * How wide the workbook's default font draws a digit, measured as Excel measures it: the Normal
 * style's font at its size, 96 dpi. The pane measures on a canvas. A font this machine lacks
 * (Calibri in a browser on Linux) would be measured as some other font: it is recognised (two
 * different fallbacks then draw the digits differently) and estimated from its size instead.
 */
import { maxDigitWidth } from "../../analytics/normalize/column-width.js";

type Measure = (text: string, font: string, pixels: number) => number;

/** A canvas measure of the font, or undefined outside a browser or when the font is missing. */
function canvasMeasure(name: string): Measure | undefined {
  if (typeof document === "undefined") return undefined;
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return undefined;
  const family = `"${name.replace(/["\\]/gu, "")}"`;
  const width = (text: string, font: string, pixels: number): number => {
    context.font = `${pixels}px ${font}`;
    return context.measureText(text).width;
  };
  const installed = width("0123456789", `${family}, monospace`, 40) === width("0123456789", `${family}, serif`, 40);
  return installed ? (text, _name, pixels) => width(text, family, pixels) : undefined;
}

/** The Normal font's widest digit in whole pixels. */
export function normalDigitWidth(font: { readonly name: string; readonly size: number }): number {
  return maxDigitWidth(font, canvasMeasure(font.name));
}
