/**
 * Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png): a green ledger sheet, three
 * rows and a check mark, in shapes only, so no font is needed and the small sizes stay crisp.
 * Office asks for 16, 32 and 80 px on the ribbon and 32/64 (and 128 for the store) elsewhere.
 *
 *   npx tsx scripts/make-icons.ts [outDir]
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const GREEN = "#107C41";
const DARK = "#0B5A2F";
const PAPER = "#FFFFFF";

function roundedRect(ctx: ReturnType<ReturnType<typeof createCanvas>["getContext"]>, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

export function drawIcon(size: number): Buffer {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext("2d");
  const u = size / 16; // one pixel of the 16 px design

  // The sheet: a green tile with a darker edge for contrast on light ribbons.
  roundedRect(ctx, 0.5 * u, 0.5 * u, 15 * u, 15 * u, 2.5 * u);
  ctx.fillStyle = GREEN;
  ctx.fill();
  ctx.lineWidth = Math.max(1, u * 0.6);
  ctx.strokeStyle = DARK;
  ctx.stroke();

  // Three ledger rows: a short cell and a long one, in white.
  ctx.fillStyle = PAPER;
  const rowHeight = Math.max(1, Math.round(1.6 * u));
  for (const y of [3.5, 7, 10.5]) {
    const top = Math.round(y * u);
    ctx.fillRect(Math.round(3 * u), top, Math.max(1, Math.round(2 * u)), rowHeight);
    // The last row's text gives way to the check mark.
    if (y !== 10.5) ctx.fillRect(Math.round(6 * u), top, Math.round(7 * u), rowHeight);
  }

  // The check mark over the last row: the item is done.
  ctx.strokeStyle = PAPER;
  ctx.lineWidth = size <= 16 ? 2.2 : 1.7 * u; // a full two pixels at 16 px, or it blurs away
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.beginPath();
  ctx.moveTo(7 * u, 11.2 * u);
  ctx.lineTo(9 * u, 13 * u);
  ctx.lineTo(13 * u, 9.2 * u);
  ctx.stroke();

  return canvas.toBuffer("image/png");
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? "assets";
  await mkdir(out, { recursive: true });
  for (const size of ICON_SIZES) await writeFile(join(out, `icon-${size}.png`), drawIcon(size));
  console.log(`icons written to ${out}: ${ICON_SIZES.map((s) => `${s}px`).join(", ")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
