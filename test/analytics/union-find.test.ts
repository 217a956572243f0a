/**
 * Disjoint sets: which of n things belong together once each link has joined two of them.
 * names.ts groups spellings of one name with it, diff's assignment groups pairings that compete,
 * sheet-parts groups sheets that copy one another; each reads a set by its root, the smallest
 * member, so the first-seen thing names the group.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UnionFind } from "../../analytics/union-find.js";

/** The groups as sorted lists of members, by brute force over the links. */
function groupsByFlooding(n: number, links: ReadonlyArray<readonly [number, number]>): number[][] {
  const group = Array.from({ length: n }, (_, i) => i);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of links) {
      const low = Math.min(group[a]!, group[b]!);
      if (group[a] !== low || group[b] !== low) {
        group[a] = group[b] = low;
        changed = true;
      }
    }
  }
  const byRoot = new Map<number, number[]>();
  group.forEach((root, i) => byRoot.set(root, [...(byRoot.get(root) ?? []), i]));
  return [...byRoot.values()];
}

function groupsOf(sets: UnionFind, n: number): number[][] {
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) byRoot.set(sets.find(i), [...(byRoot.get(sets.find(i)) ?? []), i]);
  return [...byRoot.values()];
}

describe("UnionFind", () => {
  it("starts with each thing alone", () => {
    const sets = new UnionFind(3);
    expect([0, 1, 2].map((i) => sets.find(i))).toEqual([0, 1, 2]);
  });

  it("joins through a chain of links, and names the group by its smallest member", () => {
    const sets = new UnionFind(5);
    sets.union(4, 3);
    sets.union(3, 1);
    expect([1, 3, 4].map((i) => sets.find(i))).toEqual([1, 1, 1]);
    expect(sets.find(0)).toBe(0);
    expect(sets.find(2)).toBe(2);
  });

  it("takes a link twice, or a thing linked to itself, as no change", () => {
    const sets = new UnionFind(2);
    sets.union(0, 0);
    sets.union(0, 1);
    sets.union(1, 0);
    expect(groupsOf(sets, 2)).toEqual([[0, 1]]);
  });

  it("walks a chain of 200,000 links without running out of stack", () => {
    const n = 200_000;
    const sets = new UnionFind(n);
    for (let i = n - 1; i > 0; i--) sets.union(i, i - 1);
    expect(sets.find(n - 1)).toBe(0);
  });

  it("groups exactly as following the links by hand does, whatever the links", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 60 }))),
        ([n, links]) => {
          const sets = new UnionFind(n);
          for (const [a, b] of links) sets.union(a, b);
          expect(groupsOf(sets, n)).toEqual(groupsByFlooding(n, links));
        },
      ),
    );
  });
});
