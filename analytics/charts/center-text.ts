/**
 * A chart.js plugin that writes the completion rate in the doughnut's hole. Registered by
 * each renderer (pane and command line); the text itself comes from the spec's options.
 */
import type { Chart, ChartType, Plugin } from "chart.js";

export interface CenterTextOptions {
  readonly text: string;
  readonly caption?: string;
  readonly font?: string;
}

declare module "chart.js" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    centerText?: CenterTextOptions;
  }
}

export const centerTextPlugin: Plugin<"doughnut", CenterTextOptions> = {
  id: "centerText",
  afterDraw(chart: Chart<"doughnut">, _args, options) {
    const meta = chart.getDatasetMeta(0);
    const arc = meta.data[0] as unknown as { x: number; y: number; innerRadius: number } | undefined;
    if (!options?.text || !arc) return;
    const { ctx } = chart;
    const family = options.font ?? "sans-serif";
    const size = Math.max(12, Math.round(arc.innerRadius * 0.42));
    ctx.save();
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillStyle = "#111111";
    ctx.font = `bold ${size}px ${family}`;
    ctx.fillText(options.text, arc.x, arc.y - (options.caption ? size * 0.3 : 0));
    if (options.caption) {
      ctx.font = `${Math.round(size * 0.42)}px ${family}`;
      ctx.fillStyle = "#444444";
      ctx.fillText(options.caption, arc.x, arc.y + size * 0.55);
    }
    ctx.restore();
  },
};
