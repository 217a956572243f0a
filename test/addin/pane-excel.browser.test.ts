/**
 * The built pane in real Chromium as if inside a spreadsheet, once per host: in Excel, office.js
 * is replaced by a stand-in whose Excel.run drives the fake workbook of fake-excel.ts
 * (office-addin-mock objects); in WPS (dist/wps/), the page gets the fake WPS Application of
 * fake-wps.ts, with members as properties and, again, as zero-argument methods. Each is loaded
 * with the bundled sample ledger, and every tab is used the way a clerk would: keyboard on the
 * tabs, a finding clicked to select its cell, normalize previewed, applied and undone, the
 * overdue list and flags, the charts drawn and the 完成情况 sheet inserted.
 * Needs `npm run build:addin` and `npm run build:wps` first.
 */
import { mkdir } from "node:fs/promises";
import type { Server } from "node:http";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { fixtureBytes } from "../fixtures/build.js";
import { rectification15 } from "../fixtures/ledgers.js";
import { sheetOf } from "../helpers/sheet.js";
import type { FakeSheet } from "./fake-excel.js";
import { sheetToJson, type SheetJson } from "./fake-office-page.js";
import { assertBuilt, fakeHostScripts, inkPerCanvas, launchChromium, openPane, PANE_HOSTS, serveDist, type FakeHostScripts, type Guarded, type PaneHost } from "./pane-browser.js";

const ARTIFACTS = resolve(import.meta.dirname, "../../test-artifacts");
const AS_OF = rectification15.asOf;

let server: Server;
let origin: string;
let browser: Browser;
let scripts: FakeHostScripts;
let sheets: SheetJson[];

/** What a test reads off either host's fake workbook. */
interface FakeBook {
  readonly sheets: FakeSheet[];
  sheet(name: string): FakeSheet;
  readonly selection: { sheet: string; ref: string } | null;
}

