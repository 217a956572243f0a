// Bundles the command line into dist/cli/taizhang.mjs. Small pure-JS dependencies are bundled
// and tree-shaken (date-fns alone costs 0.2 s of start-up when imported whole); large or
// native ones (exceljs, chart.js, @napi-rs/canvas) stay in node_modules. `normalize` and
// `report` are imported when run, into chunks of their own, so `check` never loads them
// (exceljs alone costs 0.3 s and 25 MiB at start-up).
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry a hash: clear the old ones.
rmSync("dist/cli", { recursive: true, force: true });

await build({
  entryPoints: ["cli/taizhang.ts"],
  outdir: "dist/cli",
  outExtension: { ".js": ".mjs" },
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["exceljs", "docx", "chart.js", "chart.js/*", "@napi-rs/canvas", "@fontsource/*", "cli-progress", "ajv", "ajv/*"],
  // Bundled CommonJS (commander) calls require() for Node built-ins; give the ESM bundle one.
  banner: { js: 'import { createRequire as __taizhangRequire } from "node:module"; const require = __taizhangRequire(import.meta.url);' },
  sourcemap: true,
  logLevel: "warning",
});
