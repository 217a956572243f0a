/** Reading workbooks from disk and finding the ledgers in them. */
import { basename } from "node:path";
import { olderCopies, type OlderCopy } from "../analytics/diff/sheet-parts.js";
import { analyzeWorkbook, ledgerHeader, readLedger, type Ledger, type ReadLedger, type WorkbookOptions } from "../analytics/ledger.js";
import { MergeIndex } from "../analytics/sheet/merge-index.js";
import type { Workbook } from "../analytics/sheet/sheet-model.js";
import { WorkbookReadError } from "../analytics/xlsx/read-errors.js";
import { readWorkbookFile } from "../analytics/xlsx/read-file.js";
import { InputError, noticeLine } from "./exit-errors.js";
import { zlibInflater } from "./zlib-inflater.js";
import type { Lang } from "../analytics/lang.js";
import { userMessage } from "../analytics/findings/user-message.js";

export interface LoadedFile {
  readonly path: string;
  /** The ledgers to count: a hidden copy beside a visible ledger is not one (countedLedgers). */
  readonly ledgers: readonly Ledger[];
  /** Hidden sheets holding a ledger beside a visible one, left out: the command names them. */
  readonly hiddenCopies: readonly string[];
  /** Last month's sheets kept beside this month's, left out: the command names them. */
  readonly olderCopies: readonly OlderCopy[];
}

/**
 * The ledgers every command counts from one workbook. A hidden sheet is left out when a visible
 * one holds a ledger: what a clerk hides beside the ledger is an old copy or a backup
 * (整改任务清单(旧)), and counting it would count every task twice. So is last month's sheet
 * kept visible beside this month's (olderCopies). Each is named, never dropped in silence;
 * --sheet reads it when it is wanted.
 */
export function countedLedgers<L extends ReadLedger>(ledgers: readonly L[], sheetOption: string | undefined): { counted: L[]; hidden: string[]; older: OlderCopy[] } {
  const visible = ledgers.filter((l) => !l.sheet.hidden);
  if (sheetOption !== undefined || visible.length === 0) return { counted: [...ledgers], hidden: [], older: [] };
  const older = olderCopies(visible);
  const left = new Set(older.map((c) => c.sheet));
  return { counted: visible.filter((l) => !left.has(l.sheet.name)), hidden: ledgers.filter((l) => l.sheet.hidden).map((l) => l.sheet.name), older };
}

/** The notices naming each sheet left out of a file (hidden copies, older copies), in the user's language. */
export function leftOutNotices(file: string, loaded: { readonly hiddenCopies: readonly string[]; readonly olderCopies: readonly OlderCopy[] }, lang: Lang): string[] {
  return [
    ...loaded.hiddenCopies.map((sheet) => noticeLine(userMessage("report-hidden-sheet-skipped", { file, sheet }), lang)),
    ...loaded.olderCopies.map(({ sheet, newer }) => noticeLine(userMessage("older-copy-skipped", { file, sheet, newer }), lang)),
  ];
}

async function readWorkbookAt(path: string, options: WorkbookOptions): Promise<Workbook> {
  const workbook = await readWorkbookFile(path, { source: basename(path), inflater: zlibInflater, changeLog: "header" }).catch((error: unknown) => {
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
  const { counted, hidden, older } = countedLedgers(ledgers, options.sheet);
  return { path, ledgers: counted, hiddenCopies: hidden, olderCopies: older };
}

/** One file's ledgers read for their items only, no checks run: what comparing versions needs. */
export async function loadItemLedgers(path: string, options: WorkbookOptions): Promise<{ ledgers: readonly ReadLedger[]; hiddenCopies: readonly string[]; olderCopies: readonly OlderCopy[] }> {
  const workbook = await readWorkbookAt(path, options);
  const ledgers: ReadLedger[] = [];
  for (const sheet of workbook.sheets) {
    if (options.sheet !== undefined && sheet.name !== options.sheet) continue;
    const merges = new MergeIndex(sheet);
    const header = ledgerHeader(sheet, merges);
    if (header) ledgers.push(readLedger(sheet, header, options, merges));
  }
  if (ledgers.length === 0) throw noLedger(path);
  const { counted, hidden, older } = countedLedgers(ledgers, options.sheet);
  return { ledgers: counted, hiddenCopies: hidden, olderCopies: older };
}
