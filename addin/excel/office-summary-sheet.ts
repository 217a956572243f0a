/// <reference types="office-js" />
/**
 * 插入到工作簿: the 完成情况 sheet with its tables and native Excel charts bound to them, so the
 * charts live in the workbook and a leader sees them without the add-in. Written in one request
 * after one lookup; an earlier 完成情况 sheet of ours is replaced, a clerk's own sheet of that
 * name is left alone and ours gets another name.
 */
import type { InsertedSummary } from "../host/book.js";
import { officeInput } from "../host/cell-values.js";
import { pointsOfWidth } from "../../analytics/normalize/column-width.js";
import { LIGHT_COLORS } from "../../analytics/charts/palette.js";
import { blockRef, isLightCell, type SummaryBlock, type SummaryCell, type SummaryChart, type SummaryLayout } from "../../analytics/overview/completion-sheet.js";


export async function insertSummarySheet(context: Excel.RequestContext, layout: SummaryLayout): Promise<InsertedSummary> {
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(layout.sheet);
  existing.load("name");
  await context.sync();

  let name = layout.sheet;
  let replaced = false;
  if (!existing.isNullObject) {
    const title = existing.getRange("A1");
    title.load("values");
    await context.sync();
    if (title.values[0]?.[0] === layout.title) {
      existing.delete();
      replaced = true;
    } else {
      name = `${layout.sheet}（台账）`;
      const ours = worksheets.getItemOrNullObject(name);
      ours.load("name");
      await context.sync();
      if (!ours.isNullObject) ours.delete();
      replaced = !ours.isNullObject;
    }
  }

  const ws = worksheets.add(name);
  writeTitle(ws, layout);
  for (const block of layout.blocks) writeBlock(ws, block);
  layout.columnWidths.forEach((width, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = pointsOfWidth(width);
  });
  for (const chart of layout.charts) addChart(ws, chart);
  ws.activate();
  await context.sync();
  return { sheet: name, charts: layout.charts.length, replaced };
}

function writeTitle(ws: Excel.Worksheet, layout: SummaryLayout): void {
  const title = ws.getRange("A1");
  title.values = [[officeInput(layout.title)]];
  title.format.font.size = 16;
  title.format.font.bold = true;
  const subtitle = ws.getRange("A2");
  subtitle.values = [[officeInput(layout.subtitle)]];
  subtitle.format.font.color = "#605E5C";
}

function input(cell: SummaryCell): string | number {
  if (isLightCell(cell)) return officeInput(cell.text) as string;
  if (typeof cell === "object") return `=${cell.formula}`;
  return typeof cell === "string" ? (officeInput(cell) as string) : cell;
}

function writeBlock(ws: Excel.Worksheet, block: SummaryBlock): void {
  const width = block.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const rows = block.rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? "" : input(r[i]!))));
  const range = ws.getRange(blockRef(block));
  range.numberFormat = formatsOf(block, width);
  range.formulas = rows;
  range.format.borders.getItem("EdgeBottom").color = "#D2D0CE";
  const header = ws.getRangeByIndexes(block.top - 1, 0, 1, width);
  header.format.font.bold = true;
  header.format.fill.color = "#F3F2F1";
  block.rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (!isLightCell(cell)) return;
      const light = ws.getRangeByIndexes(block.top - 1 + i, j, 1, 1);
      light.format.fill.color = LIGHT_COLORS[cell.light];
      light.format.font.color = cell.light === "amber" ? "#111111" : "#FFFFFF";
      light.format.font.bold = true;
    }),
  );
}

function formatsOf(block: SummaryBlock, width: number): string[][] {
  return block.rows.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const cell = r[i];
      return cell !== undefined && typeof cell === "object" && !isLightCell(cell) && cell.format ? cell.format : "General";
    }),
  );
}

function addChart(ws: Excel.Worksheet, spec: SummaryChart): void {
  const chart = ws.charts.add(spec.type, ws.getRange(spec.source), "Columns");
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  chart.setPosition(spec.from, spec.to);
  if (spec.type === "Doughnut") {
    const series = chart.series.getItemAt(0);
    spec.colors.forEach((color, i) => series.points.getItemAt(i).format.fill.setSolidColor(color));
    chart.dataLabels.showValue = true;
  } else {
    spec.colors.forEach((color, i) => chart.series.getItemAt(i).format.fill.setSolidColor(color));
    // Bars are drawn bottom-up; reversed, the worst group (first row) is on top, as in the table.
    chart.axes.categoryAxis.reversePlotOrder = true;
  }
}
