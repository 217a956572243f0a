/**
 * `taizhang check` on issue 12's crafted workbooks, as a clerk runs it: the legal ones give the
 * ledger's 15 items; the damaged, lying and oversized ones exit 2 with one line and no stack.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { legalVariants, longCellWorkbook, refusedVariants } from "../analytics/xlsx/hostile-workbooks.js";

const root = resolve(import.meta.dirname, "../..");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-hostile-"));
});

async function check(name: string, bytes: Uint8Array) {
  const file = join(dir, `${name}.xlsx`);
  await writeFile(file, bytes);
  const run = spawnSync(process.execPath, [join(root, "bin", "taizhang.mjs"), "check", file, "--as-of", "2019-12-31", "--no-color"], { encoding: "utf8", timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("taizhang check on crafted workbooks", () => {
  it("reads every legal way of writing the ledger as its 15 items", async () => {
    for (const [name, bytes] of Object.entries(legalVariants())) {
      const run = await check(name, bytes);
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stdout, name).toMatch(/事项 15 · 已完成（含销号）4/u);
    }
  });

  it("refuses every damaged, lying or oversized one with exit 2 and one line", async () => {
    const cases = { ...Object.fromEntries(Object.entries(refusedVariants()).map(([name, { bytes }]) => [name, bytes])), "cell-of-a-million-characters": longCellWorkbook(1_000_000) };
    for (const [name, bytes] of Object.entries(cases)) {
      const run = await check(name, bytes);
      expect(run.code, `${name}: ${run.stdout}`).toBe(2);
      expect(run.stderr.trim().split("\n"), name).toHaveLength(1);
      expect(run.stderr, name).not.toMatch(/\n\s+at /u);
    }
  });
});
