/**
 * A cell of a file that holds only text (a web page, a CSV) as Excel reads what is typed into
 * it: a plain decimal is a number (序号 1, 2, 3), anything else stays as written — a leading
 * zero (编号 007), more digits than a number keeps (an ID card's 18), dates and percents, whose
 * reading is the core's.
 */
import type { CellValue } from "./sheet-model.js";

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,15})?$/u;

/** `asText`: the file marks the cell as text (Excel's mso-number-format "@"). */
export function typedText(text: string, asText = false): CellValue {
  if (text === "") return null;
  return !asText && PLAIN_NUMBER.test(text) ? Number(text) : text;
}
