/**
 * The 完成情况 sheet, laid out as data: the summary tables (counts as values, totals and rates
 * as formulas, so a leader who edits a count sees the rate follow) and the native Excel charts
 * bound to them. Pure: the Office.js side only writes what this returns.
 */
import type { Day } from "../day.js";
import type { Lang } from "../lang.js";
import { a1, columnLetter } from "../sheet/address.js";
// The report's colors, so the workbook's charts look like the pane's and the PNGs.
import { COMPLETED, OPEN_ON_TIME, OPEN_UNCLEAR, OVERDUE, STATUS_COLORS } from "../charts/palette.js";
import { CHART_WORDS } from "../charts/chart-words.js";
import { unitsInLightOrder } from "../charts/index.js";
import type { Light, UnitLight } from "../charts/traffic.js";
import { unclearCounts } from "../charts/unclear.js";
import type { Item } from "../item.js";
import { OVERVIEW_WORDS } from "./overview-words.js";
import { STATUS_BUCKETS, type Group, type Summary } from "../summary.js";

export const SUMMARY_SHEET = { zh: OVERVIEW_WORDS.zh.completionSheet, en: OVERVIEW_WORDS.en.completionSheet } as const;

/** Bars a chart shows at most (worst first); the table below it lists every group. */
export const CHART_GROUPS = 15;
const CHART_LEFT_COL = 10; // J: right of the widest block (A–H)
const CHART_RIGHT_COL = 18; // R

/** A light in the unit table: its word, filled with its color. */
export interface LightCell {
  readonly text: string;
  readonly light: Light;
}

export type SummaryCell = string | number | LightCell | { readonly formula: string; readonly format?: string };

export interface SummaryBlock {
  readonly top: number;
  /** Rows of cells from column A; the first row is the header. */
  readonly rows: SummaryCell[][];
}

export interface SummaryChart {
  readonly type: "Doughnut" | "BarStacked";
  /** The data the chart is bound to, header row and category column included. */
  readonly source: string;
  readonly title: string;
  /** Series colors, in order; for the doughnut, one color per point. */
  readonly colors: readonly string[];
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: string;
  readonly to: string;
}

export interface SummaryLayout {
  readonly sheet: string;
  readonly title: string;
  readonly subtitle: string;
  readonly blocks: SummaryBlock[];
  readonly charts: SummaryChart[];
  readonly columnWidths: readonly number[];
}

export interface SummaryInput {
  readonly summary: Summary;
  /** The items summarized: which open ones are unclear (长期坚持, 未填写, 无法识别). */
  readonly items: readonly Item[];
  readonly asOf: Day;
  readonly dueSoonDays: number;
  readonly source: string;
  readonly lang: Lang;
  /** The units' lights (../lights.ts): the unit table's 灯号 column and its order. */
  readonly lights: readonly UnitLight[];
}

export function isLightCell(cell: SummaryCell): cell is LightCell {
  return typeof cell === "object" && "light" in cell;
}

const PERCENT = "0.0%";

function overallBlock(input: SummaryInput, top: number): SummaryBlock {
  const w = OVERVIEW_WORDS[input.lang];
  const s = input.summary;
  const totalRow = top + 1;
  const completedRow = top + 2;
  return {
    top,
    rows: [
      [...w.overall],
      [w.total, s.total],
      [w.completed, s.completed],
      [w.rate, { formula: `IF(B${totalRow}=0,0,B${completedRow}/B${totalRow})`, format: PERCENT }],
      [w.overdue, s.overdue],
      [w.dueSoonShort, s.dueSoon],
    ],
  };
}

function statusBlock(input: SummaryInput, top: number): SummaryBlock {
  const w = OVERVIEW_WORDS[input.lang];
  const present = STATUS_BUCKETS.filter((b) => (input.summary.byStatus[b] ?? 0) > 0);
  const labels = CHART_WORDS[input.lang].status;
  return { top, rows: [[...w.statusHeader], ...present.map((b) => [labels[b], input.summary.byStatus[b] ?? 0])] };
}

/**
 * name | completed | open on time | open, unclear | overdue | total | rate (| light, for units):
 * the first five columns are what the bar chart is bound to.
 */
