/**
 * Completion by unit, leader or category: stacked horizontal bars of completed, open on time,
 * open without a clear course (长期坚持, 未填写, 无法识别) and overdue, in the order given (the
 * summary's worst first; units in the order of their lights).
 */
import type { Lang } from "../lang.js";
import type { Group } from "../summary.js";
import { COMPLETED, OPEN_ON_TIME, OPEN_UNCLEAR, OUTLINE, OVERDUE } from "./palette.js";
import { CHART_WIDTH, baseOptions, type ChartSpec } from "./spec.js";
import { CHART_WORDS } from "./chart-words.js";

/** Beyond this many bars a chart stops being read; the rest are named as left out, and the tables list them. */
export const MAX_BARS = 40;
/** A bar stays at least this thick (CSS px), however the chart is scaled. */
export const MIN_BAR = 18;

export interface GroupBars {
  readonly labels: string[];
  readonly completed: number[];
  readonly openOnTime: number[];
  readonly openUnclear: number[];
  readonly overdue: number[];
  /** Groups not drawn (beyond MAX_BARS). */
  readonly omitted: number;
}

/** The bars' numbers: open on time is what is neither completed, overdue nor unclear. */
export function groupBars(groups: readonly Group[], unclear: ReadonlyMap<string, number> = new Map()): GroupBars {
  const shown = groups.slice(0, MAX_BARS);
  const unclearOf = (g: Group) => unclear.get(g.name) ?? 0;
  return {
    labels: shown.map((g) => g.name),
    completed: shown.map((g) => g.completed),
    openOnTime: shown.map((g) => g.total - g.completed - g.overdue - unclearOf(g)),
    openUnclear: shown.map(unclearOf),
    overdue: shown.map((g) => g.overdue),
    omitted: groups.length - shown.length,
  };
}

/** Room per bar: generous for a few, tighter for many, so 40 units still fit a page. */
export function barChartHeight(bars: number): number {
  const perBar = bars <= 12 ? 30 : bars <= 24 ? 24 : 20;
  return 110 + Math.max(bars, 1) * Math.max(perBar, MIN_BAR);
}

export function groupChart(id: string, title: string, groups: readonly Group[], lang: Lang, unclear?: ReadonlyMap<string, number>): ChartSpec {
  const w = CHART_WORDS[lang];
  const bars = groupBars(groups, unclear);
  const base = baseOptions(title);
  const series = (label: string, data: number[], color: string) => ({ label, data, backgroundColor: color, borderColor: OUTLINE, borderWidth: 1, maxBarThickness: 28 });
  const hasUnclear = bars.openUnclear.some((n) => n > 0);
  return {
    id,
    title,
    description:
      bars.labels
        .map((name, i) => `${name}: ${w.completed} ${bars.completed[i]}, ${w.openOnTime} ${bars.openOnTime[i]}${hasUnclear ? `, ${w.openUnclear} ${bars.openUnclear[i]}` : ""}, ${w.overdue} ${bars.overdue[i]}`)
        .join("; ") + (bars.omitted > 0 ? `; ${w.omitted(bars.omitted)}` : ""),
    width: CHART_WIDTH,
    height: barChartHeight(bars.labels.length),
    minBarThickness: MIN_BAR,
    ...(bars.omitted > 0 ? { note: w.omitted(bars.omitted) } : {}),
    config: {
      type: "bar",
      data: {
        labels: bars.labels,
        datasets: [
          series(w.completed, bars.completed, COMPLETED),
          series(w.openOnTime, bars.openOnTime, OPEN_ON_TIME),
          ...(hasUnclear ? [series(w.openUnclear, bars.openUnclear, OPEN_UNCLEAR)] : []),
          series(w.overdue, bars.overdue, OVERDUE),
        ],
      },
      options: {
        ...base,
        indexAxis: "y",
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0, color: "#222222" } },
          // Every name is shown: chart.js would otherwise skip labels it finds crowded.
          y: { stacked: true, ticks: { autoSkip: false, color: "#222222" } },
        },
      },
    },
  };
}
