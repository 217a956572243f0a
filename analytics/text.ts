/** Text folding shared by every rule: what a clerk typed, made comparable. */
import { isDayCell, isErrorCell, isTrimmedCode, type CellValue } from "./sheet/sheet-model.js";

/**
 * Characters NFKC leaves alone: printable ASCII, CJK ideographs and the common Chinese
 * punctuation (、。《》「」【】“”‘’—·). A string of only these skips normalize(), which
 * matters on sheets of 100,000 rows; anything else (full-width forms, U+3000, ①, …) folds.
 */
function isNfkcStable(text: string): boolean {
  // A loop over char codes: several times faster than the equivalent /u regex on long cells.
  for (let i = 0; i < text.length; i++) if (!isStableCode(text.charCodeAt(i))) return false;
  return true;
}

function isStableCode(c: number): boolean {
  if (c >= 0x20 && c <= 0x7e) return true;
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (c === 0x3001 || c === 0x3002 || (c >= 0x300a && c <= 0x3011)) return true;
  return c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2014 || c === 0x00b7;
}

/** After fold(): any white space left (ASCII or Unicode), found without a regex in the common case. */
function hasWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)) return true;
    if (c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return true;
  }
  return false;
}

/** NFKC folds full-width digits, letters and spaces (１２３, ＡＢＣ, U+3000) to their plain forms. */
export function fold(text: string): string {
  // Mapping only the full-width forms by hand is faster alone but slower in use: the pieces
  // must be flattened again before the text is hashed or compared, and normalize() returns a flat string.
  return isNfkcStable(text) ? text : text.normalize("NFKC");
}

/** Folded, with every kind of white space removed: for matching words, not for display. */
export function compact(text: string): string {
  // The common case: nothing to fold, and the only white space NFKC-stable text can hold is " ".
  if (isNfkcStable(text) && !text.includes(" ")) return text;
  const folded = fold(text);
  return hasWhitespace(folded) ? folded.replace(/\s+/gu, "") : folded;
}

/**
 * compact(text) === target, for a target that is itself compact, without folding text in the
 * common case: a cell is compared with a header word on every row, and most differ at their
 * first character. Text holding a character NFKC may change (or that may combine with the one
 * before it) is folded in full, so the answer is always compact's.
 */
export function compactEquals(text: string, target: string): boolean {
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isStableCode(c)) return compact(text) === target;
    if (c === 0x20) continue;
    if (j < target.length && c === target.charCodeAt(j)) {
      j++;
      continue;
    }
    // A mark after this character could still compose with it: only then is folding needed.
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
    return isStableCode(next) ? false : compact(text) === target;
  }
  return j === target.length;
}

/**
 * For text a clerk reads and Taizhang writes back: only full-width digits, letters and spaces
 * (１２３, ＡＢＣ, U+3000) become their plain forms. Chinese punctuation （）、，：stays as written:
 * "区人民医院（牵头），区财政局（配合）" is not rewritten as "区人民医院(牵头),区财政局(配合)".
 * Comparing names folds fully (fold); showing them folds only this.
 */
export function foldWidth(text: string): string {
  if (isNfkcStable(text)) return text;
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const fullWidthAlnum = (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
    if (!fullWidthAlnum && c !== 0x3000) continue;
    out += text.slice(last, i) + (c === 0x3000 ? " " : String.fromCharCode(c - 0xfee0));
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Width-folded for display (foldWidth) and trimmed, inner runs of space collapsed: for display and names. */
export function tidy(text: string): string {
  const folded = foldWidth(text);
  return hasWhitespace(folded) ? folded.replace(/\s+/gu, " ").trim() : folded;
}

/** A cell as the text a person sees; null for an empty cell. */
export function cellText(value: CellValue): string | null {
  if (value === null) return null;
  if (typeof value === "string") {
    // Most cells have nothing to trim at either end: they are returned as they are, no call made.
    if (value.length > 0 && !isTrimmedCode(value.charCodeAt(0)) && !isTrimmedCode(value.charCodeAt(value.length - 1))) return value;
    const t = value.trim();
    return t === "" ? null : t;
  }
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDayCell(value)) return value.day;
  if (isErrorCell(value)) return value.error;
  return null;
}
