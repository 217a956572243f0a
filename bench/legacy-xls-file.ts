/**
 * The benchmark's ledger as a legacy .xls (BIFF8), written by the tests' BIFF8 writer from the
 * same rows as the .xlsx of big-ledger-file.ts: shared strings, RK and MULRK numbers, merged
 * category cells, date cells. An .xls holds at most 65,536 rows, so it is measured at 60,000.
 * Cached in bench/data/ (git-ignored) like the .xlsx files.
 */
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeXls } from "../test/analytics/xls/biff8-writer.js";
import { bigSheet } from "./core-sheet.js";

/** Bumped whenever core-sheet.ts or the writer makes different bytes. */
const GENERATOR_VERSION = "repeated-tasks-2-biff8-2";

export async function legacyXlsFile(rows: number, dir: string): Promise<string> {
  const path = join(dir, `ledger-${rows}-${GENERATOR_VERSION}.xls`);
  if (existsSync(path)) return path;
  await mkdir(dir, { recursive: true });
  await writeFile(`${path}.tmp`, writeXls({ source: "bench.xls", sheets: [bigSheet(rows)] }, { rk: true }));
  await rename(`${path}.tmp`, path);
  return path;
}
