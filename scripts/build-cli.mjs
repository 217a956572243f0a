// Bundles the command line into dist/cli/taizhang.mjs. Dependencies stay in node_modules.
import { build } from "esbuild";

await build({
  entryPoints: ["cli/taizhang.ts"],
  outfile: "dist/cli/taizhang.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
