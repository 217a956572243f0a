/** Reading workbooks from disk and finding the ledgers in them. */
import { basename } from "node:path";
import { detectHeader, looksLikeLedger } from "../analytics/header.js";
import { analyzeWorkbook, readLedger, type Ledger, type ReadLedger, type WorkbookOptions } from "../analytics/ledger.js";
import { MergeIndex } from "../analytics/sheet/merge-index.js";
import type { Workbook } from "../analytics/sheet/sheet-model.js";
import { WorkbookReadError } from "../analytics/xlsx/read-errors.js";
import { readWorkbookFile } from "../analytics/xlsx/read-file.js";
import { InputError, noticeLine } from "./exit-errors.js";
import type { Lang } from "../analytics/lang.js";
import { userMessage } from "../analytics/findings/user-message.js";

export interface LoadedFile {
  readonly path: string;
  /** The ledgers to count: a hidden copy beside a visible ledger is not one (countedLedgers). */
  readonly ledgers: readonly Ledger[];
  /** Hidden sheets holding a ledger beside a visible one, left out: the command names them. */
  readonly hiddenCopies: readonly string[];
}

/**
 * The ledgers every command counts from one workbook. A hidden sheet is left out when a visible
 * one holds a ledger: what a clerk hides beside the ledger is an old copy or a backup
 * (整改任务清单(旧)), and counting it would count every task twice. It is named, never dropped
 * in silence; --sheet reads it when it is wanted.
 */
export function countedLedgers<L extends { readonly sheet: { readonly name: string; readonly hidden: boolean } }>(
  ledgers: readonly L[],
  sheetOption: string | undefined,
): { counted: L[]; hidden: string[] } {
  const visible = ledgers.filter((l) => !l.sheet.hidden);
  if (sheetOption !== undefined || visible.length === 0) return { counted: [...ledgers], hidden: [] };
  return { counted: visible, hidden: ledgers.filter((l) => l.sheet.hidden).map((l) => l.sheet.name) };
}

/** The notice naming each hidden copy left out of a file, in the user's language. */
export function hiddenCopyNotices(file: string, hiddenCopies: readonly string[], lang: Lang): string[] {
  return hiddenCopies.map((sheet) => noticeLine(userMessage("report-hidden-sheet-skipped", { file, sheet }), lang));
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
  const { counted, hidden } = countedLedgers(ledgers, options.sheet);
  return { path, ledgers: counted, hiddenCopies: hidden };
}

/** One file's ledgers read for their items only, no checks run: what comparing versions needs. */
export async function loadItemLedgers(path: string, options: WorkbookOptions): Promise<{ ledgers: readonly ReadLedger[]; hiddenCopies: readonly string[] }> {
  const workbook = await readWorkbookAt(path, options);
  const ledgers: ReadLedger[] = [];
  for (const sheet of workbook.sheets) {
    if (options.sheet !== undefined && sheet.name !== options.sheet) continue;
    const merges = new MergeIndex(sheet);
    const header = detectHeader(sheet, merges);
    if (header && looksLikeLedger(header)) ledgers.push(readLedger(sheet, header, options, merges));
  }
  if (ledgers.length === 0) throw noLedger(path);
  const { counted, hidden } = countedLedgers(ledgers, options.sheet);
  return { ledgers: counted, hiddenCopies: hidden };
}
