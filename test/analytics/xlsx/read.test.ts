/**
 * The workbook reader against exceljs's careful (slow) readFile on every fixture, cell by
 * cell; then the inputs a clerk's folder really holds that are not good workbooks.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { a1 } from "../../../analytics/sheet/address.js";
import { cellAt, type CellValue, type Sheet } from "../../../analytics/sheet/sheet-model.js";
import { WorkbookReadError } from "../../../analytics/xlsx/read-errors.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { readWorkbookFile } from "../../../analytics/xlsx/read-file.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { FIXTURES, rectification15 } from "../../fixtures/ledgers.js";

/** What exceljs says a cell holds, in the sheet model's terms. */
function fromExceljs(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return { day: value.toISOString().slice(0, 10) };
  if ("richText" in value) return value.richText.map((r) => r.text).join("") || null;
  if ("hyperlink" in value) return fromExceljs(value.text as ExcelJS.CellValue);
  if ("error" in value) return { error: value.error };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined) return null;
    return fromExceljs(result as ExcelJS.CellValue);
  }
  return null;
}

async function readBoth(bytes: Uint8Array) {
  const ours = readWorkbook(bytes, { source: "t.xlsx" });
  const theirs = new ExcelJS.Workbook();
  await theirs.xlsx.load(bytes as unknown as ArrayBuffer);
  return { ours, theirs };
}

function expectSameCells(sheet: Sheet, ws: ExcelJS.Worksheet): void {
  const height = Math.max(ws.rowCount, sheet.rows.length);
  for (let r = 1; r <= height; r++) {
    for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) {
      const cell = ws.getCell(r, c);
      // exceljs repeats a merge's master value into every covered cell; the file holds it once.
      const theirs = cell.isMerged && cell.master.address !== cell.address ? null : fromExceljs(cell.value);
      expect(cellAt(sheet, r, c), `${sheet.name}!${a1(r, c)}`).toEqual(theirs);
    }
  }
}

describe.each(FIXTURES.map((f) => [f.file, f] as const))("reading %s", (_file, fixture) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await fixtureBytes(fixture);
  });

  it("gives every cell exceljs gives, dates as calendar days in any time zone", async () => {
    if (fixture.sheets.every((s) => s.rows.length === 0)) {
      expect(() => readWorkbook(bytes, { source: fixture.file })).toThrow(WorkbookReadError);
      return;
    }
    const { ours, theirs } = await readBoth(bytes);
    expect(ours.sheets.map((s) => s.name)).toEqual(theirs.worksheets.map((w) => w.name));
    for (const sheet of ours.sheets) expectSameCells(sheet, theirs.getWorksheet(sheet.name)!);
  });

  it("gives the same merges, hidden rows and formula cells", async () => {
    if (fixture.sheets.every((s) => s.rows.length === 0)) return;
    const { ours, theirs } = await readBoth(bytes);
    for (const sheet of ours.sheets) {
      const ws = theirs.getWorksheet(sheet.name)!;
      const merges = sheet.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
      expect(merges.sort()).toEqual([...ws.model.merges].sort());
      const hidden: number[] = [];
      const formulas: string[] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        if (row.hidden) hidden.push(n);
        row.eachCell((cell) => {
          if (cell.formula !== undefined) formulas.push(cell.address);
        });
      });
      expect([...sheet.hiddenRows].sort((a, b) => a - b)).toEqual(hidden);
      expect([...sheet.formulaCells].sort()).toEqual(formulas.sort());
    }
  });
});

describe("reading the rectification ledger", () => {
  it("keeps rich text and hyperlinks as their text, and real dates as days", async () => {
    const wb = readWorkbook(await fixtureBytes(rectification15), { source: "r.xlsx" });
    const cells = wb.sheets[0]!.rows.flat();
    expect(cells.some((v) => typeof v === "object" && v !== null && "day" in v)).toBe(true);
    expect(cells.filter((v) => typeof v === "string" && v.includes("\uFFFD"))).toEqual([]);
  });

  it("reads Chinese text intact however long the sheet (no chunk edges to garble)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("清单");
    const phrase = "全面从严治党主体责任落实不到位，整改措施：建立健全长效机制";
    for (let r = 1; r <= 3000; r++) {
      ws.getCell(r, 1).value = `${r}、${phrase.slice(r % 7)}${"问题".repeat(r % 5)}`;
      ws.getCell(r, 2).value = { richText: [{ text: "负责：" }, { text: `第${r}责任单位` }] };
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheet = readWorkbook(bytes, { source: "big.xlsx" }).sheets[0]!;
    for (let r = 1; r <= 3000; r++) {
      expect(cellAt(sheet, r, 1)).toBe(ws.getCell(r, 1).value);
      expect(cellAt(sheet, r, 2)).toBe(`负责：第${r}责任单位`);
    }
  });
});

