/**
 * The summary workbook: the headline and per-unit table (with its traffic light), the overdue
 * list, the per-file breakdown, and the chart PNGs embedded, for leaders who live in Excel.
 */
import ExcelJS from "exceljs";
import { percent } from "../../analytics/charts/words.js";
import type { ReportModel } from "./model.js";
import type { RenderedChart } from "./render-png.js";
import { REPORT_WORDS } from "./words.js";

const LIGHT_FILL = { red: "FFC62828", amber: "FFF9A825", green: "FF2E7D32", grey: "FF9E9E9E" } as const;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEEEEE" } };

function table(ws: ExcelJS.Worksheet, header: string[], rows: Array<Array<string | number>>, widths: number[]): void {
  const head = ws.addRow(header);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const r of rows) ws.addRow(r);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

export async function summaryWorkbook(model: ReportModel, rendered: readonly RenderedChart[]): Promise<Buffer> {
  const w = REPORT_WORDS[model.lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = "Taizhang";
  const s = model.summary;

  const summary = wb.addWorksheet(w.summarySheet);
  summary.addRow([w.title]).font = { bold: true, size: 16 };
  summary.addRow([`${w.asOf} ${model.asOf}`, model.files.join("、")]);
  summary.addRow([]);
  table(summary, [w.total, w.completed, w.rate, w.overdue, w.dueSoon], [[s.total, s.completed, percent(s.completionRate), s.overdue, s.dueSoon]], [28, 12, 12, 12, 12, 12, 12]);
  summary.addRow([]);
  const lightsStart = summary.rowCount + 2;
  table(
    summary,
    [w.unit, "", w.items, w.completed, w.rate, w.overdue, w.dueSoon],
    model.lights.map((l) => [l.unit, w.light[l.light], l.total, l.completed, percent(l.completionRate), l.overdue, l.dueSoon]),
    [28, 12, 10, 10, 10, 10, 12],
  );
  model.lights.forEach((l, i) => {
    const cell = summary.getCell(lightsStart + i, 2);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: LIGHT_FILL[l.light] } };
    cell.font = { bold: true, color: { argb: l.light === "amber" || l.light === "grey" ? "FF111111" : "FFFFFFFF" } };
  });
  if (model.renamed.length > 0) {
    summary.addRow([]);
    summary.addRow([w.renamed]);
    for (const r of model.renamed) summary.addRow([r.from, r.to]);
  }

  const overdue = wb.addWorksheet(w.overdueSheet);
  table(
    overdue,
    [w.file, w.sheet, w.row, w.task, w.unit, w.owner, w.deadline, w.days],
    model.overdue.map((o) => [o.file, o.sheet, o.row, o.task, o.unit, o.owner, o.deadline, o.daysOverdue]),
    [22, 14, 6, 40, 20, 12, 12, 10],
  );
  overdue.views = [{ state: "frozen", ySplit: 1 }];

  const perFile = wb.addWorksheet(w.perFileSheet);
  table(
    perFile,
    [w.file, w.items, w.completed, w.rate, w.overdue, w.dueSoon],
    model.perFile.map((f) => [f.file, f.summary.total, f.summary.completed, percent(f.summary.completionRate), f.summary.overdue, f.summary.dueSoon]),
    [30, 10, 10, 10, 10, 12],
  );

  const charts = wb.addWorksheet(w.chartsSheet);
  let top = 0;
  for (const chart of rendered) {
    const image = wb.addImage({ buffer: chart.png as unknown as ExcelJS.Buffer, extension: "png" });
    charts.addImage(image, { tl: { col: 0, row: top }, ext: { width: chart.spec.width, height: chart.spec.height } });
    top += Math.ceil(chart.spec.height / 20) + 1; // default rows are 20 px high
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
