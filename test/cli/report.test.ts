/**
 * `taizhang report` as a leader's clerk runs it: the files it writes, the HTML page opened in
 * real Chromium (no console errors, no network, text from cells shown as text), and refusals.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFixture } from "../fixtures/build.js";
import { rectification15, variantsA, variantsB, variantsC, variantsConsolidated, type Fixture } from "../fixtures/ledgers.js";
import { taizhang } from "../helpers/run-taizhang.js";

const root = resolve(import.meta.dirname, "../..");
const artifacts = join(root, "test-artifacts");
const CHROMIUM = "/usr/bin/chromium";


/** The rectification ledger with markup typed into an overdue item's task cell (the overdue list shows it). */
function withMarkup(): Fixture {
  const fixture = structuredClone(rectification15);
  fixture.file = "markup.xlsx";
  const sheet = fixture.sheets[0]!;
  const overdue = sheet.items!.find((i) => i.daysOverdue !== undefined)!;
  const row = sheet.rows.find((r) => r.r === overdue.row)!;
  row.cells[sheet.columns!.task!] = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">问题';
  return fixture;
}

let dir: string;
let browser: Browser;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-report-"));
  await mkdir(artifacts, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"] });
});
afterAll(async () => {
  await browser?.close();
});

describe("taizhang report on one ledger", () => {
  it("writes the page, the summary workbook and one PNG per chart, and says so", async () => {
    const input = await writeFixture(rectification15, dir);
    const out = join(dir, "one");
    const run = taizhang("report", input, "-o", out, "--as-of", rectification15.asOf);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(""); // no progress bar when stderr is not a terminal
    expect(run.stdout).toContain("事项总数 15");
    expect((await readdir(out)).sort()).toEqual(["charts", "report.html", "summary.xlsx"]);
    expect((await readdir(join(out, "charts"))).sort()).toEqual(["aging.png", "by-category.png", "by-leader.png", "by-month.png", "by-unit.png", "status.png"]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "summary.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["完成情况", "逾期事项", "各报送单位", "图表"]);
    expect(wb.getWorksheet("逾期事项")!.rowCount).toBe(1 + 3);
    expect(wb.getWorksheet("图表")!.getImages()).toHaveLength(6);
  });

  it("opens in Chromium with no console errors and no network, and prints on A4", async () => {
    const input = await writeFixture(rectification15, dir);
    const out = join(dir, "page");
    expect(taizhang("report", input, "-o", out, "--as-of", rectification15.asOf).code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => !r.url().startsWith("data:") && !r.url().startsWith("file:") && requests.push(r.url()));
    await page.goto("file://" + join(out, "report.html"));
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const images = await page.$$eval("img", (imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(images).toHaveLength(6);
    expect(images.every((w) => w > 0)).toBe(true);
    expect(await page.textContent("body")).toContain("党组领导作用发挥不够的问题");
    const shot = await page.screenshot({ fullPage: true, path: join(artifacts, "report.png") });
    expect(shot.length).toBeGreaterThan(50_000);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    await page.close();
  });

  it("shows markup typed into a cell as text, and runs none of it", async () => {
    const input = await writeFixture(withMarkup(), dir);
    const out = join(dir, "markup");
    expect(taizhang("report", input, "-o", out, "--as-of", rectification15.asOf).code).toBe(0);
    const html = await readFile(join(out, "report.html"), "utf8");
    expect(html).not.toContain("<script>window");
    const page = await browser.newPage();
    await page.goto("file://" + join(out, "report.html"));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.textContent("body")).toContain("<script>window.__pwned = 1</script>");
    await page.close();
  });
});

describe("taizhang report on several submissions", () => {
  it("consolidates a folder of them, unit-name variants counted as one unit", async () => {
    const folder = join(dir, "submissions");
    for (const f of [variantsA, variantsB, variantsC]) await writeFixture(f, folder);
    await writeFile(join(folder, "~$variants-a.xlsx"), "lock file"); // Excel's lock file is not a submission
    const out = join(dir, "many");
    const run = taizhang("report", folder, "-o", out, "--as-of", variantsConsolidated.asOf, "--lang", "en");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Items ${variantsConsolidated.items}`);
    expect(run.stdout).toContain("3 ledgers");
    const html = await readFile(join(out, "report.html"), "utf8");
    expect(html).toContain("娄星区人民医院 → 区人民医院");
    for (const f of variantsConsolidated.files) expect(html).toContain(f);
  });

  it("names two ledgers by their titles and submitting units, ranked, with the overdue items before the charts", async () => {
    const folder = join(dir, "two-ledgers");
    await writeFixture(rectification15, folder);
    await writeFixture(variantsA, folder);
    for (const lang of ["zh", "en"] as const) {
      const out = join(dir, `two-${lang}`);
      const run = taizhang("report", folder, "-o", out, "--as-of", rectification15.asOf, "--lang", lang);
      expect(run.code, run.stderr).toBe(0);
      const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
      await page.goto("file://" + join(out, "report.html"));
      const sections = await page.$$eval("h1, h2", (hs) => hs.map((h) => h.id || h.tagName));
      expect(sections).toEqual(["H1", "overdue", "submissions", "lights", "charts"]);
      const submissions = await page.$$eval("table.submissions tbody tr", (rows) => rows.map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent ?? "")));
      expect(submissions.map((r) => r[0])).toEqual(["1", "2"]);
      expect(submissions.map((r) => r[1]).sort()).toEqual(["娄星区卫生健康局", "医政医管股"].sort());
      expect(submissions.map((r) => r[2]).join(" ")).toContain("中共娄底市娄星区卫生健康局党组巡察反馈问题整改任务清单");
      expect(submissions.map((r) => r[2]).join(" ")).toContain("娄星区卫生健康局巡察反馈问题整改任务清单");
      // Ranked by completion: the first has the higher rate.
      const rates = submissions.map((r) => Number.parseFloat(r[5]!));
      expect(rates[0]!).toBeGreaterThanOrEqual(rates[1]!);
      // The overdue list names the leader, and a ledger without an owner column shows "—", not the leader.
      const overdueHead = await page.$$eval("table.overdue thead th", (th) => th.map((t) => t.textContent));
      expect(overdueHead).toContain(lang === "zh" ? "责任领导" : "Leader");
      expect(await page.$$eval("table.lights thead th", (th) => th[1]?.textContent)).toBe(lang === "zh" ? "灯号" : "Light");
      await page.screenshot({ fullPage: true, path: join(artifacts, `report-two-ledgers-${lang}.png`) });
      const pdf = await page.pdf({ format: "A4" });
      await writeFile(join(artifacts, `report-two-ledgers-${lang}.pdf`), pdf);
      await page.close();
    }
  });

  it("reports the readable files, names the unreadable one, and exits 2", async () => {
    const good = await writeFixture(variantsA, dir);
    const bad = join(dir, "broken.xlsx");
    await writeFile(bad, "not a workbook");
    const out = join(dir, "partial");
    const run = taizhang("report", good, bad, "-o", out, "--as-of", variantsConsolidated.asOf);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.xlsx.*不是 Excel 工作簿/u);
    expect(await readFile(join(out, "report.html"), "utf8")).toContain("broken.xlsx");
  });
});

describe("taizhang report refuses", () => {
  it("when no input can be used, and writes nothing", async () => {
    const out = join(dir, "nothing");
    const run = taizhang("report", join(dir, "missing.xlsx"), "-o", out);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n").at(-1)).toMatch(/没有可用的台账/u);
    expect(existsSync(join(out, "report.html"))).toBe(false);
  });

  it("an output folder it cannot create or write, before reading anything", async () => {
    const blocker = join(dir, "blocker");
    await writeFile(blocker, "a file where a folder should be");
    const run = taizhang("report", await writeFixture(rectification15, dir), "-o", join(blocker, "out"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/无法写入/u);
  });

  it("an output that is a file", async () => {
    const file = join(dir, "a-file");
    await writeFile(file, "x");
    const run = taizhang("report", await writeFixture(rectification15, dir), "-o", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/不是文件夹/u);
  });
});
