/**
 * Completion by unit, leader or category: stacked horizontal bars of completed, open on time
 * and overdue, worst first (the summary's groups are already in that order).
 */
import type { Lang } from "../findings/catalogue.js";
import type { Group } from "../summary.js";
import { COMPLETED, OPEN_ON_TIME, OUTLINE, OVERDUE } from "./palette.js";
import { CHART_WIDTH, baseOptions, type ChartSpec } from "./spec.js";
import { CHART_WORDS } from "./words.js";

/** Beyond this many bars a chart stops being read; the tables list the rest. */
export const MAX_BARS = 25;

export interface GroupBars {
  readonly labels: string[];
  readonly completed: number[];
  readonly openOnTime: number[];
  readonly overdue: number[];
}

/** The bars' numbers: open on time is what is neither completed nor overdue. */
export function groupBars(groups: readonly Group[]): GroupBars {
  const shown = groups.slice(0, MAX_BARS);
  return {
    labels: shown.map((g) => g.name),
    completed: shown.map((g) => g.completed),
    openOnTime: shown.map((g) => g.total - g.completed - g.overdue),
    overdue: shown.map((g) => g.overdue),
  };
}

export function groupChart(id: string, title: string, groups: readonly Group[], lang: Lang): ChartSpec {
  const w = CHART_WORDS[lang];
  const bars = groupBars(groups);
  const base = baseOptions(title);
  const series = (label: string, data: number[], color: string) => ({ label, data, backgroundColor: color, borderColor: OUTLINE, borderWidth: 1 });
  return {
    id,
    title,
    description: bars.labels.map((name, i) => `${name}: ${w.completed} ${bars.completed[i]}, ${w.openOnTime} ${bars.openOnTime[i]}, ${w.overdue} ${bars.overdue[i]}`).join("; "),
    width: CHART_WIDTH,
    height: 110 + bars.labels.length * 30,
    config: {
      type: "bar",
      data: {
        labels: bars.labels,
        datasets: [series(w.completed, bars.completed, COMPLETED), series(w.openOnTime, bars.openOnTime, OPEN_ON_TIME), series(w.overdue, bars.overdue, OVERDUE)],
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
