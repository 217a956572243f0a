/**
 * A ledger for how the normalized sheet looks, written with exceljs as clerks' files come: a
 * two-row header (责任主体 over 责任单位 | 责任人), categories merged over their items and not
 * wrapped (a merged cell keeps its text inside the merge), deadlines typed as dates shown
 * 2026/6/30 beside text deadlines the normalize turns into 年月日 dates, and a status conflict
 * (已办结 beside 是否完成 = 否).
 */
import ExcelJS from "exceljs";
import { isoToDate } from "../../fixtures/build.js";

export const FINISH_AS_OF = "2026-07-15";

type Row = [category: string | null, task: string, unit: string, owner: string, deadline: ExcelJS.CellValue, status: string, isDone: string];

/** Rows 4..10. */
const ROWS: Row[] = [
  ["党的领导弱化方面", "理论学习不深入", "办公室", "张三", isoToDate("2026-06-30"), "推进中", "否"], // overdue
  [null, "制度执行不严格", "财务股", "李四", "2026年9月底前", "正在推进", "否"], // text → date
  [null, "议事规则不健全", "办公室", "王五", isoToDate("2026-08-31"), "已办结", "否"], // conflict
  ["全面从严治党不力方面", "三重一大制度落实不到位", "纪检组", "赵六", "2026年7月20日", "推进中", "否"], // due soon
  [null, "公务接待超标准", "财务股", "孙七", isoToDate("2026-12-31"), "已完成", "是"],
  [null, "公车使用管理不规范", "办公室", "周八", "长期坚持", "长期坚持", "否"],
];

export async function sheetFinishBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("整改台账");
  ws.getCell("A1").value = "2026年巡察反馈问题整改台账";
  ws.mergeCells("A1:H1");
  const top = ["序号", "问题类别", "存在问题", "责任主体", null, "完成时限", "完成情况", "是否完成"];
  const lower = [null, null, null, "责任单位", "责任人", null, null, null];
  ws.getRow(2).values = top;
  ws.getRow(3).values = lower;
  for (const col of ["A", "B", "C", "F", "G", "H"]) ws.mergeCells(`${col}2:${col}3`);
  ws.mergeCells("D2:E2");
  for (let c = 1; c <= 8; c++) {
    for (const r of [2, 3]) {
      const cell = ws.getCell(r, c);
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle" };
      cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
    }
  }
  ROWS.forEach(([category, task, unit, owner, deadline, status, isDone], i) => {
    const r = i + 4;
    ws.getRow(r).values = [i + 1, category, task, unit, owner, deadline, status, isDone];
    if (deadline instanceof Date) ws.getCell(r, 6).numFmt = "yyyy/m/d";
    ws.getCell(r, 2).alignment = { vertical: "middle" };
  });
  ws.mergeCells("B4:B6");
  ws.mergeCells("B7:B9");
  ws.columns = [{ width: 6 }, { width: 8 }, { width: 24 }, { width: 10 }, { width: 8 }, { width: 16 }, { width: 10 }, { width: 8 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
