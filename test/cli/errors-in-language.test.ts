/**
 * Each way the command line refuses its input, said in the language asked for: the same one line
 * on stderr in Chinese (the default) and with --lang en in English, exit 2, nothing else printed.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeFixture } from "../fixtures/build.js";
import { noLedger } from "../fixtures/ledgers.js";
import { taizhang as runTaizhang } from "../helpers/run-taizhang.js";

const root = resolve(import.meta.dirname, "../..");
const SAMPLE = join(root, "samples", "整改台账-示例.xlsx");

const taizhang = (args: readonly string[]) => runTaizhang(...args);

let dir: string;
const paths: Record<string, string> = {};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-errors-"));
  paths.text = join(dir, "notes.xlsx");
  await writeFile(paths.text, "这不是表格");
  paths.zero = join(dir, "zero.xlsx");
  await writeFile(paths.zero, "");
  paths.noLedger = await writeFixture(noLedger, dir);
  paths.emptyFolder = join(dir, "空文件夹");
  await mkdir(paths.emptyFolder);
  paths.badNames = join(dir, "names.txt");
  await writeFile(paths.badNames, "区人民医院 = 娄星区人民医院\n区财政局\n");
  paths.badRules = join(dir, "rules.json");
  await writeFile(paths.badRules, '{"behindPoint": 5}');
});

/** [what, arguments, the Chinese line, the English line]; {dir} stands for the test's folder. */
const CASES: ReadonlyArray<[string, () => string[], string, string]> = [
  ["a missing file", () => ["check", join(dir, "nope.xlsx")], "{dir}/nope.xlsx: 找不到文件", "{dir}/nope.xlsx: file not found"],
  ["a text file", () => ["check", paths.text!], "{dir}/notes.xlsx: 不是 Excel 工作簿（.xlsx）", "{dir}/notes.xlsx: not an Excel workbook (.xlsx)"],
  [
    "a file of 0 bytes",
    () => ["check", paths.zero!],
    "{dir}/zero.xlsx: 不是 Excel 工作簿（.xlsx）：文件是空的，0 字节",
    "{dir}/zero.xlsx: not an Excel workbook (.xlsx): the file is 0 bytes",
  ],
  [
    "a workbook without a ledger",
    () => ["check", paths.noLedger!],
    `{dir}/${noLedger.file}: 没有找到台账（需要“问题/任务”“责任单位/责任人”“完成时限”“完成情况”等表头）`,
    `{dir}/${noLedger.file}: no ledger found (no sheet has headers such as task, unit or owner, deadline and status)`,
  ],
  ["a sheet that is not there", () => ["check", SAMPLE, "--sheet", "汇总"], "没有名为“汇总”的工作表，现有 “整改任务清单”", "no sheet named “汇总”; the sheets are “整改任务清单”"],
  ["a bad --due-soon-days", () => ["check", SAMPLE, "--due-soon-days", "七"], "--due-soon-days 需要 0–999 的整数，收到“七”", "--due-soon-days takes a whole number of days from 0 to 999, not “七”"],
  ["normalize without -o", () => ["normalize", SAMPLE], "需要用 -o 指定输出文件", "-o OUT.xlsx is required"],
  ["normalize to a .txt", () => ["normalize", SAMPLE, "-o", join(dir, "out.txt")], "输出文件须以 .xlsx 结尾，收到“{dir}/out.txt”", "-o must name an .xlsx file, not “{dir}/out.txt”"],
  [
    "a names file with an unreadable line",
    () => ["normalize", SAMPLE, "-o", join(dir, "out.xlsx"), "--names", paths.badNames!],
    "{dir}/names.txt: 第2行应写作“原名称 = 规范名称”，收到“区财政局”",
    "{dir}/names.txt: line 2: write “variant = canonical”, not “区财政局”",
  ],
  ["a report from a folder without workbooks", () => ["report", paths.emptyFolder!, "-o", join(dir, "报告")], "{dir}/空文件夹: 文件夹里没有 .xlsx 工作簿", "{dir}/空文件夹: no .xlsx workbooks in this folder"],
  [
    "a rules file with an unknown setting",
    () => ["report", SAMPLE, "-o", join(dir, "报告"), "--rules", paths.badRules!],
    "规则文件 {dir}/rules.json 有误：不认识的设置“behindPoint”",
    "the rules file {dir}/rules.json is not valid: unknown setting “behindPoint”",
  ],
  ["diff to a .pdf", () => ["diff", SAMPLE, SAMPLE, "-o", "changes.pdf"], "-o 只能写 .xlsx 或 .html 文件，收到“changes.pdf”", "-o writes an .xlsx or .html file, not “changes.pdf”"],
];

describe("a refusal in the user's language", () => {
  it.each(CASES)("%s", (_what, args, zh, en) => {
    for (const [extra, expected] of [[[], zh], [["--lang", "en"], en]] as const) {
      const run = taizhang([...args(), ...extra]);
      expect(run.code, run.stderr).toBe(2);
      const lines = run.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith("taizhang: ")).toBe(true);
      expect(lines[0]).toContain(expected.replaceAll("{dir}", dir));
    }
  });
});
