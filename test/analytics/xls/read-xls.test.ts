/**
 * The .xls reader (analytics/xls/read-xls.ts): a ledger written as BIFF8 in every way the format allows
 * reads back as the very sheet model the .xlsx reader gives, and what only an .xls can get
 * wrong (an older version, a password, a record cut short, a string table that lies) is
 * refused with its reason, never read in part.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Sheet, Workbook } from "../../../analytics/sheet/sheet-model.js";
import { WorkbookReadError } from "../../../analytics/xlsx/read-errors.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { FIXTURES, rectification15 } from "../../fixtures/ledgers.js";
import { MAX_XLS_BYTES, readXlsWorkbook } from "../../../analytics/xls/read-xls.js";
import { biff8Stream, compoundFile, writeXls, type Biff8Options } from "./biff8-writer.js";

/** What a reader gives of a sheet, with the sets as sorted lists to compare. */
function shape(sheet: Sheet) {
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    rows: sheet.rows.map((r) => (r === undefined ? [] : Array.from(r, (v) => v ?? null))),
    merges: sheet.merges,
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    formulaCells: [...sheet.formulaCells].sort(),
    percentCells: [...(sheet.percentCells ?? [])].sort(),
    dateFormats: [...(sheet.dateFormats ?? new Map())].sort(),
  };
}

const read = (bytes: Uint8Array, source = "台账.xls") => readXlsWorkbook(bytes, { source });

