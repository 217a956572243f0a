/**
 * Reading a legacy .xls workbook (Excel 97–2003, BIFF8, as Excel, WPS and LibreOffice still
 * save it) into the same sheet model as an .xlsx, from bytes, with no Node API. The command
 * line's file reader (analytics/xlsx/read-file.ts) hands it an .xls; the pane reads through
 * Office.js and its file mode keeps asking for .xlsx, so cfb stays out of the pane's bundle.
 * Format: Microsoft's open specifications [MS-XLS] (the records) and [MS-CFB] (the container).
 *
 * The read is whole or nothing: a record cut short, a count past its data, a cell past the
 * grid or a string the table lacks makes the file damaged (exit 2), never a ledger read in
 * part. The same budget as for an .xlsx bounds the cells and text kept.
 */
import { userMessage } from "../findings/user-message.js";
import type { Sheet, Workbook } from "../sheet/sheet-model.js";
import { ReadBudget } from "../xlsx/read-budget.js";
import { readError } from "../xlsx/read-errors.js";
import { BiffStream } from "./biff-records.js";
import { workbookStream } from "./compound-file.js";
import { readWorkbookGlobals, type BoundSheet } from "./workbook-globals.js";
import { readWorksheet } from "./worksheet-substream.js";

export interface XlsReadOptions {
  readonly source: string;
  /** Read only this sheet (by name); the others are listed with no rows. */
  readonly sheet?: string;
}

/**
 * Reading costs about three times the file (its bytes, the stream cfb joins, the cells): 100 MB
 * of records took 1.3 s and 330 MiB. An .xls holds at most 65,536 rows of 256 columns, and the
 * read budget stops at 4 million cells; a file past this size is no ledger, and would pass
 * 800 MiB before the budget could stop it.
 */
export const MAX_XLS_BYTES = 160 * 1024 * 1024;

export function readXlsWorkbook(bytes: Uint8Array, options: XlsReadOptions): Workbook {
  if (bytes.length > MAX_XLS_BYTES) {
    throw readError("too-large", userMessage("xls-too-large", { size: Math.round(bytes.length / 2 ** 20), limit: MAX_XLS_BYTES / 2 ** 20 }));
  }
  const stream = new BiffStream(workbookStream(bytes));
  const budget = new ReadBudget();
  const globals = readWorkbookGlobals(stream, budget);
  if (globals.sheets.length === 0) throw readError("empty", userMessage("book-no-sheets"));
  const sheets = globals.sheets.map((entry) =>
    options.sheet === undefined || entry.name === options.sheet ? readWorksheet(stream, entry, globals, budget) : emptySheet(entry),
  );
  if (options.sheet === undefined && sheets.every((s) => s.rows.length === 0)) throw readError("empty");
  return { source: options.source, sheets };
}

function emptySheet(entry: BoundSheet): Sheet {
  return { name: entry.name, hidden: entry.hidden, rows: [], merges: [], hiddenRows: new Set(), formulaCells: new Set() };
}
