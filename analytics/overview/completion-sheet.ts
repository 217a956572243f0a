/**
 * The 完成情况 sheet, laid out as data: the summary tables (counts as values, totals and rates
 * as formulas, so a leader who edits a count sees the rate follow) and the native Excel charts
 * bound to them. Pure: the Office.js side only writes what this returns.
 */
import type { Day } from "../day.js";
import type { Lang } from "../findings/catalogue.js";
import { a1, columnLetter } from "../sheet/address.js";
// The report's colors, so the workbook's charts look like the pane's and the PNGs.
import { COMPLETED, OPEN_ON_TIME, OVERDUE, STATUS_COLORS } from "../charts/palette.js";
import { CHART_WORDS } from "../charts/words.js";
import { STATUS_BUCKETS, type Group, type Summary } from "../summary.js";

export const SUMMARY_SHEET = { zh: "完成情况", en: "Completion" } as const;

/** Bars a chart shows at most (worst first); the table below it lists every group. */
export const CHART_GROUPS = 15;
const CHART_LEFT_COL = 8; // H
const CHART_RIGHT_COL = 16; // P

export type SummaryCell = string | number | { readonly formula: string; readonly format?: string };

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
  readonly asOf: Day;
  readonly dueSoonDays: number;
  readonly source: string;
  readonly lang: Lang;
}

const WORDS = {
  zh: {
    title: "整改事项完成情况",
    subtitle: (s: SummaryInput) => `统计截至 ${s.asOf}（即将到期：${s.dueSoonDays} 天内）· 来源：${s.source}`,
    overall: ["指标", "数值"],
    total: "事项总数",
    completed: "已完成（含销号）",
    rate: "完成率",
    overdue: "逾期",
    dueSoon: "即将到期",
    statusHeader: ["完成情况", "事项数"],
    groupHeader: (what: string) => [what, "已完成", "未到期", "逾期", "合计", "完成率"],
    byUnit: "责任单位",
    byLeader: "责任领导",
    byCategory: "问题类别",
  },
  en: {
    title: "Completion",
    subtitle: (s: SummaryInput) => `As of ${s.asOf} (due soon: within ${s.dueSoonDays} days) · source: ${s.source}`,
    overall: ["Measure", "Value"],
    total: "Items",
    completed: "Completed (incl. closed)",
    rate: "Completion rate",
    overdue: "Overdue",
    dueSoon: "Due soon",
    statusHeader: ["Status", "Items"],
    groupHeader: (what: string) => [what, "Completed", "Open, on time", "Overdue", "Total", "Rate"],
    byUnit: "Unit",
    byLeader: "Leader",
    byCategory: "Category",
  },
} as const;

const PERCENT = "0.0%";

function overallBlock(input: SummaryInput, top: number): SummaryBlock {
  const w = WORDS[input.lang];
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
      [w.dueSoon, s.dueSoon],
    ],
  };
}

function statusBlock(input: SummaryInput, top: number): SummaryBlock {
  const w = WORDS[input.lang];
  const present = STATUS_BUCKETS.filter((b) => (input.summary.byStatus[b] ?? 0) > 0);
  const labels = CHART_WORDS[input.lang].status;
  return { top, rows: [[...w.statusHeader], ...present.map((b) => [labels[b], input.summary.byStatus[b] ?? 0])] };
}

function groupBlock(groups: readonly Group[], what: string, lang: Lang, top: number): SummaryBlock {
  const rows: SummaryCell[][] = [WORDS[lang].groupHeader(what)];
  groups.forEach((g, i) => {
    const r = top + 1 + i;
    rows.push([g.name, g.completed, g.total - g.completed - g.overdue, g.overdue, { formula: `SUM(B${r}:D${r})` }, { formula: `IF(E${r}=0,0,B${r}/E${r})`, format: PERCENT }]);
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
  const w = WORDS[input.lang];
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

  const groups: Array<[readonly Group[], string, string]> = [
    [input.summary.byUnit, w.byUnit, chartWords.byUnit],
    [input.summary.byLeader, w.byLeader, chartWords.byLeader],
    [input.summary.byCategory, w.byCategory, chartWords.byCategory],
  ];
  for (const [list, what, title] of groups) {
    if (list.length === 0) continue;
    const block = groupBlock(list, what, input.lang, top);
    blocks.push(block);
    const bars = Math.min(list.length, CHART_GROUPS);
    const height = chartHeight(bars);
    charts.push({
      type: "BarStacked",
      source: `A${top}:D${top + bars}`,
      title,
      colors: [COMPLETED, OPEN_ON_TIME, OVERDUE],
      ...chartBox(top, height),
    });
    top = Math.max(top + block.rows.length, top + height) + 2;
  }

  return {
    sheet: SUMMARY_SHEET[input.lang],
    title: w.title,
    subtitle: w.subtitle(input),
    blocks,
    charts,
    columnWidths: [24, 10, 12, 8, 8, 9],
  };
}

/** "A4:F10": the cells a block covers. */
export function blockRef(block: SummaryBlock): string {
  const width = Math.max(...block.rows.map((r) => r.length));
  return `A${block.top}:${columnLetter(width)}${block.top + block.rows.length - 1}`;
}
