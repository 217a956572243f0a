/**
 * The built task pane (dist/taskpane.html) in real Chromium, opened outside Office from a local
 * server: it says it is not in Excel, offers only the file mode (汇总), reads the picked fixture
 * workbooks in the browser, and shows the numbers and charts the contract gives. No console
 * errors, and no request leaves this machine. Needs `npm run build:addin` first.
 */
import { mkdir, readFile } from "node:fs/promises";
import type { Server } from "node:http";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { fixtureBytes } from "../fixtures/build.js";
import { rectification15, variantsA, variantsB, variantsC, variantsConsolidated, type Fixture } from "../fixtures/ledgers.js";
import { assertBuilt, guardedPage, inkPerCanvas, launchChromium, serveDist, type Guarded } from "./pane-browser.js";

const ARTIFACTS = resolve(import.meta.dirname, "../../test-artifacts");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  assertBuilt();
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function files(fixtures: readonly Fixture[]) {
  return Promise.all(fixtures.map(async (f) => ({ name: f.file, mimeType: XLSX, buffer: Buffer.from(await fixtureBytes(f)) })));
}

/** Opens the pane, sets the as-of day, picks the files and waits for the charts. */
async function consolidateIn(g: Guarded, fixtures: readonly Fixture[], asOf: string, query = ""): Promise<void> {
  await g.page.goto(`${origin}/taskpane.html${query}`);
  await g.page.waitForSelector("body[data-ready='browser']");
  await g.page.fill("#consolidate-as-of", asOf);
  await g.page.setInputFiles("#pick-files", await files(fixtures));
  await g.page.waitForFunction(() => Number(document.body.dataset.chartsDrawn ?? "0") > 0, undefined, { timeout: 30_000 });
}

/** The combined figures as the pane shows them: label → value. */
async function combinedStats(g: Guarded): Promise<Record<string, string>> {
  return g.page.$$eval("[data-testid='combined'] .stat", (stats) =>
    Object.fromEntries(stats.map((s) => [s.querySelector("dt")!.textContent!, s.querySelector("dd")!.textContent!])),
  );
}

async function tableRows(g: Guarded, selector: string): Promise<string[][]> {
  return g.page.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent ?? "")));
}

