/** timing.ts: overdue, due-soon and completed-late, one finding per item (contract §5). */
import { describe, expect, it } from "vitest";
import { findingsOf, where } from "./ledger-findings.js";

const RULES = ["overdue", "due-soon", "completed-late"] as const;
const HEADER = ["序号", "整改任务", "责任单位", "完成时限", "完成情况", "实际完成时间"];

describe("timing findings, as of 2019-07-10", () => {
  const found = findingsOf(
    RULES,
    [
      HEADER,
      [1, "学习制度不落实", "区财政局", "2019年6月30日", "整改中", null],
      [2, "支部建设不规范", "区医保局", "2019年7月10日", "整改中", null],
      [3, "调研不深入", "区人民医院", "2019年7月17日", "未开始", null],
      [4, "文山会海", "区发改局", "2019年6月30日", "已完成", "2019年7月5日"],
      [5, "督查检查过多", "区发改局", "2019年7月18日", "整改中", null],
      [6, "台账不规范", "区发改局", "长期坚持", "持续推进", null],
      [7, "会议过多", "区发改局", "2019年6月30日", "已完成", "2019年6月28日"],
    ],
    { asOf: "2019-07-10" },
  );

  it("one finding per late or pressing item, at its deadline cell (the completion cell for completed late)", () => {
    expect(found.map(where)).toEqual([
      { rule: "overdue", cell: "D2", value: "2019年6月30日" },
      { rule: "due-soon", cell: "D3", value: "2019年7月10日" },
      { rule: "due-soon", cell: "D4", value: "2019年7月17日" },
      { rule: "completed-late", cell: "F5", value: "2019-07-05" },
    ]);
  });

  it("messages carry the days and the unit that answers for it", () => {
    expect(found[0]!.message).toMatch(/10/u);
    expect(found[0]!.message).toContain("区财政局");
    expect(found[2]!.message).toMatch(/7/u);
  });

  it("overdue is an error, due soon a warning, completed late information (contract §6)", () => {
    expect(Object.fromEntries(found.map((f) => [f.rule, f.severity]))).toEqual({ overdue: "error", "due-soon": "warning", "completed-late": "info" });
  });

  it("a standing duty, work finished on time and work not yet pressing give none", () => {
    expect(found.map((f) => f.row)).not.toContain(6);
    expect(found.map((f) => f.row)).not.toContain(7);
    expect(found.map((f) => f.row)).not.toContain(8);
  });
});
