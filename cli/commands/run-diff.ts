/**
 * `taizhang diff OLD NEW`: two versions of one ledger compared (contract §8). The new version is
 * judged at --as-of, the old at --old-as-of, else its title's 填报日期, else the new day. Prints
 * the changes and the unit table, or the JSON; -o also writes them to a workbook or a page.
 * Two versions with nothing in common are refused (exit 2): they are not one ledger. Of a
 * workbook with several ledgers, the new one's first is compared with the old sheet of the same
 * name, else the old first (--sheet picks one in both).
 */
import { basename, dirname, extname, resolve } from "node:path";
import { oldVersionAsOf } from "../../analytics/diff/as-of.js";
import { diffLedgers, nothingInCommon } from "../../analytics/diff/diff.js";
import type { Day } from "../../analytics/day.js";
import { CYCLE_WORDS, formatMessage } from "../../analytics/findings/catalogue.js";
import type { Lang } from "../../analytics/lang.js";
import { readLedger, type ReadLedger } from "../../analytics/ledger.js";
import { InputError, UsageError } from "../exit-errors.js";
import { userMessage } from "../../analytics/findings/user-message.js";
import type { Output } from "../io.js";
import { hiddenCopyNotices, loadItemLedgers } from "../load.js";
import { printDiff } from "../print/diff-view.js";
import { writeAll } from "../report/outputs.js";

export interface DiffOptions {
  readonly sheet?: string;
  readonly asOf: Day;
  readonly oldAsOf: Day | null;
  readonly baseYear: number | null;
  readonly json: boolean;
  readonly output: string | null;
  readonly lang: Lang;
  readonly color: boolean;
}

/** The old version re-read at its own day, when that differs from the day it was first read at. */
function atDay(ledger: ReadLedger, asOf: Day, baseYear: number | null, lang: Lang): ReadLedger {
  return ledger.asOf === asOf ? ledger : readLedger(ledger.sheet, ledger.header, { asOf, baseYear, lang });
}

export async function runDiff(oldFile: string, newFile: string, options: DiffOptions, io: Output): Promise<number> {
  const kind = options.output === null ? null : extname(options.output).toLowerCase();
  if (kind !== null && kind !== ".xlsx" && kind !== ".html") throw new UsageError(userMessage("diff-output-kind", { path: options.output! }));
  const read = { sheet: options.sheet, asOf: options.asOf, baseYear: options.baseYear, lang: options.lang };
  const [oldLoaded, newLoaded] = [await loadItemLedgers(oldFile, read), await loadItemLedgers(newFile, read)];
  for (const [file, loaded] of [[oldFile, oldLoaded], [newFile, newLoaded]] as const) {
    for (const line of hiddenCopyNotices(basename(file), loaded.hiddenCopies, options.lang)) io.err(line);
  }
  const newLedger = newLoaded.ledgers[0]!;
  const firstOld = oldLoaded.ledgers.find((l) => l.sheet.name === newLedger.sheet.name) ?? oldLoaded.ledgers[0]!;
  const oldLedger = atDay(firstOld, oldVersionAsOf(options.oldAsOf, firstOld.baseDate, options.asOf), options.baseYear, options.lang);

  const diff = diffLedgers(oldLedger, newLedger, { old: basename(oldFile), new: basename(newFile) });
  if (nothingInCommon(diff) && oldLedger.items.length > 0 && newLedger.items.length > 0) throw new InputError(userMessage("versions-share-nothing"));

  if (options.output !== null) {
    const target = resolve(options.output);
    const content = kind === ".xlsx" ? await (await import("../diff/workbook.js")).diffWorkbook(diff, options.lang) : (await import("../diff/diff-page.js")).diffHtml(diff, options.lang);
    await writeAll(dirname(target), new Map([[basename(target), content]]));
  }
  if (options.json) io.out(JSON.stringify(diff, null, 2));
  else printDiff(diff, options, io);
  return 0;
}
