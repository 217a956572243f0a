/** The built command line run as a user runs it: a fresh process, no colour, no debug traces. */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

const BIN = join(resolve(import.meta.dirname, "../.."), "bin", "taizhang.mjs");

export function taizhang(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", TAIZHANG_DEBUG: "" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
