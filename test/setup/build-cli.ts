/**
 * Builds the command line once before any test file runs: the CLI tests spawn the bundle a
 * user runs (bin/taizhang.mjs → dist/cli/taizhang.mjs), and building it from several test
 * files at once would race.
 */
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";

export default function setup(): void {
  const root = resolve(import.meta.dirname, "../..");
  execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], { cwd: root, stdio: "inherit" });
}
