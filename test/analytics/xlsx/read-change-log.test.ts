/**
 * The change log normalize keeps (变更记录) as the reader gives it: whole by default; its header
 * alone when asked (every command that reads ledgers: the log grows some 2.5 rows a ledger row
 * each run and is never a ledger). A clerk's own sheet under the log's name is read whole.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { LOG_HEADERS } from "../../../analytics/normalize/log.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";

const LOG_ROWS = 3_000;

async function bookWith(logName: string, header: readonly string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ledger = wb.addWorksheet("整改台账");
  ledger.addRow(["序号", "问题", "责任单位", "完成时限", "完成情况"]);
  ledger.addRow([1, "台账不规范", "办公室", new Date(Date.UTC(2019, 5, 30)), "已完成"]);
  const log = wb.addWorksheet(logName);
  log.addRow([...header]);
  for (let i = 0; i < LOG_ROWS; i++) log.addRow(["2026-11-30 09:00:00", "整改台账", `E${i + 2}`, "完成情况", "完成", "已完成", "统一说法", "", "已应用"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("a change log read by the reader", () => {
  it("is read whole by default, every row", async () => {
    const book = readWorkbook(await bookWith("变更记录", LOG_HEADERS.zh), { source: "t.xlsx" });
    expect(book.sheets.find((s) => s.name === "变更记录")!.rows).toHaveLength(LOG_ROWS + 1);
  });

  it("is its header alone when the reader is asked for that, under any name normalize gives it", async () => {
    for (const name of ["变更记录", "变更记录(台账助手)", "变更记录(台账助手3)"]) {
      const book = readWorkbook(await bookWith(name, LOG_HEADERS.zh), { source: "t.xlsx", changeLog: "header" });
      const log = book.sheets.find((s) => s.name === name)!;
      expect(log.rows).toHaveLength(1);
      expect(log.rows[0]).toEqual([...LOG_HEADERS.zh]);
      expect(book.sheets.find((s) => s.name === "整改台账")!.rows).toHaveLength(2);
    }
  });

  it("is read whole when a clerk's own sheet bears its name without its header", async () => {
    const book = readWorkbook(await bookWith("变更记录", ["日期", "事项", "单元格", "内容", "原来", "现在", "备注", "格式", "状态"]), { source: "t.xlsx", changeLog: "header" });
    expect(book.sheets.find((s) => s.name === "变更记录")!.rows).toHaveLength(LOG_ROWS + 1);
  });

  it("is its header alone in English too", async () => {
    const book = readWorkbook(await bookWith("变更记录", LOG_HEADERS.en), { source: "t.xlsx", changeLog: "header" });
    expect(book.sheets.find((s) => s.name === "变更记录")!.rows).toHaveLength(1);
  });
});
