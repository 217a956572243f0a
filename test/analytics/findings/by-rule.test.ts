/** Findings grouped by rule, as `taizhang check` prints them and the pane lists them. */
import { describe, expect, it } from "vitest";
import { findingsByRule } from "../../../analytics/findings/by-rule.js";
import { makeFinding } from "../../../analytics/findings/finding.js";

const at = (rule: Parameters<typeof makeFinding>[0], row: number) => makeFinding(rule, "zh", "整改台账", { row, cell: `H${row}` }, { raw: "尽快", days: 3, date: "2019-06-30" });

describe("findings by rule", () => {
  it("puts errors first, then warnings, then notes, each rule's findings in sheet order", () => {
    const findings = [at("hidden-row", 4), at("missing-owner", 5), at("overdue", 9), at("missing-owner", 7), at("overdue", 6)];
    const grouped = findingsByRule(findings);
    expect(grouped.map(([rule]) => rule)).toEqual(["overdue", "missing-owner", "hidden-row"]);
    expect(grouped[0]![1].map((f) => f.row)).toEqual([9, 6]);
    expect(grouped[1]![1].map((f) => f.row)).toEqual([5, 7]);
  });

  it("keeps rules of equal severity in the order their first finding came", () => {
    const grouped = findingsByRule([at("status-unknown", 3), at("missing-task", 4), at("status-unknown", 5)]);
    expect(grouped.map(([rule, list]) => [rule, list.length])).toEqual([["status-unknown", 2], ["missing-task", 1]]);
  });

  it("has nothing to group when there are no findings", () => {
    expect(findingsByRule([])).toEqual([]);
  });
});
