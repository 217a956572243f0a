/**
 * A chart as plain data: a chart.js configuration plus what a page needs around it. The
 * specs are pure functions of a summary (and the items, for the charts over time), so the
 * add-in's pane (browser canvas) and the command line (@napi-rs/canvas) draw the same charts.
 */
import type { ChartConfiguration } from "chart.js";

export interface ChartSpec {
  /** Stable id, also the PNG file name: "status", "by-unit", "aging", … */
  readonly id: string;
  readonly title: string;
  /** The chart's numbers in one sentence, for screen readers and the HTML's alt text. */
  readonly description: string;
  /** Size in CSS pixels; renderers draw at 2× for print. */
  readonly width: number;
  readonly height: number;
  /** For bar charts: the thinnest a bar may be drawn, so a page or pane shrinking the chart keeps it readable. */
  readonly minBarThickness?: number;
  /** A line shown under the chart, e.g. how many groups were left out. */
  readonly note?: string;
  readonly config: ChartConfiguration;
}

/** Pixel density of rendered charts: sharp on screens and when printed. */
export const PIXEL_RATIO = 2;
export const CHART_FONT = '"Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
export const CHART_WIDTH = 720;

/** Options every chart shares: fixed size, no animation (a report is printed, not watched). */
export function baseOptions(title: string) {
  return {
    responsive: false,
    animation: false as const,
    devicePixelRatio: PIXEL_RATIO,
    font: { family: CHART_FONT },
    plugins: {
      title: { display: true, text: title, font: { size: 16, weight: "bold" as const }, color: "#111111" },
      legend: { position: "bottom" as const, labels: { color: "#222222", boxWidth: 14 } },
    },
  };
}
