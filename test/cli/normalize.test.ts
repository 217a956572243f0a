/**
 * `taizhang normalize` as a user runs it: the built command in a child process. It writes the
 * copy and says what it did; it refuses, with exit 2, one line and nothing written, an output
 * that is the input, a folder it cannot write, and more; a workbook holding a chart keeps it.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, copyFile, link, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { LOG_SHEET } from "../../analytics/normalize/types.js";
import { fixtureBytes, writeFixture } from "../fixtures/build.js";
import { multiSheet, noLedger, rectification15 } from "../fixtures/ledgers.js";
import { cellsOf, readModel } from "../xlsx-patch/normalized.js";
import { taizhang } from "../helpers/run-taizhang.js";
import { producerWorkbook } from "../xlsx-patch/producer-features.js";
import { writeRowsWorkbook } from "../helpers/rows-workbook.js";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";

const root = resolve(import.meta.dirname, "../..");
const SAMPLE = join(root, "samples", "整改台账-示例.xlsx");


async function sha(path: string): Promise<string> {
  return createHash("sha256").update(await readFile(path)).digest("hex");
}

/** Exit 2, one line on stderr saying what is wrong, no stack trace. */
function expectRefusal(run: ReturnType<typeof taizhang>, says: RegExp): void {
  expect(run.stderr).not.toMatch(/\n\s+at /u);
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(says);
}

/** A folder's entries, to show a refusal wrote nothing (no output, no temporary file). */
async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

let dir: string;
let counter = 0;
async function freshDir(): Promise<string> {
  const d = join(dir, `case-${++counter}`);
  await mkdir(d);
  return d;
}

/** The sample with chart parts added to its package (found by part name, as Excel names them). */
async function withChart(): Promise<Uint8Array> {
  const files = unzipSync(await fixtureBytes(rectification15));
  files["xl/charts/chart1.xml"] = strToU8('<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
  files["xl/drawings/drawing1.xml"] = strToU8('<?xml version="1.0"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>');
  return zipSync(files);
}

/** The sample as a macro-enabled workbook (.xlsm): its workbook's content type and a VBA project part. */
async function withMacros(): Promise<Uint8Array> {
  const files = unzipSync(await fixtureBytes(rectification15));
  const text = (name: string): string => new TextDecoder().decode(files[name]);
  files["[Content_Types].xml"] = strToU8(
    text("[Content_Types].xml")
      .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
      .replace("</Types>", `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>`),
  );
  files["xl/vbaProject.bin"] = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    text("xl/_rels/workbook.xml.rels").replace("</Relationships>", `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`),
  );
  return zipSync(files);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-normalize-"));
});

