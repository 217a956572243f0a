/**
 * `taizhang check` as a user runs it: the built command in a child process, its exit code,
 * what it prints, and what it refuses (contract §7).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureBytes, writeFixture } from "../fixtures/build.js";
import { empty as emptyWorkbook, english, multiSheet, noLedger, rectification15 } from "../fixtures/ledgers.js";
import { expectValidReport } from "../helpers/schema.js";
import { taizhang } from "../helpers/run-taizhang.js";

const root = resolve(import.meta.dirname, "../..");
const SAMPLE = join(root, "samples", "整改台账-示例.xlsx");


/** A refusal: exit 2 and one line on stderr that says what is wrong, never a stack trace. */
function expectRefusal(run: ReturnType<typeof taizhang>, says: RegExp): void {
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(says);
  expect(run.stderr).not.toMatch(/\n\s+at /u);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-cli-"));
});

describe("taizhang check on the bundled sample", () => {
  it("prints the totals, the overdue items and the findings, and leaves the file as it was", async () => {
    const before = createHash("sha256").update(await readFile(SAMPLE)).digest("hex");
    const run = taizhang("check", SAMPLE, "--as-of", "2019-12-31");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("事项 15 · 已完成（含销号）8（53.3%）· 逾期 3");
    expect(run.stdout).toContain("未写年份的时限按2019年计");
    expect(run.stdout).toMatch(/需督办事项\n  逾期（3项）[\s\S]*党组领导作用发挥不够的问题[\s\S]*214天/u);
    expect(createHash("sha256").update(await readFile(SAMPLE)).digest("hex")).toBe(before);
  });

  it("parts what to chase from what to fix in the table, rule ids only with --verbose", () => {
    const run = taizhang("check", SAMPLE, "--as-of", "2019-10-28");
    const [chase, fix] = run.stdout.split(/\n(?=表格需修正)/u);
    expect(chase).toMatch(/需督办事项\n  逾期（2项）[\s\S]*即将到期（1项）/u);
    expect(fix).toMatch(/^表格需修正：检查发现问题\d+条（按类型）/u);
    for (const kind of ["合并单元格", "公式错误", "无法识别的时限"]) expect(fix).toContain(kind);
    expect(fix).not.toMatch(/逾期未完成|即将到期 ×/u);
    expect(run.stdout).toContain("K16（备注）公式出错（#N/A）");
    expect(run.stdout).not.toMatch(/\[[a-z-]+\]/u);
    expect(taizhang("check", SAMPLE, "--as-of", "2019-10-28", "--verbose").stdout).toContain("[name-variant]");
  });

  it("lists the units by light after what to chase, a unit written two ways as one, in zh and en", () => {
    const zh = taizhang("check", SAMPLE, "--as-of", "2019-12-31").stdout;
    const lights = zh.slice(zh.indexOf("单位灯号"), zh.indexOf("表格需修正"));
    expect(zh.indexOf("需督办事项")).toBeLessThan(zh.indexOf("单位灯号"));
    expect(lights).toMatch(/^单位灯号（红灯4个，黄灯2个，绿灯3个，无法判断1个）\n +灯号 +责任单位 +事项 +已完成 +逾期 +完成率 +原因\n/u);
    expect(lights).toMatch(/● 红灯 +党建办 +4 +3 +1 +75\.0% +有1项逾期/u);
    // 区人民医院 and 娄星区人民医院 (name-variant) are one unit of three items, under one name.
    expect(lights).toMatch(/● 黄灯 +区人民医院 +3 +1 +0 +33\.3%/u);
    expect(lights).not.toContain("娄星区人民医院");
    const en = taizhang("check", SAMPLE, "--as-of", "2019-12-31", "--lang", "en").stdout;
    expect(en).toMatch(/Units by light \(red 4, amber 2, green 3, cannot tell 1\)\n +light +unit +items +completed +overdue +rate +why\n/u);
    expect(en).toMatch(/● red +党建办 +4 +3 +1 +75\.0% +1 overdue/u);
  });

  it("says 今天到期 for an item due today, and never 还剩0天", () => {
    const zh = taizhang("check", SAMPLE, "--as-of", "2019-10-31");
    expect(zh.stdout).toContain("今天到期");
    expect(zh.stdout).not.toContain("还剩0天");
    const json = JSON.parse(taizhang("check", SAMPLE, "--as-of", "2019-10-31", "--json").stdout) as { findings: Array<{ rule: string; message: string }> };
    expect(json.findings.find((f) => f.rule === "due-soon")!.message).toContain("（今天到期）");
    expect(taizhang("check", SAMPLE, "--as-of", "2019-10-31", "--lang", "en").stdout).toContain("due today");
  });

  it("ends several ledgers with their combined total, in words that agree in number", () => {
    const zh = taizhang("check", SAMPLE, SAMPLE, "--as-of", "2019-12-31");
    expect(zh.stdout.trim().split("\n").at(-1)).toBe("合计（2份台账）：事项 30 · 已完成（含销号）16（53.3%）· 逾期 6 · 即将到期 2");
    const en = taizhang("check", SAMPLE, SAMPLE, "--as-of", "2019-12-31", "--lang", "en");
    expect(en.stdout.trim().split("\n").at(-1)).toBe("Total (2 ledgers): items 30 · completed (incl. closed) 16 (53.3%) · overdue 6 · due soon 2");
    // English output holds no full-width punctuation of its own (cells quoted from the sheet, whole or clipped with …, aside).
    const own = en.stdout.replace(/“[^”]*”/gu, "").replace(/[\u4e00-\u9fff（）、，。：；]+(?:[\u4e00-\u9fff]|…)/gu, "");
    expect(own).not.toMatch(/[（）：；]/u);
  });

  it("ends quietly when the reader stops reading (| head)", () => {
    const run = spawnSync("sh", ["-c", `"${process.execPath}" "${join(root, "bin", "taizhang.mjs")}" check ${` "${SAMPLE}"`.repeat(30)} --as-of 2019-12-31 --all | head -n 2`], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.stdout.trim().split("\n")).toHaveLength(2);
    expect(run.stderr).toBe("");
  });

  it("prints one schema-valid JSON report for a one-ledger workbook", () => {
    const run = taizhang("check", SAMPLE, "--as-of", "2019-12-31", "--json");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { summary: { total: number; overdue: number } };
    expectValidReport(report);
    expect(report.summary).toMatchObject({ total: 15, overdue: 3 });
  });

  it("speaks English with --lang en", () => {
    const run = taizhang("check", SAMPLE, "--as-of", "2019-12-31", "--lang", "en", "--json");
    const report = JSON.parse(run.stdout) as { findings: Array<{ rule: string; message: string }> };
    const overdue = report.findings.find((f) => f.rule === "overdue")!;
    expect(overdue.message).toMatch(/overdue/iu);
    expect(overdue.message).not.toContain("逾期");
  });
});

