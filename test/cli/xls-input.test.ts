/**
 * A legacy .xls as the clerk hands it to the command line: the bundled sample written as .xls
 * (by the tests' BIFF8 writer, and by LibreOffice) gives `check` the very report the .xlsx
 * gives, apart from the file's name; `diff`, `report` and a folder of submissions take it
 * alike; `normalize`, which patches an .xlsx's own parts, refuses it with one line saying to
 * save it as .xlsx first, and writes nothing.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { writeXls } from "../analytics/xls/biff8-writer.js";
import { taizhang } from "../helpers/run-taizhang.js";
import { sofficePath } from "../xlsx-patch/libreoffice.js";

const root = resolve(import.meta.dirname, "../..");
const SAMPLE = join(root, "samples", "整改台账-示例.xlsx");
const AS_OF = "2019-12-31";

let dir = "";
let written = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-xls-"));
  const model = readWorkbook(await readFile(SAMPLE), { source: "整改台账-示例.xlsx" });
  written = join(dir, "整改台账-示例.xls");
  await writeFile(written, writeXls(model, { sstPiece: 512, rk: true }));
});

/** check --json of a file, its file name set aside. */
function report(file: string, ...args: string[]): unknown {
  const run = taizhang("check", file, "--as-of", AS_OF, "--json", ...args);
  expect(run.code, run.stderr).toBe(0);
  return { ...(JSON.parse(run.stdout) as object), file: undefined };
}

describe("taizhang check on an .xls", () => {
  it("gives the .xlsx's report, written by the BIFF8 writer", () => {
    expect(report(written)).toEqual(report(SAMPLE));
    const text = taizhang("check", written, "--as-of", AS_OF, "--lang", "en");
    expect(text.stdout.replace("整改台账-示例.xls", "")).toBe(taizhang("check", SAMPLE, "--as-of", AS_OF, "--lang", "en").stdout.replace("整改台账-示例.xlsx", ""));
  });

  it.skipIf(sofficePath() === null)("gives the .xlsx's report, converted by LibreOffice", async () => {
    const out = join(dir, "libreoffice");
    await mkdir(out, { recursive: true });
    execFileSync(sofficePath()!, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "xls", "--outdir", out, SAMPLE], { stdio: "pipe", timeout: 120_000 });
    expect(report(join(out, "整改台账-示例.xls"))).toEqual(report(SAMPLE));
  }, 130_000);

});

describe("the other commands on an .xls", () => {
  it("diff finds nothing changed between the .xls and the .xlsx of one ledger", () => {
    const run = taizhang("diff", written, SAMPLE, "--as-of", AS_OF, "--old-as-of", AS_OF, "--json");
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout) as { changes: unknown[]; units: { totalDelta: number; completedDelta: number; overdueDelta: number }[] };
    expect(diff.changes).toEqual([]);
    expect(diff.units.length).toBeGreaterThan(5);
    for (const unit of diff.units) expect([unit.totalDelta, unit.completedDelta, unit.overdueDelta]).toEqual([0, 0, 0]);
  });

  it("report finds an .xls in a folder of submissions and counts it", async () => {
    const folder = join(dir, "submissions");
    await mkdir(folder, { recursive: true });
    await copyFile(written, join(folder, "娄星区.xls"));
    const run = taizhang("report", folder, "-o", join(dir, "report-out"), "--as-of", AS_OF);
    expect(run.code, run.stderr).toBe(0);
    expect(await readdir(join(dir, "report-out"))).toContain("summary.xlsx");
    expect(run.stdout + run.stderr).not.toMatch(/无法读取|损坏/u);
  }, 60_000);
});

describe("taizhang normalize on an .xls", () => {
  it("refuses it in one line, in the user's language, saying to save it as .xlsx first, and writes nothing", () => {
    const out = join(dir, "规范.xlsx");
    const zh = taizhang("normalize", written, "-o", out, "--as-of", AS_OF);
    expect(zh.code).toBe(2);
    expect(zh.stderr.trim().split("\n")).toEqual([`taizhang: ${written}: 这是旧版 .xls 文件，规范化只能改写 .xlsx：请在 Excel 或 WPS 中“另存为”.xlsx，再对新文件规范化（检查、报告、比对可以直接读 .xls）`]);
    const en = taizhang("normalize", written, "-o", out, "--lang", "en");
    expect(en.stderr).toMatch(/normalize writes only \.xlsx: save it as \.xlsx in Excel or WPS, then normalize that/u);
    expect(existsSync(out)).toBe(false);
  });
});
