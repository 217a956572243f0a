/**
 * normalize loses nothing: for every workbook of the tests (the fixtures, the sample, the hard
 * cases, the crafted workbooks with what exceljs does not model, and files LibreOffice wrote),
 * every part the patch does not list as rewritten is in the output as it was stored, byte for
 * byte; the rewritten parts are only the edited sheets, styles, and the log with its workbook,
 * relationship and content-type entries; inside a rewritten sheet every element the patch does
 * not own is as it was; every sheet written follows CT_Worksheet's element order; and
 * normalizing the output again changes nothing.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { normalizePartName, XlsxPackage } from "../../analytics/xlsx/package.js";
import { parseWorkbookPart } from "../../analytics/xlsx/workbook-part.js";
import { workbookPaths } from "../../xlsx-patch/apply-plan-to-xlsx.js";
import { inWorksheetOrder, topElements } from "../../xlsx-patch/worksheet-order.js";
import { storedEntries } from "../../xlsx-patch/zip-out.js";
import { fixtureBytes } from "../fixtures/build.js";
import { rectification15 } from "../fixtures/ledgers.js";
import { HARD_AS_OF, hardCaseBytes } from "../analytics/normalize/hard-cases.js";
import { convertToCsv, sofficePath } from "./libreoffice.js";
import { LEDGER_FIXTURES, normalizeBytes, type Normalized, type Options } from "./normalized.js";
import { zlibCompressor } from "../../cli/zlib-compressor.js";
import { craftedWorkbooks } from "./crafted.js";

const root = resolve(import.meta.dirname, "../..");
const soffice = sofficePath();

interface Case {
  readonly name: string;
  readonly input: Uint8Array;
  readonly asOf: string;
  readonly options: Options;
  readonly forCalc: boolean;
}

const cases: Case[] = [];
const results = new Map<string, Normalized>();
let dir = "";

/** The package's text parts by lower-case name. */
function partsOf(bytes: Uint8Array): Map<string, string> {
  const pkg = XlsxPackage.open(bytes);
  return new Map([...pkg.entries.keys()].filter((k) => !k.endsWith("/")).map((k) => [k, pkg.textOf(k) ?? ""]));
}

/** The worksheet parts of a package, by sheet name. */
function sheetParts(bytes: Uint8Array): Map<string, string> {
  const pkg = XlsxPackage.open(bytes);
  const { workbookPath, relsPath } = workbookPaths(pkg);
  const book = parseWorkbookPart(pkg.textOf(workbookPath) ?? "", pkg.textOf(relsPath) ?? "", workbookPath);
  return new Map(book.sheets.filter((s) => s.part !== undefined).map((s) => [s.name, normalizePartName(s.part!)]));
}

/** The children of a worksheet's root element. */
function worksheetChildren(xml: string): { name: string; text: string }[] {
  const open = /<(\w+:)?worksheet[\s>][^>]*>/u.exec(xml)!;
  const inner = xml.slice(open.index + open[0].length, xml.lastIndexOf("</"));
  return topElements(inner).map((e) => ({ name: e.name, text: inner.slice(e.start, e.end) }));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-lossless-"));
  for (const f of LEDGER_FIXTURES) cases.push({ name: f.file, input: await fixtureBytes(f), asOf: f.asOf, options: { baseYear: f.baseYear }, forCalc: false });
  cases.push({ name: "sample", input: new Uint8Array(await readFile(join(root, "samples", "整改台账-示例.xlsx"))), asOf: "2019-12-31", options: { overdueColumn: true }, forCalc: false });
  cases.push({ name: "hard cases", input: await hardCaseBytes(), asOf: HARD_AS_OF, options: { baseYear: 2019, overdueColumn: true }, forCalc: false });
  for (const c of await craftedWorkbooks()) {
    cases.push({ name: c.name, input: c.bytes, asOf: rectification15.asOf, options: { baseYear: rectification15.baseYear, overdueColumn: true }, forCalc: c.forCalc });
  }
  if (soffice !== null) {
    // Files LibreOffice wrote: its own attributes, its empty drawing, its ways with styles.
    await writeFile(join(dir, "lo-in.xlsx"), await fixtureBytes(rectification15));
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "lo"), join(dir, "lo-in.xlsx")], { stdio: "pipe", timeout: 120_000 });
    const input = new Uint8Array(await readFile(join(dir, "lo", "lo-in.xlsx")));
    cases.push({ name: "written by LibreOffice", input, asOf: rectification15.asOf, options: { baseYear: rectification15.baseYear, overdueColumn: true }, forCalc: true });
  }
  for (const c of cases) results.set(c.name, await normalizeBytes(c.input, c.asOf, c.options));
}, 300_000);

