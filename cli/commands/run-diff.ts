/**
 * `taizhang diff OLD NEW`: two versions of one ledger compared (contract §8). The new version is
 * judged at --as-of, the old at --old-as-of, else the day it states (its title's 填报日期, a 截至
 * day in its title or over its progress column: as-of.ts), else the new day. Prints
 * the changes and the unit table, or the JSON; -o also writes them to a workbook or a page.
 * Two versions with nothing in common are refused (exit 2): they are not one ledger. A workbook
 * whose ledger sheets are parts of one ledger (one sheet per unit: no item in two sheets) is
 * compared as one version; of sheets that are copies (this month's beside last month's), the new
 * workbook's first is compared with the old sheet of the same name, else the old first (--sheet
 * picks one in both).
 */
import { readFile, realpath, stat } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";
import { oldVersionAsOf, versionDay, versionDayOf } from "../../analytics/diff/as-of.js";
import { diffLedgers, diffVersions, nothingInCommon, type LedgerDiff } from "../../analytics/diff/diff.js";
import { sheetsAreParts } from "../../analytics/diff/sheet-parts.js";
import { combinedVersion } from "../../analytics/diff/versions.js";
import type { Day } from "../../analytics/day.js";
import { CYCLE_WORDS, formatMessage } from "../../analytics/findings/catalogue.js";
import type { Lang } from "../../analytics/lang.js";
import { readLedger, type ReadLedger } from "../../analytics/ledger.js";
import { InputError, UsageError } from "../exit-errors.js";
import { userMessage } from "../../analytics/findings/user-message.js";
import type { Output } from "../io.js";
import { leftOutNotices, loadItemLedgers } from "../load.js";
import { noticeLine } from "../exit-errors.js";
import { printDiff } from "../print/diff-view.js";
import { outputProblem, writeAll } from "../write-file.js";

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

type Files = { readonly old: string; readonly new: string };

/** Two versions with no item in common are not one ledger (unless one of them is empty). */
function refuseUnrelated(diff: LedgerDiff, oldItems: number, newItems: number): LedgerDiff {
  if (nothingInCommon(diff) && oldItems > 0 && newItems > 0) throw new InputError(userMessage("versions-share-nothing"));
  return diff;
}

/** One ledger of each: the new workbook's first, and the old sheet of the same name, else the old first. */
function diffOfFirst(olds: readonly ReadLedger[], news: readonly ReadLedger[], files: Files, options: DiffOptions): LedgerDiff {
  const newLedger = news[0]!;
  const firstOld = olds.find((l) => l.sheet.name === newLedger.sheet.name) ?? olds[0]!;
  const oldLedger = atDay(firstOld, oldVersionAsOf(options.oldAsOf, versionDay(firstOld), options.asOf), options.baseYear, options.lang);
  return refuseUnrelated(diffLedgers(oldLedger, newLedger, files), oldLedger.items.length, newLedger.items.length);
}

/** Every ledger sheet of each workbook as one version: a ledger split one sheet per unit, in either month. */
function diffOfParts(olds: readonly ReadLedger[], news: readonly ReadLedger[], files: Files, options: DiffOptions): LedgerDiff {
  const oldAsOf = oldVersionAsOf(options.oldAsOf, versionDayOf(olds), options.asOf);
  const rejudged = olds.map((l) => atDay(l, oldAsOf, options.baseYear, options.lang));
  const diff = diffVersions(combinedVersion([{ file: files.old, ledgers: rejudged }], oldAsOf), combinedVersion([{ file: files.new, ledgers: news }], options.asOf));
  const count = (ledgers: readonly ReadLedger[]): number => ledgers.reduce((n, l) => n + l.items.length, 0);
  return refuseUnrelated(diff, count(olds), count(news));
}

/** One file given twice (the same path, or a link to it); null when either cannot be resolved. */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([realpath(a).catch(() => null), realpath(b).catch(() => null)]);
  return x !== null && x === y;
}

/** Two files with the same bytes: a version resubmitted without a change. Sizes first, so that most pairs read nothing. */
async function identicalFiles(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a), stat(b)]);
  if (x.size !== y.size) return false;
  const [p, q] = await Promise.all([readFile(a), readFile(b)]);
  return p.equals(q);
}

export async function runDiff(oldFile: string, newFile: string, options: DiffOptions, io: Output): Promise<number> {
  const kind = options.output === null ? null : extname(options.output).toLowerCase();
  if (kind !== null && kind !== ".xlsx" && kind !== ".html") throw new UsageError(userMessage("diff-output-kind", { path: options.output! }));
  if (await sameFile(oldFile, newFile)) throw new InputError(userMessage("diff-same-file", { file: basename(newFile) }));
  const read = { sheet: options.sheet, asOf: options.asOf, baseYear: options.baseYear, lang: options.lang };
  const [oldLoaded, newLoaded] = [await loadItemLedgers(oldFile, read), await loadItemLedgers(newFile, read)];
  for (const [file, loaded] of [[oldFile, oldLoaded], [newFile, newLoaded]] as const) {
    for (const line of leftOutNotices(basename(file), loaded, options.lang)) io.err(line);
  }
  const files = { old: basename(oldFile), new: basename(newFile) };
  const diff = sheetsAreParts(oldLoaded.ledgers) || sheetsAreParts(newLoaded.ledgers)
    ? diffOfParts(oldLoaded.ledgers, newLoaded.ledgers, files, options)
    : diffOfFirst(oldLoaded.ledgers, newLoaded.ledgers, files, options);
  if (await identicalFiles(oldFile, newFile)) io.err(noticeLine(userMessage("diff-identical-files", { oldFile: files.old, newFile: files.new }), options.lang));
  // The new version's own date: its title's, else the day it is judged at.
  const newDay = versionDayOf(newLoaded.ledgers) ?? diff.new.asOf;
  if (diff.old.asOf > newDay) {
    io.err(noticeLine(userMessage("diff-versions-reversed", { oldFile: files.old, oldDay: diff.old.asOf, newFile: files.new, newDay }), options.lang));
  }

  if (options.output !== null) {
    const target = resolve(options.output);
    const content = kind === ".xlsx" ? await (await import("../diff/workbook.js")).diffWorkbook(diff, options.lang) : (await import("../diff/diff-page.js")).diffHtml(diff, options.lang);
    await writeAll(dirname(target), new Map([[basename(target), content]])).catch((error: unknown) => {
      throw outputProblem(error, options.output!);
    });
  }
  if (options.json) io.out(JSON.stringify(diff, null, 2));
  else printDiff(diff, options, io);
  return 0;
}
