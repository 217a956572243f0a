/** `report --previous`: the 较上期 section on the page and in the summary workbook. */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { octoberRows, septemberRows } from "../analytics/diff/monthly-ledgers.js";
import { writeRowsWorkbook } from "../helpers/rows-workbook.js";
import { taizhang } from "../helpers/run-taizhang.js";

const root = resolve(import.meta.dirname, "../..");


let out: string;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "taizhang-previous-"));
  const september = await writeRowsWorkbook(join(dir, "9月.xlsx"), septemberRows());
  const october = await writeRowsWorkbook(join(dir, "10月.xlsx"), octoberRows());
  out = join(dir, "报告");
  const run = taizhang("report", october, "-o", out, "--as-of", "2019-10-31", "--previous", september);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
});

describe("report --previous", () => {
  it("adds a 较上期 section to the page, with what moved since the old 填报日期", async () => {
    const page = await readFile(join(out, "report.html"), "utf8");
    expect(page).toContain("<h2>较上期</h2>");
    expect(page).toContain("较上期（2019-09-30）：新完成 1 项，新逾期 1 项，反弹 1 项，调整时限 1 项，新增 1 项，删除 1 项");
    expect(page).toContain("<h3>新逾期 1</h3>");
  });

  it("adds a 较上期 sheet to the summary workbook", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "summary.xlsx"));
    const ws = wb.getWorksheet("较上期");
    expect(ws).toBeDefined();
    expect(String(ws!.getCell(2, 1).value)).toContain("新完成 1 项");
  });
});

describe("report --previous, last time's ledger dated only by “截至9月底” in its title", () => {
  // No 填报日期 row: the title says "（截至9月底）", the year left to the ledger's, which dates the version as diff does (contract §8).
  it("is judged at that day, not at this time's as-of", async () => {
    const dir = await mkdtemp(join(tmpdir(), "taizhang-previous-stated-"));
    const rows = septemberRows();
    rows.splice(1, 2, ["区卫生健康局巡察反馈问题整改落实台账（截至9月底）"]);
    const september = await writeRowsWorkbook(join(dir, "9月.xlsx"), rows);
    const october = await writeRowsWorkbook(join(dir, "10月.xlsx"), octoberRows());
    const run = taizhang("report", october, "-o", join(dir, "报告"), "--as-of", "2019-10-31", "--previous", september);
    expect(run.code).toBe(0);
    const page = await readFile(join(dir, "报告", "report.html"), "utf8");
    expect(page).toContain("较上期（2019-09-30）：新完成 1 项，新逾期 1 项");
  });
});
