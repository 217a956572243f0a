/**
 * CellMap, the planner's and the patch's table of values by cell: a value per row and column,
 * the last one set kept, and every value given back row by row, left to right, whatever order
 * they were set in, including rows past 65,536 and columns up to Excel's last.
 */
import { describe, expect, it } from "vitest";
import { CellMap } from "../../../analytics/normalize/cell-map.js";

describe("CellMap", () => {
  it("gives back the value set for a cell, and nothing for a cell never set", () => {
    const cells = new CellMap<string>();
    cells.set(5, 3, "C5");
    cells.set(1_048_576, 16_384, "XFD1048576");
    expect(cells.get(5, 3)).toBe("C5");
    expect(cells.get(1_048_576, 16_384)).toBe("XFD1048576");
    expect(cells.get(5, 4)).toBeUndefined();
    expect(cells.get(6, 3)).toBeUndefined();
    expect(cells.has(5, 3)).toBe(true);
    expect(cells.has(3, 5)).toBe(false);
  });

  it("keeps one value a cell: setting it again replaces it", () => {
    const cells = new CellMap<number>();
    cells.set(70_000, 2, 1);
    cells.set(70_000, 2, 2);
    expect(cells.get(70_000, 2)).toBe(2);
    expect(cells.size).toBe(1);
  });

  it("lists the values row by row, left to right, whatever the order they were set in", () => {
    const cells = new CellMap<string>();
    for (const [row, col] of [[9, 4], [3, 8], [9, 1], [100_000, 2], [3, 2], [65_537, 16_384]] as const) cells.set(row, col, `${row}:${col}`);
    expect(cells.sorted()).toEqual(["3:2", "3:8", "9:1", "9:4", "65537:16384", "100000:2"]);
    expect(cells.size).toBe(6);
  });
});