function refusal(bytes: Uint8Array): WorkbookReadError {
  try {
    read(bytes);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error("read, not refused");
}

let sample: Workbook;
beforeAll(async () => {
  sample = readWorkbook(await fixtureBytes(rectification15), { source: "整改台账-示例.xlsx" });
});

describe("a ledger written as .xls reads as the .xlsx it came from", () => {
  const ways: [string, Biff8Options][] = [
    ["shared strings in Excel's 8,224-byte records", {}],
    ["shared strings split every 13 bytes, rich runs and phonetic blocks between", { sstPiece: 13, richAndPhonetic: true }],
    ["every character two bytes, split every 16 bytes", { sstPiece: 16, wide: true }],
    ["text in LABEL records", { strings: "label" }],
    ["text in RSTRING records", { strings: "rstring" }],
    ["numbers as RK and runs of MULRK", { rk: true }],
    ["days in the 1904 date system", { date1904: true }],
  ];

  it.each(ways)("%s", (_way, options) => {
    const xls = read(writeXls(sample, options));
    expect(xls.sheets.map(shape)).toEqual(sample.sheets.map(shape));
  });

  it("reads every fixture ledger alike, merges, hidden rows and formulas included", async () => {
    for (const fixture of FIXTURES) {
      const bytes = await fixtureBytes(fixture);
      let xlsx: Workbook;
      try {
        xlsx = readWorkbook(bytes, { source: fixture.file });
      } catch (error) {
        // An empty workbook is refused from either kind of file alike.
        const { sheets } = readWorkbook(bytes, { source: fixture.file, sheet: "none" });
        expect(refusal(writeXls({ source: fixture.file, sheets }))).toMatchObject({ code: (error as WorkbookReadError).code });
        continue;
      }
      expect(read(writeXls(xlsx, { rk: true, sstPiece: 40 })).sheets.map(shape), fixture.file).toEqual(xlsx.sheets.map(shape));
    }
  });
});

/** A one-sheet workbook of the given cells (row-major, 1-based as the model has them). */
function book(rows: Sheet["rows"], extra: Partial<Sheet> = {}): Workbook {
  return {
    source: "t.xls",
    sheets: [{ name: "台账", hidden: false, rows, merges: [], hiddenRows: new Set(), formulaCells: new Set(), ...extra }],
  };
}

describe("strings split across CONTINUE records", () => {
  // CJK, a character outside the BMP (two UTF-16 units), Latin-1 that fits one byte, ASCII.
  const texts = ["整改任务清单", "𠀀𠮷 扶贫办", "Café résumé", "plain ascii text of some length", "逾期 2019年6月底前 已完成（销号）", "é𠮷aé"];

  it("reads every split point: mid-string, between the halves of a character, one byte or two a piece", () => {
    const model = book([texts.slice(0, 3), texts.slice(3)]);
    for (let piece = 12; piece <= 48; piece++) {
      for (const wide of [false, true]) {
        const sheet = read(writeXls(model, { sstPiece: piece, wide, richAndPhonetic: piece % 2 === 0 })).sheets[0]!;
        expect(shape(sheet).rows, `piece ${piece}${wide ? " wide" : ""}`).toEqual(model.sheets[0]!.rows);
      }
    }
  });
});

describe("what a cell holds", () => {
  it("takes errors and booleans, and formulas as their cached results of every kind", () => {
    const formulas = new Set(["A2", "B2", "C2", "D2", "E2"]);
    const model = book(
      [
        [true, false, { error: "#N/A" }, { error: "#DIV/0!" }, { error: "#REF!" }],
        [42.5, "文字结果", true, { error: "#VALUE!" }, { day: "2019-06-30" }],
      ],
      { formulaCells: formulas, dateFormats: new Map([["E2", 'yyyy"年"m"月"d"日"']]) },
    );
    const sheet = read(writeXls(model)).sheets[0]!;
    expect(shape(sheet)).toEqual(shape(model.sheets[0]!));
  });

  it("tells dates by their format, built in or the workbook's own, in either date system", () => {
    const dates = new Map([
      ["A1", "yyyy/m/d"],
      ["B1", 'yyyy"年"m"月"d"日"'],
      ["C1", "[$-804]yyyy\\-mm\\-dd"],
    ]);
    // Each system's early edge: 1900's day after its phantom 29 February, 1904's first day.
    for (const [date1904, early] of [[false, "1900-03-01"], [true, "1904-01-02"]] as const) {
      const model = book([[{ day: "2019-06-30" }, { day: early }, { day: "2026-12-31" }, 43646]], { dateFormats: dates });
      const sheet = read(writeXls(model, { date1904 })).sheets[0]!;
      expect(sheet.rows[0], `1904: ${date1904}`).toEqual([{ day: "2019-06-30" }, { day: early }, { day: "2026-12-31" }, 43646]);
      expect([...sheet.dateFormats!]).toEqual([...dates]);
    }
  });

  it("marks percentages, and hidden and very hidden sheets", () => {
    const model: Workbook = {
      source: "t.xls",
      sheets: ["可见", "隐藏", "深度隐藏"].map((name, i) => ({
        name,
        hidden: i > 0,
        rows: [["完成率", 0.75]],
        merges: [],
        hiddenRows: new Set<number>(),
        formulaCells: new Set<string>(),
        percentCells: new Set(["B1"]),
      })),
    };
    const xls = read(writeXls(model, { hiddenSheets: new Map([["深度隐藏", 2]]) }));
    expect(xls.sheets.map((s) => [s.name, s.hidden, [...(s.percentCells ?? [])]])).toEqual([
      ["可见", false, ["B1"]],
      ["隐藏", true, ["B1"]],
      ["深度隐藏", true, ["B1"]],
    ]);
  });

  it("gathers merges from every MERGECELLS record (each holds at most 1,026 ranges)", () => {
    const rows = Array.from({ length: 5000 }, (_, r) => ["类别" + Math.floor(r / 2), null, "事项" + r]);
    const merges = Array.from({ length: 2500 }, (_, i) => ({ top: 2 * i + 1, left: 1, bottom: 2 * i + 2, right: 2 }));
    const sheet = read(writeXls(book(rows, { merges }))).sheets[0]!;
    expect(sheet.merges).toEqual(merges);
  });

  it("reads only the sheet asked for, listing the others empty", () => {
    const model: Workbook = { source: "t.xls", sheets: ["一", "二"].map((name) => ({ ...book([[name]]).sheets[0]!, name })) };
    const xls = readXlsWorkbook(writeXls(model), { source: "t.xls", sheet: "二" });
    expect(xls.sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ["一", 0],
      ["二", 1],
    ]);
  });
});

// ─── Streams written by hand, to say what the writer never would ────────────────────────────

