// Bundles the benchmark like the shipped command line, so it measures the code users run.
import { build } from "esbuild";

await build({
  entryPoints: ["bench/bench.ts", "bench/job.ts"],
  outdir: "dist/bench",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["exceljs", "chart.js", "chart.js/*", "@napi-rs/canvas", "@fontsource/*", "cli-progress", "ajv", "ajv/*"],
  banner: { js: 'import { createRequire as __taizhangRequire } from "node:module"; const require = __taizhangRequire(import.meta.url);' },
  logLevel: "warning",
});
