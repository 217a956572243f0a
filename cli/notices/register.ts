/** 督办登记簿: one row per notice, for the office to track replies (the 反馈情况 column is theirs to fill). */
import ExcelJS from "exceljs";
import { dayToSerial } from "../../analytics/day.js";
import { CYCLE_WORDS } from "../../analytics/findings/catalogue.js";
import type { Lang } from "../../analytics/lang.js";
import type { Notice } from "../../analytics/notices/notice.js";
import { WRITTEN_DAY_FORMAT } from "../../analytics/written-day.js";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEEEEE" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

/** A calendar day as an Excel date cell that reads the same day in every zone. */
function dateCell(day: string): Date {
  return new Date(Date.UTC(1899, 11, 30) + dayToSerial(day) * 86_400_000);
}

export async function noticeRegister(notices: readonly Notice[], lang: Lang): Promise<Buffer> {
  const w = CYCLE_WORDS[lang].notice;
  const h = w.registerHeadings;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Taizhang";
  const ws = wb.addWorksheet(w.register, { views: [{ state: "frozen", ySplit: 2 }], pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.mergeCells(1, 1, 1, 7);
  const title = ws.getCell(1, 1);
  title.value = w.register;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center" };
  const head = ws.addRow([h.number, h.unit, h.items, h.overdue, h.issued, h.replyDue, h.replied]);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const n of notices) {
    ws.addRow([n.number, n.unit, n.items.length, n.items.filter((i) => i.reason === "overdue").length, dateCell(n.issued), dateCell(n.replyBy), null]);
  }
  [20, 28, 12, 10, 16, 16, 30].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.getColumn(5).numFmt = WRITTEN_DAY_FORMAT;
  ws.getColumn(6).numFmt = WRITTEN_DAY_FORMAT;
  for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).eachCell({ includeEmpty: true }, (c) => (c.border = { top: THIN, left: THIN, bottom: THIN, right: THIN }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