describe("taizhang normalize writes a cleaned copy", () => {
  it("writes the copy, says what changed, and leaves the input as it was", async () => {
    const out = await freshDir();
    const before = await sha(SAMPLE);
    const run = taizhang("normalize", SAMPLE, "-o", join(out, "规范.xlsx"), "--as-of", "2019-12-31");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("（原文件未改动）");
    expect(run.stdout).toMatch(/工作表“整改任务清单”：改动 28 处（时限改为日期 9 · 完成情况用词 3 · 完成情况加词 2 · 名称空格与全角 2 · 合并单元格填充 12），取消合并 3 处/u);
    expect(run.stdout).toContain("保留原样：");
    // The dates written need a wider 完成时限 column: said, as the log says it.
    expect(run.stdout).toContain("日期列已加宽，以免日期显示为“####”：“整改任务清单”H列");
    expect(run.stdout).toContain("变更记录");
    expect(await sha(SAMPLE)).toBe(before);
    expect(await entries(out)).toEqual(["规范.xlsx"]);
  });

  it("makes no change to its own output, says so, and check reads that output with the same totals", async () => {
    const out = await freshDir();
    const first = join(out, "一.xlsx");
    const second = join(out, "二.xlsx");
    expect(taizhang("normalize", SAMPLE, "-o", first, "--as-of", "2019-12-31").code).toBe(0);
    const again = taizhang("normalize", first, "-o", second, "--as-of", "2019-12-31");
    expect(again.code).toBe(0);
    // It says what it found already there, and that nothing was added: not the first run's "added" lines again.
    expect(again.stdout).toContain("工作表“整改任务清单”：无需改动");
    expect(again.stdout).not.toContain("取消合并"); // nothing to unmerge: no "取消合并 0 处" line
    expect(again.stdout).toContain("表中已有逾期标红、即将到期标黄的条件格式，未重复添加");
    expect(again.stdout).toContain("完成情况列已有下拉选项，未重复添加");
    expect(again.stdout).toContain("没有需要改动的地方：副本与原文件完全相同，“变更记录”未新增记录");
    expect(again.stdout).not.toMatch(/已加下拉选项|自动更新|原值与新值见|日期列已加宽/u);
    expect(await sha(second)).toBe(await sha(first));
    const english = taizhang("normalize", first, "-o", join(out, "three.xlsx"), "--as-of", "2019-12-31", "--lang", "en");
    expect(english.stdout).toContain("sheet “整改任务清单”: nothing to change");
    expect(english.stdout).toContain("the overdue and due-soon colors are already on the sheet; not added again");
    expect(english.stdout).toContain("the status column already has its dropdown; not added again");
    expect(english.stdout).toContain("nothing needed changing: the copy is the input, byte for byte, and nothing was added to “变更记录”");
    const check = taizhang("check", second, "--as-of", "2019-12-31", "--verbose");
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("事项 15 · 已完成（含销号）8（53.3%）· 逾期 3 · 即将到期 1");
    // The change log is the tool's own record: no second ledger of its rows, no 合计 over two.
    expect(check.stdout).not.toContain(`工作表“${LOG_SHEET}”`);
    expect(check.stdout).not.toContain("合计");
    // One ledger is one report object (contract §6), not a list of two.
    expect(JSON.parse(taizhang("check", second, "--as-of", "2019-12-31", "--json").stdout)).toMatchObject({ sheet: "整改任务清单", summary: { total: 15 } });
    expect(check.stdout).not.toContain("[deadline-year-inferred]");
    expect(check.stdout).not.toContain("[merged-cells]");
  });

  it("puts an asked-for column in the first free one when the rows reach XFD, and says when there is none", async () => {
    const folder = await freshDir();
    const header = ["序号", "存在问题", "责任单位", "完成时限", "完成情况"];
    const item = (n: number, deadline: string, status: string, from: number): CellValue[] => {
      const row: CellValue[] = [n, `问题${n}`, "办公室", { day: deadline }, status];
      for (let col = from; col <= 16_384; col++) row[col - 1] = "见附件";
      return row;
    };
    const noteAtXfd = await writeRowsWorkbook(join(folder, "备注在XFD.xlsx"), [header, item(1, "2019-06-30", "推进中", 16_384), item(2, "2020-06-30", "推进中", 16_384)]);
    const out = join(folder, "out.xlsx");
    expect(taizhang("normalize", noteAtXfd, "-o", out, "--as-of", "2019-12-31", "--overdue-column", "--ids").code).toBe(0);
    const cells = cellsOf(readModel(new Uint8Array(await readFile(out))), "整改台账");
    expect([cells.get("F1"), cells.get("G1"), cells.get("F2")]).toEqual(["逾期天数", "编号", 184]);
    expect(taizhang("check", out, "--as-of", "2019-12-31").code).toBe(0);

    const full = await writeRowsWorkbook(join(folder, "满列.xlsx"), [header, item(1, "2019-06-30", "推进中", 6), item(2, "2020-06-30", "推进中", 6)]);
    const run = taizhang("normalize", full, "-o", join(folder, "out2.xlsx"), "--as-of", "2019-12-31", "--overdue-column");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("工作表“整改台账”已用到最右边的 XFD 列，没有空列，未添加“逾期天数”列");
  });

  it("adds the days-overdue column and merges name variants when asked", async () => {
    const out = join(await freshDir(), "out.xlsx");
    const run = taizhang("normalize", SAMPLE, "-o", out, "--as-of", "2019-12-31", "--overdue-column", "--merge-names");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("逾期天数公式 15");
    expect(run.stdout).toContain("名称统一 1");
    const cells = cellsOf(readModel(new Uint8Array(await readFile(out))), "整改任务清单");
    // Over the two-row header (责任主体 over three columns), the header spans both rows.
    expect(cells.get("L4")).toBe("逾期天数");
    expect(readModel(new Uint8Array(await readFile(out))).sheets[0]!.merges).toContainEqual({ top: 4, left: 12, bottom: 5, right: 12 });
    expect(cells.get("L10")).toBe(214);
    expect(cells.get("F12")).toBe("党建办、区人民医院");
  });

  it("applies a mapping file of “variant = canonical” lines with --names", async () => {
    const folder = await freshDir();
    const names = join(folder, "names.txt");
    await writeFile(names, "# 统一写全称\n区人民医院 = 娄星区人民医院\n");
    const out = join(folder, "out.xlsx");
    const run = taizhang("normalize", SAMPLE, "-o", out, "--as-of", "2019-12-31", "--names", names);
    expect(run.code).toBe(0);
    const cells = cellsOf(readModel(new Uint8Array(await readFile(out))), "整改任务清单");
    // Chinese punctuation stays as the clerk wrote it (issue 11): only the name is replaced.
    expect(cells.get("F7")).toBe("娄星区人民医院（牵头），区财政局（配合）");
    expect(cells.get("F9")).toBe("基层卫生股、娄星区人民医院");
  });

  it("normalizes only the sheet named by --sheet", async () => {
    const folder = await freshDir();
    const input = await writeFixture(multiSheet, folder);
    const out = join(folder, "out.xlsx");
    const run = taizhang("normalize", input, "-o", out, "--sheet", "区疾控中心", "--as-of", multiSheet.asOf);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("工作表“区疾控中心”");
    expect(run.stdout).not.toContain("工作表“区人民医院”");
    const before = readModel(new Uint8Array(await readFile(input)));
    const after = readModel(new Uint8Array(await readFile(out)));
    expect(cellsOf(after, "区人民医院")).toEqual(cellsOf(before, "区人民医院"));
    expect(cellsOf(after, "区疾控中心")).not.toEqual(cellsOf(before, "区疾控中心"));
    expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), LOG_SHEET]);
  });

  it("speaks English with --lang en", async () => {
    const out = join(await freshDir(), "out.xlsx");
    const run = taizhang("normalize", SAMPLE, "-o", out, "--as-of", "2019-12-31", "--lang", "en");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("(the input is unchanged)");
    expect(run.stdout).toContain("28 cells changed");
  });
});

