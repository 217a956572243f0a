/** Overall status: a doughnut of the status buckets, the completion rate in its middle. */
import type { ChartConfiguration } from "chart.js";
import type { Lang } from "../lang.js";
import type { StatusBucket, Summary } from "../summary.js";
import { OUTLINE, STATUS_COLORS } from "./palette.js";
import { CHART_FONT, CHART_WIDTH, baseOptions, type ChartSpec } from "./spec.js";
import { CHART_WORDS, percent } from "./chart-words.js";

/** Finished first, then open, then the ones nobody can read: the order a leader scans. */
export const STATUS_ORDER: readonly StatusBucket[] = ["done", "closed", "ongoing", "in_progress", "not_started", "unknown", "missing"];

export function statusChart(summary: Summary, lang: Lang): ChartSpec {
  const w = CHART_WORDS[lang];
  const buckets = STATUS_ORDER.filter((b) => (summary.byStatus[b] ?? 0) > 0);
  const counts = buckets.map((b) => summary.byStatus[b] ?? 0);
  const rate = percent(summary.completionRate);
  const base = baseOptions(w.statusTitle);
  const config: ChartConfiguration<"doughnut"> = {
    type: "doughnut",
    data: {
      labels: buckets.map((b) => `${w.status[b]} ${summary.byStatus[b]}`),
      datasets: [{ data: counts, backgroundColor: buckets.map((b) => STATUS_COLORS[b]), borderColor: OUTLINE, borderWidth: 1 }],
    },
    options: {
      ...base,
      cutout: "58%",
      plugins: {
        ...base.plugins,
        legend: { ...base.plugins.legend, position: "right" },
        centerText: { text: rate, caption: w.completionRate, font: CHART_FONT },
      },
    },
  };
  return {
    id: "status",
    title: w.statusTitle,
    description: `${w.completionRate} ${rate}: ` + buckets.map((b, i) => `${w.status[b]} ${counts[i]}`).join(", "),
    width: CHART_WIDTH,
    height: 360,
    config: config as unknown as ChartConfiguration,
  };
}
