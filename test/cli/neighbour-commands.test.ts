/**
 * Every command on the second adversarial set (test/analytics/xlsx/adversarial-neighbours.ts),
 * as a clerk runs it: a workbook the reader reads gives the ledger's 15 tasks; one it refuses,
 * or one that holds no ledger, exits 2 with one line and no stack trace, from every command; and
 * normalize writes a copy holding the same ledger, the input untouched. What normalize's patch
 * still gets wrong is listed below, reproduced in the notes for the patch's owner, and expected
 * to fail until it is fixed.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../analytics/ledger.js";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { neighbourCases, pastTheCellBudget, type NeighbourCase } from "../analytics/xlsx/adversarial-neighbours.js";
import { MAX_BOOK_CELLS } from "../../analytics/xlsx/read-budget.js";
import { LEDGER } from "../analytics/xlsx/hostile-workbooks.js";
import { taizhang } from "../helpers/run-taizhang.js";

const AS_OF = "2019-12-31";
const cases = Object.entries(neighbourCases());
const read = cases.filter(([, c]) => c.expect.kind === "ledger" || c.expect.kind === "cells");
/** Other formats under a spreadsheet's name (a web page, Excel 2003 XML): read by every command but normalize. */
const otherFormats = cases.filter(([, c]) => c.expect.kind === "other-format");
const refused = cases.filter(([, c]) => c.expect.kind === "refused" || c.expect.kind === "no-ledger");
const TASKS = LEDGER.slice(1).map((row) => row[1]);
/** Cases check reads but normalize refuses, by design: a sheet out of order cannot be patched cell by cell. */
const NORMALIZE_REFUSES = new Set(["xml-rows-descending-cells-reversed"]);

let dir = "";
const files = new Map<string, string>();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-neighbours-"));
  for (const [name, { bytes }] of cases) {
    const file = join(dir, `${name}.xlsx`);
    await writeFile(file, bytes);
    files.set(name, file);
  }
});

interface LedgerJson {
  readonly file: string;
  readonly sheet: string;
  readonly summary: { readonly total: number; readonly completed: number };
  readonly items: readonly { readonly task: string | null }[];
}

const sheetOf = (c: NeighbourCase): string | undefined => (c.expect.kind === "ledger" || c.expect.kind === "cells" ? (c.expect.sheet ?? c.fifteenItemsOn ?? "整改台账") : undefined);

function expectOneLine(run: { code: number | null; stderr: string }, name: string): void {
  expect(run.code, `${name}: ${run.stderr}`).toBe(2);
  expect(run.stderr.trim().split("\n"), name).toHaveLength(1);
  expect(run.stderr, name).toMatch(/^taizhang: .*(损坏|不是|密码|没有找到台账|旧版|大得不合理)/u);
  expect(run.stderr, name).not.toMatch(/\n\s+at |内部错误/u);
}

describe("taizhang check on the adversarial neighbours", () => {
  const checked = new Map<string, LedgerJson[]>();
  beforeAll(() => {
    const run = taizhang("check", ...read.map(([name]) => files.get(name)!), "--as-of", AS_OF, "--json");
    expect(run.code, run.stderr).toBe(0);
    const parsed = JSON.parse(run.stdout) as LedgerJson | LedgerJson[];
    for (const ledger of Array.isArray(parsed) ? parsed : [parsed]) {
      const name = ledger.file.replace(/\.xlsx$/u, "");
      checked.set(name, [...(checked.get(name) ?? []), ledger]);
    }
  }, 120_000);

  it.each(read)("%s: the 15 tasks, as the cells say them", (name, c) => {
    const ledger = checked.get(name)?.find((l) => l.sheet === sheetOf(c));
    expect(ledger, name).toBeDefined();
    if (c.expect.kind === "ledger" || c.fifteenItemsOn !== undefined) {
      expect(ledger!.summary, name).toMatchObject({ total: 15, completed: 4 });
      expect(ledger!.items.map((i) => i.task), name).toEqual(TASKS);
    }
  });

  it.each(refused)("%s: check, diff, notices and normalize each exit 2 with one line", async (name) => {
    const file = files.get(name)!;
    expectOneLine(taizhang("check", file, "--as-of", AS_OF), name);
    expectOneLine(taizhang("diff", files.get("zip-end-record-names-a-second-disk")!, file, "--as-of", AS_OF), name);
    expectOneLine(taizhang("notices", file, "-o", join(dir, `${name}.notices`), "--as-of", AS_OF), name);
    const output = join(dir, `${name}.refused.xlsx`);
    expectOneLine(taizhang("normalize", file, "-o", output, "--as-of", AS_OF), name);
    await expect(readFile(output)).rejects.toThrow(/ENOENT/u);
  });

  it("says each refusal in English with --lang en, with no Chinese words of its own", () => {
    const run = taizhang("check", ...refused.map(([name]) => files.get(name)!), "--as-of", AS_OF, "--lang", "en");
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(refused.length);
    // File and sheet names are the clerk's; every other word is English.
    for (const line of lines) expect(line.replace(/[^\s:]*\.xlsx|“[^”]*”/gu, "")).not.toMatch(/[\u4e00-\u9fff]/u);
  });
});

