/** The merge index costs what the sheet holds, whatever a merge's reference claims. */
import { describe, expect, it } from "vitest";
import { MergeIndex } from "../../../analytics/sheet/merge-index.js";
import { sheetOf } from "../../helpers/sheet.js";

describe("the merge index", () => {
  it("indexes a full-column merge only down to the sheet's last row", () => {
    const rows = Array.from({ length: 20 }, (_, i) => ["x", i === 17 ? "合并" : null]);
    const sheet = sheetOf(rows, { merges: ["B18:B1048576", "A1:XFD1048576"] });
    const index = new MergeIndex(sheet);
    expect(index.shownValue(20, 2)).toBe("合并");
    expect(index.rangeAt(1_000_000, 2)).toBeUndefined();
    // The rows indexed: the sheet's 20, not a million (a count, not a timing).
    expect((index as unknown as { byRow: unknown[] }).byRow.length).toBeLessThanOrEqual(21);
  });
});