function groupBlock(groups: readonly Group[], unclear: ReadonlyMap<string, number>, what: string, lang: Lang, top: number, lights: ReadonlyMap<string, Light> | null): SummaryBlock {
  const w = OVERVIEW_WORDS[lang];
  const c = CHART_WORDS[lang];
  const header: SummaryCell[] = [what, c.completed, c.openOnTime, c.openUnclear, c.overdue, w.groupTotal, w.rate];
  const rows: SummaryCell[][] = [lights ? [...header, w.lightHeader] : header];
  groups.forEach((g, i) => {
    const r = top + 1 + i;
    const other = unclear.get(g.name) ?? 0;
    const row: SummaryCell[] = [g.name, g.completed, g.total - g.completed - g.overdue - other, other, g.overdue, { formula: `SUM(B${r}:E${r})` }, { formula: `IF(F${r}=0,0,B${r}/F${r})`, format: PERCENT }];
    if (lights) {
      const light = lights.get(g.name) ?? "grey";
      row.push({ text: w.light[light], light });
    }
    rows.push(row);
  });
  return { top, rows };
}

/** Rows a chart covers: taller for more bars, within reason. */
function chartHeight(bars: number): number {
  return Math.min(26, Math.max(14, bars * 1.4 + 6)) | 0;
}

function chartBox(top: number, height: number): { from: string; to: string } {
  return { from: a1(top, CHART_LEFT_COL), to: a1(top + height - 1, CHART_RIGHT_COL) };
}

export function summaryLayout(input: SummaryInput): SummaryLayout {
  const w = OVERVIEW_WORDS[input.lang];
  const unclear = unclearCounts(input.items);
  // Chart titles and status names as on the PNGs and in the pane, so the three read alike.
  const chartWords = CHART_WORDS[input.lang];
  const blocks: SummaryBlock[] = [];
  const charts: SummaryChart[] = [];
  let top = 4;

  const overall = overallBlock(input, top);
  blocks.push(overall);
  top += overall.rows.length + 1;

  const status = statusBlock(input, top);
  blocks.push(status);
  const statusPoints = STATUS_BUCKETS.filter((b) => (input.summary.byStatus[b] ?? 0) > 0);
  if (statusPoints.length > 0) {
    const height = chartHeight(statusPoints.length);
    charts.push({
      type: "Doughnut",
      source: `A${top}:B${top + statusPoints.length}`,
      title: chartWords.statusTitle,
      colors: statusPoints.map((b) => STATUS_COLORS[b]),
      ...chartBox(4, height),
    });
    top = Math.max(top + status.rows.length, 4 + height) + 1;
  } else {
    top += status.rows.length + 1;
  }

  const lightByUnit = new Map(input.lights.map((l) => [l.unit, l.light]));
  const groups: Array<[readonly Group[], ReadonlyMap<string, number>, string, string]> = [
    // Units in the order of their lights, as the report's chart and light table.
    [unitsInLightOrder(input.summary.byUnit, input.lights), unclear.byUnit, w.byUnit, chartWords.byUnit],
    [input.summary.byLeader, unclear.byLeader, w.byLeader, chartWords.byLeader],
    [input.summary.byCategory, unclear.byCategory, w.byCategory, chartWords.byCategory],
  ];
  for (const [list, unclearOf, what, title] of groups) {
    if (list.length === 0) continue;
    const block = groupBlock(list, unclearOf, what, input.lang, top, what === w.byUnit ? lightByUnit : null);
    blocks.push(block);
    const bars = Math.min(list.length, CHART_GROUPS);
    const height = chartHeight(bars);
    charts.push({
      type: "BarStacked",
      source: `A${top}:E${top + bars}`,
      title,
      colors: [COMPLETED, OPEN_ON_TIME, OPEN_UNCLEAR, OVERDUE],
      ...chartBox(top, height),
    });
    top = Math.max(top + block.rows.length, top + height) + 2;
  }

  return {
    sheet: SUMMARY_SHEET[input.lang],
    title: w.completionTitle,
    subtitle: w.completionSubtitle(input.asOf, input.dueSoonDays, input.source),
    blocks,
    charts,
    columnWidths: [24, 10, 12, 14, 8, 8, 9, 8],
  };
}

/** "A4:F10": the cells a block covers. */
export function blockRef(block: SummaryBlock): string {
  const width = block.rows.reduce((w, r) => Math.max(w, r.length), 0);
  return `A${block.top}:${columnLetter(width)}${block.top + block.rows.length - 1}`;
}
