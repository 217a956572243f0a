/**
 * Packages spelled in ways XML and the package format allow and a patch must write back right
 * (found by the reader's second adversarial pass): parts in UTF-16, the main namespace bound
 * both as default and as x: with rows and cells spelled either way, zero-byte shared strings
 * and styles parts; and rows or cells out of order, which no patch in place can keep and which
 * is refused in the user's language.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { cellAt } from "../../analytics/sheet/sheet-model.js";
import { WorkbookReadError } from "../../analytics/xlsx/read-errors.js";
import { normalizePartName, XlsxPackage } from "../../analytics/xlsx/package.js";
import { storedEntries } from "../../xlsx-patch/zip-out.js";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { rewriteXlsx } from "../../xlsx-patch/normalize-xlsx.js";
import { TEST_BATCH, type Normalized } from "./normalized.js";
import { LEDGER_ROWS, ledgerParts, zipBytes } from "./other-writers.js";

const AS_OF = "2019-12-31";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const SHEET = "xl/worksheets/sheet1.xml";
const letter = (c: number): string => String.fromCharCode(65 + c);

/** The ledger's rows with inline strings, each row and cell spelled by `spell` (its prefix). */
function rowsSpelled(spell: (row: number, col: number) => string, order: (rows: string[][]) => string[][] = (r) => r): string {
  const rows = LEDGER_ROWS.map((cells, r) => cells.map((text, c) => `<${spell(r, c)}c r="${letter(c)}${r + 1}" t="inlineStr"><${spell(r, c)}is><${spell(r, c)}t>${text}</${spell(r, c)}t></${spell(r, c)}is></${spell(r, c)}c>`));
  return order(rows)
    .map((cells) => {
      const r = Number(/r="[A-Z]+(\d+)"/u.exec(cells[0]!)![1]);
      const p = spell(r - 1, -1);
      return `<${p}row r="${r}">${cells.join("")}</${p}row>`;
    })
    .join("");
}

/** UTF-16 (little-endian, with a byte-order mark) bytes of an XML text declaring UTF-16. */
function utf16(xml: string): Uint8Array {
  const text = `\uFEFF<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n${xml.replace(/^<\?xml[^>]*\?>\s*/u, "")}`;
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

const CASES: Record<string, () => Uint8Array> = {
  "every part in UTF-16": () => {
    const parts = ledgerParts();
    return zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, utf16(xml)])));
  },
  "the main namespace as default and as x:, rows and cells spelled either way": () => {
    const parts = ledgerParts();
    parts[SHEET] = `<worksheet xmlns="${MAIN}" xmlns:x="${MAIN}"><x:sheetData>${rowsSpelled((r, c) => (c === -1 ? "x:" : (r + c) % 2 === 0 ? "x:" : ""))}</x:sheetData></worksheet>`;
    return zipBytes(parts);
  },
  "a zero-byte shared strings part": () => {
    const parts = ledgerParts();
    parts["xl/sharedStrings.xml"] = "";
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"]!.replace("</Relationships>", `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
    return zipBytes(parts);
  },
  "a zero-byte styles part": () => {
    const parts = ledgerParts();
    parts["xl/styles.xml"] = "";
    return zipBytes(parts);
  },
};

/**
 * The sheet model of a package read as a reader that takes a zero-byte part for none (the
 * reader's own branch does): the part and its relationship left out, for this test's plan.
 */
function modelOf(bytes: Uint8Array): ReturnType<typeof readWorkbook> {
  const files = unzipSync(bytes);
  const empty = Object.keys(files).filter((name) => files[name]!.length === 0);
  for (const name of empty) delete files[name];
  const rels = "xl/_rels/workbook.xml.rels";
  if (empty.length > 0) files[rels] = strToU8(strFromU8(files[rels]!).replace(new RegExp(`<Relationship [^>]*Target="(?:${empty.map((n) => n.replace("xl/", "")).join("|")})"/>`, "gu"), ""));
  return readWorkbook(empty.length > 0 ? zipSync(files) : bytes, { source: "input.xlsx" });
}

async function normalizeBytes(input: Uint8Array, asOf: string, options: { overdueColumn?: boolean; ids?: boolean }): Promise<Normalized> {
  const rewrite = rewriteXlsx(input, modelOf(input), { asOf, batch: TEST_BATCH, ...options });
  return { input, output: await rewrite.bytes(), rewrite };
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-spellings-"));
});

describe.each(Object.keys(CASES))("normalize of a package with %s", (name) => {
  it("writes a copy every reader reads, with the dates, and changes nothing on a second run", async () => {
    const input = CASES[name]!();
    const once = await normalizeBytes(input, AS_OF, { overdueColumn: true, ids: true });
    const sheet = modelOf(once.output).sheets.find((s) => s.name === "整改台账")!;
    expect(cellAt(sheet, 13, 5)).toEqual({ day: "2019-12-31" });
    const pkg = XlsxPackage.open(once.output);
    for (const part of once.rewrite.applied!.rewritten) {
      const file = join(dir, `${Object.keys(CASES).indexOf(name)}-${part.replace(/[^\w.]/gu, "_")}`);
      await writeFile(file, pkg.textOf(part)!);
      const lint = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
      expect(`${lint.status} ${lint.stderr}`, part).toBe("0 ");
    }
    const rewritten = new Set(once.rewrite.applied!.rewritten.map(normalizePartName));
    const after = new Map(storedEntries(once.output).map((e) => [normalizePartName(e.name), e]));
    for (const entry of storedEntries(input)) if (!rewritten.has(normalizePartName(entry.name))) expect(after.get(normalizePartName(entry.name))?.local, entry.name).toEqual(entry.local);
    const twice = await normalizeBytes(once.output, AS_OF, { overdueColumn: true, ids: true });
    expect(twice.rewrite.applied?.rewritten).toEqual([]);
  });
});

describe("a sheet whose rows or cells are out of order", () => {
  const refusal = async (rows: string): Promise<unknown> => {
    const parts = ledgerParts({ rows });
    return normalizeBytes(zipBytes(parts), AS_OF, { overdueColumn: true }).then(
      () => null,
      (error: unknown) => error,
    );
  };

  it("is refused in the user's language (Excel sorts them on load; a patch in place cannot)", async () => {
    const descending = rowsSpelled(() => "", (rows) => [...rows].reverse().map((cells) => [...cells].reverse()));
    const error = await refusal(descending);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).in("zh")).toBe("工作表“整改台账”的行或单元格未按顺序排列，无法只改动需要改的单元格；请在 Excel 或 WPS 中打开并保存一次后再试");
    expect((error as WorkbookReadError).in("en")).toMatch(/^the rows or cells of sheet “整改台账” are not in order/u);
  });

  it("is refused when only the cells of an edited row are reversed", async () => {
    const reversedRow = rowsSpelled(() => "", (rows) => rows.map((cells, i) => (i === 3 ? [...cells].reverse() : cells)));
    expect(await refusal(reversedRow)).toBeInstanceOf(WorkbookReadError);
  });
});
