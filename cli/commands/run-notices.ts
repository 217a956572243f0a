/**
 * `taizhang notices FILE… -o DIR`: one 督办通知单 (.docx) per unit with overdue, due-soon or
 * behind items, a printable page listing them all, and the 督办登记簿 workbook. Every file must
 * be readable: a notice run on part of the ledgers would leave units out without saying so.
 */
import { readFile } from "node:fs/promises";
import { basename, relative } from "node:path";
import { consolidate } from "../../analytics/consolidate.js";
import type { Day } from "../../analytics/day.js";
import { CYCLE_WORDS, formatMessage } from "../../analytics/findings/catalogue.js";
import type { Lang } from "../../analytics/lang.js";
import { lightLabel, reasonsText } from "../../analytics/light-reasons.js";
import { sourcedStarts } from "../../analytics/ledger-start.js";
import type { LightRules } from "../../analytics/lights.js";
import { buildNotices, replyEstimateNote } from "../../analytics/notices/notice.js";
import { UsageError } from "../exit-errors.js";
import { userMessage } from "../../analytics/findings/user-message.js";
import type { Output } from "../io.js";
import { leftOutNotices, loadLedgers } from "../load.js";
import { noticeDocx, noticeFileName } from "../../addin/docx/notice-docx.js";
import { noticesHtml } from "../notices/notice-list-page.js";
import { noticeRegister } from "../notices/register.js";
import { outputProblem, prepareOutputDir, writeAll } from "../write-file.js";
import { renderTable } from "../print/text-table.js";

export interface NoticesOptions {
  readonly output: string;
  readonly sheet?: string;
  readonly asOf: Day;
  readonly baseYear: number | null;
  readonly issuer: string;
  readonly replyDays: number;
  readonly rules: LightRules;
  readonly requirementsFile: string | null;
  readonly lang: Lang;
}

async function requirementsText(path: string | null): Promise<string | undefined> {
  if (path === null) return undefined;
  const text = await readFile(path, "utf8").catch(() => null);
  if (text === null || text.trim() === "") throw new UsageError(userMessage("requirements-file-unreadable", { path }));
  return text.trim().replace(/\s*\n\s*/gu, "");
}

export async function runNotices(files: readonly string[], options: NoticesOptions, io: Output): Promise<number> {
  const requirements = await requirementsText(options.requirementsFile);
  const dir = await prepareOutputDir(options.output);
  const read = { sheet: options.sheet, asOf: options.asOf, baseYear: options.baseYear, lang: options.lang };
  const submissions = [];
  for (const path of files) {
    const loaded = await loadLedgers(path, read);
    submissions.push({ file: basename(path), ledgers: loaded.ledgers });
    for (const line of leftOutNotices(basename(path), loaded, options.lang)) io.err(line);
  }
  const consolidation = consolidate(submissions);
  const notices = buildNotices(consolidation.items, { asOf: options.asOf, startOf: sourcedStarts(submissions), rules: options.rules, issuer: options.issuer, replyDays: options.replyDays, lang: options.lang });

  const { lang } = options;
  const w = CYCLE_WORDS[lang].notice;
  const outputs = new Map<string, Uint8Array | string>();
  for (const notice of notices) outputs.set(noticeFileName(notice, lang), await noticeDocx(notice, lang, { requirements }));
  outputs.set(CYCLE_WORDS[lang].notice.listFile, noticesHtml(notices, { asOf: options.asOf, issuer: options.issuer }, lang));
  outputs.set(CYCLE_WORDS[lang].notice.registerFile, await noticeRegister(notices, lang));
  const written = await writeAll(dir, outputs).catch((error: unknown) => {
    throw outputProblem(error, dir);
  });

  if (notices.length === 0) io.out(formatMessage(w.none, { asOf: options.asOf }));
  else {
    io.out(formatMessage(w.written, { count: notices.length }));
    const rows = notices.map((n) => [n.number, n.unit, lightLabel(n.light.light, lang), String(n.items.length), reasonsText(n.light.reasons, lang)]);
    for (const line of renderTable([w.registerHeadings.number, w.registerHeadings.unit, "", w.registerHeadings.items, ""], rows)) io.out(line);
    const estimate = replyEstimateNote(notices, lang);
    if (estimate !== null) io.out(estimate);
  }
  for (const path of written) io.out(`  → ${relative(process.cwd(), path) || path}`);
  return 0;
}
