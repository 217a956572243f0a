/** Every chart of the leaders' report, in reading order; charts with nothing to show are left out. */
import type { Lang } from "../findings/catalogue.js";
import type { Summary } from "../summary.js";
import { agingChart } from "./aging.js";
import type { ChartItem } from "./chart-item.js";
import { groupChart } from "./groups.js";
import { monthlyChart } from "./months.js";
import type { ChartSpec } from "./spec.js";
import { statusChart } from "./status.js";
import { CHART_WORDS } from "./words.js";

export function reportCharts(summary: Summary, items: readonly ChartItem[], lang: Lang): ChartSpec[] {
  const w = CHART_WORDS[lang];
  const charts: Array<ChartSpec | null> = [
    summary.total > 0 ? statusChart(summary, lang) : null,
    summary.byUnit.length > 0 ? groupChart("by-unit", w.byUnit, summary.byUnit, lang) : null,
    summary.byLeader.length > 0 ? groupChart("by-leader", w.byLeader, summary.byLeader, lang) : null,
    summary.byCategory.length > 0 ? groupChart("by-category", w.byCategory, summary.byCategory, lang) : null,
    monthlyChart(items, lang),
    agingChart(items, lang),
  ];
  return charts.filter((c): c is ChartSpec => c !== null);
}

export type { ChartSpec } from "./spec.js";
export type { ChartItem } from "./chart-item.js";
export { centerTextPlugin } from "./center-text.js";
export { unitLights, type UnitLight, type Light } from "./traffic.js";
export { monthlyCounts } from "./months.js";
export { overdueByAge } from "./aging.js";
export { groupBars } from "./groups.js";
export { whiteBackgroundPlugin } from "./background.js";
