/** deadline-problems.ts: deadlines that could not be read, or were read with an assumption the clerk should see (contract §4). */
import { describe, expect, it } from "vitest";
import { findingsOf, where } from "./ledger-findings.js";

const HEADER = ["序号", "整改任务", "责任单位", "交办时间", "完成时限", "完成情况"];
const RULES = ["deadline-unparsed", "deadline-implausible", "deadline-relative", "deadline-ambiguous", "deadline-year-inferred", "deadline-standing"] as const;

const deadlineFindings = (deadline: string, start: string | null = null) =>
  findingsOf(RULES, [
    ["整改台账（2019年）"],
    HEADER,
    [1, "学习制度不落实", "区财政局", start, deadline, "整改中"],
  ]).map(where);

describe("deadline findings, one per kind of doubt", () => {
  it.each([
    ["text nobody can date", "视情况而定", { rule: "deadline-unparsed", cell: "E3", value: "视情况而定" }],
    ["a year no ledger means", "0099年6月30日", { rule: "deadline-implausible", cell: "E3", value: "0099年6月30日" }],
    ["“6月前”, literally the end of May, also read as June's end", "2019年6月前", { rule: "deadline-ambiguous", cell: "E3", value: "2019年6月前", suggestion: "2019-06-30" }],
    ["a day without a year, given the base year", "6月底", { rule: "deadline-year-inferred", cell: "E3", value: "6月底" }],
  ] as const)("%s", (_, deadline, expected) => {
    expect(deadlineFindings(deadline)).toEqual([expected]);
  });

  it("a relative deadline names the day it counts from, and the date it gives", () => {
    const [found] = findingsOf(RULES, [HEADER, [1, "学习制度不落实", "区财政局", "2019年3月1日", "2个月内", "整改中"]]);
    expect(where(found!)).toEqual({ rule: "deadline-relative", cell: "E2", value: "2个月内", suggestion: "2019-05-01" });
    expect(found!.message).toContain("2019-03-01");
  });

  it("a relative deadline with no start day is still named, with no date suggested", () => {
    const found = findingsOf(RULES, [HEADER, [1, "学习制度不落实", "区财政局", null, "2个月内", "整改中"]]);
    expect(found.map(where)).toEqual([{ rule: "deadline-relative", cell: "E2", value: "2个月内" }]);
  });

  it("clear deadlines give none: a full date, a month end with its year, a standing duty", () => {
    expect(deadlineFindings("2019年6月30日")).toEqual([]);
    expect(deadlineFindings("2019年6月底")).toEqual([]);
    expect(deadlineFindings("长期坚持")).toEqual([]);
  });
});
