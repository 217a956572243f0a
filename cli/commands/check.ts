/** `taizhang check FILE…`: read ledgers, print a summary and findings, or JSON reports. */
import { basename } from "node:path";
import type { Lang } from "../../analytics/findings/catalogue.js";
import type { WorkbookOptions } from "../../analytics/ledger.js";
import { toReport, type LedgerReport } from "../../analytics/report.js";
import { exitCodeOf, oneLine } from "../errors.js";
import { loadLedgers } from "../load.js";
import { formatCheck } from "../print/check.js";
import type { Output } from "../io.js";

export interface CheckCommandOptions extends WorkbookOptions {
  readonly json: boolean;
  readonly all: boolean;
  readonly lang: Lang;
  readonly color: boolean;
}


/** Checks each file in turn; a bad file is reported and skipped, and sets the exit code. */
export async function runCheck(files: readonly string[], options: CheckCommandOptions, io: Output): Promise<number> {
  const reports: LedgerReport[] = [];
  const texts: string[] = [];
  let exitCode = 0;
  for (const path of files) {
    try {
      const loaded = await loadLedgers(path, options);
      for (const ledger of loaded.ledgers) {
        if (options.json) reports.push(toReport(ledger, basename(path)));
        else texts.push(formatCheck(basename(path), ledger, options));
      }
    } catch (error) {
      io.err(oneLine(error));
      exitCode = Math.max(exitCode, exitCodeOf(error));
    }
  }
  if (options.json) {
    if (reports.length > 0) io.out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  } else if (texts.length > 0) {
    io.out(texts.join("\n\n" + "─".repeat(60) + "\n\n"));
  }
  return exitCode;
}
