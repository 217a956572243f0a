/** Rows of cells written as a plain .xlsx (exceljs), for command-line tests of the cycle. */
import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";

export async function writeRowsWorkbook(path: string, rows: readonly (readonly CellValue[])[], sheetName = "整改台账"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const row of rows) ws.addRow(row.map((v) => (v !== null && typeof v === "object" ? ("day" in v ? new Date(`${v.day}T00:00:00Z`) : null) : v)));
  await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}
