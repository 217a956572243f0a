/**
 * Reading a web page as a workbook: what Excel or WPS shows when it opens a "报表.xls" that a
 * system exported as HTML, or a page of a published 整改清单 saved from a government site. One
 * sheet, named as Excel's own export names it, else after the file (as Excel does).
 */
import { userMessage } from "../findings/user-message.js";
import type { Workbook } from "../sheet/sheet-model.js";
import { sheetNameOfFile } from "../sheet/sheet-name-of-file.js";
import { ReadBudget } from "../xlsx/read-budget.js";
import { readError } from "../xlsx/read-errors.js";
import { parsePage } from "./html-page.js";
import { pageSheet } from "./html-sheet.js";
import { htmlText } from "./html-text.js";

/**
 * Past this a page is no ledger anyone published: a 100,000-row ledger as a page is 22 to 34 MB,
 * and a page of 480,000 such rows (106 MB) took the command line 33 s and 1.2 GB, far past the
 * 10 s and 800 MiB any file may take.
 */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

export function readHtmlWorkbook(bytes: Uint8Array, options: { readonly source: string }): Workbook {
  if (bytes.length > MAX_PAGE_BYTES) throw readError("too-large", userMessage("page-too-large", { size: Math.round(bytes.length / 1024 / 1024) }));
  const page = parsePage(htmlText(bytes), new ReadBudget());
  const sheet = pageSheet(page.blocks, page.sheetName ?? sheetNameOfFile(options.source));
  if (sheet.rows.length === 0) throw readError("empty", userMessage("page-no-table"));
  return { source: options.source, sheets: [sheet] };
}
