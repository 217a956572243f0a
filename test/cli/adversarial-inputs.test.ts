/**
 * What every command does with inputs and outputs that are not plain files on a healthy disk:
 * a pipe or a device named like a workbook, a link that loops, a file or a folder this user may
 * not read, and stdout on a full disk. Each is one line in the user's language and exit 2; none
 * hangs, none prints a stack trace, none stops the other files of a folder from being read.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ledgerParts, sharedStrings, sharedStringsXml, zipParts } from "../analytics/xlsx/hostile-workbooks.js";
import { taizhang } from "../helpers/run-taizhang.js";

const BIN = join(resolve(import.meta.dirname, "../.."), "bin", "taizhang.mjs");
const SAMPLE = join(resolve(import.meta.dirname, "../.."), "samples", "整改台账-示例.xlsx");
const AS_OF = "2019-12-31";
/** Root reads through permission bits: "no permission" is tried as nobody when the tests run as root. */
const AS_NOBODY: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
/**
 * Whether that user can run the command from where the project lies: a clone under a private
 * folder (mktemp -d makes it 0700) cannot be, and there the permission cases have nothing to try.
 */
const NOBODY_CAN_RUN = spawnSync(process.execPath, ["-e", `require("node:fs").accessSync(${JSON.stringify(BIN)}, 4)`], AS_NOBODY).status === 0;

function run(args: readonly string[], options: SpawnSyncOptions = {}): { code: number | null; stdout: string; stderr: string } {
  const done = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 20_000, env: { ...process.env, NO_COLOR: "1", TAIZHANG_DEBUG: "" }, ...options });
  return { code: done.status, stdout: String(done.stdout ?? ""), stderr: String(done.stderr ?? "") };
}

function expectOneLine(result: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr.trim().split("\n"), result.stderr).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at |内部错误|internal error/u);
}

let dir = "";
/** Last month's and this month's ledger, for diff: the same tasks, some statuses moved on. */
let lastMonth = "";
let thisMonth = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "taizhang-inputs-"));
  chmodSync(dir, 0o755); // readable by nobody, for the permission cases
  lastMonth = join(dir, "整改台账-上月.xlsx");
  thisMonth = join(dir, "整改台账-本月.xlsx");
  writeFileSync(lastMonth, zipParts(ledgerParts()));
  writeFileSync(thisMonth, zipParts(ledgerParts({ "xl/sharedStrings.xml": sharedStringsXml(sharedStrings().map((s) => (s === "正在推进" ? "已完成" : s))) })));
});

describe("a file that is not a regular file", () => {
  it("refuses a named pipe at once instead of waiting for a writer that never comes", () => {
    const fifo = join(dir, "管道 台账.xlsx");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    for (const command of [["check", fifo], ["diff", SAMPLE, fifo], ["notices", fifo, "-o", join(dir, "notices-fifo")]]) {
      expectOneLine(run([...command, "--as-of", AS_OF]), /管道 台账\.xlsx: 不是 Excel 工作簿（\.xlsx）：这不是普通文件（是管道、设备或套接字）/u);
    }
    expectOneLine(run(["normalize", fifo, "-o", join(dir, "out.xlsx"), "--as-of", AS_OF, "--lang", "en"]), /not a regular file \(a pipe, a device or a socket\)/u);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
  });

  it("refuses a device that never ends (/dev/zero) instead of filling memory", () => {
    expectOneLine(run(["check", "/dev/zero", "--as-of", AS_OF]), /\/dev\/zero: .*不是普通文件/u);
  });

  it("says a link that points at itself loops, not that the file is missing", () => {
    const loop = join(dir, "环.xlsx");
    symlinkSync(loop, loop);
    expectOneLine(run(["check", loop, "--as-of", AS_OF]), /环\.xlsx: 无法读取文件：快捷方式（符号链接）指向自己，形成了循环/u);
  });
});

describe("a file or folder this user may not read", () => {
  it.skipIf(!NOBODY_CAN_RUN)("says the file cannot be read, not that it is missing", () => {
    const locked = join(dir, "锁定.xlsx");
    copyFileSync(SAMPLE, locked);
    chmodSync(locked, 0o000);
    const result = run(["check", locked, "--as-of", AS_OF], AS_NOBODY);
    expectOneLine(result, /锁定\.xlsx: 无法读取文件：没有读取权限/u);
    expect(result.stderr).not.toContain("找不到");
  });

  it.skipIf(!NOBODY_CAN_RUN)("report names a locked folder inside the submissions, counts the rest and exits 2", () => {
    const submissions = join(dir, "报送");
    mkdirSync(join(submissions, "区财政局"), { recursive: true });
    mkdirSync(join(submissions, "区教育局"), { recursive: true });
    copyFileSync(SAMPLE, join(submissions, "区财政局", "台账.xlsx"));
    copyFileSync(SAMPLE, join(submissions, "区教育局", "台账.xlsx"));
    chmodSync(submissions, 0o755);
    chmodSync(join(submissions, "区财政局"), 0o755);
    chmodSync(join(submissions, "区财政局", "台账.xlsx"), 0o644);
    chmodSync(join(submissions, "区教育局"), 0o000);
    const out = join(dir, "报告");
    mkdirSync(out);
    chmodSync(out, 0o777);
    const result = run(["report", submissions, "-o", out, "--as-of", AS_OF], AS_NOBODY);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([`taizhang: ${join(submissions, "区教育局")}: 无法打开这个文件夹（没有读取权限），其中的台账未计入`]);
    // The readable unit is counted, and the page names the one that was not.
    expect(result.stdout).toContain("事项总数 15");
    expect(existsSync(join(out, "report.html"))).toBe(true);
  });
});

