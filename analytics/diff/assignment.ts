/**
 * The one-to-one pairing of old and new items that maximizes total similarity (a linear sum
 * assignment, solved by the Munkres / Hungarian algorithm of the `munkres` package), never a
 * greedy first match: a greedy pass pairs an edited row with whichever similar row it meets
 * first and leaves its true counterpart as a spurious deletion and insertion.
 *
 * Candidate pairs are sparse (most rows resemble few others), so the pairs are split into
 * connected groups and each group is solved on its own: the result is the same optimum, and a
 * thousand rows cost a handful of small matrices instead of one 1000×1000.
 */
import { munkres } from "munkres";
import { UnionFind } from "../union-find.js";

export interface Candidate {
  readonly old: number;
  readonly new: number;
  /** 0–1, higher is more alike; only pairs at or above the caller's threshold are passed in. */
  readonly score: number;
}

export interface Assigned {
  readonly old: number;
  readonly new: number;
  readonly score: number;
  /** Paired best-first in a group too large to solve exactly (see LARGEST_EXACT_GROUP): for a person to confirm. */
  readonly unsure?: true;
}

/**
 * The most items on one side of a group the exact assignment solves. Munkres is cubic: 300
 * takes a fraction of a second, 5,000 (a ledger of near-identical numbered tasks, "第1234项：…"
 * beside "第1235项：…") took minutes and gigabytes. A month's changes never come near it.
 */
export const LARGEST_EXACT_GROUP = 300;

/** Candidates that compete for an old or a new item, grouped: old items 0…, new items after them. */
function groupsOf(candidates: readonly Candidate[], oldCount: number, newCount: number): Candidate[][] {
  const sets = new UnionFind(oldCount + newCount);
  for (const c of candidates) sets.union(c.old, oldCount + c.new);
  const groups = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const root = sets.find(c.old);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(c);
  }
  return [...groups.values()];
}

/** The best pairing of one connected group. A pair not offered costs as much as leaving both unpaired. */
function solveGroup(group: readonly Candidate[]): Assigned[] {
  if (group.length === 1) return [group[0]!];
  const olds = [...new Set(group.map((c) => c.old))];
  const news = [...new Set(group.map((c) => c.new))];
  if (Math.max(olds.length, news.length) > LARGEST_EXACT_GROUP) return bestFirst(group);
  const rowOf = new Map(olds.map((o, i) => [o, i]));
  const colOf = new Map(news.map((n, i) => [n, i]));
  // Cost 1 − score; 1 for a pair that is no candidate, the same as matching nothing.
  const cost = olds.map(() => new Array<number>(news.length).fill(1));
  const score = olds.map(() => new Array<number>(news.length).fill(-1));
  for (const c of group) {
    const r = rowOf.get(c.old)!;
    const k = colOf.get(c.new)!;
    cost[r]![k] = 1 - c.score;
    score[r]![k] = c.score;
  }
  const pairs: Assigned[] = [];
  for (const [r, k] of munkres(cost)) {
    const s = score[r]![k]!;
    if (s >= 0) pairs.push({ old: olds[r]!, new: news[k]!, score: s });
  }
  return pairs;
}

/**
 * A group too large for the exact assignment: the best-scoring pair first, then the best of
 * what is left (ties to the earlier new row, then the earlier old one). Every pair is marked
 * unsure, since among so many alike rows no pairing is certain.
 */
function bestFirst(group: readonly Candidate[]): Assigned[] {
  const ranked = [...group].sort((a, b) => b.score - a.score || a.new - b.new || a.old - b.old);
  const [oldTaken, newTaken] = [new Set<number>(), new Set<number>()];
  const pairs: Assigned[] = [];
  for (const c of ranked) {
    if (oldTaken.has(c.old) || newTaken.has(c.new)) continue;
    oldTaken.add(c.old);
    newTaken.add(c.new);
    pairs.push({ old: c.old, new: c.new, score: c.score, unsure: true });
  }
  return pairs;
}

/** Pairs of (old, new) indexes, each index at most once, with the largest total score. */
export function assignPairs(candidates: readonly Candidate[], oldCount: number, newCount: number): Assigned[] {
  const pairs = groupsOf(candidates, oldCount, newCount).flatMap(solveGroup);
  return pairs.sort((a, b) => a.new - b.new);
}