describe("the task pane outside Office", () => {
  it("says it is not in Excel, offers only the file mode, and stays on this machine", async () => {
    const g = await guardedPage(browser);
    await g.page.goto(`${origin}/taskpane.html`);
    await g.page.waitForSelector("body[data-ready='browser']");
    // office.js reaches out to Microsoft's telemetry three seconds after loading; wait past that.
    await g.page.waitForTimeout(4_000);
    await expect(g.page.getByRole("note").textContent()).resolves.toContain("未在 Excel 或 WPS 表格中打开");
    expect(await g.page.getByRole("tab").count()).toBe(0);
    expect(await g.page.getByRole("heading", { level: 2 }).textContent()).toBe("汇总");
    expect(await g.page.getByRole("button", { name: "选择工作簿" }).isVisible()).toBe(true);
    expect(g.consoleErrors).toEqual([]);
    expect(g.offsite).toEqual([]);
    await g.page.close();
  });

  it("consolidates three submissions: the contract's combined numbers, units and charts", async () => {
    const g = await guardedPage(browser);
    await consolidateIn(g, [variantsA, variantsB, variantsC], variantsConsolidated.asOf);
    const expected = variantsConsolidated;
    expect(await combinedStats(g)).toEqual({
      事项: String(expected.items),
      "已完成（含销号）": String(expected.completed),
      完成率: `${((expected.completed / expected.items) * 100).toFixed(1)}%`,
      逾期: String(expected.overdue),
      即将到期: String(expected.dueSoon),
    });
    // As in `taizhang report`: the variant group is counted under its commoner spelling.
    const units = Object.fromEntries((await tableRows(g, "table.by-unit")).map((r) => [r[0], Number(r[1])]));
    const { 区人民医院: common = 0, 娄星区人民医院: rare = 0, ...others } = expected.byUnit;
    expect(units).toEqual({ ...others, 区人民医院: common + rare });
    // Traffic lights: 医政医管股 has the overdue item (red, listed first).
    const lights = await g.page.$$eval("table.by-unit .light", (l) => l.map((x) => x.className.replace("light ", "")));
    expect(lights[0]).toBe("red");
    expect(await g.page.locator("table.by-unit tbody tr").first().textContent()).toContain("医政医管股");
    expect(await g.page.locator(".notice.warn").textContent()).toContain("娄星区人民医院 → 区人民医院");
    expect(await g.page.$$eval("table.per-file .file-name", (cells) => cells.map((c) => c.firstChild!.textContent))).toEqual(expected.files);

    // The report's charts (status, by unit, leader, category, month, overdue age), each with ink on it.
    expect(await g.page.$$eval("figure.chart", (f) => f.map((x) => (x as HTMLElement).dataset.chart))).toEqual(["status", "by-unit", "by-leader", "by-category", "by-month", "aging"]);
    for (const ink of await inkPerCanvas(g.page)) expect(ink).toBeGreaterThan(2_000);

    await g.page.screenshot({ path: resolve(ARTIFACTS, "pane-consolidate.png"), fullPage: true });

    // 下载汇总表: exceljs is fetched only now, and writes a workbook the reader reads back.
    const exceljsBefore = await g.page.evaluate(() => performance.getEntriesByType("resource").filter((r) => /exceljs\./.test(r.name)).length);
    expect(exceljsBefore).toBe(0);
    const [download] = await Promise.all([g.page.waitForEvent("download"), g.page.getByRole("button", { name: "下载汇总表（.xlsx）" }).click()]);
    expect(download.suggestedFilename()).toBe(`台账汇总-${expected.asOf}.xlsx`);
    const workbook = readWorkbook(new Uint8Array(await readFile((await download.path())!)), { source: "summary.xlsx" });
    // The same workbook as `taizhang report` writes (test/addin/summary-workbook.test.ts compares them).
    expect(workbook.sheets.map((s) => s.name)).toEqual(["完成情况", "逾期事项", "各报送单位", "图表"]);
    expect(workbook.sheets[0]!.rows[4]).toEqual(["事项总数", expected.items]);
    expect(workbook.sheets[1]!.rows.length).toBe(1 + expected.overdue);
    expect(workbook.sheets[2]!.rows.length).toBe(1 + expected.files.length);
    expect(g.consoleErrors).toEqual([]);
    expect(g.offsite).toEqual([]);
    await g.page.close();
  });

  it("reads the 15 rectification tasks of the sample as the contract counts them", async () => {
    const g = await guardedPage(browser);
    await consolidateIn(g, [rectification15], rectification15.asOf);
    const stats = await combinedStats(g);
    expect(stats["事项"]).toBe("15");
    expect(stats["逾期"]).toBe(String(rectification15.expectedRules!.overdue));
    expect(stats["即将到期"]).toBe(String(rectification15.expectedRules!["due-soon"]));
    expect(g.consoleErrors).toEqual([]);
    expect(g.offsite).toEqual([]);
    await g.page.close();
  });

  it.each([
    ["", "坏文件.xlsx：不是 Excel 工作簿（.xlsx）", "事项"],
    ["?lang=en", "坏文件.xlsx: not an Excel workbook (.xlsx)", "Items"],
  ])("tells which file it could not read, in the pane's language (%s), and reads the others", async (query, says, items) => {
    const g = await guardedPage(browser, 350);
    await g.page.goto(`${origin}/taskpane.html${query}`);
    await g.page.waitForSelector("body[data-ready='browser']");
    await g.page.fill("#consolidate-as-of", variantsConsolidated.asOf);
    const good = await files([variantsA]);
    await g.page.setInputFiles("#pick-files", [...good, { name: "坏文件.xlsx", mimeType: XLSX, buffer: Buffer.from("这不是工作簿") }]);
    await g.page.waitForFunction(() => Number(document.body.dataset.chartsDrawn ?? "0") > 0);
    expect(await g.page.locator(".notice.error").textContent()).toBe(says);
    expect((await combinedStats(g))[items]).toBe("3");
    await g.page.locator(".notice.error").screenshot({ path: resolve(ARTIFACTS, `pane-unreadable-file${query === "" ? "" : "-en"}.png`) });
    expect(g.consoleErrors).toEqual([]);
    await g.page.close();
  });

  it("speaks English when asked (?lang=en), as it does when Office's language is English, and fits 350 px", async () => {
    const g = await guardedPage(browser, 350);
    await consolidateIn(g, [variantsA, variantsB, variantsC], variantsConsolidated.asOf, "?lang=en");
    expect(await g.page.locator("h1").textContent()).toBe("Taizhang");
    expect(Object.keys(await combinedStats(g))).toEqual(["Items", "Completed (incl. closed)", "Rate", "Overdue", "Due soon"]);
    // A file name breaks as a name does, not one character a line; no header is cut.
    const fileCell = await g.page.$eval("table.per-file tbody td", (td) => (td as HTMLElement).offsetWidth);
    expect(fileCell).toBeGreaterThan(60); // one character a line would be about 20 px
    const overflow = await g.page.$$eval(".consolidated .scroll", (boxes) => boxes.map((b) => b.scrollWidth - b.clientWidth));
    expect(overflow.every((d) => d <= 0), `tables wider than the pane: ${overflow}`).toBe(true);
    expect(await g.page.$$eval("table.per-file th, .tab, .stat dt", (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent))).toEqual([]);
    // The overdue items of every submission, with copy and export.
    expect(await g.page.locator(".consolidated table.overdue tbody tr").count()).toBe(variantsConsolidated.overdue);
    expect(await g.page.getByRole("button", { name: "Export CSV" }).count()).toBe(1);
    await g.page.screenshot({ path: resolve(ARTIFACTS, "pane-consolidate-en.png"), fullPage: true });
    expect(g.consoleErrors).toEqual([]);
    expect(g.offsite).toEqual([]);
    await g.page.close();
  });
});
