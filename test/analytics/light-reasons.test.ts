/** Why a unit has its light, in words: the percentage points behind 序时进度 as an office writes them. */
import { describe, expect, it } from "vitest";
import { reasonText, reasonsText } from "../../analytics/light-reasons.js";

describe("reasonText", () => {
  it("says whole percentage points without a needless .0, and keeps one decimal where there is one", () => {
    expect(reasonText({ kind: "behind", points: 100 }, "zh")).toBe("落后序时进度100个百分点");
    expect(reasonText({ kind: "behind", points: 12.5 }, "zh")).toBe("落后序时进度12.5个百分点");
    expect(reasonText({ kind: "behind", points: 48.3871 }, "zh")).toBe("落后序时进度48.4个百分点");
    expect(reasonText({ kind: "behind", points: 19.96 }, "en")).toBe("20 points behind schedule");
  });

  it("joins a unit's reasons in the language's way, and says a green unit is on schedule", () => {
    const reasons = [{ kind: "overdue", n: 2 }, { kind: "behind", points: 30 }] as const;
    expect(reasonsText(reasons, "zh")).toBe("有2项逾期；落后序时进度30个百分点");
    expect(reasonsText(reasons, "en")).toBe("2 overdue; 30 points behind schedule");
    expect(reasonsText([], "zh")).toBe("按序时推进");
  });
});
