/** Overdue items by how long they have been late: 1–7, 8–30, 31–90 and over 90 days. */
import type { Lang } from "../lang.js";
import type { ChartItem } from "./chart-item.js";
import { AGE_COLORS, OUTLINE } from "./palette.js";
import { CHART_WIDTH, baseOptions, type ChartSpec } from "./spec.js";
import { CHART_WORDS } from "./chart-words.js";

/** Upper bounds (inclusive) of the first three buckets, in days overdue. */
export const AGE_LIMITS = [7, 30, 90] as const;

export function overdueByAge(items: readonly ChartItem[]): [number, number, number, number] {
  const buckets: [number, number, number, number] = [0, 0, 0, 0];
  for (const item of items) {
    if (!item.overdue) continue;
    const bucket = AGE_LIMITS.findIndex((limit) => item.daysOverdue <= limit);
    buckets[(bucket < 0 ? 3 : bucket) as 0 | 1 | 2 | 3] += 1;
  }
  return buckets;
}

export function agingChart(items: readonly ChartItem[], lang: Lang): ChartSpec | null {
  const w = CHART_WORDS[lang];
  const buckets = overdueByAge(items);
  if (buckets.every((n) => n === 0)) return null;
  return {
    id: "aging",
    title: w.aging,
    description: w.ages.map((label, i) => `${label}: ${buckets[i]}`).join(", "),
    width: CHART_WIDTH,
    // Four short bars: a strip, not half a page.
    height: 110 + 4 * 30,
    config: {
      type: "bar",
      data: {
        labels: [...w.ages],
        datasets: [{ label: w.overdue, data: buckets, backgroundColor: AGE_COLORS, borderColor: OUTLINE, borderWidth: 1, maxBarThickness: 28 }],
      },
      options: {
        ...baseOptions(w.aging),
        plugins: { ...baseOptions(w.aging).plugins, legend: { display: false } },
        indexAxis: "y",
        scales: { x: { beginAtZero: true, ticks: { precision: 0, color: "#222222" } }, y: { ticks: { color: "#222222" } } },
      },
    },
  };
}
