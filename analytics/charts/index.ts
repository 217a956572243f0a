/** Every chart of the leaders' report, in reading order; charts with nothing to show are left out. */
import type { Lang } from "../lang.js";
import type { Item } from "../item.js";
import type { Group, Summary } from "../summary.js";
import { agingChart } from "./aging.js";
import type { ChartItem } from "./chart-item.js";
import { groupChart } from "./groups.js";
import { monthlyChart } from "./months.js";
import type { ChartSpec } from "./spec.js";
import { statusChart } from "./status-chart.js";
import type { UnitLight } from "./traffic.js";
import { unclearCounts } from "./unclear.js";
import { CHART_WORDS } from "./chart-words.js";

/** Units in the order of their lights (red, amber, grey, green), so the chart and the light table read alike. */
export function unitsInLightOrder(byUnit: readonly Group[], lights: readonly UnitLight[]): Group[] {
  const rank = new Map(lights.map((l, i) => [l.unit, i]));
  return [...byUnit].sort((a, b) => (rank.get(a.name) ?? lights.length) - (rank.get(b.name) ?? lights.length));
}

/** `lights`: the units' lights (../lights.ts), which order the unit chart. */
export function reportCharts(summary: Summary, items: readonly Item[], lang: Lang, lights: readonly UnitLight[]): ChartSpec[] {
  const w = CHART_WORDS[lang];
  const unclear = unclearCounts(items);
  const charts: Array<ChartSpec | null> = [
    summary.total > 0 ? statusChart(summary, lang) : null,
    summary.byUnit.length > 0 ? groupChart("by-unit", w.byUnit, unitsInLightOrder(summary.byUnit, lights), lang, unclear.byUnit) : null,
    summary.byLeader.length > 0 ? groupChart("by-leader", w.byLeader, summary.byLeader, lang, unclear.byLeader) : null,
    summary.byCategory.length > 0 ? groupChart("by-category", w.byCategory, summary.byCategory, lang, unclear.byCategory) : null,
    monthlyChart(items, lang),
    agingChart(items, lang),
  ];
  return charts.filter((c): c is ChartSpec => c !== null);
}

export type { ChartSpec } from "./spec.js";
export type { ChartItem } from "./chart-item.js";
export { centerTextPlugin } from "./center-text.js";
export { unitLights, type UnitLight, type Light, type LightContext } from "./traffic.js";
export { monthlyCounts } from "./months.js";
export { overdueByAge } from "./aging.js";
export { groupBars, barChartHeight, MIN_BAR } from "./groups.js";
export { unclearCounts, isOpenUnclear } from "./unclear.js";
export { whiteBackgroundPlugin } from "./background.js";
