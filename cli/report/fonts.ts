/**
 * Noto Sans SC for charts drawn in Node, from @fontsource/noto-sans-sc: a machine with no CJK
 * font (a server, CI) still renders Chinese labels, not boxes. The font ships in ~100
 * unicode-range pieces; registered under one family, the renderer picks the piece per glyph.
 */
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { GlobalFonts } from "@napi-rs/canvas";

export const FONT_FAMILY = "Noto Sans SC";
let registered = 0;

export function registerChineseFont(weights: readonly number[] = [400, 700]): number {
  if (registered > 0) return registered;
  const require = createRequire(import.meta.url);
  const files = join(dirname(require.resolve("@fontsource/noto-sans-sc/package.json")), "files");
  for (const name of readdirSync(files)) {
    if (weights.some((w) => name.endsWith(`-${w}-normal.woff2`)) && GlobalFonts.registerFromPath(join(files, name), FONT_FAMILY)) registered++;
  }
  return registered;
}
