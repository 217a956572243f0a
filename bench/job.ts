/**
 * One measured job, run in a fresh process by bench.ts so that each gets its own heap and its
 * own peak memory: `node job.mjs check FILE`, `node job.mjs normalize FILE -o OUT` or `node job.mjs exceljs-stream FILE`.
 * The last line on stderr is the job's result as JSON.
 */
import type { Row } from "exceljs";
import { main as taizhang } from "../cli/taizhang.js";

async function exceljsStream(file: string): Promise<Record<string, number>> {
  // Loaded here only: `taizhang check` does not load exceljs, and its memory is measured apart.
  const { default: ExcelJS } = await import("exceljs");
  let cells = 0;
  let garbled = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", worksheets: "emit", hyperlinks: "ignore", styles: "cache" });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      (row as Row).eachCell((cell) => {
        cells++;
        if (typeof cell.value === "string" && cell.value.includes("\uFFFD")) garbled++;
      });
    }
  }
  return { cells, garbled };
}

async function run(): Promise<void> {
  const [job, file, ...rest] = process.argv.slice(2);
  if (!job || !file) throw new Error("usage: job.mjs check|normalize|exceljs-stream FILE");
  const started = performance.now();
  let extra: Record<string, number> = {};
  if (job === "check") await taizhang(["check", file, ...rest]);
  else if (job === "normalize") await taizhang(["normalize", file, ...rest]);
  else if (job === "taizhang") await taizhang([file, ...rest]);
  else if (job === "exceljs-stream") extra = await exceljsStream(file);
  else throw new Error(`unknown job ${job}`);
  const ms = performance.now() - started;
  // CPU time of the whole process since it started (every thread, start-up and the collector's too).
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\n${JSON.stringify({ ms, cpuMs: (user + system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024, ...extra })}\n`);
}

await run();
