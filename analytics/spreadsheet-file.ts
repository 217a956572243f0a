/**
 * Any spreadsheet file offices pass round, read into the sheet model: an .xlsx (or .xlsm), a
 * web page with a spreadsheet's name (a system's "导出 Excel" that writes HTML, a page saved
 * from a site), an Excel 2003 XML spreadsheet (another such export), or a CSV or tab-separated
 * text file. Each reader refuses what it cannot read with a message naming the file's kind.
 * `normalize` patches an .xlsx's own parts and reads through readWorkbook alone.
 */
import { readCsvWorkbook } from "./csv/read-csv.js";
import { readHtmlWorkbook } from "./html/read-html.js";
import { readSpreadsheet2003 } from "./spreadsheet-2003/read-spreadsheet-2003.js";
import type { Workbook } from "./sheet/sheet-model.js";
import { readWorkbook, type ReadOptions } from "./xlsx/read.js";
import { fileKind } from "./xlsx/signature.js";

export function readSpreadsheet(bytes: Uint8Array, options: ReadOptions): Workbook {
  switch (fileKind(bytes)) {
    case "html":
      return readHtmlWorkbook(bytes, options);
    case "xml-2003":
      return readSpreadsheet2003(bytes, options);
    case "text":
      return readCsvWorkbook(bytes, options);
    default:
      return readWorkbook(bytes, options);
  }
}
