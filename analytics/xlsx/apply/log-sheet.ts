/**
 * The change log sheet (变更记录): created with its header on the first run, appended to on later
 * runs, so the history of every run stays in the workbook.
 */
import type ExcelJS from "exceljs";
import type { Lang } from "../../findings/catalogue.js";
import { LOG_COLUMNS, LOG_WIDTHS, type LogRow } from "../../normalize/log.js";

export function writeChangeLog(wb: ExcelJS.Workbook, name: string, rows: readonly LogRow[], lang: Lang): void {
  let ws = wb.getWorksheet(name);
  if (ws === undefined) {
    ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    const header = ws.getRow(1);
    header.values = [...LOG_COLUMNS[lang]];
    header.font = { bold: true };
    LOG_WIDTHS.forEach((width, i) => {
      ws!.getColumn(i + 1).width = width;
    });
  }
  let next = (ws.lastRow?.number ?? 0) + 1;
  // Text format, so an old value "2019/6/30" stays text if a clerk edits it; one style object
  // for every cell, so exceljs renders it once.
  const text: Partial<ExcelJS.Style> = { numFmt: "@" };
  for (const r of rows) {
    const row = ws.getRow(next++);
    [r.sheet, r.cell, r.rule, r.before, r.after, r.reason].forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.style = text;
    });
  }
}
