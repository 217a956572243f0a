/** seq.ts: item numbers that skip or repeat (seq-gap); numbering may restart at 1 under each category. */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { findingsOf, where } from "./ledger-findings.js";

const HEADER = ["序号", "问题类别", "整改任务", "责任单位", "完成时限", "完成情况"];
const rows = (...seqs: CellValue[]) => seqs.map((seq, i) => [seq, "党的建设方面", `任务${i + 1}`, "区财政局", "2019年12月31日", "整改中"]);

describe("seq gaps", () => {
  it("a skipped number, with the number expected", () => {
    expect(findingsOf(["seq-gap"], [HEADER, ...rows(1, 2, 4, 5)]).map(where)).toEqual([{ rule: "seq-gap", cell: "A4", value: "4", suggestion: 3 }]);
  });

  it("a repeated number, once: the numbering goes on from it", () => {
    expect(findingsOf(["seq-gap"], [HEADER, ...rows(1, 2, 2, 3)]).map(where)).toEqual([{ rule: "seq-gap", cell: "A4", value: "2", suggestion: 3 }]);
  });

  it("numbering that starts again at 1 (a new section) is no gap; numbers written 1. or 2、 are read", () => {
    expect(findingsOf(["seq-gap"], [HEADER, ...rows(1, 2, 3, 1, 2, "3、", "4.")])).toEqual([]);
  });

  it("rows under one merged number are one task with several measures", () => {
    expect(findingsOf(["seq-gap"], [HEADER, ...rows(1, 2, null, null, 3)], { merges: ["A3:A5"] })).toEqual([]);
  });

  it("rows without a number are passed over", () => {
    expect(findingsOf(["seq-gap"], [HEADER, ...rows(1, null, 2, 3)])).toEqual([]);
  });

  it("texts that are not one number (2.1, （三）, 3.., a lone 、) are passed over; a number with its mark is read", () => {
    expect(findingsOf(["seq-gap"], [HEADER, ...rows(1, 2, "2.1", "（三）", "3..", "、", 3)])).toEqual([]);
    expect(findingsOf(["seq-gap"], [HEADER, ...rows(1, 2, "4、")]).map(where)).toEqual([{ rule: "seq-gap", cell: "A4", value: "4、", suggestion: 3 }]);
  });
});