beforeAll(async () => {
  assertBuilt("wps/taskpane.html");
  scripts = await fakeHostScripts();
  sheets = readWorkbook(await fixtureBytes(rectification15), { source: rectification15.file }).sheets.map(sheetToJson);
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The pane in the host, with the as-of day set to the fixture's. */
async function paneIn(host: PaneHost, language = "zh-CN", width?: number): Promise<Guarded> {
  const g = await openPane(browser, origin, scripts, host, sheets, language, width);
  await g.page.getByRole("tab", { name: language.startsWith("en") ? "Overdue" : "逾期" }).click();
  await g.page.fill("#as-of", AS_OF);
  await g.page.locator("#as-of").dispatchEvent("change");
  return g;
}

/** Reads something off the fake workbook inside the page. */
function fake<T>(page: Page, read: (book: FakeBook) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__taizhangFake)`) as Promise<T>;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(ARTIFACTS, name), fullPage: true });
}

describe.each(PANE_HOSTS)("the task pane in $name", (host) => {
  const paneInHost = (language?: string, width?: number) => paneIn(host, language, width);
  const shotName = (name: string) => name.replace("pane-excel", `pane-${host.id}`);

  it("shows six tabs that the keyboard moves between", async () => {
    const g = await paneInHost();
    const tabs = g.page.getByRole("tab");
    expect(await tabs.allTextContents()).toEqual(["检查", "规范化", "逾期", "图表", "汇总", "督办"]);
    await g.page.getByRole("tab", { name: "检查" }).focus();
    await g.page.keyboard.press("ArrowRight");
    expect(await g.page.evaluate(() => document.activeElement?.textContent)).toBe("规范化");
    expect(await g.page.getByRole("tab", { name: "规范化" }).getAttribute("aria-selected")).toBe("true");
    await g.page.keyboard.press("End");
    expect(await g.page.evaluate(() => document.activeElement?.textContent)).toBe("督办");
    expect(await g.page.getByRole("note").count()).toBe(0); // in a host with every API set: no warning
    expect(g.consoleErrors).toEqual([]);
    await g.page.close();
  });

  it("检查: summary and findings by rule; clicking a finding selects its cell", async () => {
    const g = await paneInHost();
    await g.page.getByRole("tab", { name: "检查" }).click();
    await g.page.getByRole("button", { name: "检查当前工作簿" }).click();
    await g.page.waitForSelector("article.ledger");
    const figures = await g.page.$$eval("article.ledger .stat", (s) => Object.fromEntries(s.map((x) => [x.querySelector("dt")!.textContent, x.querySelector("dd")!.textContent])));
    expect(figures["事项"]).toBe("15");
    expect(figures["逾期"]).toBe(String(rectification15.expectedRules!.overdue));
    expect(figures["即将到期"]).toBe(String(rectification15.expectedRules!["due-soon"]));

    const unparsed = g.page.locator("details[data-rule='deadline-unparsed']");
    await unparsed.locator("summary").click();
    await unparsed.getByRole("button", { name: /定位到 H16/ }).click();
    await expect.poll(() => fake(g.page, (x) => x.selection)).toEqual({ sheet: "整改任务清单", ref: "H16" });
    await shot(g.page, shotName("pane-excel-check.png"));
    expect(g.consoleErrors).toEqual([]);
    expect(g.offsite).toEqual([]);
    await g.page.close();
  });

  it("检查 without a deadline column: cannot tell, a grey line, and a dropdown whose choice is remembered", async () => {
    const saved = sheets;
    // A task breakdown whose 节点 column holds quarters without a year: nothing names it a deadline.
    sheets = [
      sheetToJson(
        sheetOf(
          [
            ["2019年重点工作任务分解表"],
            ["序号", "重点任务", "牵头单位", "节点"],
            [1, "完善学习制度", "办公室", "一季度"],
            [2, "开展专项整治", "区人民医院", "二季度"],
            [3, "建立长效机制", "区财政局", "四季度"],
          ],
          { name: "任务分解" },
        ),
      ),
    ];
    try {
      const g = await paneInHost();
      await g.page.getByRole("tab", { name: "检查" }).click();
      await g.page.getByRole("button", { name: "检查当前工作簿" }).click();
      await g.page.waitForSelector("article.ledger");
      expect(await g.page.locator("p.notice.unjudged").first().textContent()).toBe("未识别完成时限，无法判断逾期（3项）");
      const overdue = () => g.page.$$eval("article.ledger .stat", (s) => s.find((x) => x.querySelector("dt")!.textContent === "逾期")!.querySelector("dd")!.textContent);
      expect(await overdue()).toBe("—");
      await shot(g.page, shotName("pane-excel-no-deadline.png"));

      await g.page.locator("select[data-role='deadline']").selectOption("节点");
      await expect.poll(() => g.page.locator("p.notice.unjudged").count()).toBe(1); // the status line stays
      await expect.poll(overdue).toBe("2");
      // The next check reads the saved choice.
      await g.page.getByRole("button", { name: "检查当前工作簿" }).click();
      await expect.poll(overdue).toBe("2");
      expect(g.consoleErrors).toEqual([]);
      await g.page.close();
    } finally {
      sheets = saved;
    }
  });

  it("规范化: preview, apply (logged on 变更记录), then 撤销 puts every cell back", async () => {
    const g = await paneInHost();
    const original = await fake(g.page, (x) => JSON.stringify(x.sheet("整改任务清单").cells));
    await g.page.getByRole("tab", { name: "规范化" }).click();
    await g.page.getByRole("button", { name: "预览修改" }).click();
    await g.page.waitForSelector("table.plan-table");
    expect(await g.page.locator("table.plan-table tbody tr").count()).toBeGreaterThan(10);
    await shot(g.page, shotName("pane-excel-normalize.png"));

    await g.page.getByRole("button", { name: "应用到工作簿" }).click();
    await expect.poll(() => g.page.locator(".status.ok").textContent()).toContain("已应用");
    expect(await fake(g.page, (x) => x.sheets.map((s) => s.name))).toContain("变更记录");
    expect(await fake(g.page, (x) => JSON.stringify(x.sheet("整改任务清单").cells))).not.toBe(original);
    // 完成时限 (H) had Excel's default width, 64 px: widened to show 2019年6月30日, not ####.
    const deadlineWidth = () => fake(g.page, (x) => x.sheet("整改任务清单").pixelsOf(8));
    expect(await deadlineWidth()).toBe(105);

    await g.page.getByRole("button", { name: "撤销上次修改" }).click();
    await expect.poll(() => g.page.locator(".status.ok").textContent()).toContain("已撤销");
    expect(await fake(g.page, (x) => JSON.stringify(x.sheet("整改任务清单").cells))).toBe(original);
    expect(await deadlineWidth()).toBe(64);
    expect(g.consoleErrors).toEqual([]);
    await g.page.close();
  });

  it("逾期: the overdue items by days late, and the live flags (after normalizing)", async () => {
    const g = await paneInHost();
    await g.page.getByRole("button", { name: "列出逾期事项" }).click();
    await g.page.waitForSelector("table.overdue");
    const late = await g.page.$$eval("table.overdue tbody tr", (rows) => rows.map((r) => [r.children[0]!.textContent, r.children[3]!.textContent]));
    expect(late).toEqual([
      ["10", "214 天"],
      ["14", "92 天"],
      ["20", "61 天"],
    ]);
    // The item carries its unit and 责任领导; the date is short, so the item has the room.
    expect(await g.page.locator("table.overdue tbody tr").first().locator("td.task").textContent()).toBe("党组领导作用发挥不够的问题区医保局、扶贫办 · 李建宏");
    expect(await g.page.locator("table.overdue tbody tr").first().locator("td.day").textContent()).toBe("5月31日");
    await shot(g.page, shotName("pane-excel-overdue.png"));

    await g.page.getByRole("button", { name: "写入逾期标记" }).click();
    // The raw sheet still needs normalizing: the pane says so and offers both at once.
    await g.page.getByRole("button", { name: "规范化并写入标记" }).click();
    await expect.poll(() => g.page.locator(".status.ok").textContent()).toContain("条件格式");
    // The list shown before is still there.
    expect(await g.page.locator("table.overdue tbody tr").count()).toBe(3);
    const formats = await fake(g.page, (x) => x.sheet("整改任务清单").conditionalFormats.map((f) => f.custom.format.fill.color));
    expect(formats).toContain("#FFC7CE");
    expect(g.consoleErrors).toEqual([]);
    await g.page.close();
  });

  it("图表: the report's charts drawn, and a 完成情况 sheet with native charts", async () => {
    const g = await paneInHost();
    await g.page.getByRole("tab", { name: "图表" }).click();
    await g.page.getByRole("button", { name: "生成图表" }).click();
    await g.page.waitForSelector("figure.chart[data-chart='aging']");
    expect(await g.page.$$eval("figure.chart", (f) => f.map((x) => (x as HTMLElement).dataset.chart))).toEqual(["status", "by-unit", "by-leader", "by-category", "by-month", "aging"]);
    for (const ink of await inkPerCanvas(g.page)) expect(ink).toBeGreaterThan(2_000);
    await shot(g.page, shotName("pane-excel-charts.png"));

    await g.page.getByRole("button", { name: "插入到工作簿" }).click();
    await expect.poll(() => g.page.locator(".status.ok").textContent()).toContain("完成情况");
    const charts = await fake(g.page, (x) => x.sheet("完成情况").charts.map((c) => c.type));
    expect(charts).toEqual(["Doughnut", "BarStacked", "BarStacked", "BarStacked"]);
    expect(g.consoleErrors).toEqual([]);
    expect(g.offsite).toEqual([]);
    await g.page.close();
  });

  it("speaks English when the host speaks English", async () => {
    const g = await paneInHost("en-US");
    expect(await g.page.getByRole("tab").allTextContents()).toEqual(["Check", "Normalize", "Overdue", "Charts", "Consolidate", "Notices"]);
    await g.page.getByRole("tab", { name: "Check" }).click();
    await g.page.getByRole("button", { name: "Check this workbook" }).click();
    await g.page.waitForSelector("article.ledger");
    expect(await g.page.locator("article.ledger h3").textContent()).toBe("Sheet “整改任务清单” · as of 2019-12-31 · deadlines without a year read as 2019");
    expect(await g.page.locator("details[data-rule='overdue'] summary").textContent()).toContain("Overdue");
    await shot(g.page, shotName("pane-excel-check-en.png"));
    expect(g.consoleErrors).toEqual([]);
    await g.page.close();
  });

  for (const language of ["zh-CN", "en-US"]) {
    it(`at 350 px in ${language}: tabs, tiles and tables fit, lists can be copied, units have their lights`, async () => {
      const en = language.startsWith("en");
      const g = await paneInHost(language, 350);
      const tag = en ? "en" : "zh";
      // No tab is cut off, and the tab row does not scroll.
      const tabs = await g.page.$eval(".tablist", (list) => ({ scroll: list.scrollWidth, width: list.clientWidth, cut: Array.from(list.querySelectorAll(".tab")).filter((t) => t.scrollWidth > t.clientWidth).length }));
      expect(tabs.cut).toBe(0);
      expect(tabs.scroll).toBeLessThanOrEqual(tabs.width);

      await g.page.getByRole("button", { name: en ? "List overdue items" : "列出逾期事项" }).click();
      await g.page.waitForSelector("table.overdue");
      expect(await g.page.getByRole("button", { name: en ? "Copy" : "复制" }).count()).toBeGreaterThan(0);
      expect(await g.page.getByRole("button", { name: en ? "Export CSV" : "导出 CSV" }).count()).toBeGreaterThan(0);
      // The item column is the widest.
      const widths = await g.page.$eval("table.overdue tbody tr", (r) => Array.from(r.children, (c) => (c as HTMLElement).offsetWidth));
      expect(Math.max(...widths)).toBe(widths[1]);
      await shot(g.page, `pane-350-overdue-${tag}.png`);

      await g.page.getByRole("tab", { name: en ? "Check" : "检查" }).click();
      await g.page.getByRole("button", { name: en ? "Check this workbook" : "检查当前工作簿" }).click();
      await g.page.waitForSelector("article.ledger [data-testid='unit-lights']");
      // 区人民医院 and 娄星区人民医院 (a name variant) are one unit, as in 汇总.
      const units = await g.page.$$eval("article.ledger [data-testid='unit-lights'] .unit", (cells) => cells.map((c) => (c.textContent ?? "").trim()));
      expect(units.filter((u) => u.endsWith("人民医院"))).toHaveLength(1);
      // Tile labels wrap instead of being cut.
      const cutLabels = await g.page.$$eval(".stat dt", (dts) => dts.filter((d) => d.scrollWidth > d.clientWidth + 1).map((d) => d.textContent));
      expect(cutLabels).toEqual([]);
      await shot(g.page, `pane-350-check-${tag}.png`);

      await g.page.getByRole("tab", { name: en ? "Charts" : "图表" }).click();
      await g.page.getByRole("button", { name: en ? "Draw charts" : "生成图表" }).click();
      await g.page.waitForSelector("figure.chart[data-chart='aging']");
      expect(await g.page.locator(".lights [data-testid='unit-lights']").count()).toBe(1);
      await shot(g.page, `pane-350-charts-${tag}.png`);
      expect(g.consoleErrors).toEqual([]);
      expect(g.offsite).toEqual([]);
      await g.page.close();
    });
  }
});
