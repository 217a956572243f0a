/** The chart PNGs: they decode, have the promised size, are not blank, and show Chinese. */
import { itemStarts } from "../../../analytics/ledger-start.js";
import { DEFAULT_LIGHT_RULES, unitLights } from "../../../analytics/lights.js";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { beforeAll, describe, expect, it } from "vitest";
import { reportCharts, type ChartSpec } from "../../../analytics/charts/index.js";
import { PIXEL_RATIO } from "../../../analytics/charts/spec.js";
import { analyzeWorkbook } from "../../../analytics/ledger.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { FONT_FAMILY, registerChineseFont } from "../../../cli/report/fonts.js";
import { renderChart } from "../../../cli/report/render-png.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { rectification15 } from "../../fixtures/ledgers.js";

async function pixels(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

/** Variance of the grey level: a blank (all white) image has none. */
function greyVariance(data: Uint8ClampedArray): number {
  let sum = 0;
  let sq = 0;
  const n = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    const grey = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
    sum += grey;
    sq += grey * grey;
  }
  return sq / n - (sum / n) ** 2;
}

let charts: ChartSpec[];
beforeAll(async () => {
  const wb = readWorkbook(await fixtureBytes(rectification15), { source: "r.xlsx" });
  const ledger = analyzeWorkbook(wb, { asOf: rectification15.asOf }).ledgers[0]!;
  charts = reportCharts(ledger.summary, ledger.items, "zh", unitLights(ledger.items, { asOf: ledger.asOf, startOf: itemStarts(ledger), rules: DEFAULT_LIGHT_RULES }));
});

describe("chart PNGs", () => {
  it("decode at twice the spec's size, on an opaque white background, and are not blank", async () => {
    for (const spec of charts) {
      const rendered = renderChart(spec);
      const image = await pixels(rendered.png);
      expect([image.width, image.height], spec.id).toEqual([spec.width * PIXEL_RATIO, spec.height * PIXEL_RATIO]);
      expect([...image.data.slice(0, 4)], `${spec.id} corner`).toEqual([255, 255, 255, 255]);
      expect(greyVariance(image.data), spec.id).toBeGreaterThan(100);
    }
  });

  it("draw Chinese as real glyphs: two different words never come out as the same boxes", async () => {
    expect(registerChineseFont()).toBeGreaterThan(50);
    const draw = async (text: string) => {
      const canvas = createCanvas(240, 60);
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, 240, 60);
      ctx.fillStyle = "#000";
      ctx.font = `32px "${FONT_FAMILY}"`;
      ctx.fillText(text, 8, 44);
      return (await pixels(canvas.toBuffer("image/png"))).data;
    };
    const a = await draw("完成情况");
    const b = await draw("逾期事项");
    const ink = (d: Uint8ClampedArray) => d.filter((v, i) => i % 4 === 0 && v < 128).length;
    // Missing glyphs all render as the same .notdef box: identical pixels for both words.
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(ink(a)).toBeGreaterThan(200);
  });
});
