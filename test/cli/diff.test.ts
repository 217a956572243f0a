/** `taizhang diff` as a user runs it: the JSON of contract §8, the terminal, -o files, refusals. */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { EXPECTED_CHANGES, octoberRows, septemberRows } from "../analytics/diff/monthly-ledgers.js";
import { writeRowsWorkbook } from "../helpers/rows-workbook.js";
import { taizhang } from "../helpers/run-taizhang.js";

const root = resolve(import.meta.dirname, "../..");


let dir: string;
let september: string;
let october: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-diff-"));
  september = await writeRowsWorkbook(join(dir, "台账-9月.xlsx"), septemberRows());
  october = await writeRowsWorkbook(join(dir, "台账-10月.xlsx"), octoberRows());
});

describe("taizhang diff", () => {
  it("prints the JSON of contract §8", () => {
    const run = taizhang("diff", september, october, "--as-of", "2019-10-31", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout);
    expect(diff).toMatchObject({ schemaVersion: 1, old: { file: "台账-9月.xlsx", sheet: "整改台账", asOf: "2019-09-30" }, new: { file: "台账-10月.xlsx", asOf: "2019-10-31" } });
    expect(diff.changes.map((c: { kind: string }) => c.kind).sort()).toEqual(EXPECTED_CHANGES.map((e) => e.kind).sort());
    for (const c of diff.changes) expect(Object.keys(c)).toEqual(expect.arrayContaining(["kind", "oldRow", "newRow", "task", "unit", "before", "after", "confidence"]));
    for (const u of diff.units) expect(Object.keys(u)).toEqual(expect.arrayContaining(["unit", "total", "completed", "overdue", "completedDelta", "overdueDelta", "rank", "rankDelta"]));
  });

  it("takes --old-as-of over the title's date", () => {
    const run = taizhang("diff", september, october, "--as-of", "2019-10-31", "--old-as-of", "2019-10-20", "--json");
    const diff = JSON.parse(run.stdout);
    expect(diff.old.asOf).toBe("2019-10-20");
    expect(diff.changes.some((c: { kind: string }) => c.kind === "newly-overdue")).toBe(false);
  });

  it("prints the changes by kind and the units' ranks in Chinese", () => {
    const run = taizhang("diff", september, october, "--as-of", "2019-10-31");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("新完成 1");
    expect(run.stdout).toContain("新逾期 1");
    expect(run.stdout).toContain("2019-11-30 → 2019-12-31（延后31天）");
    expect(run.stdout).toContain("各单位完成情况及排名");
  });

  it("speaks English with --lang en", () => {
    const run = taizhang("diff", september, october, "--as-of", "2019-10-31", "--lang", "en");
    expect(run.stdout).toContain("newly overdue 1");
    expect(run.stdout).toContain("31 days later");
  });

  it("writes the comparison to a workbook and to a page", async () => {
    const xlsx = join(dir, "对比.xlsx");
    const html = join(dir, "对比.html");
    expect(taizhang("diff", september, october, "--as-of", "2019-10-31", "-o", xlsx).code).toBe(0);
    expect(taizhang("diff", september, october, "--as-of", "2019-10-31", "-o", html).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["变化明细", "单位排名"]);
    expect(wb.getWorksheet("变化明细")!.rowCount).toBe(2 + EXPECTED_CHANGES.length);
    const page = await readFile(html, "utf8");
    expect(page).toContain("<h3>反弹 1</h3>");
  });

  it("refuses two ledgers with nothing in common, and an output it cannot write", async () => {
    const other = await writeRowsWorkbook(join(dir, "其他.xlsx"), [["序号", "工作任务", "责任单位", "完成时限", "完成情况"], [1, "春季植树造林", "林业局", "2019年4月30日", "已完成"]]);
    const run = taizhang("diff", september, other, "--as-of", "2019-10-31");
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("没有共同的事项");
    const bad = taizhang("diff", september, october, "-o", join(dir, "out.pdf"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(".xlsx 或 .html");
  });
});
