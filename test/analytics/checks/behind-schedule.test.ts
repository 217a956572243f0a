/** behind-schedule.ts: unfinished work a progress report says is behind its 序时进度 (contract §3). */
import { describe, expect, it } from "vitest";
import { findingsOf, where } from "./ledger-findings.js";

const HEADER = ["序号", "重点任务", "责任单位", "完成时限", "进展情况", "备注"];

describe("behind schedule", () => {
  it("an item whose status says 滞后 or 未达序时, at its status cell, long before its deadline", () => {
    const found = findingsOf(["behind-schedule"], [
      HEADER,
      [1, "推进营商环境改革", "区发改局", "2019年12月31日", "进展滞后", null],
      [2, "优化政务服务", "区政务中心", "2019年12月31日", "序时推进", null],
      [3, "老旧小区改造", "区住建局", "2019年12月31日", "未达序时进度", null],
    ], { asOf: "2019-06-30" });
    expect(found.map(where)).toEqual([
      { rule: "behind-schedule", cell: "E2", value: "进展滞后" },
      { rule: "behind-schedule", cell: "E4", value: "未达序时进度" },
    ]);
  });

  it("a pace word alone in the remark counts too", () => {
    const found = findingsOf(["behind-schedule"], [HEADER, [1, "推进营商环境改革", "区发改局", "2019年12月31日", "推进中", "滞后"]], { asOf: "2019-06-30" });
    expect(found.map((f) => f.row)).toEqual([2]);
  });

  it("finished work is never behind", () => {
    const found = findingsOf(["behind-schedule"], [HEADER, [1, "推进营商环境改革", "区发改局", "2019年12月31日", "已完成", "滞后"]], { asOf: "2019-06-30" });
    expect(found).toEqual([]);
  });
});
