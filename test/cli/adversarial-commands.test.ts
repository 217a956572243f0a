/**
 * Every command on the adversarial workbooks (test/analytics/xlsx/adversarial-workbooks.ts), as a
 * clerk runs it: a workbook the reader must read gives the ledger's 15 tasks as the cells say
 * them; one it must refuse exits 2 with one line and no stack trace, from every command; and
 * normalize writes a copy that holds the same ledger, keeps every part it does not rewrite byte
 * for byte, and leaves the input as it was.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../analytics/ledger.js";
import { XlsxPackage } from "../../analytics/xlsx/package.js";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { adversarialCases, type AdversarialCase } from "../analytics/xlsx/adversarial-workbooks.js";
import { LEDGER } from "../analytics/xlsx/hostile-workbooks.js";
import { taizhang } from "../helpers/run-taizhang.js";

const AS_OF = "2019-12-31";
const cases = Object.entries(adversarialCases());
const read = cases.filter(([, c]) => c.expect.kind !== "refused");
const refused = cases.filter(([, c]) => c.expect.kind === "refused");
/** The tasks of LEDGER, as the report lists them. */
const TASKS = LEDGER.slice(1).map((row) => row[1]);

/** Parts normalize rewrites or adds; every other part of the package must come out as it went in. */
const REWRITTEN = /^(?:\[content_types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml|xl\/worksheets\/_rels\/[^/]+\.rels)$/u;

let dir = "";
const files = new Map<string, string>();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-adversarial-"));
  for (const [name, { bytes }] of cases) {
    const file = join(dir, `${name}.xlsx`);
    await writeFile(file, bytes);
    files.set(name, file);
  }
}, 120_000);

interface LedgerJson {
  readonly file: string;
  readonly sheet: string;
  readonly summary: { readonly total: number; readonly completed: number };
  readonly items: readonly { readonly task: string | null }[];
}

