/**
 * 汇总: several submitted workbooks into one view, by the same rules as `taizhang report`
 * (analytics/consolidate.ts): each file read and checked on its own, every item counted once
 * per unit it names, and one unit spelled several ways across files counted under one name
 * (and said so). A file that cannot be read is named with the reader's reason, not fatal.
 */
import type { Day } from "../../analytics/day.js";
import type { Lang } from "../../analytics/lang.js";
import { errorIn } from "../../analytics/findings/user-message.js";
import { consolidate, type Consolidation } from "../../analytics/consolidate.js";
import type { Item } from "../../analytics/item.js";
import { sourcedStarts } from "../../analytics/ledger-start.js";
import { analyzeWorkbook, type Ledger } from "../../analytics/ledger.js";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { fileKind } from "../../analytics/xlsx/signature.js";

export interface FileResult {
  readonly file: string;
  readonly ledgers: readonly Ledger[];
  /** Why the file could not be read, in the reader's words. */
  readonly error?: string;
}

export interface PaneConsolidation extends Consolidation {
  /** How many files were picked, read or not. */
  readonly picked: number;
  readonly ledgerCount: number;
  readonly failures: ReadonlyArray<{ readonly file: string; readonly error: string }>;
  /** Where each item's 序时 period starts, from its own ledger. */
  readonly startOf: (item: Item) => Day;
}

export interface ReadOptions {
  readonly asOf: Day;
  readonly dueSoonDays: number;
  readonly lang: Lang;
}

/**
 * One picked file's bytes, read and checked; a file that cannot be read says why. An .xlsx is
 * read at once; the readers of other files (a web page or Excel 2003 XML under a .xls name, a
 * CSV) are loaded the first time one is picked, so the pane's first load stays small.
 */
export async function readSubmission(file: string, bytes: Uint8Array, options: ReadOptions): Promise<FileResult> {
  try {
    const workbook = fileKind(bytes) === "zip" ? readWorkbook(bytes, { source: file, changeLog: "header" }) : (await import(/* webpackChunkName: "other-formats" */ "../../analytics/spreadsheet-file.js")).readSpreadsheet(bytes, { source: file, changeLog: "header" });
    return { file, ledgers: analyzeWorkbook(workbook, options).ledgers };
  } catch (error) {
    return { file, ledgers: [], error: errorIn(error, options.lang) };
  }
}

export function consolidateFiles(results: readonly FileResult[]): PaneConsolidation {
  const usable = results.filter((r) => r.ledgers.length > 0);
  return {
    ...consolidate(usable),
    picked: results.length,
    ledgerCount: usable.reduce((n, r) => n + r.ledgers.length, 0),
    failures: results.flatMap((r) => (r.error === undefined ? [] : [{ file: r.file, error: r.error }])),
    startOf: sourcedStarts(usable),
  };
}
