/**
 * Workbooks on the 1904 date system (an old Mac default, still met in files passed around):
 * the same serial is a day four years later there. Reading and normalizing keep each date on
 * its calendar day, whatever the system and whatever the machine's time zone.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../analytics/ledger.js";
import { cellsOf, normalizeBytes, readModel } from "./normalized.js";

async function ledgerOn1904(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet("整改台账");
  sheet.addRow(["序号", "存在问题", "责任单位", "完成时限", "完成情况"]);
  sheet.addRow([1, "学习制度不健全", "办公室", new Date(Date.UTC(2019, 5, 30)), "已完成"]);
  sheet.addRow([2, "经费管理不规范", "财务股", "2019年9月底前", "正在推进"]);
  sheet.getCell("D2").numFmt = "yyyy-mm-dd";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

let input: Uint8Array;

beforeAll(async () => {
  input = await ledgerOn1904();
});

describe("a workbook on the 1904 date system", () => {
  it("reads a date cell as the day Excel shows", () => {
    const { ledgers } = analyzeWorkbook(readModel(input), { asOf: "2019-12-31" });
    expect(ledgers[0]!.items.map((i) => i.deadline.date)).toEqual(["2019-06-30", "2019-09-30"]);
  });

  it("writes a converted deadline as the day it names, in the workbook's own system", async () => {
    const { output } = await normalizeBytes(input, "2019-12-31");
    const cells = cellsOf(readModel(output), "整改台账");
    expect(cells.get("D2")).toEqual({ day: "2019-06-30" });
    expect(cells.get("D3")).toEqual({ day: "2019-09-30" });
  });
});
