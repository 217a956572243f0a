#!/usr/bin/env node
// The installed command: runs the bundle that `npm ci` builds (npm's prepare step).
import { existsSync } from "node:fs";

const bundle = new URL("../dist/cli/taizhang.mjs", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write("taizhang: 命令行尚未构建，请在项目目录运行 npm ci 或 npm run build:cli (the CLI is not built: run npm ci)\n");
  process.exit(1);
}
const { main } = await import(bundle.href);
await main(process.argv.slice(2));
