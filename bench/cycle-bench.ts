/**
 * The 督办 cycle's goals, measured in `npm run bench`: `taizhang diff` of two 1,000-row monthly
 * versions under 2 s, and `taizhang notices` for 200 units under 20 s, each end to end in a
 * fresh process (the user's wait), with the diff's core alone beside it; and the core's cost
 * growing no faster than its rows, 10k to 100k (a consolidated ledger compared with last month's).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { diffLedgers } from "../analytics/diff/diff.js";
import { analyzeWorkbook } from "../analytics/ledger.js";
import type { CellValue } from "../analytics/sheet/sheet-model.js";
import type { Goal } from "./bench.js";
import { manyUnits, monthlyPair } from "./cycle-data.js";

async function writeRows(path: string, rows: readonly CellValue[][]): Promise<string> {
  if (existsSync(path)) return path;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("整改台账");
  for (const row of rows) ws.addRow(row.map((v) => (typeof v === "object" && v !== null ? null : v)));
  await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

function bestWallMs(jobPath: string, args: readonly string[], runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [jobPath, "taizhang", ...args], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
    if (run.status !== 0) throw new Error(`taizhang ${args[0]} failed: ${run.stderr}`);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export async function cycleBench(dataDir: string, jobPath: string, runs: number): Promise<Goal[]> {
  await mkdir(dataDir, { recursive: true });
  const pair = monthlyPair(1000);
  const september = await writeRows(join(dataDir, "monthly-1000-09.xlsx"), pair.september);
  const october = await writeRows(join(dataDir, "monthly-1000-10.xlsx"), pair.october);
  const units = await writeRows(join(dataDir, "units-200.xlsx"), manyUnits(200));

  const read = (rows: CellValue[][], asOf: string) => analyzeWorkbook({ source: "bench", sheets: [{ name: "s", hidden: false, rows, merges: [], hiddenRows: new Set(), formulaCells: new Set() }] }, { asOf }).ledgers[0]!;
  const [old, next] = [read(pair.september, "2019-09-30"), read(pair.october, "2019-10-31")];
  let coreMs = Infinity;
  let changes = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    changes = diffLedgers(old, next, { old: "a", new: "b" }).changes.length;
    if (i > 0) coreMs = Math.min(coreMs, performance.now() - t);
  }
  const diffMs = bestWallMs(jobPath, ["diff", september, october, "--as-of", "2019-10-31", "--json"], runs);
  const out = await mkdtemp(join(tmpdir(), "taizhang-bench-notices-"));
  const noticesMs = bestWallMs(jobPath, ["notices", units, "-o", out, "--as-of", "2019-10-31"], runs);
  await rm(out, { recursive: true, force: true });

  // The core at 10k and 100k rows: tasks handed to many units, a month's changes (cycle-data.ts).
  const coreAt = (count: number): number => {
    const big = monthlyPair(count);
    const [from, to] = [read(big.september, "2019-09-30"), read(big.october, "2019-10-31")];
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      diffLedgers(from, to, { old: "a", new: "b" });
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const [core10k, core100k] = [coreAt(10_000), coreAt(100_000)];

  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log("\nthe 督办 cycle (wall time of a fresh process)");
  console.log(`  diff core, 1,000 rows     ${s(coreMs)}  (${changes} changes)`);
  console.log(`  taizhang diff 1,000 rows  ${s(diffMs)}   goal < 2 s ${diffMs < 2000 ? "✓" : "✗"}`);
  console.log(`  taizhang notices 200 units ${s(noticesMs)}   goal < 20 s ${noticesMs < 20_000 ? "✓" : "✗"}`);
  console.log(`  diff core, 10k rows       ${s(core10k)}`);
  console.log(`  diff core, 100k rows      ${s(core100k)}\n`);
  return [{ name: "diff core 100k ÷ 10k (10× rows)", ratio: core100k / core10k, limit: 11 }];
}
