/**
 * A column's memo: each distinct cell value is read once, and every kind of value is told apart
 * from the others (the text "2019-06-30" is not the date cell 2019-06-30, nor "1" the number 1).
 */
import { describe, expect, it } from "vitest";
import { CellMemo } from "../../analytics/cell-memo.js";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";

/** A memo that says what kind of value it read and counts its reads. */
function countingMemo() {
  const reads: CellValue[] = [];
  const memo = new CellMemo((value) => {
    reads.push(value);
    return value === null ? null : `${typeof value === "object" ? ("day" in value ? "day" : "error") : typeof value}:${JSON.stringify(value)}`;
  });
  return { memo, reads };
}

describe("a column's memo", () => {
  it("reads each distinct value once, however often and in whatever order it comes", () => {
    const { memo, reads } = countingMemo();
    const column: CellValue[] = ["区财政局", "区财政局", "区教育局", "区财政局", 3, 3, null, null, "区教育局", null];
    const answers = column.map((value) => memo.get(value));
    expect(answers).toEqual(["string:\"区财政局\"", "string:\"区财政局\"", "string:\"区教育局\"", "string:\"区财政局\"", "number:3", "number:3", null, null, "string:\"区教育局\"", null]);
    expect(reads).toEqual(["区财政局", "区教育局", 3, null]);
  });

  it("keys a date or error cell by what it holds: each such cell is an object of its own", () => {
    const { memo, reads } = countingMemo();
    expect(memo.get({ day: "2019-06-30" })).toBe("day:{\"day\":\"2019-06-30\"}");
    expect(memo.get({ day: "2019-06-30" })).toBe("day:{\"day\":\"2019-06-30\"}");
    expect(memo.get({ error: "#N/A" })).toBe("error:{\"error\":\"#N/A\"}");
    expect(memo.get({ error: "#N/A" })).toBe("error:{\"error\":\"#N/A\"}");
    expect(reads).toHaveLength(2);
  });

  it("never answers one kind of value with another's reading", () => {
    const { memo } = countingMemo();
    const values: CellValue[] = ["2019-06-30", { day: "2019-06-30" }, "#N/A", { error: "#N/A" }, "1", 1, true, "TRUE", false, null, ""];
    // Twice over, so the second round is answered from the memo.
    for (const value of [...values, ...values]) expect(memo.get(value)).toBe(value === null ? null : `${typeof value === "object" ? ("day" in value ? "day" : "error") : typeof value}:${JSON.stringify(value)}`);
  });
});