/** A record: type, then its data's length, then the data. */
function rec(type: number, ...data: number[][]): number[] {
  const bytes = data.flat();
  return [type & 0xff, type >>> 8, bytes.length & 0xff, bytes.length >>> 8, ...bytes];
}
const u16 = (v: number) => [v & 0xff, (v >>> 8) & 0xff];
const u32 = (v: number) => [...u16(v & 0xffff), ...u16(v >>> 16)];
const bof = (version: number, kind: number) => rec(0x0809, u16(version), u16(kind), u32(0), u32(0), u32(0));
const EOF = rec(0x000a);

/** Globals naming one sheet right after them, and the sheet's records. */
function stream(globals: number[][], sheet: number[][]): Uint8Array {
  const name = [..."台账"].flatMap((ch) => u16(ch.charCodeAt(0)));
  const head = [...bof(0x0600, 0x0005), ...globals.flat()];
  const boundLength = 4 + 8 + name.length;
  const sheetAt = head.length + boundLength + EOF.length;
  const bound = rec(0x0085, u32(sheetAt), [0, 0, 2, 1], name);
  return Uint8Array.from([...head, ...bound, ...EOF, ...bof(0x0600, 0x0010), ...sheet.flat(), ...EOF]);
}
const xls = (globals: number[][], sheet: number[][]) => compoundFile(stream(globals, sheet));
const labelSst = (row: number, col: number, index: number) => rec(0x00fd, u16(row), u16(col), u16(0), u32(index));
const sst = (declared: number, ...strings: string[]) => rec(0x00fc, u32(declared), u32(declared), ...strings.map((s) => [...u16(s.length), 0, ...[...s].map((c) => c.charCodeAt(0))]));

