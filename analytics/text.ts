/** Text folding shared by every rule: what a clerk typed, made comparable. */
import { isDayCell, isErrorCell, type CellValue } from "./sheet/model.js";

/**
 * Characters NFKC leaves alone: printable ASCII, CJK ideographs and the common Chinese
 * punctuation (、。《》「」【】“”‘’—·). A string of only these skips normalize(), which
 * matters on sheets of 100,000 rows; anything else (full-width forms, U+3000, ①, …) folds.
 */
const NFKC_STABLE = /^[\x20-\x7E\u4E00-\u9FFF\u3001\u3002\u300A-\u3011\u2018\u2019\u201C\u201D\u2014\u00B7]*$/u;
const WHITESPACE = /\s/u;

/** NFKC folds full-width digits, letters and spaces (１２３, ＡＢＣ, U+3000) to their plain forms. */
export function fold(text: string): string {
  return NFKC_STABLE.test(text) ? text : text.normalize("NFKC");
}

/** Folded, with every kind of white space removed: for matching words, not for display. */
export function compact(text: string): string {
  const folded = fold(text);
  return WHITESPACE.test(folded) ? folded.replace(/\s+/gu, "") : folded;
}

/** Folded and trimmed, inner runs of space collapsed: for display and names. */
export function tidy(text: string): string {
  const folded = fold(text);
  return WHITESPACE.test(folded) ? folded.replace(/\s+/gu, " ").trim() : folded;
}

/** A cell as the text a person sees; null for an empty cell. */
export function cellText(value: CellValue): string | null {
  if (value === null) return null;
  if (typeof value === "string") {
    const t = value.trim();
    return t === "" ? null : t;
  }
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDayCell(value)) return value.day;
  if (isErrorCell(value)) return value.error;
  return null;
}
