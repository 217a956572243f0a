/**
 * An item: one table row read for its meaning. The reader takes each role's cell (a merged
 * cell's shown value included), names tidied and free text as written, dates a relative
 * deadline from the row's start or the document's date, combines the status columns, takes a
 * pace word from a remark, and judges timing; a ledger lacking the deadline or status column
 * marks every item unjudged. Built here as the ledger builds it, from the core's own readers.
 */
import { describe, expect, it } from "vitest";
import type { Day } from "../../analytics/day.js";
import { createDeadlineParser } from "../../analytics/deadline.js";
import { detectHeader } from "../../analytics/header.js";
import { createItemReader, type Item } from "../../analytics/item.js";
import { MergeIndex } from "../../analytics/sheet/merge-index.js";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";
import { combineStatuses, createStatusClassifier, paceOf } from "../../analytics/status.js";
import { _, sheetOf } from "../helpers/sheet.js";

const AS_OF = "2019-07-10";

/** Reads every row under the header (row 1) as an item, with no table logic in between. */
function readItems(rows: CellValue[][], options: { merges?: string[]; documentDate?: Day | null; category?: string } = {}): Item[] {
  const sheet = sheetOf(rows, { name: "整改台账", merges: options.merges ?? [] });
  const header = detectHeader(sheet);
  if (!header) throw new Error("no header found in the test sheet");
  const merges = new MergeIndex(sheet);
  const read = createItemReader({
    readers: { deadline: createDeadlineParser({ baseYear: 2019, baseDate: null, asOf: AS_OF }), status: createStatusClassifier(), combine: combineStatuses, pace: paceOf },
    header,
    valueAt: (row, col) => merges.shownValue(row, col),
    percentCell: () => false,
    asOf: AS_OF,
    dueSoonDays: 7,
    documentDate: options.documentDate ?? null,
  });
  return rows.slice(1).map((_, i) => read({ row: i + 2, category: options.category ?? null, hidden: false }));
}

describe("each role's cell", () => {
  const [item] = readItems(
    [
      ["序号", "整改任务", "整改措施", "责任领导", "责任单位", "责任人", "完成时限", "完成情况", "整改佐证", "备注"],
      [3, "  学习制度不落实  ", "制定学习计划，\n每月一次", "张　三", " 区财政局 ", "李四（副局长）", "2019年6月30日", "整改中", "会议记录", "市委交办"],
    ],
    { category: "党的建设方面" },
  );

  it("keeps free text as written, trimmed, line breaks and all", () => {
    expect(item).toMatchObject({ task: "学习制度不落实", measure: "制定学习计划，\n每月一次", evidence: "会议记录", note: "市委交办" });
  });

  it("tidies names: trimmed and width-folded (full-width spaces too)", () => {
    expect(item!.unit).toBe("区财政局");
    expect(item!.leader).toBe("张 三");
    expect(item!.owner).toBe("李四（副局长）");
  });

  it("gives a number cell as its text, and the category the table found", () => {
    expect(item).toMatchObject({ row: 2, seq: "3", category: "党的建设方面", hidden: false });
  });

  it("reads the deadline and status and judges timing from them", () => {
    expect(item!.deadline).toMatchObject({ kind: "date", date: "2019-06-30" });
    expect(item!.status).toEqual({ raw: "整改中", value: "in_progress" });
    expect(item).toMatchObject({ overdue: true, daysOverdue: 10, dueSoon: false, daysLeft: -10, completedLateBy: null, unjudged: null });
  });

  it("a role the ledger lacks reads as null", () => {
    expect(item).toMatchObject({ target: null, supportUnit: null, completedOn: null });
  });
});

describe("merged cells", () => {
  it("each row of a merged unit or deadline cell gets its value", () => {
    const items = readItems(
      [
        ["序号", "整改任务", "责任单位", "完成时限", "完成情况"],
        [1, "任务一", "区医保局", "2019年12月31日", "整改中"],
        [2, "任务二", _, _, "已完成"],
      ],
      { merges: ["C2:C3", "D2:D3"] },
    );
    expect(items.map((i) => [i.unit, i.deadline.date])).toEqual([
      ["区医保局", "2019-12-31"],
      ["区医保局", "2019-12-31"],
    ]);
  });
});

