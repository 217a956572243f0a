/** Text folding shared by every rule: what a clerk typed, made comparable. */
import { isDayCell, isErrorCell, type CellValue } from "./sheet/model.js";

/** NFKC folds full-width digits, letters and spaces (１２３, ＡＢＣ, U+3000) to their plain forms. */
export function fold(text: string): string {
  return text.normalize("NFKC");
}

/** Folded, with every kind of white space removed: for matching words, not for display. */
export function compact(text: string): string {
  return fold(text).replace(/\s+/g, "");
}

/** Folded and trimmed, inner runs of space collapsed: for display and names. */
export function tidy(text: string): string {
  return fold(text).replace(/\s+/g, " ").trim();
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
