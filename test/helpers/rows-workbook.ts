/** Rows of cells written as a plain .xlsx (exceljs), for command-line tests of the cycle. */
import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";

export async function writeRowsWorkbook(path: string, rows: readonly (readonly CellValue[])[], sheetName = "整改台账"): Promise<string> {
  return writeSheetsWorkbook(path, [{ name: sheetName, rows }]);
}

/** Several sheets of rows in one workbook, in the order given. */
export async function writeSheetsWorkbook(path: string, sheets: ReadonlyArray<{ readonly name: string; readonly rows: readonly (readonly CellValue[])[] }>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row.map((v) => (v !== null && typeof v === "object" ? ("day" in v ? new Date(`${v.day}T00:00:00Z`) : null) : v)));
  }
  await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}
