/**
 * Drawing the report's charts (analytics/charts, the same specs `taizhang report` renders to
 * PNG) in the pane with chart.js, loaded only when a chart is first drawn. The specs are sized
 * for a printed page; in the pane they follow its width. Each chart has a PNG download (white
 * background, 2× pixels).
 */
import type { Chart } from "chart.js";
import { centerTextPlugin, whiteBackgroundPlugin, type ChartSpec } from "../../analytics/charts/index.js";
import { download, h, replaceChildren } from "./dom.js";
import type { Strings } from "./i18n.js";

const FONT = '"Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';
/** A pane is about half a printed page wide: charts keep most of their height, not all. */
const PANE_HEIGHT_SCALE = 0.75;

let live: Chart[] = [];

/** Title and legend take about this much of a chart in the pane (the legend wraps at 350 px). */
const PANE_CHART_CHROME = 120;

/**
 * A chart's height in the pane: most of its printed height, but never so little that a bar
 * is thinner than the spec's minimum (a one-bar chart would otherwise be a hairline).
 */
function paneHeight(spec: ChartSpec): number {
  const scaled = Math.round(spec.height * PANE_HEIGHT_SCALE);
  if (spec.minBarThickness === undefined) return scaled;
  const bars = (spec.config.data.labels ?? []).length;
  return Math.max(scaled, PANE_CHART_CHROME + bars * (spec.minBarThickness + 10));
}

/** Replaces the container's charts with these; resolves once they are on screen. */
export async function drawCharts(container: HTMLElement, charts: readonly ChartSpec[], t: Strings): Promise<Chart[]> {
  const { Chart } = await import(/* webpackChunkName: "chartjs" */ "chart.js/auto");
  Chart.defaults.font.family = FONT;
  for (const chart of live) chart.destroy();
  live = [];
  replaceChildren(container);
  for (const spec of charts) {
    const canvas = h("canvas", { role: "img", "aria-label": `${spec.title}：${spec.description}` });
    const savePng = h("button", { type: "button", class: "subtle", "aria-label": t.downloadPng(spec.title) }, t.downloadImage);
    const figure = h(
      "figure",
      { class: "chart", "data-chart": spec.id },
      h("div", { class: "chart-box", style: `height:${paneHeight(spec)}px` }, canvas),
      // The title is drawn in the chart (so the PNG has it); the caption names it for readers.
      h("figcaption", {}, h("span", { class: "sr-only" }, spec.title), spec.note ? h("span", { class: "quiet" }, spec.note) : null, savePng),
    );
    container.append(figure);
    const chart = new Chart(canvas, {
      ...spec.config,
      options: { ...spec.config.options, responsive: true, maintainAspectRatio: false, animation: false, devicePixelRatio: 2 },
      plugins: [whiteBackgroundPlugin, centerTextPlugin as never],
    });
    savePng.addEventListener("click", () => download(chart.toBase64Image("image/png"), `${spec.id}.png`));
    live.push(chart);
  }
  // Let layout settle and the charts paint before saying they are drawn.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return live;
}
