/**
 * The summary workbook (addin/exceljs/summary-workbook.ts): the command line's summary.xlsx and
 * the pane's 下载汇总表 are one workbook, read back sheet by sheet; numbers and dates are typed
 * cells with number formats; every sheet prints on A4 landscape, one page wide, and LibreOffice
 * prints it so.
 */
import { DEFAULT_LIGHT_RULES, unitLights } from "../../analytics/lights.js";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { summaryWorkbookBytes } from "../../addin/taskpane/export-summary.js";
import { consolidateFiles, readSubmission } from "../../addin/taskpane/read-submissions.js";
import { reportCharts } from "../../analytics/charts/index.js";
import { renderChart } from "../../cli/report/render-png.js";
import { writeFixture } from "../fixtures/build.js";
import { rectification15, variantsA } from "../fixtures/ledgers.js";
import { sofficePath } from "../xlsx-patch/libreoffice.js";

const root = resolve(import.meta.dirname, "../..");
const artifacts = join(root, "test-artifacts");
const AS_OF = rectification15.asOf;

let dir: string;
let files: string[];
const cli: Partial<Record<"zh" | "en", ExcelJS.Workbook>> = {};
let cliBytes: Buffer;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-summary-"));
  files = [await writeFixture(rectification15, dir), await writeFixture(variantsA, dir)];
  for (const lang of ["zh", "en"] as const) {
    const out = join(dir, `out-${lang}`);
    const run = spawnSync(process.execPath, [join(root, "bin", "taizhang.mjs"), "report", ...files, "-o", out, "--as-of", AS_OF, "--lang", lang], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const bytes = await readFile(join(out, "summary.xlsx"));
    if (lang === "zh") cliBytes = bytes;
    cli[lang] = await load(bytes);
  }
}, 60_000);

/** Every cell as value + number format, the 生成时间 line aside (it says when each was made). */
function cells(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const text = JSON.stringify(cell.value);
      if (/生成时间|Made:/u.test(text)) return;
      out.push(`${r},${c}: ${text} ${cell.numFmt ?? ""}`);
    }),
  );
  return out;
}

describe("the summary workbook", () => {
  it("is the same from the command line and from the pane, sheet by sheet", async () => {
    const options = { asOf: AS_OF, dueSoonDays: 7, lang: "zh" as const };
    const read = await Promise.all(files.map(async (f) => readSubmission(f.split("/").at(-1)!, new Uint8Array(await readFile(f)), options)));
    const consolidation = consolidateFiles(read);
    const lightOptions = { rules: DEFAULT_LIGHT_RULES, startOf: consolidation.startOf };
    // The pane hands over the charts it drew; here the same specs drawn to PNG.
    const pictures = new Map(reportCharts(consolidation.summary, consolidation.items, "zh", unitLights(consolidation.items, { ...lightOptions, asOf: AS_OF })).map((spec) => [spec.id, new Uint8Array(renderChart(spec).png)]));
    const pane = await load(await summaryWorkbookBytes(consolidation, { ...options, generatedAt: "2019-12-31 09:00", lights: lightOptions }, pictures));
    const command = cli.zh!;
    expect(pane.worksheets.map((w) => w.name)).toEqual(command.worksheets.map((w) => w.name));
    expect(command.worksheets.map((w) => w.name)).toEqual(["完成情况", "逾期事项", "各报送单位", "图表"]);
    for (const sheet of command.worksheets) {
      const twin = pane.getWorksheet(sheet.name)!;
      expect(cells(twin), sheet.name).toEqual(cells(sheet));
      expect(twin.getImages().length, sheet.name).toBe(sheet.getImages().length);
      expect(twin.pageSetup, sheet.name).toEqual(sheet.pageSetup);
      if (sheet.name !== "图表") expect(cells(sheet).length, sheet.name).toBeGreaterThan(0);
    }
  });

  it("writes rates, dates and days as numbers with number formats, not text", () => {
    const wb = cli.zh!;
    const late = wb.getWorksheet("逾期事项")!;
    expect(late.getRow(1).values).toEqual([undefined, "填报单位", "文件", "工作表", "行", "事项", "责任单位", "责任领导", "责任人", "完成时限", "逾期天数"]);
    const first = late.getRow(2);
    expect(typeof first.getCell(9).value === "number" || first.getCell(9).value instanceof Date).toBe(true);
    expect(first.getCell(9).numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(first.getCell(10).value).toBe(214);
    expect(first.getCell(10).numFmt).toBe('0"天"');

    const ranked = wb.getWorksheet("各报送单位")!;
    expect(ranked.getRow(1).values).toEqual([undefined, "排名", "填报单位", "台账名称", "文件", "填报日期", "事项数", "已完成（含销号）", "完成率", "逾期", "即将到期"]);
    expect(ranked.getCell(2, 2).value).toBe("娄星区卫生健康局");
    expect(ranked.getCell(2, 3).value).toBe("中共娄底市娄星区卫生健康局党组巡察反馈问题整改任务清单");
    expect(ranked.getCell(2, 8).value).toBeCloseTo(8 / 15);
    expect(ranked.getCell(2, 8).numFmt).toBe("0.0%");

    const completion = wb.getWorksheet("完成情况")!;
    const rate = completion.getCell("B7");
    expect(rate.value).toMatchObject({ formula: "IF(B5=0,0,B6/B5)" });
    expect(rate.numFmt).toBe("0.0%");

    const en = cli.en!.getWorksheet("Overdue")!;
    expect(en.getRow(2).getCell(9).numFmt).toBe("yyyy-mm-dd");
  });

  it("prints every sheet on A4 landscape, one page wide, its header rows on every page", () => {
    for (const sheet of cli.zh!.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    expect(cli.zh!.getWorksheet("逾期事项")!.pageSetup.printTitlesRow).toBe("1:1");
    expect(cli.zh!.getWorksheet("完成情况")!.pageSetup.printTitlesRow).toBe("1:2");
    // One chart per page: a page break after every chart but the last.
    const charts = cli.zh!.getWorksheet("图表")!;
    expect(charts.getImages()).toHaveLength(6);
    const sheetXml = strFromU8(unzipSync(new Uint8Array(cliBytes))["xl/worksheets/sheet4.xml"]!);
    expect(sheetXml).toMatch(/<rowBreaks count="5"/u);
  });

  it("comes out of LibreOffice as landscape A4 pages, no sheet sliced across pages sideways", async () => {
    const soffice = sofficePath();
    expect(soffice, "LibreOffice is needed (scripts/system-deps.sh)").not.toBeNull();
    const work = join(dir, "pdf");
    await mkdir(join(work, "profile"), { recursive: true });
    const input = join(work, "summary.xlsx");
    await writeFile(input, cliBytes);
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", work, input], { stdio: "pipe", timeout: 120_000 });
    const pdf = (await readFile(join(work, "summary.pdf"))).toString("latin1");
    await mkdir(artifacts, { recursive: true });
    await writeFile(join(artifacts, "summary-workbook.pdf"), pdf, "latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/gu)].map((m) => [Number(m[1]), Number(m[2])]);
    const pages = [...pdf.matchAll(/\/Type\s*\/Page(?![s\w])/gu)].length;
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) expect([Math.round(w!), Math.round(h!)]).toEqual([842, 595]);
    // 完成情况 (two pages at most: it runs down, never across), 逾期事项 and 各报送单位 one each, one page per chart.
    expect(pages).toBeGreaterThanOrEqual(1 + 1 + 1 + 6);
    expect(pages).toBeLessThanOrEqual(2 + 1 + 1 + 6);
  }, 120_000);
});