describe("inputs that are not good workbooks", () => {
  let dir: string;
  let good: Uint8Array;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "taizhang-read-"));
    good = await fixtureBytes(rectification15);
  });

  async function codeOf(bytes: Uint8Array | null, name = "x.xlsx"): Promise<string> {
    const path = join(dir, name);
    if (bytes) await writeFile(path, bytes);
    try {
      await readWorkbookFile(path, { source: name });
      return "read";
    } catch (error) {
      if (!(error instanceof WorkbookReadError)) throw error;
      expect(error.message).not.toContain("\n");
      return error.code;
    }
  }

  it("names a missing file, a folder, a text file that is no table and a zero-byte file", async () => {
    expect(await codeOf(null, "no-such.xlsx")).toBe("not-found");
    expect(await codeOf(null, ".")).toBe("not-xlsx");
    // A CSV is read as its table (csv/read-csv.ts); text with no separator in its first lines is no table.
    expect(await codeOf(new TextEncoder().encode("请各单位于每月25日前报送整改进展情况。\n联系人：张三\n"), "notes.xlsx")).toBe("not-xlsx");
    expect(await codeOf(new TextEncoder().encode("序号,问题\n1,整改\n"), "csv.xlsx")).toBe("read");
    expect(await codeOf(new Uint8Array(0), "zero.xlsx")).toBe("not-xlsx");
  });

  it("calls a truncated download corrupt", async () => {
    expect(await codeOf(good.slice(0, Math.floor(good.length / 2)), "half.xlsx")).toBe("corrupt");
  });

  it("calls a damaged part corrupt", async () => {
    const parts = unzipSync(good);
    const sheet = parts["xl/worksheets/sheet1.xml"]!;
    const zipped = zipSync({ ...parts }, { level: 6 });
    // Overwrite the middle of the deflated sheet data; the directory still looks fine.
    const at = findBytes(zipped, new TextEncoder().encode("xl/worksheets/sheet1.xml")) + 200;
    for (let i = 0; i < 64; i++) zipped[at + i] = 0xff;
    expect(sheet.length).toBeGreaterThan(1000);
    expect(await codeOf(zipped, "damaged.xlsx")).toBe("corrupt");
  });

  it("tells a password-protected workbook from a legacy .xls by their OLE streams", async () => {
    expect(await codeOf(oleFile("EncryptedPackage"), "locked.xlsx")).toBe("encrypted");
    // Read from a file as an .xls (analytics/xls/): a container holding only the stream's name is damaged.
    expect(await codeOf(oleFile("Workbook"), "old.xls")).toBe("corrupt");
  });

  it.skipIf(!existsSync("/usr/bin/soffice"))("reads a real .xls written by LibreOffice as the .xlsx it was saved from", async () => {
    const src = join(dir, "real.xlsx");
    await writeFile(src, good);
    execFileSync("soffice", ["-env:UserInstallation=file://" + join(dir, "lo-profile"), "--headless", "--convert-to", "xls", "--outdir", dir, src], { stdio: "ignore", timeout: 120_000 });
    const xls = await readWorkbookFile(join(dir, "real.xls"), { source: "real.xls" });
    const xlsx = readWorkbook(good, { source: "real.xlsx" });
    expect(xls.sheets.map((s) => s.rows)).toEqual(xlsx.sheets.map((s) => s.rows));
  }, 130_000);

  it("refuses a zip bomb from its directory, before inflating anything", async () => {
    const bomb = Uint8Array.from(good);
    // Claim the sheet unpacks to almost 4 GiB, as a bomb's headers do.
    patchUnpackedSize(bomb, "xl/worksheets/sheet1.xml", 0xfffffff0);
    const before = process.memoryUsage().arrayBuffers;
    expect(await codeOf(bomb, "bomb.xlsx")).toBe("too-large");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses a part whose compression ratio no spreadsheet has", async () => {
    const parts = unzipSync(good);
    parts["xl/worksheets/sheet1.xml"] = new Uint8Array(32 * 1024 * 1024).fill(0x20);
    expect(await codeOf(zipSync(parts, { level: 9 }), "ratio.xlsx")).toBe("too-large");
  });

  it("names other zipped formats", async () => {
    expect(await codeOf(zipSync({ "xl/workbook.bin": new Uint8Array(4) }), "b.xlsb")).toBe("not-xlsx");
    expect(await codeOf(zipSync({ mimetype: new TextEncoder().encode("application/vnd.oasis.opendocument.spreadsheet") }), "o.ods")).toBe("not-xlsx");
  });

  it("calls a workbook with no cells empty", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    expect(await codeOf(new Uint8Array(await wb.xlsx.writeBuffer()), "empty.xlsx")).toBe("empty");
  });
});

function findBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Sets the uncompressed size of `name` in the zip's central directory entry. */
function patchUnpackedSize(zip: Uint8Array, name: string, size: number): void {
  const nameBytes = new TextEncoder().encode(name);
  let at = findBytes(zip, nameBytes);
  while (at >= 0) {
    // A central directory header (PK\1\2) has its name at offset 46, the size at offset 24.
    const header = at - 46;
    if (header >= 0 && zip[header] === 0x50 && zip[header + 1] === 0x4b && zip[header + 2] === 1 && zip[header + 3] === 2) {
      new DataView(zip.buffer, zip.byteOffset).setUint32(header + 24, size, true);
      return;
    }
    at = findBytes(zip, nameBytes, at + 1);
  }
  throw new Error(`no central directory entry for ${name}`);
}

/** A minimal OLE compound file: the signature, then a directory entry naming `stream`. */
function oleFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < stream.length; i++) bytes[1024 + i * 2] = stream.charCodeAt(i);
  return bytes;
}
