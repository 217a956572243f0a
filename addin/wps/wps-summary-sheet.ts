/**
 * 插入到工作簿 in WPS: the 完成情况 sheet of analytics/overview/completion-sheet.ts (the same layout the
 * Excel side writes) with WPS's native charts (ChartObjects, as in VBA) bound to its tables.
 * An earlier 完成情况 sheet of ours is replaced; a clerk's own sheet of that name is kept and
 * ours gets another name.
 */
import { columnLetter } from "../../analytics/sheet/address.js";
import type { InsertedSummary } from "../host/book.js";
import { officeInput } from "../host/cell-values.js";
import { LIGHT_COLORS } from "../../analytics/charts/palette.js";
import { blockRef, isLightCell, type SummaryBlock, type SummaryCell, type SummaryChart, type SummaryLayout } from "../../analytics/overview/completion-sheet.js";
import { bgr, call, callObj, get, obj, put, type WpsObject } from "./jsapi.js";
import { charactersOfWidth } from "../../analytics/normalize/column-width.js";

/** VBA chart enumerations WPS keeps. */
const CHART = { doughnut: -4120, barStacked: 58, byColumns: 2, legendBottom: -4107, category: 1 } as const;

export interface SheetsAccess {
  find(name: string): WpsObject | null;
  add(name: string): WpsObject;
}

/** Deletes a sheet without WPS asking the clerk to confirm. */
function deleteSheet(app: WpsObject, ws: WpsObject): void {
  const alerts = get(app, "DisplayAlerts");
  put(app, "DisplayAlerts", false);
  try {
    call(ws, "Delete");
  } finally {
    put(app, "DisplayAlerts", alerts);
  }
}

export function insertSummaryWps(app: WpsObject, layout: SummaryLayout, sheets: SheetsAccess): InsertedSummary {
  let name = layout.sheet;
  let replaced = false;
  const existing = sheets.find(name);
  if (existing) {
    if (get(callObj(existing, "Range", "A1"), "Value2") === layout.title) {
      deleteSheet(app, existing);
      replaced = true;
    } else {
      name = `${layout.sheet}（台账）`;
      const ours = sheets.find(name);
      if (ours) deleteSheet(app, ours);
      replaced = ours !== null;
    }
  }
  const ws = sheets.add(name);
  const title = callObj(ws, "Range", "A1");
  put(title, "Formula", officeInput(layout.title));
  put(obj(title, "Font"), "Size", 16);
  put(obj(title, "Font"), "Bold", true);
  const subtitle = callObj(ws, "Range", "A2");
  put(subtitle, "Formula", officeInput(layout.subtitle));
  put(obj(subtitle, "Font"), "Color", bgr("#605E5C"));
  for (const block of layout.blocks) writeBlock(ws, block);
  // The layout's widths are the file's unit (as exceljs writes them); ColumnWidth leaves out the padding.
  layout.columnWidths.forEach((width, i) => put(callObj(obj(ws, "Columns"), "Item", i + 1), "ColumnWidth", charactersOfWidth(width)));
  for (const chart of layout.charts) addChart(ws, chart);
  call(ws, "Activate");
  return { sheet: name, charts: layout.charts.length, replaced };
}

function input(cell: SummaryCell): string | number {
  if (isLightCell(cell)) return officeInput(cell.text) as string;
  if (typeof cell === "object") return `=${cell.formula}`;
  return typeof cell === "string" ? (officeInput(cell) as string) : cell;
}

function writeBlock(ws: WpsObject, block: SummaryBlock): void {
  const width = block.rows.reduce((w, r) => Math.max(w, r.length), 0);
  block.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell === "object" && !isLightCell(cell) && cell.format) put(callObj(obj(ws, "Cells"), "Item", block.top + r, c + 1), "NumberFormat", cell.format);
    }),
  );
  const range = callObj(ws, "Range", blockRef(block));
  put(range, "Formula", block.rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? "" : input(r[i]!)))));
  const header = callObj(ws, "Range", `A${block.top}:${columnLetter(width)}${block.top}`);
  put(obj(header, "Font"), "Bold", true);
  put(obj(header, "Interior"), "Color", bgr("#F3F2F1"));
  // Traffic lights: the unit's cell in its light's color, as the Excel sheet and the report show it.
  block.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isLightCell(cell)) return;
      const light = callObj(obj(ws, "Cells"), "Item", block.top + r, c + 1);
      put(obj(light, "Interior"), "Color", bgr(LIGHT_COLORS[cell.light]));
      put(obj(light, "Font"), "Color", bgr(cell.light === "amber" ? "#111111" : "#FFFFFF"));
      put(obj(light, "Font"), "Bold", true);
    }),
  );
}

function addChart(ws: WpsObject, spec: SummaryChart): void {
  const from = callObj(ws, "Range", spec.from);
  const to = callObj(ws, "Range", spec.to);
  const left = Number(get(from, "Left"));
  const top = Number(get(from, "Top"));
  const width = Number(get(to, "Left")) + Number(get(to, "Width")) - left;
  const height = Number(get(to, "Top")) + Number(get(to, "Height")) - top;
  const chart = obj(callObj(callObj(ws, "ChartObjects"), "Add", left, top, width, height), "Chart");
  call(chart, "SetSourceData", callObj(ws, "Range", spec.source), CHART.byColumns);
  put(chart, "ChartType", spec.type === "Doughnut" ? CHART.doughnut : CHART.barStacked);
  put(chart, "HasTitle", true);
  put(obj(chart, "ChartTitle"), "Text", spec.title);
  put(chart, "HasLegend", true);
  put(obj(chart, "Legend"), "Position", CHART.legendBottom);
  const fill = (target: WpsObject, color: string) => put(obj(obj(obj(target, "Format"), "Fill"), "ForeColor"), "RGB", bgr(color));
  if (spec.type === "Doughnut") {
    const series = callObj(chart, "SeriesCollection", 1);
    spec.colors.forEach((color, i) => fill(callObj(series, "Points", i + 1), color));
    put(series, "HasDataLabels", true);
  } else {
    spec.colors.forEach((color, i) => fill(callObj(chart, "SeriesCollection", i + 1), color));
    // Bars are drawn bottom-up; reversed, the worst group (first row) is on top, as in the table.
    put(callObj(chart, "Axes", CHART.category), "ReversePlotOrder", true);
  }
}
