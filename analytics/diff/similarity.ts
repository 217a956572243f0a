/**
 * How alike two task texts are: the Dice coefficient of their character bigrams, after
 * folding (width, spaces, punctuation, leading numbering). Chinese has no spaces between
 * words, so character pairs are the unit that survives light edits ("加强" / "进一步加强").
 *
 * Texts are turned into sorted arrays of bigram ids once; comparing two is then a merge of
 * two small integer arrays, and an inverted index finds the candidates sharing any bigram.
 */
import { compact } from "../text.js";

/** Numbering a clerk puts before a task ("1.", "（一）", "一、", "①") and any punctuation. */
const LEADING_NUMBER = /^(?:\(?[0-9一二三四五六七八九十]+[)、.．]|[①-⑳])/u;
const PUNCTUATION = /[\p{P}\p{S}]/gu;
/**
 * A short mark a clerk puts before the task to flag the row ("【已销号】", "【重点】", "[新增]"):
 * it says something about the item, it is not the task's wording.
 */
const LEADING_MARK = /^(?:【[^【】]{1,8}】|\[[^[\]]{1,8}\])+/u;

/** The text as compared: folded, no spaces, no flag marks, no numbering, no punctuation. */
export function foldTask(text: string | null): string {
  if (text === null) return "";
  return compact(text).replace(LEADING_MARK, "").replace(LEADING_NUMBER, "").replace(LEADING_MARK, "").replace(PUNCTUATION, "");
}

/** Gives each distinct bigram a small integer, shared by both versions of a ledger. */
export class BigramCodes {
  private readonly codes = new Map<string, number>();

  get size(): number {
    return this.codes.size;
  }

  /** The distinct bigrams of a folded text, as sorted codes; a one-character text is its own unit. */
  profile(folded: string): Int32Array {
    const chars = Array.from(folded);
    const grams = chars.length === 1 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
    const out = new Set<number>();
    for (const g of grams) {
      let code = this.codes.get(g);
      if (code === undefined) this.codes.set(g, (code = this.codes.size));
      out.add(code);
    }
    return Int32Array.from(out).sort();
  }
}

/** Dice coefficient of two sorted code sets: 2·|A∩B| / (|A|+|B|); two empty texts are not alike. */
export function dice(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * sharedCount(a, b)) / (a.length + b.length);
}

function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** Similarity of two raw task texts, for one-off use (tests, a single pair). */
export function taskSimilarity(a: string | null, b: string | null): number {
  const codes = new BigramCodes();
  return dice(codes.profile(foldTask(a)), codes.profile(foldTask(b)));
}