describe("refusals with their reasons", () => {
  it("reads a hand-written stream, the base every case below breaks", () => {
    const wb = read(xls([sst(1, "ok")], [labelSst(0, 0, 0)]));
    expect(wb.sheets[0]!.rows).toEqual([["ok"]]);
  });

  it("reads hidden columns from COLINFO, a range ending at 256 (as Excel writes the last) cut to the grid", () => {
    const colinfo = (first: number, last: number, hidden: boolean) => rec(0x007d, u16(first), u16(last), u16(2000), u16(0), u16(hidden ? 1 : 0), u16(0));
    const sheet = read(xls([sst(1, "x")], [colinfo(1, 2, true), colinfo(3, 3, false), colinfo(254, 256, true), labelSst(0, 0, 0)])).sheets[0]!;
    expect([...(sheet.hiddenColumns ?? [])]).toEqual([2, 3, 255, 256]);
  });

  it("refuses Excel 5.0/95 and older files as too old, naming the version", () => {
    const biff5 = compoundFile(Uint8Array.from([...bof(0x0500, 0x0005), ...EOF]));
    expect(refusal(biff5)).toMatchObject({ code: "legacy-xls" });
    expect(refusal(biff5).message).toMatch(/Excel 5\.0\/95/u);
    expect(refusal(compoundFile(Uint8Array.from([...bof(0x0500, 0x0005), ...EOF]), "Book")).message).toMatch(/BIFF5/u);
    expect(refusal(compoundFile(Uint8Array.from([...rec(0x0409, u16(0), u16(0x10)), ...EOF]))).message).toMatch(/Excel 2\.x–4\.0/u);
  });

  it("refuses an .xls larger than any ledger in the format, before reading any of it", () => {
    const huge = new Uint8Array(MAX_XLS_BYTES + 1);
    huge.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [..."Workbook"].forEach((ch, i) => (huge[1024 + i * 2] = ch.charCodeAt(0)));
    expect(refusal(huge)).toMatchObject({ code: "too-large" });
    expect(refusal(huge).message).toMatch(/\.xls 文件有 160 MiB/u);
  });

  it("refuses a password-protected .xls (FILEPASS) as the encrypted workbook it is", () => {
    expect(refusal(xls([rec(0x002f, u16(1), new Array(52).fill(7))], []))).toMatchObject({ code: "encrypted" });
  });

  it("refuses a container without a Workbook stream", () => {
    // Named so that the file's first bytes look like an .xls; the stream is not the Workbook.
    expect(refusal(compoundFile(stream([], []), "Workbook2")).message).toMatch(/没有工作簿数据/u);
  });

  it("refuses a stream cut short anywhere, never reading the part before the cut", () => {
    const whole = stream([sst(2, "first", "second")], [labelSst(0, 0, 0), labelSst(1, 0, 1)]);
    for (let end = 1; end < whole.length; end++) {
      expect(refusal(compoundFile(whole.subarray(0, end))).code, `cut at ${end}`).toBe("corrupt");
    }
  });

  it("refuses a record whose length runs past the end of the stream", () => {
    const bytes = stream([sst(1, "ok")], [labelSst(0, 0, 0)]);
    const broken = Uint8Array.from([...bytes.subarray(0, bytes.length - 4), 0x0a, 0x00, 0xff, 0x7f]);
    expect(refusal(compoundFile(broken)).message).toMatch(/第 \d+ 字节处中断/u);
  });

  it("takes an SST count of 2^31 as a claim, reading the strings there are", () => {
    const wb = read(xls([sst(2 ** 31, "one", "two")], [labelSst(0, 0, 1)]));
    expect(wb.sheets[0]!.rows).toEqual([["two"]]);
  });

  it("refuses a cell naming a string the table does not have", () => {
    expect(refusal(xls([sst(1, "one")], [labelSst(0, 0, 5)])).message).toMatch(/第 5 个共享字符串不存在/u);
  });

  it("refuses a string whose CONTINUE records run to the end of the stream and stop short of its length", () => {
    const continues = Array.from({ length: 2000 }, () => rec(0x003c, [0], new Array(30).fill(0x41)));
    const table = [...rec(0x00fc, u32(1), u32(1), u16(65535), [0], new Array(20).fill(0x41)), ...continues.flat()];
    const started = performance.now();
    expect(refusal(xls([table], [labelSst(0, 0, 0)])).code).toBe("corrupt");
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses a MULRK whose column range is reversed or disagrees with its cells", () => {
    const rk = (n: number) => [...u16(0), ...u32(((n << 2) | 2) >>> 0)];
    const mulrk = (first: number, last: number) => rec(0x00bd, u16(0), u16(first), rk(1), rk(2), u16(last));
    expect(read(xls([], [mulrk(3, 4)])).sheets[0]!.rows).toEqual([[undefined, undefined, undefined, 1, 2]].map((r) => r.map((v) => v)));
    expect(refusal(xls([], [mulrk(4, 3)])).message).toMatch(/MULRK/u);
  });

  it("refuses sheets that point into one another, before walking one sheet's records a thousand times", () => {
    // 1,000 BOUNDSHEETs naming one sheet of 20,000 records: read each, 20 million visits.
    const name = [..."表"].flatMap((ch) => u16(ch.charCodeAt(0)));
    const head = bof(0x0600, 0x0005);
    const bound = (at: number) => rec(0x0085, u32(at), [0, 0, 1, 1], name);
    const boundLength = bound(0).length * 1000;
    const sheetAt = head.length + boundLength + EOF.length;
    const cells = Array.from({ length: 20_000 }, (_, i) => rec(0x027e, u16(i % 60_000), u16(0), u16(0), u32(((i << 2) | 2) >>> 0)));
    const bytes = Uint8Array.from([...head, ...Array.from({ length: 1000 }, () => bound(sheetAt)).flat(), ...EOF, ...bof(0x0600, 0x0010), ...cells.flat(), ...EOF]);
    const started = performance.now();
    expect(refusal(compoundFile(bytes)).message).toMatch(/相互重叠/u);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses a cell past column IV, the last an .xls sheet has", () => {
    expect(refusal(xls([sst(1, "x")], [labelSst(0, 256, 0)])).message).toMatch(/IV 列/u);
  });
});

