/**
 * 下载汇总表: the consolidated summary as an .xlsx made in the browser. exceljs is large, so it
 * is fetched (from this add-in's own server) only when a clerk asks for the download.
 */
import type { Day } from "../../analytics/day.js";
import type { Lang } from "../../analytics/findings/catalogue.js";
import { summaryLayout } from "../../analytics/overview/completion-sheet.js";
import type { Consolidation } from "../../analytics/consolidate.js";
import { stringsFor } from "./i18n.js";

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F2F1" } } as const;

export async function summaryWorkbook(c: Consolidation, asOf: Day, dueSoonDays: number, lang: Lang): Promise<Blob> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const t = stringsFor(lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Taizhang";

  const layout = summaryLayout({ summary: c.summary, asOf, dueSoonDays, source: c.perFile.map((f) => f.file).join("、"), lang });
  const ws = wb.addWorksheet(layout.sheet);
  ws.getCell("A1").value = layout.title;
  ws.getCell("A1").font = { size: 16, bold: true };
  ws.getCell("A2").value = layout.subtitle;
  for (const block of layout.blocks) {
    block.rows.forEach((row, i) => {
      row.forEach((cell, j) => {
        const target = ws.getCell(block.top + i, j + 1);
        target.value = typeof cell === "object" ? { formula: cell.formula } : cell;
        if (typeof cell === "object" && cell.format) target.numFmt = cell.format;
        if (i === 0) {
          target.font = { bold: true };
          target.fill = HEADER_FILL;
        }
      });
    });
  }
  layout.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const files = wb.addWorksheet(lang === "zh" ? "分文件" : "By file");
  files.addRow([t.fileTable[0], t.sheetColumn, ...t.fileTable.slice(1)]).font = { bold: true };
  for (const f of c.perFile) {
    const s = f.summary;
    files.addRow([f.file, f.sheets.join("、"), s.total, s.completed, s.completionRate, s.overdue, s.dueSoon]);
  }
  files.getColumn(5).numFmt = "0.0%";
  [28, 20, 8, 8, 9, 8, 9].forEach((w, i) => (files.getColumn(i + 1).width = w));

  const late = wb.addWorksheet(lang === "zh" ? "逾期事项" : "Overdue");
  late.addRow([t.fileTable[0], t.sheetColumn, ...t.overdueTable]).font = { bold: true };
  // Most days late first, as the report lists them.
  for (const i of c.items.filter((x) => x.overdue).sort((a, b) => b.daysOverdue - a.daysOverdue)) {
    late.addRow([i.file, i.sheet, i.row, i.task ?? i.measure ?? "", i.unit ?? "", i.deadline.date ?? "", i.daysOverdue]);
  }
  [28, 16, 6, 40, 20, 12, 8].forEach((w, i) => (late.getColumn(i + 1).width = w));

  const buffer = await wb.xlsx.writeBuffer();
  return new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}
