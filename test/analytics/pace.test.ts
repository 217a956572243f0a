/** 序时进度: the share of an item's period elapsed, at the edges of the period, and a unit's pace. */
import { describe, expect, it } from "vitest";
import { detectHeader } from "../../analytics/header.js";
import { documentDateFromTitle, itemStarts } from "../../analytics/ledger-start.js";
import { analyzeSheet } from "../../analytics/ledger.js";
import { expectedShare, tallyPace } from "../../analytics/pace.js";
import type { Item } from "../../analytics/item.js";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";
import { sheetOf } from "../helpers/sheet.js";

describe("an item's expected share", () => {
  it("is nothing before the start, all on and after the deadline", () => {
    expect(expectedShare("2019-01-01", "2019-12-31", "2018-12-31")).toBe(0);
    expect(expectedShare("2019-01-01", "2019-12-31", "2019-12-31")).toBe(1);
    expect(expectedShare("2019-01-01", "2019-12-31", "2020-03-01")).toBe(1);
  });

  it("counts days inclusively: the start day is one day's share, the day before the deadline all but one", () => {
    expect(expectedShare("2019-01-01", "2019-01-10", "2019-01-01")).toBeCloseTo(1 / 10);
    expect(expectedShare("2019-01-01", "2019-01-10", "2019-01-09")).toBeCloseTo(9 / 10);
    // A leap year: 2020-01-01 … 2020-12-31 is 366 days; the end of June is 182 of them.
    expect(expectedShare("2020-01-01", "2020-12-31", "2020-06-30")).toBeCloseTo(182 / 366);
  });

  it("treats a deadline on or before the start as due in full", () => {
    expect(expectedShare("2019-06-30", "2019-06-30", "2019-06-30")).toBe(1);
    expect(expectedShare("2019-07-01", "2019-06-30", "2019-06-01")).toBe(0);
    expect(expectedShare("2019-07-01", "2019-06-30", "2019-07-01")).toBe(1);
  });
});

function ledger(rows: CellValue[][], asOf: string) {
  const sheet = sheetOf(rows);
  return analyzeSheet(sheet, detectHeader(sheet)!, { asOf });
}

describe("where the period starts", () => {
  it("takes a start-date column first", () => {
    const l = ledger([["工作任务", "责任单位", "交办时间", "完成时限", "完成情况"], ["任务一", "办公室", "2019年3月1日", "2019年6月30日", "推进中"], ["任务二", "办公室", null, "2019年6月30日", "推进中"]], "2019-05-01");
    const startOf = itemStarts(l);
    expect(startOf(l.items[0]!)).toBe("2019-03-01");
    expect(startOf(l.items[1]!)).toBe("2019-01-01");
  });

  it("then a document date in the title, never the 填报日期", () => {
    expect(documentDateFromTitle(["关于印发整改方案的通知", "2019年4月15日"])).toBe("2019-04-15");
    expect(documentDateFromTitle(["印发日期：2019年4月15日"])).toBe("2019-04-15");
    expect(documentDateFromTitle(["填报日期：2019年10月8日"])).toBeNull();
    expect(documentDateFromTitle(["截至2019年10月8日"])).toBeNull();
  });

  it("else 1 January of the base year", () => {
    const l = ledger([["区卫生健康局2019年整改台账"], ["工作任务", "责任单位", "完成时限", "完成情况"], ["任务一", "办公室", "2019年6月30日", "推进中"]], "2019-05-01");
    expect(itemStarts(l)(l.items[0]!)).toBe("2019-01-01");
  });
});

describe("a unit's pace", () => {
  const rows: CellValue[][] = [
    ["工作任务", "责任单位", "完成时限", "完成情况"],
    ["全年任务一", "办公室", "2019年12月31日", "推进中"],
    ["全年任务二", "办公室", "2019年12月31日", "已完成"],
    ["长期任务", "办公室", "长期坚持", "长期坚持"],
  ];

  it("is the mean expected share of the dated items against their completion", () => {
    const l = ledger(rows, "2019-07-01");
    const pace = tallyPace(l.items, () => "2019-01-01", "2019-07-01");
    const share = 182 / 365;
    expect(pace.dated).toBe(2);
    expect(pace.expected).toBeCloseTo(share);
    expect(pace.actual).toBeCloseTo(0.5);
    expect(pace.behindPoints).toBeCloseTo(Math.round((share - 0.5) * 1000) / 10);
  });

  it("lets an item's own pace words decide for it", () => {
    const l = ledger(rows, "2019-10-01");
    const withPace = (pace: string) => l.items.map((item, i) => (i === 0 ? ({ ...item, status: { ...item.status, pace } } as Item) : item));
    const plain = tallyPace(l.items, () => "2019-01-01", "2019-10-01");
    const onTrack = tallyPace(withPace("on_track"), () => "2019-01-01", "2019-10-01");
    const behind = tallyPace(withPace("behind"), () => "2019-01-01", "2019-10-01");
    expect(onTrack.behindPoints!).toBeLessThan(plain.behindPoints!);
    expect(onTrack.behindPoints!).toBeLessThanOrEqual(0);
    expect(behind.saidBehind).toBe(1);
    expect(plain.saidBehind).toBe(0);
  });

  it("has no pace without dated items", () => {
    const l = ledger([["工作任务", "责任单位", "完成时限", "完成情况"], ["长期任务", "办公室", "长期坚持", "长期坚持"]], "2019-07-01");
    expect(tallyPace(l.items, () => "2019-01-01", "2019-07-01")).toEqual({ dated: 0, expected: null, actual: null, behindPoints: null, saidBehind: 0 });
  });
});
