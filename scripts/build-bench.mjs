// Bundles the benchmark like the shipped command line, so it measures the code users run.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/bench", { recursive: true, force: true });

await build({
  entryPoints: ["bench/bench.ts", "bench/job.ts"],
  outdir: "dist/bench",
  outExtension: { ".js": ".mjs" },
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["exceljs", "docx", "chart.js", "chart.js/*", "@napi-rs/canvas", "@fontsource/*", "cli-progress", "ajv", "ajv/*"],
  banner: { js: 'import { createRequire as __taizhangRequire } from "node:module"; const require = __taizhangRequire(import.meta.url);' },
  logLevel: "warning",
});
