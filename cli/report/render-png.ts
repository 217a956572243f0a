/** Chart specs drawn to PNG with chart.js on @napi-rs/canvas, at the spec's 2× pixel ratio. */
import { createCanvas } from "@napi-rs/canvas";
import { Chart, registerables, type ChartConfiguration } from "chart.js";
import { centerTextPlugin, whiteBackgroundPlugin, type ChartSpec } from "../../analytics/charts/index.js";
import { PIXEL_RATIO } from "../../analytics/charts/spec.js";
import { FONT_FAMILY, registerChineseFont } from "./fonts.js";

let ready = false;

function prepare(): void {
  if (ready) return;
  Chart.register(...registerables, centerTextPlugin, whiteBackgroundPlugin);
  registerChineseFont();
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.color = "#222222";
  ready = true;
}

export interface RenderedChart {
  readonly spec: ChartSpec;
  readonly png: Buffer;
  /** Pixel size of the PNG (the spec's size times the pixel ratio). */
  readonly width: number;
  readonly height: number;
}

export function renderChart(spec: ChartSpec): RenderedChart {
  prepare();
  // chart.js sizes the canvas to width × ratio itself; it starts at the CSS size.
  const canvas = createCanvas(spec.width, spec.height);
  const config = withFont(spec.config);
  const chart = new Chart(canvas.getContext("2d") as unknown as CanvasRenderingContext2D, config);
  try {
    return { spec, png: canvas.toBuffer("image/png"), width: spec.width * PIXEL_RATIO, height: spec.height * PIXEL_RATIO };
  } finally {
    chart.destroy();
  }
}

/** The spec names a CSS font stack; in Node the registered family must come first. */
function withFont(config: ChartConfiguration): ChartConfiguration {
  const options = { ...(config.options ?? {}), font: { family: FONT_FAMILY } };
  const plugins = (options as { plugins?: { centerText?: object } }).plugins;
  if (plugins?.centerText) (options as { plugins: object }).plugins = { ...plugins, centerText: { ...plugins.centerText, font: FONT_FAMILY } };
  return { ...config, options } as ChartConfiguration;
}
