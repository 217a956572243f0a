/**
 * normalize patches packages that writers other than Excel make, and the copy loses nothing: a
 * minimal writer's package without a styles part (or with a relationship to a missing one),
 * one without root relationships, openpyxl's workbook (the relationships prefix bound on each
 * <sheet>), and zips laid out unusually (a comment holding an end-record signature, a zip64
 * end record, local headers that lie). Each
 * copy is read back with the dates written; every part the patch does not rewrite unpacks to
 * what it was; a second run finds nothing to do; every XML part it writes is well-formed
 * (xmllint); Python's zipfile finds every entry sound; LibreOffice opens it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { normalizePartName, XlsxPackage } from "../../analytics/xlsx/package.js";
import { parseRelationships } from "../../analytics/xlsx/workbook-part.js";
import { cellAt } from "../../analytics/sheet/sheet-model.js";
import { convertToCsv, sofficePath } from "./libreoffice.js";
import { normalizeBytes, readModel, type Normalized } from "./normalized.js";
import { commentHoldingAnEndRecord, ledgerParts, OPENPYXL_WORKBOOK, zipBytes } from "./other-writers.js";

const SHEET = "整改台账";
const AS_OF = "2019-12-31";
const soffice = sofficePath();

const CASES: Record<string, Uint8Array> = {
  "a minimal writer's package without styles": zipBytes(ledgerParts({ styles: false })),
  "a package whose styles relationship names a missing part": zipBytes(ledgerParts({ styles: "related, missing" })),
  "a package without root relationships": zipBytes(ledgerParts({ rootRels: false })),
  "openpyxl's workbook part": zipBytes(ledgerParts({ workbook: OPENPYXL_WORKBOOK })),
  "a zip comment holding an end-record signature": zipBytes(ledgerParts(), { comment: commentHoldingAnEndRecord() }),
  "a zip64 end record": zipBytes(ledgerParts(), { zip64: true }),
  "local headers that lie about name, method, sizes and CRC": zipBytes(ledgerParts(), { lyingLocalHeaders: true }),
};

const results = new Map<string, Normalized>();
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-other-writers-"));
  for (const [name, bytes] of Object.entries(CASES)) results.set(name, await normalizeBytes(bytes, AS_OF, { overdueColumn: true }));
}, 60_000);

/** Part name (lower case) → text, as the project's reader unpacks it (every part here is XML). */
function unpacked(bytes: Uint8Array): Map<string, string> {
  const pkg = XlsxPackage.open(bytes);
  return new Map([...pkg.entries.keys()].map((name) => [name, pkg.textOf(name)!]));
}

describe.each(Object.keys(CASES))("normalize of %s", (name) => {
  it("writes dates into the deadline cells and logs them", () => {
    const { output, rewrite } = results.get(name)!;
    expect(rewrite.applied).not.toBeNull();
    const sheet = readModel(output).sheets.find((s) => s.name === SHEET)!;
    expect(cellAt(sheet, 2, 5)).toEqual({ day: "2019-01-31" });
    expect(cellAt(sheet, 13, 5)).toEqual({ day: "2019-12-31" });
    expect(readModel(output).sheets.map((s) => s.name)).toContain("变更记录");
  });

  it("keeps every part it does not rewrite as it was", () => {
    const { input, output, rewrite } = results.get(name)!;
    const rewritten = new Set(rewrite.applied!.rewritten.map(normalizePartName));
    const after = unpacked(output);
    for (const [part, bytes] of unpacked(input)) if (!rewritten.has(part)) expect(after.get(part), part).toEqual(bytes);
  });

  it("writes well-formed XML in every part it writes", async () => {
    const { output, rewrite } = results.get(name)!;
    const after = unpacked(output);
    for (const part of rewrite.applied!.rewritten) {
      const file = join(dir, `${Object.keys(CASES).indexOf(name)}-${part.replace(/[^\w.]/gu, "_")}`);
      await writeFile(file, after.get(normalizePartName(part))!);
      // xmllint exits 0 on a namespace error (an unbound prefix) but says so: nothing may be said.
      const lint = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
      expect(`${lint.status} ${lint.stderr}`, part).toBe("0 ");
    }
  });

  it("changes nothing when it normalizes its own copy", async () => {
    const once = results.get(name)!;
    const twice = await normalizeBytes(once.output, AS_OF, { overdueColumn: true });
    expect(twice.rewrite.applied?.rewritten).toEqual([]);
  });

  it("writes a zip whose every entry Python's zipfile finds sound", async () => {
    const file = join(dir, `${Object.keys(CASES).indexOf(name)}.xlsx`);
    await writeFile(file, results.get(name)!.output);
    const bad = execFileSync("python3", ["-c", "import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).testzip())", file], { encoding: "utf8" });
    expect(bad.trim()).toBe("None");
  });
});

describe("what each writer's package needs", () => {
  it("adds a styles part, with its relationship and content type, to a package that has none", () => {
    const { output, rewrite } = results.get("a minimal writer's package without styles")!;
    const pkg = XlsxPackage.open(output);
    const rels = [...parseRelationships(pkg.textOf("xl/_rels/workbook.xml.rels")!, "xl/workbook.xml").values()];
    const styles = rels.find((r) => r.type === "styles")!;
    expect(rewrite.applied!.rewritten).toContain(styles.target);
    expect(pkg.textOf("[Content_Types].xml")).toContain(`<Override PartName="/${styles.target}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
    // The default style stays first, so every cell the writer left unstyled looks as it did.
    expect(pkg.textOf(styles.target)).toMatch(/<cellXfs count="\d+"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/>/u);
  });

  it("writes the styles part where the workbook's relationship points when the part is missing", () => {
    const { output, rewrite } = results.get("a package whose styles relationship names a missing part")!;
    const pkg = XlsxPackage.open(output);
    expect(rewrite.applied!.rewritten).toContain("xl/styles.xml");
    expect(pkg.textOf("[Content_Types].xml")!.match(/PartName="\/xl\/styles\.xml"/gu)).toHaveLength(1);
    expect(pkg.textOf("xl/styles.xml")).toMatch(/<cellXfs count="\d+"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/>/u);
  });

  it("writes the log's <sheet> with its relationships prefix bound, whatever the workbook did", () => {
    const { output } = results.get("openpyxl's workbook part")!;
    const workbook = XlsxPackage.open(output).textOf("xl/workbook.xml")!;
    expect(workbook).toMatch(/<sheet name="变更记录" sheetId="2" xmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships" r:id="rId\d+"\/>/u);
  });

  it("writes each entry's local header from its directory record when the stored one lies", () => {
    const { output } = results.get("local headers that lie about name, method, sizes and CRC")!;
    const text = new TextDecoder().decode(output);
    expect(text).not.toContain("-old");
  });
});

describe.skipIf(soffice === null)("LibreOffice", () => {
  it("opens every copy, with the ledger and the log", async () => {
    const files: string[] = [];
    for (const [i, name] of Object.keys(CASES).entries()) {
      const file = join(dir, `lo-${i}.xlsx`);
      await writeFile(file, results.get(name)!.output);
      files.push(file);
    }
    const converted = await convertToCsv(soffice!, files, join(dir, "calc"));
    for (const [i, name] of Object.keys(CASES).entries()) {
      const sheets = converted.get(`lo-${i}`)!;
      expect([...sheets.keys()].sort(), name).toEqual([SHEET, "变更记录"].sort());
      expect(sheets.get(SHEET)![1]![4], name).toBe("2019年1月31日");
    }
  }, 120_000);
});
