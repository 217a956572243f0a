/**
 * Every (old, new) pair of task texts whose bigram Dice coefficient reaches a floor, without
 * comparing each new text with every old one that shares a bigram. Ledgers are written in a few
 * words (整改, 落实, 建立, 工作…), so a bigram index alone hands each new text a large share of
 * the old ones to count: at 100,000 rows that was most of `diff`'s time.
 *
 * Prefix filtering (the similarity-join technique of AllPairs and PPJoin): order the bigrams
 * rarest first. Two texts of n and m bigrams with Dice ≥ t share at least t·n/(2−t) of them, so
 * each one's first n − ⌈t·n/(2−t)⌉ + 1 bigrams in that order hold a shared one. Only those
 * prefixes are indexed and probed; each pair found is then measured exactly. The result is the
 * same set of pairs as comparing all of them, in the same order (see `similarPairs`). A text that
 * repeats (one bigram array handed out for every row that holds it) is compared once, and a new
 * text is paired with at most MOST_ALIKE_TEXTS old ones, the most alike.
 */
import { dice } from "./similarity.js";

export interface SimilarPair {
  readonly old: number;
  readonly new: number;
  /** The Dice coefficient of the two texts' bigrams. */
  readonly similarity: number;
}

/** How many of a text's `size` bigrams, rarest first, must be looked at to meet any text it is at least `floor` alike with. */
export function prefixLength(size: number, floor: number): number {
  if (size === 0) return 0;
  return size - Math.ceil((floor * size) / (2 - floor) - 1e-9) + 1;
}

/**
 * Pairs of `olds[o]` and `news[n]` (sorted bigram codes, as BigramCodes gives) among the indexes
 * given, with Dice ≥ `floor` (0 < floor ≤ 1), of the MOST_ALIKE_TEXTS old texts most alike each new one. Ordered as a plain inverted index would meet them:
 * by new index (in `newIndexes` order), then by the smallest bigram code the two share, then by
 * old index (in `oldIndexes` order), so the pairing that follows does not depend on the method.
 * `among` narrows the old rows of one text that `next` may pair with (the caller's own rule,
 * answered from its indexes), keeping their order.
 */
export function similarPairs(
  olds: readonly Int32Array[],
  news: readonly Int32Array[],
  oldIndexes: readonly number[],
  newIndexes: readonly number[],
  floor: number,
  among: (next: number, group: readonly number[]) => readonly number[] = (_, group) => group,
): SimilarPair[] {
  // A task handed to twenty units is one text twenty times: texts are compared once each.
  const oldTexts = byText(olds, oldIndexes);
  const newTexts = byText(news, newIndexes);
  // How many texts of either side hold each bigram: the rarest come first in every prefix.
  const counts = new Map<number, number>();
  for (const grams of [...oldTexts.keys(), ...newTexts.keys()]) for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1);
  const prefix = (grams: Int32Array): number[] =>
    Array.from(grams)
      .sort((a, b) => counts.get(a)! - counts.get(b)! || a - b)
      .slice(0, prefixLength(grams.length, floor));

  // Old texts by number, so a probe marks the ones it has met in an array, not a set.
  const oldList = [...oldTexts.keys()];
  const postings = new Map<number, number[]>();
  oldList.forEach((grams, id) => {
    for (const g of prefix(grams)) {
      let list = postings.get(g);
      if (!list) postings.set(g, (list = []));
      list.push(id);
    }
  });
  const metBy = new Int32Array(oldList.length).fill(-1);
  const alikeOld = new Map<Int32Array, readonly Alike[]>();
  let probe = 0;
  for (const grams of newTexts.keys()) {
    const alike: Alike[] = [];
    for (const g of prefix(grams)) {
      for (const id of postings.get(g) ?? []) {
        if (metBy[id] === probe) continue;
        metBy[id] = probe;
        const old = oldList[id]!;
        const similarity = dice(old, grams);
        if (similarity >= floor) alike.push({ grams: old, similarity, firstShared: firstShared(old, grams), at: alike.length });
      }
    }
    alikeOld.set(grams, mostAlike(alike));
    probe++;
  }

  const oldPlace = new Map<number, number>();
  oldIndexes.forEach((o, place) => oldPlace.set(o, place));
  const pairs: SimilarPair[] = [];
  for (const n of newIndexes) {
    const found: Array<{ old: number; similarity: number; firstShared: number }> = [];
    for (const { grams, similarity, firstShared } of alikeOld.get(news[n]!) ?? []) {
      for (const old of among(n, oldTexts.get(grams)!)) found.push({ old, similarity, firstShared });
    }
    found.sort((a, b) => a.firstShared - b.firstShared || oldPlace.get(a.old)! - oldPlace.get(b.old)!);
    for (const f of found) pairs.push({ old: f.old, new: n, similarity: f.similarity });
  }
  return pairs;
}

/**
 * The most old texts one new text is paired against. A ledger of numbered tasks written alike
 * ("第1234项：学习贯彻…" beside "第1235项：学习贯彻…") makes every text resemble thousands; the
 * counterpart of an edited task is among the few most alike, and the rest only cost time.
 */
export const MOST_ALIKE_TEXTS = 64;

/** An old text alike a new one: how alike, the smallest bigram code they share, and its place among those found. */
interface Alike {
  readonly grams: Int32Array;
  readonly similarity: number;
  readonly firstShared: number;
  readonly at: number;
}

/** The MOST_ALIKE_TEXTS most similar (ties to the earlier shared bigram, then the earlier found), in the order they were found. */
function mostAlike(alike: readonly Alike[]): readonly Alike[] {
  if (alike.length <= MOST_ALIKE_TEXTS) return alike;
  const best = [...alike].sort((a, b) => b.similarity - a.similarity || a.firstShared - b.firstShared || a.at - b.at).slice(0, MOST_ALIKE_TEXTS);
  return best.sort((a, b) => a.at - b.at);
}

/** The indexes holding each text (one bigram array per distinct text, as the caller's memo hands them out), in index order. */
function byText(texts: readonly Int32Array[], indexes: readonly number[]): Map<Int32Array, number[]> {
  const groups = new Map<Int32Array, number[]>();
  for (const i of indexes) {
    const grams = texts[i]!;
    if (grams.length === 0) continue;
    let group = groups.get(grams);
    if (!group) groups.set(grams, (group = []));
    group.push(i);
  }
  return groups;
}

/** The smallest code two sorted code sets share (they share one: the pair was found through it). */
function firstShared(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) return a[i]!;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return -1;
}