describe("taizhang normalize refuses, writing nothing", () => {
  it("refuses an output that is the input, however it is spelled", async () => {
    const folder = await freshDir();
    const input = join(folder, "台账.xlsx");
    await copyFile(SAMPLE, input);
    await symlink(input, join(folder, "链接.xlsx"));
    await link(input, join(folder, "硬链接.xlsx"));
    const before = await sha(input);
    const listing = await entries(folder);
    for (const output of [input, join(folder, ".", "sub", "..", "台账.xlsx"), join(folder, "链接.xlsx"), join(folder, "硬链接.xlsx")]) {
      expectRefusal(taizhang("normalize", input, "-o", output), /输出文件不能是输入文件本身/u);
    }
    expect(await sha(input)).toBe(before);
    expect(await entries(folder)).toEqual(listing);
  });

  it("keeps a chart: every part of the workbook's it does not rewrite is in the copy as it was, and --force only says it is not needed", async () => {
    const folder = await freshDir();
    const input = join(folder, "带图表.xlsx");
    const bytes = await withChart();
    await writeFile(input, bytes);
    const out = join(folder, "out.xlsx");
    const forced = taizhang("normalize", input, "-o", out, "--as-of", "2019-12-31", "--force");
    expect(forced.code).toBe(0);
    expect(forced.stderr.trim()).toBe("taizhang: 已不再需要 --force：规范化保留工作簿中的全部内容");
    const written = unzipSync(new Uint8Array(await readFile(out)));
    const original = unzipSync(bytes);
    const chartParts = Object.keys(original).filter((name) => /^xl\/(charts|drawings)\//u.test(name));
    expect(chartParts).toContain("xl/charts/chart1.xml");
    for (const name of chartParts) expect(written[name], name).toEqual(original[name]);
  });

  it("keeps a macro-enabled workbook's macros and its kind: the copy must be named .xlsm, which Excel opens", async () => {
    const folder = await freshDir();
    const input = join(folder, "督办台账.xlsm");
    const bytes = await withMacros();
    await writeFile(input, bytes);
    // Under .xlsx Excel refuses the file ("the file format or file extension is not valid").
    expectRefusal(taizhang("normalize", input, "-o", join(folder, "out.xlsx")), /督办台账\.xlsm 是启用宏的工作簿，输出文件须以 \.xlsm 结尾（否则 Excel 打不开）/u);
    expectRefusal(taizhang("normalize", input, "-o", join(folder, "out.xlsx"), "--lang", "en"), /is a macro-enabled workbook: -o must name a \.xlsm file/u);
    expect(await entries(folder)).toEqual(["督办台账.xlsm"]);
    const run = taizhang("normalize", input, "-o", join(folder, "out.xlsm"), "--as-of", "2019-12-31");
    expect(run.code).toBe(0);
    const written = unzipSync(new Uint8Array(await readFile(join(folder, "out.xlsm"))));
    expect(written["xl/vbaProject.bin"]).toEqual(unzipSync(bytes)["xl/vbaProject.bin"]);
    expect(new TextDecoder().decode(written["[Content_Types].xml"])).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  });

  it("says which table, filter and print area grew over the columns it added", async () => {
    const folder = await freshDir();
    const input = join(folder, "带表格.xlsx");
    await writeFile(input, producerWorkbook("an Excel table over the ledger"));
    const run = taizhang("normalize", input, "-o", join(folder, "out.xlsx"), "--as-of", "2019-12-31", "--overdue-column", "--ids");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("  随新增的列一并扩大：工作表“整改台账”的表格“整改台账表”（A1:H13）\n");
  });

  it("refuses an output folder it cannot write", async () => {
    const folder = await freshDir();
    // root writes through permission bits; a sysfs folder refuses even root.
    const locked = process.getuid?.() === 0 ? "/sys" : join(folder, "只读");
    if (locked !== "/sys") {
      await mkdir(locked);
      await chmod(locked, 0o555);
    }
    const before = await entries(locked);
    expectRefusal(taizhang("normalize", SAMPLE, "-o", join(locked, "out.xlsx")), /输出文件夹不可写$/mu);
    expectRefusal(taizhang("normalize", SAMPLE, "-o", join(locked, "out.xlsx"), "--lang", "en"), /the output folder is not writable$/mu);
    expect(await entries(locked)).toEqual(before);
  });

  it("refuses an output folder that does not exist, and an output that is no .xlsx", async () => {
    const folder = await freshDir();
    expectRefusal(taizhang("normalize", SAMPLE, "-o", join(folder, "没有", "out.xlsx")), /输出文件夹不存在/u);
    expectRefusal(taizhang("normalize", SAMPLE, "-o", join(folder, "out.xlsm")), /须以 \.xlsx 结尾/u);
    expectRefusal(taizhang("normalize", SAMPLE), /需要用 -o 指定输出文件/u);
    expect(await entries(folder)).toEqual([]);
  });

  it("refuses a workbook without a ledger, and a file that is no workbook", async () => {
    const folder = await freshDir();
    const input = await writeFixture(noLedger, folder);
    const text = join(folder, "说明.xlsx");
    await writeFile(text, "这不是工作簿");
    expectRefusal(taizhang("normalize", input, "-o", join(folder, "out.xlsx")), /没有找到台账/u);
    expectRefusal(taizhang("normalize", text, "-o", join(folder, "out.xlsx")), /不是 Excel 工作簿/u);
    expect(await entries(folder)).toEqual(["no-ledger.xlsx", "说明.xlsx"]);
  });

  it("refuses a mapping file it cannot read, naming the line", async () => {
    const folder = await freshDir();
    const names = join(folder, "names.txt");
    await writeFile(names, "区人民医院 = 娄星区人民医院\n区财政局\n");
    expectRefusal(taizhang("normalize", SAMPLE, "-o", join(folder, "out.xlsx"), "--names", names), /第2行应写作“原名称 = 规范名称”/u);
    expect(await entries(folder)).toEqual(["names.txt"]);
  });
});

describe("normalize on a full disk", () => {
  it.skipIf(process.getuid?.() !== 0)("exits 2 with one line in the user's words, and leaves no half a copy", async () => {
    const full = await mkdtemp(join(tmpdir(), "taizhang-full-"));
    const mount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", full]);
    if (mount.status !== 0) return; // no tmpfs here: nothing to try it on
    try {
      const run = taizhang("normalize", SAMPLE, "-o", join(full, "out.xlsx"), "--as-of", "2019-12-31");
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/磁盘空间不足，未写入任何文件$/u)]);
      expect(spawnSync("ls", ["-A", full], { encoding: "utf8" }).stdout.trim()).toBe("");
    } finally {
      spawnSync("umount", [full]);
    }
  });
});
