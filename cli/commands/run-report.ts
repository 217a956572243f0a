/**
 * `taizhang report FILE…|DIR -o OUTDIR`: the leaders' report (contract §7). Reads every
 * submitted workbook, consolidates them, and writes report.html (one self-contained page),
 * summary.xlsx and charts/*.png. A file that cannot be read is named on stderr and in the
 * report, and makes the exit code 2; with no readable file at all nothing is written.
 */
import { basename, relative } from "node:path";
import cliProgress from "cli-progress";
import { consolidate, type Submission } from "../../analytics/consolidate.js";
import type { Lang } from "../../analytics/lang.js";
import type { WorkbookOptions } from "../../analytics/ledger.js";
import { DEFAULT_DUE_SOON_DAYS } from "../../analytics/overdue.js";
import { sourcedStarts } from "../../analytics/ledger-start.js";
import type { LightRules } from "../../analytics/lights.js";
import { oldVersionAsOf, versionDayOf } from "../../analytics/diff/as-of.js";
import { diffVersions, nothingInCommon, type LedgerDiff } from "../../analytics/diff/diff.js";
import { combinedVersion } from "../../analytics/diff/versions.js";
import { CYCLE_WORDS } from "../../analytics/findings/catalogue.js";
import { analyzeSheet } from "../../analytics/ledger.js";
import { exitCodeOf, InputError, noticeLine, oneLine } from "../exit-errors.js";
import { renderMessage, userMessage } from "../../analytics/findings/user-message.js";
import type { Output } from "../io.js";
import { leftOutNotices, loadLedgers } from "../load.js";
import { overdueUnknowable, unjudgedLines } from "../../analytics/unjudged.js";
import { reportHtml } from "../report/report-page.js";
import { collectWorkbooks, type Input } from "../report/inputs.js";
import { overviewModel, type SkippedFile } from "../../analytics/overview/overview-model.js";
import { madeAt } from "../../analytics/overview/made-at.js";
import { summaryBook } from "../../analytics/overview/summary-book.js";
import { prepareOutputDir, writeAll } from "../write-file.js";
import { renderChart } from "../report/render-png.js";
import { renderSummaryBook } from "../../addin/exceljs/summary-workbook.js";
import { OVERVIEW_WORDS } from "../../analytics/overview/overview-words.js";
import { percent } from "../../analytics/charts/chart-words.js";
import { terminalSafe } from "../terminal-safe.js";

export interface ReportCommandOptions extends WorkbookOptions {
  readonly output: string;
  readonly lang: Lang;
  /** Show a progress bar (stderr is a terminal and there are several files). */
  readonly progress: boolean;
  readonly rules: LightRules;
  /** Last time's files (--previous): the report gains a 较上期 section. */
  readonly previous: readonly string[];
}

async function readSubmissions(files: readonly Input[], options: ReportCommandOptions, io: Output) {
  const submissions: Submission[] = [];
  const skipped: SkippedFile[] = [];
  let exitCode = 0;
  const bar = options.progress && files.length > 1 ? new cliProgress.SingleBar({ format: `${renderMessage(userMessage("report-progress"), options.lang)} {bar} {value}/{total} {file}`, stream: process.stderr, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: "" });
  /** A line on stderr, with the progress bar out of its way. */
  const note = (line: string): void => {
    bar?.stop();
    io.err(line);
    bar?.start(files.length, submissions.length + skipped.length, { file: "" });
  };
  for (const { path, name } of files) {
    bar?.increment(0, { file: terminalSafe(basename(path), false) }); // the bar writes to stderr itself
    try {
      const loaded = await loadLedgers(path, options);
      submissions.push({ file: name, ledgers: loaded.ledgers });
      for (const line of leftOutNotices(name, loaded, options.lang)) note(line);
    } catch (error) {
      const line = oneLine(error, options.lang);
      skipped.push({ file: name, reason: line.replace(/^taizhang: /u, "").replace(`${path}: `, "") });
      exitCode = Math.max(exitCode, exitCodeOf(error));
      note(line);
    }
    bar?.increment(1);
  }
  bar?.stop();
  return { submissions, skipped, exitCode };
}

/**
 * Last time's files, judged at the day they state (contract §8: 填报日期, 截至…), else the new as-of, and
 * compared with this time's, all files of each side as one version.
 */
