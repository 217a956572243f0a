/** duplicate-item on ledgers whose tasks repeat, as one 任务分解表 sent to twenty units does. */
import { describe, expect, it } from "vitest";
import { detectHeader } from "../../../analytics/header.js";
import { analyzeSheet } from "../../../analytics/ledger.js";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { sheetOf } from "../../helpers/sheet.js";

const HEADER: CellValue[] = ["序号", "存在问题", "整改措施", "责任单位", "完成时限", "完成情况"];
const UNITS = Array.from({ length: 20 }, (_, i) => `第${i + 1}街道办事处`);

/** Each duplicate as its row and the row it repeats (from the message: "第22行与第6行内容重复"). */
function duplicatesOf(rows: CellValue[][]): { row: number; first: number }[] {
  const sheet = sheetOf([HEADER, ...rows]);
  const ledger = analyzeSheet(sheet, detectHeader(sheet)!, { asOf: "2019-12-31" });
  return ledger.findings
    .filter((f) => f.rule === "duplicate-item")
    .map((f) => ({ row: f.row!, first: Number(/与第(\d+)行/u.exec(f.message)?.[1]) }));
}

describe("duplicate items", () => {
  it("takes one task sent to twenty units for twenty items, and a unit's second copy for a duplicate", () => {
    const rows = UNITS.map((unit, i): CellValue[] => [i + 1, "落实意识形态工作责任制", "每季度专题研究一次", unit, "2019年12月底前", "正在推进"]);
    expect(duplicatesOf(rows)).toEqual([]);
    rows.push([21, "落实意识形态工作责任制 ", "每季度专题研究一次", UNITS[4]!, "2019年12月底前", "已完成"]);
    expect(duplicatesOf(rows)).toEqual([{ row: 22, first: 6 }]);
  });

  it("tells items of one task apart by measure as well as unit", () => {
    const rows: CellValue[][] = [
      [1, "整改问题", "措施甲", "办公室", "2019年6月", "已完成"],
      [2, "整改问题", "措施乙", "办公室", "2019年6月", "已完成"],
      [3, "整改问题", "措施甲", "财务股", "2019年6月", "已完成"],
      [4, "整改问题", "措施甲", "办公室", "2019年6月", "已完成"],
    ];
    expect(duplicatesOf(rows)).toEqual([{ row: 5, first: 2 }]);
  });

  it("reads 20,000 items of 1,000 repeated tasks and finds each second copy", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 20_000; i++) rows.push([i + 1, `任务${i % 1000}：压实整改责任`, "建立工作台账", UNITS[Math.floor(i / 1000)]!, "2019年12月", "正在推进"]);
    rows.push([20_001, "任务7：压实整改责任", "建立工作台账", UNITS[0]!, "2019年12月", "已完成"]);
    expect(duplicatesOf(rows)).toEqual([{ row: 20_002, first: 9 }]);
  });

  it("finds the first copy of a task sent to more units than it walks (a hundred), before and after it looks them up instead", () => {
    const units = Array.from({ length: 100 }, (_, i) => `第${i + 1}社区`);
    const rows = units.map((unit, i): CellValue[] => [i + 1, "排查整治安全隐患", "建立隐患台账", unit, "2019年12月", "正在推进"]);
    rows.splice(10, 0, [0, "排查整治安全隐患", "建立隐患台账", units[3]!, "2019年12月", "已完成"]);
    rows.push([101, "排查整治安全隐患", "建立隐患台账", units[3]!, "2019年12月", "已完成"], [102, "排查整治安全隐患", "建立隐患台账", units[90]!, "2019年12月", "已完成"]);
    // Rows: the header is row 1, so unit i's first item is on row i + 2 (i + 3 past the copy at row 12).
    expect(duplicatesOf(rows)).toEqual([
      { row: 12, first: 5 },
      { row: 103, first: 5 },
      { row: 104, first: 93 },
    ]);
  });
});
