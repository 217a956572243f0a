/** `taizhang check FILE…`: read ledgers, print a summary and findings, or JSON reports. */
import { basename } from "node:path";
import type { Lang } from "../../analytics/lang.js";
import type { WorkbookOptions } from "../../analytics/ledger.js";
import { toReport, type LedgerReport } from "../../analytics/check-report.js";
import { exitCodeOf, oneLine } from "../exit-errors.js";
import { leftOutNotices, loadLedgers } from "../load.js";
import { formatCheck, formatCombined } from "../print/check-view.js";
import { writeJson } from "../print/json.js";
import type { Output } from "../io.js";

export interface CheckCommandOptions extends WorkbookOptions {
  readonly json: boolean;
  readonly all: boolean;
  readonly lang: Lang;
  readonly color: boolean;
  readonly verbose?: boolean;
}


/**
 * Checks each file in turn; a bad file is reported and skipped, and sets the exit code.
 * Reports are written as each file is done, so a batch never holds every ledger at once;
 * with --json the output is the lone report, or an array once there is a second one.
 */
export async function runCheck(files: readonly string[], options: CheckCommandOptions, io: Output): Promise<number> {
  const json = new ReportStream(io);
  let printed = 0;
  let exitCode = 0;
  const totals = { total: 0, completed: 0, overdue: 0, dueSoon: 0, overdueUnknown: 0 };
  for (const path of files) {
    try {
      const loaded = await loadLedgers(path, options);
      for (const line of leftOutNotices(basename(path), loaded, options.lang)) io.err(line);
      for (const ledger of loaded.ledgers) {
        if (options.json) json.add(toReport(ledger, basename(path)));
        else {
          io.out((printed++ > 0 ? "\n" + "─".repeat(60) + "\n\n" : "") + formatCheck(basename(path), ledger, options));
          for (const key of ["total", "completed", "overdue", "dueSoon", "overdueUnknown"] as const) totals[key] += ledger.summary[key];
        }
      }
    } catch (error) {
      io.err(oneLine(error, options.lang));
      exitCode = Math.max(exitCode, exitCodeOf(error));
    }
  }
  json.end();
  if (printed > 1) io.out("\n" + "═".repeat(60) + "\n" + formatCombined(printed, totals, options.lang));
  return exitCode;
}

/** The lone report is held back until we know whether a second one follows. */
class ReportStream {
  private pending: LedgerReport | null = null;
  private count = 0;

  constructor(private readonly io: Output) {}

  add(report: LedgerReport): void {
    this.count++;
    if (this.count === 1) {
      this.pending = report;
      return;
    }
    if (this.pending) {
      this.io.write("[\n");
      this.element(this.pending);
      this.pending = null;
    }
    this.io.write(",\n");
    this.element(report);
  }

  end(): void {
    if (this.pending) writeJson(this.pending, (text) => this.io.write(text));
    else if (this.count > 1) this.io.write("\n]\n");
  }

  private element(report: LedgerReport): void {
    this.io.write("  ");
    writeJson(report, (text) => this.io.write(text), "  ", "");
  }
}