describe("a relative deadline (2个月内) is dated from", () => {
  const header = ["序号", "整改任务", "责任单位", "交办时间", "完成时限", "完成情况"];

  it("the row's own start day, and says so", () => {
    const [item] = readItems([header, [1, "任务", "区财政局", "2019年3月1日", "2个月内", "整改中"]], { documentDate: "2019-01-15" });
    expect(item!.deadline).toMatchObject({ kind: "relative", date: "2019-05-01" });
    expect(item!.deadline.notes).toContainEqual({ kind: "relative-start", start: "2019-03-01", source: "column" });
    expect(item).toMatchObject({ overdue: true, daysOverdue: 70 });
  });

  it("the document's date when the row gives none", () => {
    const [item] = readItems([header, [1, "任务", "区财政局", _, "2个月内", "整改中"]], { documentDate: "2019-06-01" });
    expect(item!.deadline).toMatchObject({ kind: "relative", date: "2019-08-01" });
    expect(item!.deadline.notes).toContainEqual({ kind: "relative-start", start: "2019-06-01", source: "document" });
    expect(item).toMatchObject({ overdue: false, dueSoon: false, daysLeft: 22 });
  });

  it("nothing, when neither is known: no date, so never called overdue", () => {
    const [item] = readItems([header, [1, "任务", "区财政局", _, "2个月内", "整改中"]]);
    expect(item!.deadline).toMatchObject({ kind: "relative", date: null });
    expect(item).toMatchObject({ overdue: false, daysLeft: null });
  });
});

describe("status columns", () => {
  const header = ["序号", "整改任务", "责任单位", "完成时限", "完成情况", "是否销号"];

  it("are combined: 已完成 with 是否销号 是 is closed", () => {
    const [item] = readItems([header, [1, "任务", "区财政局", "2019年6月30日", "已完成", "是"]]);
    expect(item!.status.value).toBe("closed");
    expect(item!.statusReadings.map((r) => r.value)).toEqual(["done", "closed"]);
    expect(item!.statusConflict).toBeNull();
  });

  it("that disagree are kept as a conflict, each column's own reading beside it", () => {
    const [item] = readItems([header, [1, "任务", "区财政局", "2019年6月30日", "未开始", "是"]]);
    expect(item!.statusConflict).not.toBeNull();
    expect(item!.statusReadings.map((r) => r.value)).toEqual(["not_started", "closed"]);
  });

  it("the status text shown is the first filled cell's", () => {
    const [item] = readItems([header, [1, "任务", "区财政局", "2019年6月30日", _, "是"]]);
    expect(item!.status.raw).toBe("是");
  });

  it("rows with the same cells share one reading and status; a combination that differs in a later column gets its own", () => {
    const row = (n: number, progress: string, closed: string | null): CellValue[] => [n, "任务", "区财政局", "2019年6月30日", progress, closed];
    const items = readItems([header, row(1, "已完成", "是"), row(2, "已完成", null), row(3, "已完成", "是"), row(4, "已完成", "否"), row(5, "已完成", null)]);
    const [closed, done, closedAgain, notClosed, doneAgain] = items;
    expect(closedAgain!.status).toBe(closed!.status);
    expect(closedAgain!.statusReadings).toBe(closed!.statusReadings);
    expect(doneAgain!.status).toBe(done!.status);
    expect(items.map((i) => i.status.value)).toEqual(["closed", "done", "closed", "done", "done"]);
    expect(notClosed!.status).not.toBe(done!.status);
    expect(notClosed!.statusReadings.map((r) => r.raw)).toEqual(["已完成", "否"]);
  });
});

describe("a conflict between two status columns of one kind names each by its header", () => {
  // Two free progress columns and two 是否销号 columns: "“是否销号”写“否”…“是否销号”写“是”" would leave the clerk guessing which.
  const header = ["序号", "整改任务", "责任单位", "完成时限", "完成情况", "整改进展", "是否销号", "是否销号"];
  const [item] = readItems([header, [1, "建立制度", "办公室", "2019年6月30日", "已完成", "正在推进", "否", "是"]]);

  it("by its own header text where the kind is shared, with the column letter where the headers read alike", () => {
    expect(item!.statusConflict?.explanation).toBe(
      "“完成情况”写“已完成”（已完成），G列“是否销号”写“否”（未销号），“整改进展”写“正在推进”（推进中），H列“是否销号”写“是”（已销号），各栏不一致，请核实；核实前按G列“是否销号”（未销号）计为“推进中”：几栏说法不同时按进度较慢的一栏统计，以免把没办完的事算作办完。",
    );
    expect(item!.statusConflict?.explanationEn).toBe(
      "“完成情况” says “已完成” (done) and column G “是否销号” says “否” (not closed) and “整改进展” says “正在推进” (in progress) and column H “是否销号” says “是” (closed): the columns disagree, please check; until then counted as “in progress”, following column G “是否销号” (not closed): where columns disagree the less advanced one is believed, so unfinished work is never counted as done.",
    );
  });

  it("by its kind where the sheet has one column of that kind", () => {
    const [one] = readItems([["序号", "整改任务", "责任单位", "完成时限", "整改进展情况", "是否销号"], [1, "建立制度", "办公室", "2019年6月30日", "正在推进", "是"]]);
    expect(one!.statusConflict?.explanation).toMatch(/^“完成情况”写“正在推进”（推进中），“是否销号”写“是”（已销号）/);
  });
});

