/**
 * The pane's 督办 tab in Chromium, once per host (Excel through the stand-in of
 * fake-office-page.ts; WPS through fake-wps-page.ts, members as properties and as methods): the
 * units with the lights the core gives them, the rules kept in the workbook's settings, and the
 * 督办通知单 downloaded as Word documents, one or all. Needs `npm run build:addin` and
 * `npm run build:wps` first.
 */
import { readFile } from "node:fs/promises";
import type { Server } from "node:http";
import { resolve } from "node:path";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../analytics/ledger.js";
import { ledgersStarts } from "../../analytics/ledger-start.js";
import { DEFAULT_LIGHT_RULES, unitLights } from "../../analytics/lights.js";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { fixtureBytes } from "../fixtures/build.js";
import { rectification15 } from "../fixtures/ledgers.js";
import { docxParagraphs } from "./docx/docx-text.js";
import { sheetToJson, type SheetJson } from "./fake-office-page.js";
import { assertBuilt, fakeHostScripts, launchChromium, openPane, PANE_HOSTS, serveDist, type FakeHostScripts, type Guarded, type PaneHost } from "./pane-browser.js";

const AS_OF = rectification15.asOf;
let server: Server;
let origin: string;
let browser: Browser;
let scripts: FakeHostScripts;
let sheets: SheetJson[];
let workbook: ReturnType<typeof readWorkbook>;

beforeAll(async () => {
  assertBuilt("wps/taskpane.html");
  scripts = await fakeHostScripts();
  workbook = readWorkbook(await fixtureBytes(rectification15), { source: rectification15.file });
  sheets = workbook.sheets.map(sheetToJson);
  ({ server, origin } = await serveDist());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function superviseTab(host: PaneHost, language = "zh-CN"): Promise<Guarded> {
  const g = await openPane(browser, origin, scripts, host, sheets, language);
  await g.page.getByRole("tab", { name: language.startsWith("en") ? "Notices" : "督办" }).click();
  await g.page.fill("#supervise-as-of", AS_OF);
  return g;
}

/** The rules as the host's own store holds them: Office's document settings, or WPS's custom document properties. */
function keptRules(page: Page, host: PaneHost): Promise<unknown> {
  if (host.members) return page.evaluate(() => JSON.parse((window as unknown as { __taizhangFake: { properties: Map<string, string> } }).__taizhangFake.properties.get("taizhang.rules") ?? "null") as unknown);
  return page.evaluate(() => (window as unknown as { Office: { context: { document: { settings: { get(n: string): unknown } } } } }).Office.context.document.settings.get("rules"));
}

describe.each(PANE_HOSTS)("the 督办 tab in $name", (host) => {
  it("lights every unit as the core does", async () => {
    const g = await superviseTab(host);
    await g.page.getByRole("button", { name: "列出各单位" }).click();
    await g.page.waitForSelector("details.supervise-unit");
    const shown = await g.page.$$eval("details.supervise-unit", (els) => els.map((e) => [(e as HTMLElement).dataset.unit, (e as HTMLElement).dataset.light]));
    const { ledgers } = analyzeWorkbook(workbook, { asOf: AS_OF });
    const core = unitLights(ledgers.flatMap((l) => l.items), { asOf: AS_OF, startOf: ledgersStarts(ledgers), rules: DEFAULT_LIGHT_RULES });
    expect(shown).toEqual(core.map((l) => [l.unit, l.light]));
    await g.page.setViewportSize({ width: 350, height: 900 });
    await g.page.screenshot({ path: resolve(import.meta.dirname, `../../test-artifacts/pane-supervise-${host.id}.png`), fullPage: true });
    expect(g.consoleErrors).toEqual([]);
    await g.page.close();
  });

  it("downloads one unit's notice, and all of them as a .zip", async () => {
    const g = await superviseTab(host);
    await g.page.getByRole("button", { name: "列出各单位" }).click();
    const first = g.page.locator("details.supervise-unit button[data-notice]").first();
    const unit = await g.page.locator("details.supervise-unit:has(button[data-notice])").first().getAttribute("data-unit");
    const [one] = await Promise.all([g.page.waitForEvent("download"), first.click()]);
    const text = docxParagraphs(await readFile((await one.path())!));
    expect(text).toContain(`${unit}：`);
    expect(text).toContain("督办〔2019〕第1号");

    const [zip] = await Promise.all([g.page.waitForEvent("download"), g.page.getByRole("button", { name: /下载全部/u }).click()]);
    const files = unzipSync(new Uint8Array(await readFile((await zip.path())!)));
    const names = Object.keys(files);
    expect(names.length).toBe(await g.page.locator("button[data-notice]").count());
    for (const name of names) expect(docxParagraphs(files[name]!)[0]).toBe("督办通知单");
    expect(g.offsite).toEqual([]);
    await g.page.close();
  });

  it("keeps the lights' rules in the workbook's settings", async () => {
    const g = await superviseTab(host);
    await g.page.fill("#supervise-due-soon", "3");
    await g.page.getByRole("button", { name: "保存为本工作簿的规则" }).click();
    await expect.poll(() => g.page.locator("#panel-supervise .status").first().textContent()).toContain("已保存");
    expect(await keptRules(g.page, host)).toEqual({ dueSoonDays: 3, behindPoints: 10, redBehindPoints: null });
    await g.page.close();
  });
});
