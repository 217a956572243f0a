/** A chart.js plugin that paints the canvas white first: PNGs must not come out transparent. */
import type { Plugin } from "chart.js";

export const whiteBackgroundPlugin: Plugin = {
  id: "whiteBackground",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = "destination-over";
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};
