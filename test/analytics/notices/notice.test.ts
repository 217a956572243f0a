/** 督办通知单: who gets one, and what it lists. */
import { describe, expect, it } from "vitest";
import { detectHeader } from "../../../analytics/header.js";
import { itemStarts } from "../../../analytics/ledger-start.js";
import { analyzeSheet } from "../../../analytics/ledger.js";
import { DEFAULT_LIGHT_RULES } from "../../../analytics/lights.js";
import { buildNotices, replyEstimateNote } from "../../../analytics/notices/notice.js";
import { sheetOf } from "../../helpers/sheet.js";
import { notices, ROWS } from "./notice-ledger.js";

describe("who gets a notice", () => {
  const all = notices();

  it("every unit with overdue or due-soon items, red units first, numbered in order", () => {
    expect(all.map((n) => [n.number, n.unit, n.light.light])).toEqual([
      ["督办〔2019〕第1号", "党建办", "red"],
      // Within a light, the least complete first: 财务股 has done nothing, 办公室 half.
      ["督办〔2019〕第2号", "财务股", "amber"],
      ["督办〔2019〕第3号", "办公室", "amber"],
    ]);
  });

  it("sends an item naming several units to each of them, named as the ledger names them", () => {
    expect(all.find((n) => n.unit === "财务股")!.items.map((i) => i.task)).toEqual(["财务报销审核把关不严"]);
    expect(all.find((n) => n.unit === "办公室")!.items.map((i) => i.task)).toEqual(["财务报销审核把关不严"]);
  });

  it("lists the overdue items, most overdue first, with their days", () => {
    expect(all[0]!.items.map((i) => [i.task, i.reason, i.days])).toEqual([
      ["党费收缴使用管理不规范", "overdue", 31],
      ["党员发展工作程序不规范", "overdue", 16],
    ]);
  });

  it("gives the reply day five working days on and the issuing office", () => {
    expect(all[0]).toMatchObject({ issued: "2019-10-31", replyBy: "2019-11-07", issuer: "区委督查室" });
  });

  it("counts the reply day past holidays, and says when a year's holidays are not yet published", () => {
    expect(replyEstimateNote(all, "zh")).toBeNull();
    // The same ledger a year later, issued on Friday 25 December 2026: five working days run
    // into 2027, whose schedule was not published when this package was.
    const sheet = sheetOf(ROWS.map((row) => row.map((v) => (typeof v === "string" ? v.replace("2019年", "2026年") : v))));
    const ledger = analyzeSheet(sheet, detectHeader(sheet)!, { asOf: "2026-12-25" });
    const late = buildNotices(ledger.items, { asOf: "2026-12-25", startOf: itemStarts(ledger), rules: DEFAULT_LIGHT_RULES, issuer: "区委督查室", replyDays: 5, lang: "zh" });
    expect(late[0]).toMatchObject({ replyBy: "2027-01-01", replyEstimatedYears: [2027] });
    expect(replyEstimateNote(late, "zh")).toBe("2027年节假日安排尚未公布，反馈时限按周一至周五推算，请核对。");
    expect(replyEstimateNote(late, "en")).toContain("The 2027 public-holiday schedule is not published yet");
  });

  it("sends nothing to a unit whose work is done or on time", () => {
    expect(all.some((n) => n.unit === "纪检组")).toBe(false);
  });
});
