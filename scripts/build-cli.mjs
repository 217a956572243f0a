// Bundles the command line into dist/cli/taizhang.mjs. Small pure-JS dependencies are bundled
// and tree-shaken (date-fns alone costs 0.2 s of start-up when imported whole); large or
// native ones (exceljs, chart.js, @napi-rs/canvas) stay in node_modules and load on demand.
import { build } from "esbuild";

await build({
  entryPoints: ["cli/taizhang.ts"],
  outfile: "dist/cli/taizhang.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["exceljs", "chart.js", "chart.js/*", "@napi-rs/canvas", "@fontsource/*", "cli-progress", "ajv", "ajv/*"],
  // Bundled CommonJS (commander) calls require() for Node built-ins; give the ESM bundle one.
  banner: { js: 'import { createRequire as __taizhangRequire } from "node:module"; const require = __taizhangRequire(import.meta.url);' },
  sourcemap: true,
  logLevel: "warning",
});
