/**
 * `taizhang diff` on next month's file as the office receives it: the sheet renamed, the ledger
 * split one sheet per unit (or joined again), last month's sheet kept beside this month's, the
 * file saved by WPS; and the mistakes made choosing files: one file twice, an unchanged copy, the
 * two swapped, a workbook with no ledger.
 */
import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";
import { EXPECTED_CHANGES, OCTOBER, octoberRows, septemberRows } from "../analytics/diff/monthly-ledgers.js";
import { writeRowsWorkbook, writeSheetsWorkbook } from "../helpers/rows-workbook.js";
import { taizhang } from "../helpers/run-taizhang.js";

interface JsonChange { kind: string; oldRow: number | null; newRow: number | null; unit: string | null; oldSheet?: string | null; newSheet?: string | null }

const AS_OF = "2019-10-31";
const expectedKinds = EXPECTED_CHANGES.map((e) => e.kind).sort();

function diffJson(oldFile: string, newFile: string, ...more: string[]): { changes: JsonChange[]; stderr: string; code: number | null; matched: { count: number } } {
  const run = taizhang("diff", oldFile, newFile, "--as-of", AS_OF, "--json", ...more);
  if (run.code !== 0) return { changes: [], stderr: run.stderr, code: run.code, matched: { count: 0 } };
  const diff = JSON.parse(run.stdout);
  return { changes: diff.changes, stderr: run.stderr, code: run.code, matched: diff.matched };
}

const kindsOf = (changes: readonly JsonChange[]): string[] => changes.map((c) => c.kind).sort();

/** October split one sheet per unit, as a clerk filters by 责任单位 and copies each unit out: title and header on every sheet. */
function octoberByUnit(): Array<{ name: string; rows: CellValue[][] }> {
  const rows = octoberRows();
  const [titles, header, items] = [rows.slice(0, 3), rows[3]!, rows.slice(4, 4 + OCTOBER.length)];
  const units = [...new Set(OCTOBER.map((i) => i.unit))];
  return units.map((unit) => ({ name: unit, rows: [...titles, header, ...items.filter((r) => r[6] === unit)] }));
}

/** The workbook as WPS saves it: its own package parts, and the deadlines retyped as date cells in 年月日 format. */
async function savedByWps(path: string, rows: CellValue[][], deadlineCol: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  rows.forEach((row, r) => {
    const added = ws.addRow(row.map((v) => (v !== null && typeof v === "object" ? null : v)));
    const match = r > 3 ? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u.exec(String(row[deadlineCol - 1] ?? "")) : null;
    if (match) {
      const cell = added.getCell(deadlineCol);
      cell.value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      cell.numFmt = 'yyyy"年"m"月"d"日"';
    }
  });
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const custom = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>';
  parts["docProps/custom.xml"] = strToU8(custom);
  parts["xl/cellimages.xml"] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"/>');
  const types = new TextDecoder().decode(parts["[Content_Types].xml"]!);
  parts["[Content_Types].xml"] = strToU8(types.replace("</Types>", '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'));
  await writeFile(path, zipSync(parts));
  return path;
}

let dir: string;
let september: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-next-month-"));
  september = await writeRowsWorkbook(join(dir, "台账-9月.xlsx"), septemberRows(), "9月");
});

