/** Sheets of one workbook: parts of one ledger (one per unit) or copies of it (one per month). */
import { describe, expect, it } from "vitest";
import { olderCopies, sheetNameDay, sheetsAreParts } from "../../../analytics/diff/sheet-parts.js";
import { detectHeader } from "../../../analytics/header.js";
import { analyzeSheet, type Ledger } from "../../../analytics/ledger.js";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { sheetOf } from "../../helpers/sheet.js";
import { ledgerOf, simpleRows } from "./version-ledgers.js";

const AS_OF = "2019-10-31";
const office = ledgerOf(simpleRows([["规范公务用车管理", "办公室", "2019年10月31日", "推进中"], ["落实意识形态责任制", "办公室", "2019年12月31日", "推进中"]]), AS_OF);
const finance = ledgerOf(simpleRows([["规范公务用车管理", "财务股", "2019年10月31日", "推进中"], ["清理津补贴发放", "财务股", "2019年11月30日", "已完成"]]), AS_OF);

describe("sheetsAreParts", () => {
  it("takes sheets that share no item for parts, even where a task is handed to both units", () => {
    expect(sheetsAreParts([office, finance])).toBe(true);
  });

  it("takes sheets holding the same items for copies (last month's kept beside this month's)", () => {
    const officeLater = ledgerOf(simpleRows([["规范公务用车管理", "办公室", "2019年10月31日", "已完成"], ["落实意识形态责任制", "办公室", "2019年12月31日", "推进中"]]), AS_OF);
    expect(sheetsAreParts([office, officeLater])).toBe(false);
  });

  it("has no parts in a single sheet", () => {
    expect(sheetsAreParts([office])).toBe(false);
  });
});

/** A ledger on a sheet of the given name. */
function sheetLedger(name: string, rows: CellValue[][]): Ledger {
  const sheet = sheetOf(rows, { name });
  return analyzeSheet(sheet, detectHeader(sheet)!, { asOf: AS_OF });
}

const ROWS: ReadonlyArray<readonly [string, string, string, string]> = [
  ["规范公务用车管理", "办公室", "2019年10月31日", "推进中"],
  ["落实意识形态责任制", "办公室", "2019年12月31日", "推进中"],
  ["清理津补贴发放", "财务股", "2019年11月30日", "已完成"],
];

describe("olderCopies", () => {
  it("leaves out last month's sheet beside this month's, told apart by the months in their names", () => {
    const september = sheetLedger("9月", simpleRows(ROWS));
    const october = sheetLedger("10月份", simpleRows([...ROWS.slice(0, 2), ["清理津补贴发放", "财务股", "2019年11月30日", "推进中"]]));
    expect(olderCopies([september, october])).toEqual([{ sheet: "9月", newer: "10月份" }]);
  });

  it("tells copies apart by the day their titles give before their names", () => {
    const a = sheetLedger("台账", simpleRows(ROWS, "2019年10月31日"));
    const b = sheetLedger("台账 (2)", simpleRows(ROWS, "2019年9月30日"));
    expect(olderCopies([a, b])).toEqual([{ sheet: "台账 (2)", newer: "台账" }]);
  });

  it("keeps every sheet when nothing tells the copies apart (one unit a sheet, the unit only in the name)", () => {
    const east = sheetLedger("东街道", simpleRows(ROWS));
    const west = sheetLedger("西街道", simpleRows(ROWS));
    expect(olderCopies([east, west])).toEqual([]);
  });

  it("keeps dated sheets that share few items: two months of different work", () => {
    const october = sheetLedger("10月", simpleRows(ROWS));
    const november = sheetLedger("11月", simpleRows([["开展医药购销专项整治", "医政医管股", "2019年12月31日", "推进中"], ["完善干部选拔制度", "人事股", "2019年12月31日", "推进中"], ["规范公务用车管理", "办公室", "2019年10月31日", "已完成"]]));
    expect(olderCopies([october, november])).toEqual([]);
  });

  it("takes 1月 for the newer beside 12月: months named without a year run into the next year", () => {
    expect(olderCopies([sheetLedger("12月", simpleRows(ROWS)), sheetLedger("1月", simpleRows(ROWS))])).toEqual([{ sheet: "12月", newer: "1月" }]);
    const autumn = ["9月", "10月", "11月"].map((name) => sheetLedger(name, simpleRows(ROWS)));
    expect(olderCopies(autumn).map((c) => c.sheet)).toEqual(["9月", "10月"]);
    // A whole year of monthly sheets: no gap is the widest, and December is the last.
    const year = Array.from({ length: 12 }, (_, m) => sheetLedger(`${m + 1}月`, simpleRows(ROWS)));
    expect(new Set(olderCopies(year).map((c) => c.newer))).toEqual(new Set(["12月"]));
  });

  it("keeps both when two copies claim the same month", () => {
    expect(olderCopies([sheetLedger("10月", simpleRows(ROWS)), sheetLedger("10月（修改）", simpleRows(ROWS))])).toEqual([]);
  });
});

describe("sheetNameDay", () => {
  it("reads the month a sheet's name gives as its last day, the year from the name or the ledger", () => {
    expect(sheetNameDay("10月", 2019)).toBe("2019-10-31");
    expect(sheetNameDay("2020年2月进展", 2019)).toBe("2020-02-29");
    expect(sheetNameDay("2019.11", 2020)).toBe("2019-11-30");
    expect(sheetNameDay("整改台账", 2019)).toBeNull();
    expect(sheetNameDay("13月", 2019)).toBeNull();
  });
});