describe("an output the file system will not take", () => {
  it("report and notices refuse a folder that cannot be made (/proc/…) in one line, where mkdir -p never returned", () => {
    expectOneLine(run(["report", SAMPLE, "-o", "/proc/台账报告", "--as-of", AS_OF]), /\/proc\/台账报告: 无法写入这个文件夹/u);
    expectOneLine(run(["notices", SAMPLE, "-o", "/proc/督办", "--as-of", AS_OF, "--lang", "en"]), /\/proc\/督办: cannot write to this folder/u);
  });

  it("diff says -o names a folder, or a folder it cannot write, instead of an internal error", () => {
    const folder = join(dir, "比较.xlsx");
    mkdirSync(folder);
    expectOneLine(run(["diff", lastMonth, thisMonth, "-o", folder, "--as-of", AS_OF]), /比较\.xlsx: 这是一个文件夹，请给出文件名/u);
    expectOneLine(run(["diff", lastMonth, thisMonth, "-o", "/proc/比较.html", "--as-of", AS_OF]), /\/proc: 输出文件夹不可写/u);
  });

  it("makes the missing folders of a deep output path", () => {
    const deep = join(dir, "二〇一九年", "十二月", "报告");
    const result = run(["report", SAMPLE, "-o", deep, "--as-of", AS_OF]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(deep, "report.html"))).toBe(true);
  });
});

describe("a command interrupted while it writes", () => {
  const helper = join(resolve(import.meta.dirname, ".."), "helpers", "interrupted-write.ts");
  const tsx = join(resolve(import.meta.dirname, "../.."), "node_modules", ".bin", "tsx");

  it("removes the temporary file it was writing and ends with 130, as Ctrl+C asks", () => {
    const temp = join(dir, ".整改台账.xlsx.0a1b2c.tmp");
    const interrupted = spawnSync(tsx, [helper, temp, "during"], { encoding: "utf8", timeout: 20_000 });
    expect(interrupted.status, interrupted.stderr).toBe(130);
    expect(existsSync(temp)).toBe(false);
  });

  it("leaves Ctrl+C to Node once nothing is being written, so reading a large workbook stops at once", () => {
    const written = join(dir, "已写完.xlsx");
    const interrupted = spawnSync(tsx, [helper, written, "after"], { encoding: "utf8", timeout: 20_000 });
    expect(interrupted.signal ?? interrupted.status).not.toBe(0);
    expect(existsSync(written)).toBe(true);
  });
});

describe("stdout that cannot be written", () => {
  // The arguments are made when the test runs, after the two months' files are written.
  it.each([
    ["check", (): string[] => ["check", SAMPLE, "--as-of", AS_OF]],
    ["check --json", (): string[] => ["check", SAMPLE, "--as-of", AS_OF, "--json"]],
    ["diff", (): string[] => ["diff", lastMonth, thisMonth, "--as-of", AS_OF]],
  ])("%s > /dev/full: one line on stderr and exit 2, no stack trace", (_name, argsOf) => {
    const args = argsOf();
    const full = openSync("/dev/full", "w");
    try {
      const zh = run(args, { stdio: ["ignore", full, "pipe"] });
      expectOneLine(zh, /^taizhang: 无法写出结果：磁盘空间不足$/mu);
      const en = run([...args, "--lang", "en"], { stdio: ["ignore", full, "pipe"] });
      expectOneLine(en, /^taizhang: the output cannot be written: the disk is full$/mu);
    } finally {
      closeSync(full);
    }
  });

  it("still ends quietly when the reader of a pipe goes away (check | head)", () => {
    const piped = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" check "${SAMPLE}" "${SAMPLE}" "${SAMPLE}" --as-of ${AS_OF} --all | head -1`], { encoding: "utf8" });
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe("");
    expect(taizhang("check", SAMPLE, "--as-of", AS_OF).code).toBe(0);
  });
});
