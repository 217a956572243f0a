/** Reading a workbook from disk, an .xlsx or a legacy .xls: the one Node-only piece of the reader. */
import { userMessage } from "../findings/user-message.js";
import { readFile, stat } from "node:fs/promises";
import { readError, type WorkbookReadError } from "./read-errors.js";
import { readSpreadsheet } from "../spreadsheet-file.js";
import type { ReadOptions } from "./read.js";
import { fileKind } from "./signature.js";
import { readXlsWorkbook } from "../xls/read-xls.js";
import type { Workbook } from "../sheet/sheet-model.js";

/** A file larger than this on disk is not a ledger anyone typed by hand. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Any spreadsheet file (spreadsheet-file.ts): an .xlsx, or a web page with a spreadsheet's name;
 * a legacy .xls here only, on the command line (analytics/xls/), so cfb stays out of the pane.
 */
export async function readWorkbookFile(path: string, options: ReadOptions): Promise<Workbook> {
  const bytes = await readBytes(path);
  // A legacy .xls goes to its own reader, as a Buffer (a view, no copy), which cfb joins natively.
  if (fileKind(bytes) === "legacy-xls") return readXlsWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
  return readSpreadsheet(bytes, options);
}

export async function readBytes(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw readError("not-xlsx", userMessage("file-is-folder"));
    // A pipe never ends until its writer closes it, and /dev/zero never ends at all: reading
    // either would hang or fill memory. Only a regular file has a size to trust.
    if (!info.isFile()) throw readError("not-xlsx", userMessage("file-not-regular"));
    size = info.size;
  } catch (error) {
    if (isReadError(error)) throw error;
    throw fileProblem(error);
  }
  if (size > MAX_FILE_BYTES) throw readError("too-large", userMessage("file-size", { size: Math.round(size / 1024 / 1024) }));
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw fileProblem(error);
  }
}

function isReadError(error: unknown): error is WorkbookReadError {
  return error instanceof Error && error.name === "WorkbookReadError";
}

function fileProblem(error: unknown): WorkbookReadError {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT" || code === "ENOTDIR") return readError("not-found");
  // The file is there: "not found" would send the clerk looking for it.
  if (code === "EACCES" || code === "EPERM") return readError("unreadable", userMessage("file-permission"));
  if (code === "ELOOP") return readError("unreadable", userMessage("file-link-loop"));
  return readError("unreadable", userMessage("file-system-problem", { problem: error instanceof Error ? error.message : String(error) }));
}