describe("normalize as a lossless patch", () => {
  it("has workbooks of every kind to check", () => {
    expect(cases.length).toBeGreaterThanOrEqual(LEDGER_FIXTURES.length + 2 + 17);
    for (const c of cases) expect(results.get(c.name)!.rewrite.applied, c.name).not.toBeNull();
  });

  it("copies every part it does not rewrite as it was stored, byte for byte", () => {
    for (const c of cases) {
      const { applied } = results.get(c.name)!.rewrite;
      const rewritten = new Set(applied!.rewritten.map(normalizePartName));
      const before = new Map(storedEntries(c.input).map((e) => [normalizePartName(e.name), e]));
      const after = new Map(storedEntries(applied!.bytes).map((e) => [normalizePartName(e.name), e]));
      // The one part a patch may leave out: a calculation chain a written formula made stale (calc-chain.ts).
      for (const name of applied!.dropped) expect(name, c.name).toMatch(/(^|\/)calcChain\.xml$/u);
      const dropped = new Set(applied!.dropped.map(normalizePartName));
      for (const [name, entry] of before) {
        if (rewritten.has(name) || dropped.has(name)) continue;
        expect(after.get(name)?.local, `${c.name}: ${name}`).toEqual(entry.local);
      }
      expect([...after.keys()].filter((k) => !before.has(k)).every((k) => rewritten.has(k)), c.name).toBe(true);
    }
  });

  it("rewrites only the edited sheets, styles, and the log with its workbook, relationship and content-type entries", () => {
    for (const c of cases) {
      const { plan, applied } = results.get(c.name)!.rewrite;
      const sheets = sheetParts(c.input);
      const allowed = new Set([...plan.sheets.map((s) => sheets.get(s)!), "[content_types].xml"]);
      const inputParts = new Set(XlsxPackage.open(c.input).entries.keys());
      for (const name of applied!.rewritten.map(normalizePartName)) {
        const ok = allowed.has(name) || /(^|\/)styles\.xml$|(^|\/)workbook\.xml$|workbook\.xml\.rels$/u.test(name) || !inputParts.has(name) || sheets.get(plan.logSheet) === name;
        expect(ok, `${c.name}: ${name}`).toBe(true);
      }
    }
  });

  it("keeps, inside a rewritten sheet, every element it does not own exactly as it was", () => {
    const owned = new Set(["sheetData", "mergeCells", "conditionalFormatting", "dataValidations", "dimension", "cols"]);
    for (const c of cases) {
      const { plan, applied } = results.get(c.name)!.rewrite;
      const before = partsOf(c.input);
      const after = partsOf(applied!.bytes);
      for (const sheet of plan.sheets) {
        const part = sheetParts(c.input).get(sheet)!;
        const output = worksheetChildren(after.get(part)!);
        for (const element of worksheetChildren(before.get(part)!)) {
          if (owned.has(element.name)) continue;
          expect(output.map((e) => e.text), `${c.name}: ${sheet} <${element.name}>`).toContain(element.text);
        }
      }
    }
  });

  it("adds the log sheet to workbook.xml, its relationships and content types, and changes nothing else in them", () => {
    for (const c of cases) {
      const { applied } = results.get(c.name)!.rewrite;
      const before = partsOf(c.input);
      const after = partsOf(applied!.bytes);
      const { workbookPath, relsPath } = workbookPaths(XlsxPackage.open(c.input));
      const removeAdded = (xml: string, pattern: RegExp): string => xml.replace(pattern, "");
      // A dropped calculation chain takes its relationship and content type with it, and nothing else.
      const chainGone = (xml: string, pattern: RegExp): string => (applied!.dropped.length > 0 ? xml.replace(pattern, "") : xml);
      expect(removeAdded(after.get(normalizePartName(workbookPath))!, /<(?:\w+:)?sheet name="变更记录[^"]*" sheetId="\d+" [^>]*\/>/u), c.name).toBe(before.get(normalizePartName(workbookPath)));
      expect(removeAdded(after.get(normalizePartName(relsPath))!, /<Relationship Id="rId\d+" Type="[^"]*\/worksheet" Target="\/[^"]*"\/>(?![\s\S]*\/worksheet" Target="\/)/u), c.name).toBe(
        chainGone(before.get(normalizePartName(relsPath))!, /<Relationship Id="[^"]*" Type="[^"]*\/calcChain" Target="[^"]*"\/>/u),
      );
      expect(removeAdded(after.get("[content_types].xml")!, /<Override PartName="\/[^"]*" ContentType="[^"]*worksheet\+xml"\/>(?![\s\S]*worksheet\+xml)/u), c.name).toBe(
        chainGone(before.get("[content_types].xml")!, /<Override PartName="\/xl\/calcChain\.xml" ContentType="[^"]*"\/>/u),
      );
    }
  });

  it("only appends to styles.xml: every style, format and color of the workbook keeps its index", () => {
    for (const c of cases) {
      const { applied } = results.get(c.name)!.rewrite;
      const styleOf = (bytes: Uint8Array): string => [...partsOf(bytes)].find(([k]) => k.endsWith("styles.xml"))![1];
      const before = styleOf(c.input);
      const after = styleOf(applied!.bytes);
      for (const section of ["cellXfs", "dxfs", "numFmts", "fonts"]) {
        const inner = (xml: string): string => new RegExp(`<(?:\\w+:)?${section}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:\\w+:)?${section}>`, "u").exec(xml)?.[1] ?? "";
        expect(inner(after).startsWith(inner(before)), `${c.name}: ${section}`).toBe(true);
      }
    }
  });

  it("writes every sheet it writes in CT_Worksheet's element order", () => {
    for (const c of cases) {
      const { applied } = results.get(c.name)!.rewrite;
      const after = partsOf(applied!.bytes);
      for (const name of applied!.rewritten.map(normalizePartName)) {
        const xml = after.get(name)!;
        if (!/<(\w+:)?worksheet[\s>]/u.test(xml)) continue;
        expect(inWorksheetOrder(worksheetChildren(xml).map((e) => e.name)), `${c.name}: ${name}`).toBe(true);
      }
    }
  });

  it("puts its log beside a clerk's own sheet named 变更记录, which stays as it was", () => {
    const c = cases.find((x) => x.name === "a clerk's own 变更记录 sheet")!;
    const { plan, applied } = results.get(c.name)!.rewrite;
    expect(plan.logSheet).toBe("变更记录(台账助手)");
    expect(applied!.rewritten).not.toContain("xl/worksheets/sheet2.xml");
    expect([...sheetParts(applied!.bytes).keys()]).toEqual(["整改任务清单", "变更记录", "变更记录(台账助手)"]);
  });

  it("changes nothing when it normalizes its own output", async () => {
    for (const c of cases) {
      const once = results.get(c.name)!;
      const twice = await normalizeBytes(once.output, c.asOf, c.options);
      expect(twice.rewrite.applied?.rewritten, c.name).toEqual([]);
      expect(twice.output, c.name).toEqual(once.output);
    }
  });
});

describe.skipIf(soffice === null)("LibreOffice opens the output", () => {
  it("of every crafted workbook and of its own file, with the ledger, its new dates and the log", async () => {
    const files: string[] = [];
    const expected = new Map<string, string>();
    for (const c of cases.filter((x) => x.forCalc)) {
      const n = results.get(c.name)!;
      const file = join(dir, `out-${files.length}.xlsx`);
      await writeFile(file, n.output);
      files.push(file);
      const date = n.rewrite.plan.edits.find((e) => e.rule === "deadline-date")!;
      expected.set(`out-${files.length - 1}`, `${date.cell} ${(date.after as { day: string }).day}`);
    }
    // The command line's output, compressed by zlib in sync-flushed pieces, opens too.
    const all = cases.find((c) => c.name === "all of them")!;
    const zlibbed = await normalizeBytes(all.input, all.asOf, { ...all.options, compress: zlibCompressor });
    const zlibFile = join(dir, `out-${files.length}.xlsx`);
    await writeFile(zlibFile, zlibbed.output);
    files.push(zlibFile);
    expected.set(`out-${files.length - 1}`, expected.get(`out-${cases.filter((x) => x.forCalc).indexOf(all)}`)!);
    const converted = await convertToCsv(soffice!, files, join(dir, "calc"));
    for (const [stem, what] of expected) {
      const sheets = converted.get(stem)!;
      expect([...sheets.keys()], stem).toContain("整改任务清单");
      expect([...sheets.keys()], stem).toContain("变更记录");
      const [cell, day] = what.split(" ");
      const m = /^([A-Z]+)(\d+)$/u.exec(cell!)!;
      const col = m[1]!.charCodeAt(0) - 64;
      const [y, mo, d] = day!.split("-").map(Number);
      expect(sheets.get("整改任务清单")![Number(m[2]) - 1]![col - 1], `${stem} ${cell}`).toBe(`${y}年${mo}月${d}日`);
    }
  });
});
