/** `diff -o OUT.xlsx`: the changes, the units' table and the pairings to confirm, one sheet each. */
import ExcelJS from "exceljs";
import { widestOf } from "../print/text-table.js";
import { percent } from "../../analytics/charts/chart-words.js";
import { changeDetail, changeRowOf, rankChange } from "../../analytics/diff/describe.js";
import type { LedgerDiff } from "../../analytics/diff/diff.js";
import { CYCLE_WORDS, formatMessage } from "../../analytics/findings/catalogue.js";
import type { Lang } from "../../analytics/lang.js";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEEEEE" } };

function sheet(wb: ExcelJS.Workbook, name: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>, widths: readonly number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const head = ws.addRow([...header]);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const r of rows) ws.addRow([...r]);
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
    ws.getColumn(i + 1).alignment = { vertical: "top", wrapText: w > 20 };
  });
  return ws;
}

export async function diffWorkbook(diff: LedgerDiff, lang: Lang): Promise<Buffer> {
  const w = CYCLE_WORDS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = "Taizhang";
  const rows = diff.changes.map((c) => [w.change[c.kind], changeRowOf(c, "old"), changeRowOf(c, "new"), c.task, c.unit, c.before, c.after, changeDetail(c, lang), c.confidence]);
  // A row named with its sheet (东街道!12, a version split one sheet per unit) needs the room.
  const rowWidth = (col: number): number => widestOf(rows.map((r) => String(r[col] ?? "")), 7) + 1;
  const changes = sheet(wb, w.sheetChanges, [w.kind, w.oldRow, w.newRow, w.task, w.unit, w.before, w.after, "", w.confidence], rows, [14, rowWidth(1), rowWidth(2), 48, 16, 18, 18, 26, 8]);
  changes.spliceRows(1, 0, [formatMessage(w.diffVersions, { oldFile: diff.old.file, oldAsOf: diff.old.asOf, newFile: diff.new.file, newAsOf: diff.new.asOf })]);
  changes.views = [{ state: "frozen", ySplit: 2 }];
  sheet(
    wb,
    w.sheetUnits,
    [w.rank, "", w.unit, w.total, "±", w.completed, "±", w.inProgress, "±", w.overdue, "±", w.rate],
    diff.units.map((u) => [u.rank, rankChange(u, lang), u.unit, u.total, u.totalDelta, u.completed, u.completedDelta, u.inProgress, u.inProgressDelta, u.overdue, u.overdueDelta, percent(u.completionRate)]),
    [6, 6, 24, 8, 6, 8, 6, 8, 6, 8, 6, 10],
  );
  if (diff.toConfirm.length > 0) {
    sheet(wb, w.sheetConfirm, [w.oldRow, w.newRow, w.before, w.after, w.confidence], diff.toConfirm.map((m) => [m.oldRow, m.newRow, m.oldTask, m.newTask, m.confidence]), [8, 8, 44, 44, 8]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