function ledgersOf(stdout: string): LedgerJson[] {
  const parsed = JSON.parse(stdout) as LedgerJson | LedgerJson[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

function expectRefusedInOneLine(run: { code: number | null; stderr: string }, name: string): void {
  expect(run.code, `${name}: ${run.stderr}`).toBe(2);
  const lines = run.stderr.trim().split("\n");
  expect(lines, name).toHaveLength(1);
  expect(lines[0], name).toMatch(/^taizhang: .*(损坏|不是|拒绝|过大|重叠)/u);
  expect(run.stderr, name).not.toMatch(/\n\s+at |内部错误/u);
}

/** Parses a part as namespaced XML, throwing on an unbound prefix or any other fault. */
function namespacedXml(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml).close();
}

function sha(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function expectTheLedger(ledger: LedgerJson | undefined, name: string, c: AdversarialCase): void {
  expect(ledger, name).toBeDefined();
  if (c.expect.kind !== "ledger") return;
  expect(ledger!.summary, name).toMatchObject({ total: 15, completed: 4 });
  expect(ledger!.items.map((i) => i.task), name).toEqual(TASKS);
}

describe("taizhang check on adversarial workbooks", () => {
  // One run over every file, as a clerk checks a folder of submissions: a report per ledger.
  const checked = new Map<string, LedgerJson[]>();
  let refusedRun: { code: number | null; stderr: string } = { code: null, stderr: "" };
  beforeAll(() => {
    const run = taizhang("check", ...read.map(([name]) => files.get(name)!), "--as-of", AS_OF, "--json");
    expect(run.code, run.stderr).toBe(0);
    for (const ledger of ledgersOf(run.stdout)) {
      const name = ledger.file.replace(/\.xlsx$/u, "");
      checked.set(name, [...(checked.get(name) ?? []), ledger]);
    }
    refusedRun = taizhang("check", ...refused.map(([name]) => files.get(name)!), "--as-of", AS_OF);
  }, 300_000);

  it.each(read)("%s: read as its cells say", (name, c) => {
    const sheet = c.expect.kind === "refused" ? undefined : (c.expect.sheet ?? "整改台账");
    expectTheLedger(checked.get(name)?.find((l) => l.sheet === sheet), name, c);
  });

  it.each(refused)("%s: refused with exit 2 and one line", (name) => {
    expect(refusedRun.code).toBe(2);
    const lines = refusedRun.stderr.trim().split("\n").filter((line) => line.includes(`${name}.xlsx`));
    expect(lines, name).toHaveLength(1);
    expect(lines[0], name).toMatch(/^taizhang: .*(损坏|不是|拒绝|过大|重叠)/u);
  });

  it("refuses without a stack trace or an internal error", () => {
    expect(refusedRun.stderr).not.toMatch(/\n\s+at |内部错误/u);
    expect(refusedRun.stderr.trim().split("\n")).toHaveLength(refused.length);
  });

  it("counts a ledger once when hidden copies of it lie beside it, and names the copies", () => {
    expect(checked.get("structure-hidden-and-very-hidden-copies")?.map((l) => l.sheet)).toEqual(["整改台账"]);
    const text = taizhang("check", files.get("structure-hidden-and-very-hidden-copies")!, "--as-of", AS_OF, "--lang", "en");
    expect(text.code).toBe(0);
    // No combined total: one ledger was counted, not three.
    expect(text.stdout).not.toContain("═");
    expect(text.stderr).toContain("the hidden sheet “整改台账(旧)” is not counted");
    expect(text.stderr).toContain("the hidden sheet “底稿” is not counted");
  });
});

/**
 * normalize run on one case: exit 0, the input untouched, every part the patch does not rewrite
 * as it was, what it rewrites namespace-well-formed XML, and the copy holding the same ledger.
 */
async function expectNormalizedCopy(name: string, c: AdversarialCase, options: readonly string[]): Promise<void> {
  const input = files.get(name)!;
  const before = sha(await readFile(input));
  const output = join(dir, `${name}.normalized.xlsx`);
  const run = taizhang("normalize", input, "-o", output, "--as-of", AS_OF, ...options);
  expect(run.code, `${name}: ${run.stderr}`).toBe(0);
  expect(sha(await readFile(input)), "the input is never written").toBe(before);

  const inPkg = XlsxPackage.open(await readFile(input));
  const outPkg = XlsxPackage.open(new Uint8Array(await readFile(output)));
  for (const [part, entry] of inPkg.entries) {
    if (entry.name.endsWith("/")) continue;
    expect(outPkg.has(part), `${name}: ${part} kept`).toBe(true);
    if (!REWRITTEN.test(part)) expect(outPkg.textOf(part), `${name}: ${part} unchanged`).toBe(inPkg.textOf(part));
  }
  // What the patch writes must be XML with every prefix bound, or Excel and LibreOffice refuse the file.
  for (const [part, entry] of outPkg.entries) {
    if (REWRITTEN.test(part) && entry.unpackedSize > 0) expect(() => namespacedXml(outPkg.textOf(part)!), `${name}: ${part}`).not.toThrow();
  }

  // The copy holds the ledger it was made from, read by the same reader.
  const sheet = c.expect.kind === "refused" ? undefined : (c.expect.sheet ?? "整改台账");
  const { ledgers } = analyzeWorkbook(readWorkbook(new Uint8Array(await readFile(output)), { source: name }), { asOf: AS_OF, baseYear: null, lang: "zh" });
  const ledger = ledgers.find((l) => l.sheet.name === sheet);
  expect(ledger, name).toBeDefined();
  if (c.expect.kind === "ledger") expect(ledger!.summary, name).toMatchObject({ total: 15, completed: 4 });
}

describe("taizhang normalize on adversarial workbooks", () => {
  it.each(read)("%s: a copy with the same ledger, every other part as it was, the input untouched", async (name, c) => {
    await expectNormalizedCopy(name, c, ["--overdue-column", "--ids"]);
  });

  it.each(refused)("%s: refused with exit 2 and one line, nothing written", async (name) => {
    const output = join(dir, `${name}.refused.xlsx`);
    expectRefusedInOneLine(taizhang("normalize", files.get(name)!, "-o", output, "--as-of", AS_OF), name);
    await expect(readFile(output)).rejects.toThrow(/ENOENT/u);
  });
});

describe("report, diff and notices on adversarial workbooks", () => {
  // One of each family: the others share their reader with check, tested above on every case.
  const sample = ["zip-data-descriptors", "xml-x-prefix-on-every-element", "writer-wps", "structure-many-sheets", "structure-hidden-and-very-hidden-copies", "size-full-row-merges"];

  it.each(sample)("%s: report, diff against the plain ledger and notices all read the 15 tasks", (name) => {
    const file = files.get(name)!;
    const report = taizhang("report", file, "-o", join(dir, `${name}.report`), "--as-of", AS_OF);
    expect(report.code, `${name}: ${report.stderr}`).toBe(0);
    const diff = taizhang("diff", files.get("zip-stored-not-deflated")!, file, "--as-of", AS_OF, "--json");
    expect(diff.code, `${name}: ${diff.stderr}`).toBe(0);
    const changes = (JSON.parse(diff.stdout) as { changes: { kind: string }[] }).changes;
    expect(changes.filter((c) => c.kind === "added" || c.kind === "removed"), name).toEqual([]);
    const notices = taizhang("notices", file, "-o", join(dir, `${name}.notices`), "--as-of", AS_OF);
    expect(notices.code, `${name}: ${notices.stderr}`).toBe(0);
  });

  it("report names every refused workbook once and exits 2", () => {
    const run = taizhang("report", files.get("zip-stored-not-deflated")!, ...refused.map(([name]) => files.get(name)!), "-o", join(dir, "refused.report"), "--as-of", AS_OF);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at |内部错误/u);
    for (const [name] of refused) expect(run.stderr.split("\n").filter((line) => line.includes(`${name}.xlsx`)), name).toHaveLength(1);
  });

  it.each(refused)("%s: diff and notices refuse it with exit 2 and one line", (name) => {
    const file = files.get(name)!;
    expectRefusedInOneLine(taizhang("diff", files.get("zip-stored-not-deflated")!, file, "--as-of", AS_OF), name);
    expectRefusedInOneLine(taizhang("notices", file, "-o", join(dir, `${name}.notices`), "--as-of", AS_OF), name);
  });
});
