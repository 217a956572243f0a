/** The merge index costs what the sheet holds, whatever a merge's reference claims. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MergeIndex } from "../../../analytics/sheet/merge-index.js";
import { columnLetter } from "../../../analytics/sheet/address.js";
import { sheetOf } from "../../helpers/sheet.js";

/** Entries the index holds, over its row and column lists (a count, not a timing). */
function entries(index: MergeIndex): number {
  const lists = index as unknown as { byRow: (unknown[] | undefined)[]; byColumn: (unknown[] | undefined)[] };
  return [...lists.byRow, ...lists.byColumn].reduce((n: number, list) => n + (list?.length ?? 0), 0);
}

describe("the merge index", () => {
  it("indexes a full-column merge only down to the sheet's last row", () => {
    const rows = Array.from({ length: 20 }, (_, i) => ["x", i === 17 ? "合并" : null]);
    const sheet = sheetOf(rows, { merges: ["B18:B1048576", "A1:XFD1048576"] });
    const index = new MergeIndex(sheet);
    // The two overlap (a damaged file): the one listed first wins, as Excel's repair keeps it.
    expect(index.shownValue(20, 2)).toBe("合并");
    expect(index.shownValue(5, 3)).toBe("x");
    expect(index.rangeAt(1_000_000, 2)).toBeUndefined();
    expect(entries(index)).toBeLessThanOrEqual(21 + 1);
  });

  it("indexes a tall merge under its columns and a wide one under its rows, one entry each", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => (i % 1000 === 0 || i === 1 ? ["v", "w", "y"] : []));
    const sheet = sheetOf(rows, { merges: ["B2:B100000", "C5:XFD5", "A7:A8"] });
    const index = new MergeIndex(sheet);
    expect(entries(index)).toBe(1 + 1 + 1);
    expect(index.shownValue(99_999, 2)).toBe("w");
    expect(index.isCovered(5, 3)).toBe(false);
    expect(index.isCovered(5, 16_000)).toBe(true);
    expect(index.rangeAt(6, 16_000)).toBeUndefined();
    expect(index.rangeAt(8, 1)).toEqual({ top: 7, left: 1, bottom: 8, right: 1 });
  });

  it("finds the merge under any cell of a row holding thousands of them", () => {
    const refs = Array.from({ length: 5_000 }, (_, i) => `${columnLetter(3 * i + 1)}1:${columnLetter(3 * i + 2)}1`);
    const values = Array.from({ length: 15_000 }, (_, c) => (c % 3 === 0 ? `m${c / 3}` : null));
    const index = new MergeIndex(sheetOf([values], { merges: [...refs].reverse() }));
    for (const i of [0, 1, 2_499, 4_999]) {
      expect(index.shownValue(1, 3 * i + 2)).toBe(`m${i}`);
      expect(index.rangeAt(1, 3 * i + 3)).toBeUndefined();
    }
  });

  it("answers as a search of every range would, whatever order the cells are asked in", () => {
    // Down a column the index starts from where its last search ended: asked out of order,
    // back up, or across columns, the answer must not depend on that.
    const range = fc.record({ top: fc.integer({ min: 1, max: 30 }), left: fc.integer({ min: 1, max: 4 }), height: fc.integer({ min: 0, max: 6 }), width: fc.integer({ min: 0, max: 2 }) });
    const cell = fc.tuple(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 6 }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 12 }), fc.array(cell, { maxLength: 60 }), (ranges, asked) => {
        // Excel's merges never overlap: a range that would is left out (damaged files have their own test above).
        const merges: { top: number; left: number; bottom: number; right: number }[] = [];
        for (const r of ranges) {
          const m = { top: r.top, left: r.left, bottom: r.top + r.height, right: r.left + r.width };
          if (!merges.some((o) => o.top <= m.bottom && m.top <= o.bottom && o.left <= m.right && m.left <= o.right)) merges.push(m);
        }
        const rows = Array.from({ length: 30 }, (_, r) => Array.from({ length: 6 }, (_, c) => `${columnLetter(c + 1)}${r + 1}`));
        const index = new MergeIndex({ ...sheetOf(rows), merges });
        // The first range listed that covers the cell, its rows clipped to the sheet's.
        const covering = (row: number, col: number) => merges.find((m) => m.top <= row && row <= Math.min(m.bottom, 30) && m.left <= col && col <= m.right);
        for (const [row, col] of asked) {
          const expected = covering(row, col);
          expect(index.rangeAt(row, col)).toEqual(expected);
          expect(index.shownValue(row, col)).toBe(expected ? rows[expected.top - 1]![expected.left - 1] : (rows[row - 1]?.[col - 1] ?? null));
        }
      }),
    );
  });
});
