/**
 * Reading a ledger the words alone get wrong, from the command line: --columns on every
 * command, its one-line refusals, and "cannot tell" instead of a false green.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { taizhang } from "../helpers/run-taizhang.js";

const root = resolve(import.meta.dirname, "../..");


let dir: string;
let plan: string;
let tasks: string;

async function write(name: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(name).addRows(rows);
  const path = join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-columns-"));
  // A procurement plan whose deadline column is headed 节点 and holds quarters without a year:
  // no header word names it and its cells alone are no dates, so only the clerk can say.
  plan = await write("采购计划", [
    ["2026年政府采购计划"],
    ["序号", "采购项目名称", "需求部门", "节点", "备注"],
    [1, "办公设备采购", "区财政局", "一季度", ""],
    [2, "信息系统运维", "区大数据中心", "二季度", ""],
    [3, "物业服务", "区机关事务中心", "四季度", ""],
  ]);
  // A 任务分解表: task and units only; deadlines and statuses come later.
  tasks = await write("任务分解", [
    ["2026年重点工作任务分解表"],
    ["序号", "重点任务", "牵头单位", "配合单位"],
    [1, "推进老旧小区改造", "区住建局", "各街道"],
    [2, "新增城镇就业岗位", "区人社局", ""],
    [3, "建设农村公办幼儿园", "区教育局", "区发改局"],
  ]);
});

describe("without a deadline column nothing is green", () => {
  it("says overdue cannot be told, in zh and en", () => {
    const zh = taizhang("check", tasks, "--as-of", "2026-11-30");
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("逾期 无法判断");
    expect(zh.stdout).toContain("未识别完成时限，无法判断逾期（3项）");
    const en = taizhang("check", tasks, "--as-of", "2026-11-30", "--lang", "en");
    expect(en.stdout).toContain("No deadline column recognized: overdue cannot be judged (3 items)");
  });

  it("says in the JSON which roles are missing and how many items could not be judged", () => {
    const report = JSON.parse(taizhang("check", tasks, "--as-of", "2026-11-30", "--json").stdout) as { summary: Record<string, unknown> };
    expect(report.summary).toMatchObject({ missingRoles: ["deadline", "status"], unjudged: 3, overdueUnknown: 3, overdue: 0 });
  });
});

describe("--columns", () => {
  it("reads the named column as the deadline, on check, normalize and report", async () => {
    const check = taizhang("check", plan, "--as-of", "2026-11-30", "--columns", "节点=deadline", "--json");
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout) as { header: { columns: Record<string, string> }; summary: { overdue: number; overdueUnknown: number } };
    expect(report.header.columns.deadline).toBe("D");
    expect(report.summary).toMatchObject({ overdue: 2, overdueUnknown: 0 });

    const out = join(dir, "规范.xlsx");
    expect(taizhang("normalize", plan, "-o", out, "--as-of", "2026-11-30", "--columns", "节点=deadline").code).toBe(0);
    expect((await readFile(out)).length).toBeGreaterThan(0);
    const reportDir = join(dir, "报告");
    expect(taizhang("report", plan, "-o", reportDir, "--as-of", "2026-11-30", "--columns", "节点=deadline").code).toBe(0);
    expect(await readFile(join(reportDir, "report.html"), "utf8")).not.toContain("未识别完成时限");
  });

  it.each([
    [["--columns", "节点=when"], /没有“when”这一角色/u],
    [["--columns", "节点=when", "--lang", "en"], /--columns: “when” is not a role/u],
    [["--columns", "时间节点=deadline"], /“时间节点”.*找不到/u],
  ])("%j is one line on stderr and exit 2", (args, says) => {
    for (const command of [["check", plan], ["normalize", plan, "-o", join(dir, "x.xlsx")], ["report", plan, "-o", join(dir, "r")]]) {
      const run = taizhang(...command, ...args);
      expect(run.code, command[0]).toBe(2);
      expect(run.stderr.trim().split("\n")[0]).toMatch(says);
      expect(run.stderr).not.toMatch(/\n\s+at /u);
      expect(run.stderr).toMatch(says);
    }
  });
});

describe("the report page", () => {
  it("shows a grey light and the line instead of 正常 / 0 overdue", async () => {
    const reportDir = join(dir, "灰灯");
    expect(taizhang("report", tasks, "-o", reportDir, "--as-of", "2026-11-30").code).toBe(0);
    const html = await readFile(join(reportDir, "report.html"), "utf8");
    expect(html).toContain("未识别完成时限，无法判断逾期（3项）");
    expect(html).toContain('class="light grey"');
    expect(html).not.toContain('class="light green"');
  });
});