describe("taizhang check on other ledgers", () => {
  it("prints an array of reports, one per ledger sheet, and skips the instructions sheet", async () => {
    const path = await writeFixture(multiSheet, dir);
    const run = taizhang("check", path, "--as-of", multiSheet.asOf, "--json");
    expect(run.code).toBe(0);
    const reports = JSON.parse(run.stdout) as Array<{ sheet: string }>;
    expect(reports.map((r) => r.sheet)).toEqual(multiSheet.sheets.filter((s) => s.isLedger).map((s) => s.name));
    reports.forEach(expectValidReport);
  });

  it("picks one sheet with --sheet, and refuses a sheet that is not there", async () => {
    const path = await writeFixture(multiSheet, dir);
    const name = multiSheet.sheets.find((s) => s.isLedger)!.name;
    const run = taizhang("check", path, "--sheet", name, "--as-of", multiSheet.asOf, "--json");
    expect((JSON.parse(run.stdout) as { sheet: string }).sheet).toBe(name);
    expectRefusal(taizhang("check", path, "--sheet", "不存在"), /没有名为“不存在”的工作表/u);
  });

  it("reads English headers", async () => {
    const path = await writeFixture(english, dir);
    const run = taizhang("check", path, "--as-of", english.asOf, "--json");
    expect(run.code).toBe(0);
    expectValidReport(JSON.parse(run.stdout));
  });

  it("still reports the good files when one of several is bad, and exits 2", async () => {
    const good = await writeFixture(rectification15, dir);
    const run = taizhang("check", good, join(dir, "missing.xlsx"), "--as-of", "2019-12-31");
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("事项 15");
    expect(run.stderr).toContain("missing.xlsx");
  });
});

describe("taizhang check refuses bad input with exit 2 and one line", () => {
  async function file(name: string, bytes: Uint8Array | string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  }

  it.each([
    ["a missing file", async () => join(dir, "nope.xlsx"), /nope\.xlsx: 找不到文件/u],
    ["a text file", async () => file("notes.xlsx", "这不是表格"), /不是 Excel 工作簿/u],
    ["a truncated download", async () => file("half.xlsx", (await fixtureBytes(rectification15)).slice(0, 3000)), /损坏或不完整/u],
    ["an .xls whose container is only its stream's name", async () => file("old.xls", ole("Workbook")), /\.xls 文件的内部结构（复合文档）已损坏/u],
    ["an encrypted workbook", async () => file("locked.xlsx", ole("EncryptedPackage")), /密码/u],
    ["a workbook with no ledger", async () => writeFixture(noLedger, dir), /没有找到台账/u],
    ["an empty workbook", async () => writeFixture(emptyWorkbook, dir), /工作簿是空的/u],
  ])("%s", async (_what, makePath, says) => {
    expectRefusal(taizhang("check", await makePath()), says);
  });

  it.each([
    [["check"], /^taizhang: 缺少参数 files（运行 taizhang check --help 查看用法）$/u],
    [["check", "--lang", "en"], /^taizhang: missing required argument files \(taizhang check --help shows the usage\)$/u],
    [["normalize", SAMPLE, SAMPLE, "--lang", "en"], /too many arguments: 1 expected, 2 given/u],
    [["normalize", SAMPLE, SAMPLE], /参数过多：应为 1 个，收到 2 个/u],
    [["chek", SAMPLE], /不认识的命令 chek，是否要用 check？/u],
    [["check", SAMPLE, "--as-of", "2019-13-45"], /--as-of/u],
    [["check", SAMPLE, "--lang", "fr"], /--lang/u],
    [["check", SAMPLE, "--frobnicate"], /不认识的选项 --frobnicate/u],
    [["check", SAMPLE, "--lang=en", "--frobnicate"], /unknown option --frobnicate/u],
    [["check", SAMPLE, "--lang", "en", "--as-of", "2019-13-45"], /--as-of takes a day as YYYY-MM-DD, not “2019-13-45”/u],
  ])("usage mistake %j", (args, says) => {
    const run = taizhang(...args);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(says)]);
  });
});

function ole(stream: string): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < stream.length; i++) bytes[1024 + i * 2] = stream.charCodeAt(i);
  return bytes;
}