describe("status columns of many distinct texts", () => {
  const header = ["序号", "整改任务", "责任单位", "完成时限", "是否销号", "完成情况"];

  it("combine each row's own pair of cells, however many pairs the sheet holds", () => {
    // A dozen progress sentences, each beside 是否销号 是: more readings than the memo keeps in a short list.
    const sentences = Array.from({ length: 12 }, (_, i) => `已完成，制定制度${i + 1}项`);
    const rows: CellValue[][] = [header];
    sentences.forEach((sentence, i) => rows.push([i + 1, "任务", "区财政局", "2019年6月30日", "是", sentence]));
    sentences.forEach((sentence, i) => rows.push([i + 13, "任务", "区财政局", "2019年6月30日", "是", sentence]));
    const items = readItems(rows);
    expect(items.map((i) => i.statusReadings.map((r) => r.raw))).toEqual([...sentences, ...sentences].map((sentence) => [sentence, "是"]));
    expect(items.every((i) => i.status.value === "closed")).toBe(true);
    expect(items.slice(12).every((again, i) => again.statusReadings === items[i]!.statusReadings)).toBe(true);
  });
});

describe("a pace word in a remark (备注: 滞后)", () => {
  const header = ["序号", "整改任务", "责任单位", "完成时限", "完成情况", "备注"];

  it("sets the pace of an open item", () => {
    const [item] = readItems([header, [1, "任务", "区财政局", "2019年12月31日", "推进中", "滞后"]]);
    expect(item!.status).toMatchObject({ value: "in_progress", pace: "behind" });
  });

  it("is ignored on a finished item, and in a long sentence that merely holds the word", () => {
    const items = readItems([
      header,
      [1, "任务", "区财政局", "2019年12月31日", "已完成", "滞后"],
      [2, "任务", "区财政局", "2019年12月31日", "推进中", "上级督查时指出去年该项工作曾经滞后"],
    ]);
    expect(items.map((i) => i.status.pace)).toEqual([undefined, undefined]);
  });
});

describe("a completion day (实际完成时间)", () => {
  it("makes a done item finished after its deadline completed late", () => {
    const [item] = readItems([
      ["序号", "整改任务", "责任单位", "完成时限", "完成情况", "实际完成时间"],
      [1, "任务", "区财政局", "2019年6月30日", "已完成", "2019年7月5日"],
    ]);
    expect(item).toMatchObject({ completedOn: "2019-07-05", completedLateBy: 5, overdue: false });
  });

  it("reads an empty or unreadable status as done when the day it was finished is filled in", () => {
    const items = readItems([
      ["序号", "整改任务", "责任单位", "完成时限", "完成情况", "实际完成时间"],
      [1, "空白状态", "区财政局", "2019年6月30日", _, "2019年6月20日"],
      [2, "看不懂的状态", "区财政局", "2019年6月30日", "见附件", "2019年7月5日"],
    ]);
    expect(items[0]).toMatchObject({ status: { raw: null, value: "done", doneOn: "2019-06-20" }, overdue: false, completedLateBy: null });
    // The cell's own reading stays what it was; the item is done, and late.
    expect(items[1]).toMatchObject({ status: { raw: "见附件", value: "done", doneOn: "2019-07-05" }, overdue: false, completedLateBy: 5 });
    expect(items[1]!.statusReadings[0]!.value).toBe("unknown");
  });

  it("leaves a stated status, a completion day still to come, and a lone 完成日期 as they are", () => {
    const [stated, planned] = readItems([
      ["序号", "整改任务", "责任单位", "完成时限", "完成情况", "实际完成时间"],
      [1, "推进中", "区财政局", "2019年6月30日", "推进中", "2019年6月20日"],
      [2, "计划", "区财政局", "2019年6月30日", _, "2019年7月20日"],
    ]);
    expect(stated!.status.value).toBe("in_progress");
    expect(planned).toMatchObject({ status: { value: null }, overdue: true });
    // No deadline column: the only date column may be the deadline itself.
    const [lone] = readItems([
      ["序号", "整改任务", "责任单位", "完成情况", "完成日期"],
      [1, "任务", "区财政局", _, "2019年6月20日"],
    ]);
    expect(lone!.status.value).toBeNull();
  });
});

describe("no false green: a ledger without the column to judge by", () => {
  it("no deadline column: every item is unjudged for deadline, never overdue", () => {
    const [item] = readItems([
      ["序号", "整改任务", "责任单位", "完成情况"],
      [1, "任务", "区财政局", "整改中"],
    ]);
    expect(item).toMatchObject({ unjudged: "deadline", overdue: false, daysLeft: null });
    expect(item!.deadline.kind).toBe("none");
  });

  it("no status column: every item is unjudged for status, and has no status", () => {
    const [item] = readItems([
      ["序号", "整改任务", "责任单位", "完成时限"],
      [1, "任务", "区财政局", "2019年6月30日"],
    ]);
    expect(item).toMatchObject({ unjudged: "status", statusReadings: [] });
    expect(item!.status.value).toBeNull();
  });
});
