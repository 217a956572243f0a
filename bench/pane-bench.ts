/**
 * The pane's benchmark: time from choosing a 10,000-row workbook in the file mode (汇总) to its
 * charts drawn, in real Chromium, on the built pane (dist/). The page marks both moments with
 * performance.mark; the figure is the span between them (read, check, summary, tables and four
 * charts), the first run included once as "cold" (chart.js is fetched then).
 *
 *   npm run build:addin && npx tsx bench/pane-bench.ts [rows] [runs]
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { MARK_CHOSEN, MARK_DRAWN } from "../addin/taskpane/consolidate-tab.js";
import { assertBuilt, guardedPage, launchChromium, serveDist } from "../test/addin/pane-browser.js";
import { bigLedgerFile } from "./big-ledger-file.js";

const rows = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 7);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  assertBuilt();
  const path = await bigLedgerFile(rows, resolve(import.meta.dirname, "data"));
  const buffer = await readFile(path);
  const { server, origin } = await serveDist();
  const browser = await launchChromium();
  try {
    const g = await guardedPage(browser);
    await g.page.goto(`${origin}/taskpane.html`);
    await g.page.waitForSelector("body[data-ready]");
    await g.page.fill("#consolidate-as-of", "2019-12-31");
    const times: number[] = [];
    for (let run = 0; run <= runs; run++) {
      await g.page.setInputFiles("#pick-files", { name: `ledger-${rows}.xlsx`, mimeType: XLSX, buffer });
      await g.page.waitForFunction(() => Number(document.body.dataset.chartsDrawn ?? "0") > 0, undefined, { timeout: 120_000 });
      const ms = await g.page.evaluate(
        ([chosen, drawn]) => {
          const span = performance.measure("taizhang:pane", chosen!, drawn!).duration;
          performance.clearMeasures();
          return span;
        },
        [MARK_CHOSEN, MARK_DRAWN],
      );
      times.push(ms);
    }
    const items = await g.page.$eval("[data-testid='combined'] .stat dd", (dd) => dd.textContent);
    const [cold, ...warm] = times;
    console.log(`pane (Chromium ${browser.version()}): ${rows.toLocaleString("en")}-row workbook (${items} items, ${(buffer.length / 1024).toFixed(0)} KiB) chosen → charts drawn`);
    console.log(`  median ${median(warm).toFixed(0)} ms over ${warm.length} runs (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)}); first run ${cold!.toFixed(0)} ms`);
    if (g.consoleErrors.length > 0 || g.offsite.length > 0) throw new Error(`console errors: ${g.consoleErrors.join("; ")}; off-machine requests: ${g.offsite.join(", ")}`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
