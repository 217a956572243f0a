/** Reading workbooks from disk and finding the ledgers in them. */
import { basename } from "node:path";
import { detectHeader, looksLikeLedger } from "../analytics/header.js";
import { analyzeWorkbook, readLedger, type Ledger, type ReadLedger, type WorkbookOptions } from "../analytics/ledger.js";
import { MergeIndex } from "../analytics/sheet/merge-index.js";
import type { Workbook } from "../analytics/sheet/sheet-model.js";
import { WorkbookReadError } from "../analytics/xlsx/read-errors.js";
import { readWorkbookFile } from "../analytics/xlsx/read-file.js";
import { InputError } from "./exit-errors.js";
import { userMessage } from "../analytics/findings/user-message.js";

export interface LoadedFile {
  readonly path: string;
  readonly ledgers: readonly Ledger[];
}

async function readWorkbookAt(path: string, options: WorkbookOptions): Promise<Workbook> {
  const workbook = await readWorkbookFile(path, { source: basename(path) }).catch((error: unknown) => {
    if (error instanceof WorkbookReadError) throw new InputError(userMessage("file-problem", { file: path, problem: error.said }));
    throw error;
  });
  if (options.sheet !== undefined && !workbook.sheets.some((s) => s.name === options.sheet)) {
    const sheets = workbook.sheets.map((s) => `“${s.name}”`);
    throw new InputError(userMessage("no-such-sheet", { file: path, sheet: options.sheet, sheets }));
  }
  return workbook;
}

function noLedger(path: string): InputError {
  return new InputError(userMessage("no-ledger-in-file", { file: path }));
}

/** One file's ledgers; a file with none is unusable input (exit 2), with the reason why. */
export async function loadLedgers(path: string, options: WorkbookOptions): Promise<LoadedFile> {
  const { ledgers } = analyzeWorkbook(await readWorkbookAt(path, options), options);
  if (ledgers.length === 0) throw noLedger(path);
  return { path, ledgers };
}

/** One file's ledgers read for their items only, no checks run: what comparing versions needs. */
export async function loadItemLedgers(path: string, options: WorkbookOptions): Promise<readonly ReadLedger[]> {
  const workbook = await readWorkbookAt(path, options);
  const ledgers: ReadLedger[] = [];
  for (const sheet of workbook.sheets) {
    if (options.sheet !== undefined && sheet.name !== options.sheet) continue;
    const merges = new MergeIndex(sheet);
    const header = detectHeader(sheet, merges);
    if (header && looksLikeLedger(header)) ledgers.push(readLedger(sheet, header, options, merges));
  }
  if (ledgers.length === 0) throw noLedger(path);
  return ledgers;
}
