/**
 * Finding the pairs of task texts alike enough to be one item, without comparing every pair:
 * prefix filtering gives exactly the pairs a comparison of all of them gives, in the same order,
 * and a text resembling hundreds is paired with the most alike only.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MOST_ALIKE_TEXTS, prefixLength, similarPairs, type SimilarPair } from "../../../analytics/diff/similar-pairs.js";
import { BigramCodes, dice, foldTask } from "../../../analytics/diff/similarity.js";

/** Every pair compared: by new index, then the smallest bigram the two share, then old index. */
function allPairsCompared(olds: readonly Int32Array[], news: readonly Int32Array[], floor: number): SimilarPair[] {
  const pairs: Array<SimilarPair & { firstShared: number }> = [];
  news.forEach((b, n) =>
    olds.forEach((a, o) => {
      const shared = [...a].filter((g) => b.includes(g));
      const similarity = dice(a, b);
      if (shared.length > 0 && similarity >= floor) pairs.push({ old: o, new: n, similarity, firstShared: Math.min(...shared) });
    }),
  );
  pairs.sort((x, y) => x.new - y.new || x.firstShared - y.firstShared || x.old - y.old);
  return pairs.map(({ old, new: n, similarity }) => ({ old, new: n, similarity }));
}

/** Texts as the diff profiles them, each distinct text one shared bigram array. */
function profiled(texts: readonly string[], codes: BigramCodes, memo: Map<string, Int32Array>): Int32Array[] {
  return texts.map((t) => {
    let grams = memo.get(t);
    if (!grams) memo.set(t, (grams = codes.profile(foldTask(t))));
    return grams;
  });
}

const WORDS = ["落实", "整改", "河长制", "建立", "长效", "机制", "清四乱", "专项", "行动", "党员", "教育", "管理", "工作", "财务", "审核"];
const task = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(""));

describe("similarPairs", () => {
  it("finds exactly the pairs comparing every pair finds, in the same order", () => {
    fc.assert(
      fc.property(fc.array(task, { maxLength: 25 }), fc.array(task, { maxLength: 25 }), fc.constantFrom(0.3, 0.4, 0.5, 0.8), (oldTexts, newTexts, floor) => {
        const [codes, memo] = [new BigramCodes(), new Map<string, Int32Array>()];
        const olds = profiled(oldTexts, codes, memo);
        const news = profiled(newTexts, codes, memo);
        const found = similarPairs(olds, news, olds.map((_, i) => i), news.map((_, i) => i), floor);
        expect(found).toEqual(allPairsCompared(olds, news, floor));
      }),
    );
  });

  it("looks only at the indexes given, and asks the caller which old rows of a text may pair", () => {
    const [codes, memo] = [new BigramCodes(), new Map<string, Int32Array>()];
    const olds = profiled(["落实河长制清四乱专项行动", "落实河长制清四乱专项行动", "落实河长制清四乱专项行动", "党员教育管理"], codes, memo);
    const news = profiled(["落实河长制清四乱专项行动并建立长效机制"], codes, memo);
    const everyOther = (_: number, group: readonly number[]) => group.filter((o) => o !== 1);
    expect(similarPairs(olds, news, [1, 2, 3], [0], 0.4, everyOther).map((p) => p.old)).toEqual([2]);
  });

  it(`pairs a text that resembles hundreds with the ${MOST_ALIKE_TEXTS} most alike`, () => {
    // Numbered tasks in one wording: 第1项… to 第300项… all resemble "第7项…" above the floor.
    const [codes, memo] = [new BigramCodes(), new Map<string, Int32Array>()];
    const olds = profiled(Array.from({ length: 300 }, (_, i) => `第${i + 1}项：落实河长制，完成辖区河道清四乱专项行动`), codes, memo);
    const news = profiled(["第7项：落实河长制，完成辖区河道清四乱专项行动"], codes, memo);
    const found = similarPairs(olds, news, olds.map((_, i) => i), [0], 0.4);
    expect(found).toHaveLength(MOST_ALIKE_TEXTS);
    expect(found.some((p) => p.old === 6 && p.similarity === 1)).toBe(true);
    const kept = Math.min(...found.map((p) => p.similarity));
    const left = olds.map((a, o) => ({ o, s: dice(a, news[0]!) })).filter(({ o }) => !found.some((p) => p.old === o));
    expect(left.every(({ s }) => s <= kept)).toBe(true);
  });
});

describe("prefixLength", () => {
  it("is long enough that two texts at least `floor` alike share a bigram in their prefixes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.constantFrom(0.3, 0.4, 0.5, 0.75, 1), (n, m, floor) => {
        // The fewest shared bigrams Dice ≥ floor allows: each prefix must reach past the other's unshared ones.
        const overlap = Math.ceil((floor * (n + m)) / 2 - 1e-9);
        if (overlap > Math.min(n, m)) return;
        expect(prefixLength(n, floor)).toBeGreaterThanOrEqual(n - overlap + 1);
      }),
    );
  });
});
