/**
 * A ledger of the cases the fixtures do not hold and the flag formulas must still get right:
 * a status merged over three items (a merge normalize keeps), an error in a status cell, free
 * text beside a 是否完成 column, a status with leading spaces, standing items, a percentage, a
 * deadline merged over two items, a number that is no date, a date typed as a serial.
 */
import ExcelJS from "exceljs";
import { isoToDate } from "../../fixtures/build.js";

export const HARD_AS_OF = "2019-12-31";

type Row = [task: string, unit: string, deadline: ExcelJS.CellValue, status: ExcelJS.CellValue, isDone: ExcelJS.CellValue];

const date = (iso: string): Date => isoToDate(iso);

/** Rows 3..18; comments give the core's reading as of 2019-12-31. */
const ROWS: Row[] = [
  ["文字时限，正在推进", "办公室", "2019/12/1", "正在推进", "否"], // overdue 30 days
  ["状态在是否完成栏", "办公室", date("2020-01-03"), "整改完成，制定了制度", "是"], // done
  ["有歧义的时限", "财务股", "2019年6月前", "  已完成。制度已印发", null], // done
  ["状态合并三行（一）", "财务股", date("2019-11-30"), "推进中", "否"], // overdue (E6:E8 merged)
  ["状态合并三行（二）", "财务股", date("2020-01-05"), null, "否"], // due soon
  ["状态合并三行（三）", "财务股", date("2019-12-20"), null, "是"], // conflict: in progress, overdue
  ["状态是错误值", "办公室", date("2019-10-01"), { formula: "NA()", result: { error: "#N/A" } }, null], // unknown: overdue
  ["长期坚持的时限", "办公室", "长期坚持", "长期坚持", null], // never due
  ["长期坚持的状态", "办公室", date("2019-10-01"), "长期坚持", null], // ongoing: never overdue
  ["时限写成序列号", "办公室", 43000, "未开始", null], // 2017-09-22: overdue
  ["时限是个数字", "办公室", 12345, "未开始", null], // no date
  ["时限无法识别", "办公室", "尽快", "未开始", null], // no date
  ["已销号", "办公室", date("2019-12-31"), "已销号", null], // closed
  ["百分比", "政工股", date("2020-01-07"), { number: 0.8 } as unknown as ExcelJS.CellValue, "否"], // due soon (0.8 as 80%)
  ["合并时限（一）", "政工股", "2019年12月25日", "推进中", null], // overdue (D17:D18 merged)
  ["合并时限（二）", "政工股", null, "已完成", null], // done
];

export async function hardCaseBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("台账");
  ws.getCell("A1").value = "2019年整改台账";
  ws.getRow(2).values = ["序号", "存在问题", "责任单位", "完成时限", "完成情况", "是否完成"];
  ROWS.forEach(([task, unit, deadline, status, isDone], i) => {
    const r = i + 3;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = task;
    ws.getCell(r, 3).value = unit;
    ws.getCell(r, 4).value = deadline;
    if (deadline instanceof Date) ws.getCell(r, 4).numFmt = "yyyy-mm-dd";
    const percent = typeof status === "object" && status !== null && "number" in status;
    ws.getCell(r, 5).value = percent ? 0.8 : status;
    if (percent) ws.getCell(r, 5).numFmt = "0%";
    ws.getCell(r, 6).value = isDone;
  });
  ws.mergeCells("E6:E8");
  ws.mergeCells("D17:D18");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