describe("hostile containers, checked before cfb walks them", () => {
  /** The container's sector size and where sector n starts. */
  function layout(bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const size = 1 << view.getUint16(0x1e, true);
    const at = (n: number) => size * (n + 1);
    const firstFat = view.getInt32(0x4c, true);
    const fatEntry = (n: number) => at(firstFat) + n * 4;
    return { view, size, at, fatEntry, directory: view.getInt32(0x30, true) };
  }
  /** A workbook big enough to live in the FAT's sectors, not the mini stream. */
  let big: Uint8Array;
  let workbookStart = 0;
  beforeAll(() => {
    big = writeXls(sample);
    const { view, at, directory } = layout(big);
    for (let e = 0; e < 4; e++) {
      const entry = at(directory) + e * 128;
      const name = String.fromCharCode(...new Uint16Array(big.slice(entry, entry + 16).buffer)).replace(/\0.*$/u, "");
      if (name === "Workbook") workbookStart = view.getInt32(entry + 116, true);
    }
    expect(view.getUint32(at(directory) + 120, true) >= 0 && workbookStart > 0).toBe(true);
  });

  const timed = (bytes: Uint8Array) => {
    const started = performance.now();
    const error = refusal(bytes);
    expect(performance.now() - started).toBeLessThan(5000);
    return error;
  };

  it("refuses a FAT cycle (cfb would follow it for ever)", () => {
    const bytes = Uint8Array.from(big);
    const { view, fatEntry } = layout(bytes);
    view.setInt32(fatEntry(workbookStart + 3), workbookStart + 1, true);
    expect(timed(bytes).message).toMatch(/复合文档/u);
  });

  it("refuses two chains sharing a sector", () => {
    const bytes = Uint8Array.from(big);
    const { view, fatEntry, directory } = layout(bytes);
    view.setInt32(fatEntry(directory), workbookStart + 2, true);
    expect(timed(bytes).message).toMatch(/复合文档/u);
  });

  it("refuses a chain leading past the file's last sector, and a DIFAT count of 2^31 - 1", () => {
    const past = Uint8Array.from(big);
    layout(past).view.setInt32(layout(past).fatEntry(workbookStart), 0x7ffffff0, true);
    expect(timed(past).code).toBe("corrupt");
    const difat = Uint8Array.from(big);
    layout(difat).view.setInt32(0x48, 0x7fffffff, true);
    layout(difat).view.setInt32(0x44, 0, true);
    expect(timed(difat).code).toBe("corrupt");
  });

  it("refuses a directory whose entries point at each other", () => {
    const bytes = Uint8Array.from(big);
    const { view, at, directory } = layout(bytes);
    // Entry 1 names entry 2 as its sibling and entry 2 names entry 1.
    view.setInt32(at(directory) + 128 + 68, 2, true);
    view.setInt32(at(directory) + 256 + 68, 1, true);
    expect(timed(bytes).message).toMatch(/复合文档/u);
  });

  it("refuses a stream whose declared size is past the file, and a container cut short", () => {
    const bytes = Uint8Array.from(big);
    const { view, at, directory } = layout(bytes);
    for (let e = 1; e < 4; e++) if (view.getInt32(at(directory) + e * 128 + 116, true) === workbookStart) view.setUint32(at(directory) + e * 128 + 120, 0x7fffffff, true);
    expect(timed(bytes).code).toBe("corrupt");
    // Cut anywhere after the directory (before it, the file is not recognisably an .xls): the
    // lost bytes may be padding after the last record, else the file is damaged.
    const whole = read(big).sheets.map(shape);
    for (let end = at(directory) + 512; end < big.length; end += 97) {
      let sheets: ReturnType<typeof shape>[] | undefined;
      try {
        sheets = read(big.subarray(0, end)).sheets.map(shape);
      } catch (error) {
        expect((error as WorkbookReadError).code, `cut at ${end}`).toBe("corrupt");
      }
      if (sheets !== undefined) expect(sheets, `cut at ${end}`).toEqual(whole);
    }
  });

  it("refuses a chain cfb would copy once from every sector it passes (its cost the square of the file)", () => {
    // The Workbook's chain reversed: each of its sectors points at the one before, so cfb,
    // starting from each in turn, would copy every suffix of it.
    const bytes = Uint8Array.from(big);
    const { view, fatEntry, size } = layout(bytes);
    const length = Math.ceil(biff8Stream(sample).length / size);
    expect(length).toBeGreaterThan(8);
    for (let k = 0; k < length; k++) view.setInt32(fatEntry(workbookStart + k), k === 0 ? -2 : workbookStart + k - 1, true);
    // The directory now names the chain's last sector as its start, a chain of the same sectors.
    expect(timed(bytes).code).toBe("corrupt");
  });
});