describe("other formats under a spreadsheet's name", () => {
  it.each(otherFormats)("%s: check reads the 15 tasks; normalize refuses it in one line, saying what it is", async (name, c) => {
    const file = files.get(name)!;
    const run = taizhang("check", file, "--as-of", AS_OF, "--json");
    expect(run.code, run.stderr).toBe(0);
    const ledger = JSON.parse(run.stdout) as LedgerJson;
    expect(ledger.sheet).toBe(c.expect.kind === "other-format" ? (c.expect.sheet ?? name) : undefined);
    expect(ledger.summary).toMatchObject({ total: 15, completed: 4 });
    expect(ledger.items.map((i) => i.task)).toEqual(TASKS);
    const output = join(dir, `${name}.normalized.xlsx`);
    const refusedRun = taizhang("normalize", file, "-o", output, "--as-of", AS_OF);
    expectOneLine(refusedRun, name);
    expect(refusedRun.stderr).toMatch(c.expect.kind === "other-format" ? c.expect.saying : /^$/u);
    expect(refusedRun.stderr).toMatch(/另存为”\.xlsx/u);
    await expect(readFile(output)).rejects.toThrow(/ENOENT/u);
  });
});

async function sha(path: string): Promise<string> {
  return createHash("sha256").update(await readFile(path)).digest("hex");
}

/** normalize on one case: exit 0, the input untouched, and the copy holding the same ledger by the same reader. */
async function expectNormalized(name: string, c: NeighbourCase): Promise<void> {
  const input = files.get(name)!;
  const before = await sha(input);
  const output = join(dir, `${name}.normalized.xlsx`);
  const run = taizhang("normalize", input, "-o", output, "--as-of", AS_OF, "--overdue-column", "--ids");
  expect(run.code, `${name}: ${run.stderr}`).toBe(0);
  expect(await sha(input)).toBe(before);
  const { ledgers } = analyzeWorkbook(readWorkbook(new Uint8Array(await readFile(output)), { source: name }), { asOf: AS_OF, baseYear: null, lang: "zh" });
  const ledger = ledgers.find((l) => l.sheet.name === sheetOf(c));
  expect(ledger, name).toBeDefined();
  if (c.expect.kind === "ledger" || c.fifteenItemsOn !== undefined) expect(ledger!.summary, name).toMatchObject({ total: 15, completed: 4 });
}

describe("taizhang normalize on the adversarial neighbours", () => {
  it.each(read.filter(([name]) => !NORMALIZE_REFUSES.has(name)))("%s: a copy with the same ledger, the input untouched", async (name, c) => {
    await expectNormalized(name, c);
  });

  // Rows or cells out of order: no Excel or WPS writes them, and a patch that changes only some cells
  // cannot keep them in the order the schema requires; the clerk is told to save the file once.
  it.each(read.filter(([name]) => NORMALIZE_REFUSES.has(name)))("%s: normalize refuses in one line and writes nothing", async (name) => {
    const input = files.get(name)!;
    const before = await sha(input);
    const output = join(dir, `${name}.refused.xlsx`);
    const run = taizhang("normalize", input, "-o", output, "--as-of", AS_OF, "--overdue-column", "--ids");
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^taizhang: .*未按顺序排列.*保存一次后再试$/u)]);
    expect(await sha(input)).toBe(before);
    await expect(readFile(output)).rejects.toThrow(/ENOENT/u);
  });
});

describe("a workbook past the read budget", () => {
  it("is refused in one line, zh and en, once it holds one cell more than any ledger could", async () => {
    const file = join(dir, "超出读取上限.xlsx");
    await writeFile(file, pastTheCellBudget(MAX_BOOK_CELLS));
    const zh = taizhang("check", file, "--as-of", AS_OF);
    expect(zh.code, zh.stderr).toBe(2);
    expect(zh.stderr.trim().split("\n")).toEqual([`taizhang: ${file}: 文件大得不合理，已拒绝读取：单元格超过 ${MAX_BOOK_CELLS} 个，远超任何台账的规模，已停止读取；请删去与台账无关的工作表后再试`]);
    const en = taizhang("check", file, "--as-of", AS_OF, "--lang", "en");
    expect(en.stderr).toContain(`more than ${MAX_BOOK_CELLS} cells, far beyond any ledger`);
  });
});

describe("report on the adversarial neighbours", () => {
  it("reads every readable one in one report and names every refused one once, exit 2", () => {
    const run = taizhang("report", ...cases.map(([name]) => files.get(name)!), "-o", join(dir, "report"), "--as-of", AS_OF);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at |内部错误/u);
    for (const [name] of refused) expect(run.stderr.split("\n").filter((line) => line.includes(`${name}.xlsx`)), name).toHaveLength(1);
    for (const [name] of read) expect(run.stderr, name).not.toContain(`${name}.xlsx`);
  });
});