async function comparedWithPrevious(submissions: readonly Submission[], options: ReportCommandOptions, outDir: string): Promise<LedgerDiff> {
  const earlier: Submission[] = [];
  // The report's own summary workbooks are not last time's ledgers either.
  const collected = await collectWorkbooks(options.previous, outDir);
  // Last time's ledgers read in part would show items as added that were there all along.
  const locked = collected.unreadableFolders[0];
  if (locked !== undefined) throw new InputError(userMessage("report-folder-unreadable", { path: locked }));
  for (const input of collected.inputs) earlier.push({ file: input.name, ledgers: (await loadLedgers(input.path, options)).ledgers });
  const oldAsOf = oldVersionAsOf(null, versionDayOf(earlier.flatMap((s) => s.ledgers)), options.asOf);
  const rejudged = earlier.map((s) => ({ file: s.file, ledgers: s.ledgers.map((l) => (l.asOf === oldAsOf ? l : analyzeSheet(l.sheet, l.header, { ...options, asOf: oldAsOf }))) }));
  const diff = diffVersions(combinedVersion(rejudged, oldAsOf), combinedVersion(submissions, options.asOf));
  if (nothingInCommon(diff)) throw new InputError(userMessage("versions-share-nothing"));
  return diff;
}

export async function runReport(inputs: readonly string[], options: ReportCommandOptions, io: Output): Promise<number> {
  const dir = await prepareOutputDir(options.output);
  const { inputs: files, ownOutputs, unreadableFolders } = await collectWorkbooks(inputs, dir);
  for (const name of ownOutputs) io.err(noticeLine(userMessage("report-own-summary-skipped", { file: name }), options.lang));
  const lockedOut = unreadableFolders.map((folder) => ({ file: folder, said: userMessage("report-folder-unreadable", { path: folder }) }));
  for (const { said } of lockedOut) io.err(noticeLine(said, options.lang));
  if (files.length === 0) throw new InputError(userMessage("report-nothing-usable"));
  const read = await readSubmissions(files, options, io);
  const { submissions } = read;
  // A folder that could not be searched is a submission that could not be read: named on the page, exit 2.
  const skipped = [...lockedOut.map(({ file, said }) => ({ file, reason: renderMessage(said, options.lang).replace(`${file}: `, "") })), ...read.skipped];
  const exitCode = lockedOut.length > 0 ? Math.max(read.exitCode, 2) : read.exitCode;
  if (submissions.length === 0) throw new InputError(userMessage("report-nothing-usable"));

  const previous = options.previous.length > 0 ? await comparedWithPrevious(submissions, options, dir) : null;
  const model = overviewModel(consolidate(submissions), {
    asOf: options.asOf,
    dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    generatedAt: madeAt(),
    lang: options.lang,
    skipped,
    lights: { rules: options.rules, startOf: sourcedStarts(submissions) },
    previous,
  });
  const rendered = model.charts.map(renderChart);
  const pictures = new Map(rendered.map((c) => [c.spec.id, new Uint8Array(c.png)]));
  const outputs = new Map<string, Uint8Array | string>([
    ["report.html", reportHtml(model, rendered)],
    ["summary.xlsx", await renderSummaryBook(summaryBook(model), pictures)],
    ...rendered.map((c) => [`charts/${c.spec.id}.png`, c.png] as [string, Uint8Array]),
  ]);
  const written = await writeAll(dir, outputs).catch((error: unknown) => {
    throw writeProblem(error, dir);
  });

  const w = OVERVIEW_WORDS[options.lang];
  const s = model.summary;
  const unknowable = overdueUnknowable(s);
  const overdue = unknowable ? w.cannotTell : String(s.overdue);
  const dueSoon = unknowable ? w.cannotTell : String(s.dueSoon);
  io.out(w.terminalHeadline(model.title, options.asOf, w.ledgers(submissions.length)));
  const totals = { totalLabel: w.total, total: s.total, completedLabel: w.completed, completed: s.completed, rate: percent(s.completionRate) };
  io.out(`  ${w.terminalTotals({ ...totals, overdueLabel: w.overdue, overdue, dueSoonLabel: w.dueSoon(model.dueSoonDays), dueSoon })}`);
  for (const line of unjudgedLines(s, options.lang)) io.out(`  ${line}`);
  for (const path of written) io.out(`  → ${relative(process.cwd(), path) || path}`);
  return exitCode;
}

/** A disk that is full or read-only is the user's to fix: one clear line and exit 2, as normalize says it. */
function writeProblem(error: unknown, dir: string): unknown {
  const code = (error as { code?: string }).code;
  if (code === "ENOSPC" || code === "EDQUOT") return new InputError(userMessage("report-disk-full", { path: dir }));
  if (code === "EROFS" || code === "EACCES" || code === "EPERM") return new InputError(userMessage("report-not-written", { path: dir }));
  return error;
}