describe("next month's file as the office receives it", () => {
  it("pairs a sheet renamed 9月 → 10月", async () => {
    const october = await writeRowsWorkbook(join(dir, "renamed.xlsx"), octoberRows(), "10月");
    const { changes, stderr } = diffJson(september, october);
    expect(stderr).toBe("");
    expect(kindsOf(changes)).toEqual(expectedKinds);
  });

  it("compares a ledger split one sheet per unit as one version, each row with its sheet", async () => {
    const split = await writeSheetsWorkbook(join(dir, "split.xlsx"), octoberByUnit());
    const { changes, stderr } = diffJson(september, split);
    expect(stderr).toBe("");
    expect(kindsOf(changes)).toEqual(expectedKinds);
    const completed = changes.find((c) => c.kind === "completed")!;
    expect(completed).toMatchObject({ oldSheet: "9月", newSheet: "规划信息股", unit: "规划信息股" });
    // Its row is the row on the unit's own sheet: three title rows, the header, then the unit's items.
    expect(completed.newRow).toBe(5);
    const removed = changes.find((c) => c.kind === "removed")!;
    expect(removed).toMatchObject({ newSheet: null, newRow: null, oldSheet: "9月" });
    // The terminal names the sheet with the row, as Excel does.
    const printed = taizhang("diff", september, split, "--as-of", AS_OF).stdout;
    expect(printed).toMatch(/规划信息股!5 +贯彻落实健康中国战略/u);
    expect(printed).toContain("(9月!16)");
    // The workbook gives the sheet-and-row its room.
    const xlsx = join(dir, "split-对比.xlsx");
    expect(taizhang("diff", september, split, "--as-of", AS_OF, "-o", xlsx).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getColumn(3).values).toContain("规划信息股!5");
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual("规划信息股!5".length * 2 - 3);
  });

  it("and the other way: last month split by unit, this month one sheet", async () => {
    const septemberSplit = await writeSheetsWorkbook(join(dir, "9月-split.xlsx"), (() => {
      const rows = septemberRows();
      const [titles, header, items] = [rows.slice(0, 3), rows[3]!, rows.slice(4, -1)];
      return [...new Set(items.map((r) => r[5] as string))].map((unit) => ({ name: unit, rows: [...titles, header, ...items.filter((r) => r[5] === unit)] }));
    })());
    const october = await writeRowsWorkbook(join(dir, "10月-one.xlsx"), octoberRows(), "10月");
    expect(kindsOf(diffJson(septemberSplit, october).changes)).toEqual(expectedKinds);
  });

  it("keeps to this month's sheet when last month's is kept beside it", async () => {
    const both = await writeSheetsWorkbook(join(dir, "10月-with-9月.xlsx"), [{ name: "10月", rows: octoberRows() }, { name: "9月", rows: septemberRows() }]);
    const { changes } = diffJson(september, both);
    expect(kindsOf(changes)).toEqual(expectedKinds);
    expect(changes.every((c) => c.newSheet === undefined)).toBe(true);
  });

  it("reads the file WPS saved, dates retyped as date cells, as the same ledger", async () => {
    const wps = await savedByWps(join(dir, "10月-wps.xlsx"), octoberRows(), 9);
    const excel = await writeRowsWorkbook(join(dir, "10月-excel.xlsx"), octoberRows());
    expect(kindsOf(diffJson(september, wps).changes)).toEqual(expectedKinds);
    // Saved by WPS and by Excel, the same month: nothing changed.
    expect(diffJson(excel, wps).changes).toEqual([]);
    expect(new TextDecoder().decode(unzipSync(new Uint8Array(await readFile(wps)))["docProps/custom.xml"]!)).toContain("KSOProductBuildVer");
  });
});

describe("the day each version speaks for", () => {
  it("judges last month at the 截至 day over its progress column when its title gives none", async () => {
    const rows = (label: string): CellValue[][] => [
      ["序号", "存在问题", "责任单位", "完成时限", label],
      [1, "党员发展工作程序不规范，档案资料不齐全", "党建办", "2019年10月15日", "推进中"],
      [2, "财务报销审核把关不严", "财务股", "2019年12月31日", "推进中"],
    ];
    const old = await writeRowsWorkbook(join(dir, "进展-9月.xlsx"), rows("进展情况（截至9月底）"));
    const next = await writeRowsWorkbook(join(dir, "进展-10月.xlsx"), rows("进展情况（截至10月底）"));
    const run = taizhang("diff", old, next, "--as-of", AS_OF, "--json");
    const diff = JSON.parse(run.stdout);
    expect(diff.old.asOf).toBe("2019-09-30");
    expect(diff.changes).toMatchObject([{ kind: "newly-overdue", newRow: 2, days: 16 }]);
    // Swapped, the dates say so.
    expect(taizhang("diff", next, old, "--as-of", AS_OF).stderr).toContain("两个文件是否放反了");
  });
});

describe("the files chosen", () => {
  it("refuses one file given twice, in one line", () => {
    const run = taizhang("diff", september, september, "--as-of", AS_OF);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual(["taizhang: 上期和本期是同一个文件（台账-9月.xlsx），无从对比：请给出上期和本期两个文件"]);
    expect(run.stdout).toBe("");
  });

  it("says an unchanged copy changes nothing, and still judges it at the new day", async () => {
    const copy = join(dir, "台账-10月（未改动）.xlsx");
    await copyFile(september, copy);
    const run = taizhang("diff", september, copy, "--as-of", AS_OF, "--lang", "en");
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe("taizhang: 台账-9月.xlsx and 台账-10月（未改动）.xlsx are identical: the current version changes nothing");
    // The copy is judged at the new day: what fell due since is newly overdue, and nothing else.
    expect(JSON.parse(taizhang("diff", september, copy, "--as-of", AS_OF, "--json").stdout).changes.map((c: JsonChange) => c.kind)).toEqual(["newly-overdue"]);
  });

  it("warns when last month's file is dated after this month's: the two swapped", async () => {
    const october = await writeRowsWorkbook(join(dir, "台账-10月.xlsx"), octoberRows());
    const run = taizhang("diff", october, september, "--as-of", AS_OF);
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe("taizhang: 上期 台账-10月.xlsx 的日期（2019-10-31）晚于本期 台账-9月.xlsx（2019-09-30），两个文件是否放反了？下面按所给顺序对比");
    expect(taizhang("diff", september, october, "--as-of", AS_OF).stderr).toBe("");
  });

  it("refuses a previous file with no ledger, naming it", async () => {
    const notes = await writeRowsWorkbook(join(dir, "通知.xlsx"), [["关于报送10月份整改进展情况的通知"], ["各单位：请于11月5日前报送。"]], "通知");
    const run = taizhang("diff", notes, september, "--as-of", AS_OF);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("通知.xlsx: 没有找到台账");
  });
});
