/**
 * What `report` counts: each workbook once whatever names it, never its own outputs, files
 * told apart by their folder, links followed, hidden copies and last month's sheet named and left out;
 * and a full disk refused in one line.
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { collectWorkbooks } from "../../../cli/report/inputs.js";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { buildFixture, fixtureBytes } from "../../fixtures/build.js";
import { rectification15 } from "../../fixtures/ledgers.js";

const root = resolve(import.meta.dirname, "../../..");

function taizhang(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, "bin", "taizhang.mjs"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const AS_OF = rectification15.asOf;
let dir: string;
let ledger: Uint8Array;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-inputs-"));
  ledger = await fixtureBytes(rectification15);
});

async function folder(name: string, files: Record<string, Uint8Array>): Promise<string> {
  const path = join(dir, name);
  for (const [file, bytes] of Object.entries(files)) {
    await mkdir(join(path, file, ".."), { recursive: true });
    await writeFile(join(path, file), bytes);
  }
  return path;
}

describe("the workbooks a report covers", () => {
  it("reads a folder twice into itself and counts the same items both times", async () => {
    const submissions = await folder("twice", { "整改台账.xlsx": ledger });
    const first = taizhang(submissions, "report", ".", "-o", ".", "--as-of", AS_OF);
    expect(first.code, first.stderr).toBe(0);
    const second = taizhang(submissions, "report", ".", "-o", ".", "--as-of", AS_OF);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("事项总数 15");
    expect(second.stderr).toMatch(/summary\.xlsx: 这是本工具生成的汇总表，未计入/u);
  });

  it("never searches the output folder inside the submissions folder", async () => {
    const submissions = await folder("nested", { "整改台账.xlsx": ledger });
    expect(taizhang(submissions, "report", ".", "-o", "报告", "--as-of", AS_OF).code).toBe(0);
    const again = taizhang(submissions, "report", ".", "-o", "报告", "--as-of", AS_OF);
    expect(again.stdout).toContain("事项总数 15");
    expect(again.stderr).toBe("");
  });

  it("finds a system's export saved as a web page under a .xls name beside the .xlsx submissions", async () => {
    // The ledger's own sheet, cell by cell, as a system's "导出 Excel" writes it: a web page.
    const sheet = readWorkbook(ledger, { source: "整改台账.xlsx" }).sheets.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
    const text = (v: CellValue | undefined) => (v === null || v === undefined ? "" : typeof v === "object" ? ("day" in v ? v.day : v.error) : String(v));
    const rows = Array.from(sheet.rows, (r) => `<tr>${Array.from(r ?? [], (v) => `<td>${text(v).replace(/&/gu, "&amp;").replace(/</gu, "&lt;")}</td>`).join("")}</tr>`);
    const page = new TextEncoder().encode(`<html><head><meta charset="utf-8"></head><body><table>${rows.join("")}</table></body></html>`);
    const submissions = await folder("pages", { "甲单位.xlsx": ledger, "乙单位/导出.xls": page });
    const { inputs } = await collectWorkbooks([submissions], join(submissions, "out"));
    expect(inputs.map((i) => i.name).sort()).toEqual([join("乙单位", "导出.xls"), "甲单位.xlsx"]);
    const run = taizhang(submissions, "report", ".", "-o", "报告", "--as-of", AS_OF);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("事项总数 30");
  });

  it("counts one file given three ways once", async () => {
    const here = await folder("same", { "a.xlsx": ledger });
    const { inputs } = await collectWorkbooks(["a.xlsx", "./a.xlsx", join(here, "a.xlsx")].map((p) => (p.startsWith("/") ? p : join(here, p))), join(here, "out"));
    expect(inputs).toHaveLength(1);
    const run = taizhang(here, "report", "a.xlsx", "./a.xlsx", join(here, "a.xlsx"), "-o", "out", "--as-of", AS_OF);
    expect(run.stdout).toContain("事项总数 15");
  });

  it("names two files of one name by their folder, and follows a link to a third", async () => {
    const here = await folder("units", { "区人民医院/整改台账.xlsx": ledger, "区财政局/整改台账.xlsx": ledger });
    await mkdir(join(here, "区教育局"));
    await writeFile(join(dir, "elsewhere.xlsx"), ledger);
    await symlink(join(dir, "elsewhere.xlsx"), join(here, "区教育局", "整改台账.xlsx"));
    await symlink(join(dir, "no-such.xlsx"), join(here, "区教育局", "断开的链接.xlsx"));
    const { inputs } = await collectWorkbooks([here], join(dir, "units-out"));
    expect(inputs.map((i) => i.name)).toEqual([join("区教育局", "断开的链接.xlsx"), join("区教育局", "整改台账.xlsx"), join("区人民医院", "整改台账.xlsx"), join("区财政局", "整改台账.xlsx")].sort((a, b) => a.localeCompare(b, "zh-CN")));
    // The broken link is named when it is read, never skipped in silence.
    const run = taizhang(here, "report", ".", "-o", join(dir, "units-out"), "--as-of", AS_OF);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/断开的链接\.xlsx/u);
    expect(run.stdout).toContain("事项总数 45");
  });

  it("leaves out a hidden old copy of the ledger, and says so", async () => {
    const wb = buildFixture(rectification15);
    const copy = wb.addWorksheet("整改任务清单(旧)", { state: "hidden" });
    wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row, n) => {
      copy.getRow(n).values = row.values as never;
    });
    const here = await folder("hidden", { "整改台账.xlsx": new Uint8Array(await wb.xlsx.writeBuffer()) });
    const run = taizhang(here, "report", ".", "-o", "out", "--as-of", AS_OF);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("事项总数 15");
    expect(run.stderr).toMatch(/隐藏的工作表“整改任务清单\(旧\)”未计入/u);
  });

  it("leaves out last month's sheet kept visible beside this month's, and says so in every command", async () => {
    const wb = buildFixture(rectification15);
    const current = wb.worksheets[0]!;
    current.name = "11月";
    const previous = wb.addWorksheet("10月");
    current.eachRow({ includeEmpty: true }, (row, n) => {
      previous.getRow(n).values = row.values as never;
    });
    const here = await folder("months", { "整改台账.xlsx": new Uint8Array(await wb.xlsx.writeBuffer()) });
    const report = taizhang(here, "report", ".", "-o", "out", "--as-of", AS_OF);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain("事项总数 15");
    expect(report.stderr).toMatch(/工作表“10月”是“11月”的上一期版本，未计入/u);
    const check = taizhang(here, "check", "整改台账.xlsx", "--as-of", AS_OF, "--json");
    expect(check.code, check.stderr).toBe(0);
    expect((JSON.parse(check.stdout) as { sheet: string }).sheet).toBe("11月");
    // Asked for by name, the older sheet is read.
    const named = taizhang(here, "check", "整改台账.xlsx", "--sheet", "10月", "--as-of", AS_OF, "--json");
    expect((JSON.parse(named.stdout) as { sheet: string }).sheet).toBe("10月");
  });
});

describe("report on a full disk", () => {
  it.skipIf(process.getuid?.() !== 0)("exits 2 with one clear line and leaves no half a report", async () => {
    const full = join(dir, "full");
    await mkdir(full);
    const mount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=48k", "tmpfs", full]);
    if (mount.status !== 0) return; // no tmpfs here: nothing to try it on
    try {
      const input = join(dir, "full-input.xlsx");
      await writeFile(input, ledger);
      const run = taizhang(dir, "report", input, "-o", full, "--as-of", AS_OF);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/磁盘空间不足，报告未写入$/u)]);
      expect(spawnSync("ls", ["-A", full], { encoding: "utf8" }).stdout.trim()).toBe("");
    } finally {
      spawnSync("umount", [full]);
    }
  });
});

