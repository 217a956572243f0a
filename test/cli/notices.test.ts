/**
 * `taizhang notices` as a user runs it: one .docx per lagging unit that LibreOffice opens, the
 * list page, the register workbook, and the lights it prints agreeing with the report's.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { octoberRows } from "../analytics/diff/monthly-ledgers.js";
import { writeRowsWorkbook } from "../helpers/rows-workbook.js";
import { sofficePath } from "../xlsx-patch/libreoffice.js";
import { docxParagraphs } from "../addin/docx/docx-text.js";
import { taizhang } from "../helpers/run-taizhang.js";

const root = resolve(import.meta.dirname, "../..");


let dir: string;
let ledger: string;
let out: string;
let run: ReturnType<typeof taizhang>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-notices-"));
  ledger = await writeRowsWorkbook(join(dir, "台账-10月.xlsx"), octoberRows());
  out = join(dir, "督办");
  run = taizhang("notices", ledger, "-o", out, "--as-of", "2019-10-31", "--issuer", "局督查室");
});

describe("taizhang notices", () => {
  it("writes one notice per lagging unit, the list page and the register", async () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files).toContain("督办通知单一览.html");
    expect(files).toContain("督办登记簿.xlsx");
    const docs = files.filter((f) => f.endsWith(".docx"));
    // October: 党建办 (newly overdue), 财务股 (overdue), and the units with work due within 7 days or behind 序时.
    expect(docs.some((f) => f.includes("党建办"))).toBe(true);
    expect(docs.some((f) => f.includes("财务股"))).toBe(true);
    expect(run.stdout).toContain(`已生成督办通知单 ${docs.length} 份`);
  });

  it("names in each notice its unit and every overdue item with its days", async () => {
    const doc = (await readdir(out)).find((f) => f.includes("财务股"))!;
    const text = docxParagraphs(await readFile(join(out, doc)));
    expect(text).toContain("财务股：");
    const item = text.findIndex((t) => t === "违规发放津补贴问题清理不彻底");
    expect(item).toBeGreaterThan(0);
    expect(text.slice(item, item + 8)).toContain("逾期46天");
    expect(text.join("")).toContain("书面报告局督查室");
  });

  it("registers every notice with its reply day", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "督办登记簿.xlsx"));
    const ws = wb.getWorksheet("督办登记簿")!;
    const docs = (await readdir(out)).filter((f) => f.endsWith(".docx"));
    expect(ws.rowCount).toBe(2 + docs.length);
    expect(ws.getCell(3, 1).value).toBe("督办〔2019〕第1号");
    const reply = ws.getCell(3, 6).value as Date;
    expect(reply.toISOString().slice(0, 10)).toBe("2019-11-07");
  });

  it("refuses a bad rules file in one line", async () => {
    const rules = join(dir, "rules.json");
    await writeFile(rules, '{"behindPoint": 5}');
    const bad = taizhang("notices", ledger, "-o", join(dir, "x"), "--rules", rules);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toContain("不认识的设置“behindPoint”");
  });

  it("gives each unit the light the report gives it", async () => {
    const reportDir = join(dir, "报告");
    expect(taizhang("report", ledger, "-o", reportDir, "--as-of", "2019-10-31").code).toBe(0);
    const page = await readFile(join(reportDir, "report.html"), "utf8");
    const reportLights = new Map([...page.matchAll(/<tr><td>([^<]+)<\/td><td><span class="light (\w+)">/gu)].map((m) => [m[1]!, m[2]!]));
    const words: Record<string, string> = { 红灯: "red", 黄灯: "amber", 绿灯: "green", 无法判断: "grey" };
    const printed = [...run.stdout.matchAll(/督办〔2019〕第\d+号\s+(\S+)\s+(红灯|黄灯|绿灯|无法判断)/gu)];
    expect(printed.length).toBeGreaterThan(0);
    for (const [, unit, light] of printed) expect(reportLights.get(unit!), unit).toBe(words[light!]);
  });
});

describe.skipIf(sofficePath() === null)("LibreOffice", () => {
  it("opens a notice and shows its text", async () => {
    const doc = (await readdir(out)).find((f) => f.endsWith(".docx"))!;
    const converted = join(dir, "txt");
    execFileSync(sofficePath()!, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", converted, join(out, doc)], { stdio: "pipe", timeout: 120_000 });
    const text = await readFile(join(converted, doc.replace(/\.docx$/u, ".txt")), "utf8");
    expect(text).toContain("督办通知单");
    expect(text).toContain("督办〔2019〕第1号");
    expect(text).toContain("督办要求");
  });
});
