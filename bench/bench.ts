/**
 * `npm run bench`: the speed and memory goals of the check issue, measured in one run.
 *
 *  1. the core's throughput on an in-memory sheet (no reading), in rows/s;
 *  2. `taizhang check` end to end on a 100k-row .xlsx against a bare read of the same file
 *     with exceljs's streaming reader, as a ratio (each in a fresh process);
 *  3. peak memory (max RSS) of each;
 *  4. scaling: the time of 10× the rows.
 *
 * Figures vary with the machine; the ratios are what the goals are about.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeWorkbook } from "../analytics/ledger.js";
import { bigLedgerFile } from "./big-ledger-file.js";
import { bigSheet } from "./core-sheet.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const dataDir = join(root, "bench", "data");
const AS_OF = "2019-12-31";
const RUNS = 3;

interface JobResult {
  wallMs: number;
  ms: number;
  maxRssMiB: number;
  garbled?: number;
  cells?: number;
}

function best<T extends { wallMs: number }>(results: T[]): T {
  return results.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
}

function coreRowsPerSecond(rows: number): number {
  const sheet = bigSheet(rows);
  const workbook = { source: "bench", sheets: [sheet] };
  let bestMs = Infinity;
  // Enough runs to warm the JIT on small sheets too (about 300k rows in all), best kept.
  const runs = Math.max(RUNS + 1, Math.ceil(300_000 / rows));
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    const { ledgers } = analyzeWorkbook(workbook, { asOf: AS_OF });
    const ms = performance.now() - t;
    if (ledgers[0]?.items.length !== rows) throw new Error("the core lost rows");
    if (i > 0) bestMs = Math.min(bestMs, ms); // the first run warms the JIT
  }
  return rows / (bestMs / 1000);
}

function job(name: string, file: string, ...args: string[]): JobResult {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(here, "job.mjs"), name, file, ...args], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const wallMs = performance.now() - started;
  const last = run.stderr.trim().split("\n").pop() ?? "";
  if (run.status !== 0 && name !== "check") throw new Error(`${name} failed: ${run.stderr}`);
  return { wallMs, ...(JSON.parse(last) as Omit<JobResult, "wallMs">) };
}

function measure(name: string, file: string, ...args: string[]): JobResult {
  return best(Array.from({ length: RUNS }, () => job(name, file, ...args)));
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? "✓" : "✗");

async function main(): Promise<void> {
  console.log(`Taizhang benchmark · node ${process.version} · ${RUNS} runs each, best kept\n`);
  const small = await bigLedgerFile(10_000, dataDir);
  const big = await bigLedgerFile(100_000, dataDir);

  const core10k = coreRowsPerSecond(10_000);
  const core100k = coreRowsPerSecond(100_000);
  console.log("core on an in-memory sheet");
  console.log(`  10k rows   ${fmt(core10k)} rows/s`);
  console.log(`  100k rows  ${fmt(core100k)} rows/s   goal ≥ 1,000,000 ${verdict(core100k >= 1e6)}\n`);

  const stream = measure("exceljs-stream", big);
  const check100k = measure("check", big, "--as-of", AS_OF);
  const check10k = measure("check", small, "--as-of", AS_OF);
  const json100k = measure("check", big, "--as-of", AS_OF, "--json");
  const ratio = check100k.wallMs / stream.wallMs;
  const scaling = check100k.wallMs / check10k.wallMs;
  const peak = Math.max(check100k.maxRssMiB, json100k.maxRssMiB);

  console.log("100k-row workbook (wall time of a fresh process, peak RSS)");
  console.log(`  exceljs streaming read   ${fmt(stream.wallMs / 1000, 2)} s  ${fmt(stream.maxRssMiB)} MiB  (${fmt(stream.garbled ?? 0)} of ${fmt(stream.cells ?? 0)} cells garbled with U+FFFD)`);
  console.log(`  taizhang check           ${fmt(check100k.wallMs / 1000, 2)} s  ${fmt(check100k.maxRssMiB)} MiB`);
  console.log(`  taizhang check --json    ${fmt(json100k.wallMs / 1000, 2)} s  ${fmt(json100k.maxRssMiB)} MiB`);
  console.log(`  check / streaming read   ${fmt(ratio, 2)}×   goal ≤ 1.3× ${verdict(ratio <= 1.3)}`);
  console.log(`  peak memory              ${fmt(peak)} MiB   goal < 300 MiB ${verdict(peak < 300)}\n`);
  console.log("scaling");
  console.log(`  check 10k rows           ${fmt(check10k.wallMs / 1000, 2)} s`);
  console.log(`  100k / 10k               ${fmt(scaling, 2)}×   goal ≤ 11× ${verdict(scaling <= 11)}`);
}

await main();
