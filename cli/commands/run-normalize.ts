/**
 * `taizhang normalize FILE -o OUT.xlsx`: a cleaned copy of a ledger, every change listed on a
 * sheet named 变更记录 (contract §7).
 *
 * The input is read once, into bytes. The core plans the edits on the project's reader's sheet
 * model; the plan is applied to the same bytes as a patch (xlsx-patch/: every part it does not
 * change is copied as stored, so charts, pivot tables, pictures and macros stay); the result is
 * written to a temporary file beside OUT and renamed into place. Refused with exit 2 and
 * nothing written: an output that is the input, a folder that cannot be written, a workbook
 * without a ledger.
 */
import { readFile, realpath, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { phrase } from "../../analytics/findings/catalogue.js";
import { normalizeSays } from "../../analytics/findings/catalogue.normalize.js";
import type { Lang } from "../../analytics/lang.js";
import { EDIT_RULE_LABEL, KEPT_LABEL } from "../../analytics/normalize/labels.js";
import { MappingError, parseNameMapping } from "../../analytics/normalize/mapping.js";
import type { NameMap } from "../../analytics/normalize/name-cleaning.js";
import type { NormalizeOptions } from "../../analytics/normalize/plan.js";
import { EDIT_RULES, type ChangePlan } from "../../analytics/normalize/types.js";
import { columnLetter } from "../../analytics/sheet/address.js";
import type { Sheet, Workbook } from "../../analytics/sheet/sheet-model.js";
import { WorkbookReadError } from "../../analytics/xlsx/read-errors.js";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { readBytes } from "../../analytics/xlsx/read-file.js";
import { fileKind } from "../../analytics/xlsx/signature.js";
import { applyPlanned, planXlsx, type PatchResult } from "../../xlsx-patch/normalize-xlsx.js";
import type { GrownRange } from "../../xlsx-patch/apply-plan-to-xlsx.js";
import { KIND_EXTENSION, packageKind, type PackageKind } from "../../xlsx-patch/package-kind.js";
import { InputError, noticeLine, UsageError } from "../exit-errors.js";
import { userMessage } from "../../analytics/findings/user-message.js";
import type { Output } from "../io.js";
import { canWriteIn, outputProblem, writeAll } from "../write-file.js";
import { zlibCompressor } from "../zlib-compressor.js";
import { zlibInflater } from "../zlib-inflater.js";

export interface NormalizeCommandOptions extends Omit<NormalizeOptions, "nameMapping" | "formulaAt"> {
  readonly output: string;
  /** --names FILE. */
  readonly namesFile?: string;
  /** --force: no longer needed (nothing is dropped); accepted, with a note. */
  readonly force: boolean;
  readonly lang: Lang;
}

export async function runNormalize(file: string, options: NormalizeCommandOptions, io: Output): Promise<number> {
  const input = resolve(file);
  const output = resolve(options.output);
  const bytes = await readBytes(input).catch(asInputError(file));
  // The other commands read an .xls; normalize patches an .xlsx's own parts, which an .xls has none of.
  if (fileKind(bytes) === "legacy-xls") throw new InputError(userMessage("file-problem", { file, problem: userMessage("normalize-xls") }));
  await refuseBadOutput(input, output, options.output, file, packageKind(bytes));
  const nameMapping = options.namesFile === undefined ? new Map() : await readMapping(options.namesFile);
  // Planned in a scope of its own: the sheet model is garbage before the patch runs.
  const { plan, logLang } = planFile(bytes, file, { ...options, nameMapping });
  if (options.force) {
    io.err(noticeLine(userMessage("force-not-needed"), options.lang));
  }
  let applied: ReturnType<typeof applyPlanned>;
  try {
    applied = applyPlanned(bytes, { plan, ledgers: [], logLang }, { ...options, compress: zlibCompressor, inflater: zlibInflater });
  } catch (error) {
    return asInputError(file)(error);
  }
  if (applied === null) {
    throw new InputError(userMessage("no-ledger-in-file", { file }));
  }
  // One file, written as every command writes: to a temporary file, then renamed into place.
  await writeAll(dirname(output), new Map([[basename(output), applied.bytes]])).catch((error: unknown) => {
    throw outputProblem(error, options.output);
  });
  io.out(summary(file, options.output, plan, applied, options.lang));
  return 0;
}

function planFile(bytes: Uint8Array, file: string, options: NormalizeCommandOptions & { nameMapping: NameMap }): { plan: ChangePlan; logLang: Lang | undefined } {
  const model = readModel(bytes, file, options.sheet);
  try {
    const { plan, logLang } = planXlsx(bytes, model, { ...options, inflater: zlibInflater, wholeLog: (sheet) => readWholeLog(bytes, sheet) });
    return { plan, logLang };
  } catch (error) {
    return asInputError(file)(error);
  }
}

/** The change log alone, within a reader's bounds of its own; a log past them is not looked up (a conflict is logged again). */
function readWholeLog(bytes: Uint8Array, sheet: string): Sheet | undefined {
  try {
    return readWorkbook(bytes, { source: sheet, inflater: zlibInflater, sheet }).sheets.find((s) => s.name === sheet);
  } catch (error) {
    if (error instanceof WorkbookReadError) return undefined;
    throw error;
  }
}

function asInputError(file: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof WorkbookReadError) throw new InputError(userMessage("file-problem", { file, problem: error.said }));
    throw error;
  };
}

function readModel(bytes: Uint8Array, file: string, sheet: string | undefined): Workbook {
  let workbook: Workbook;
  try {
    // The log's rows are read only if the plan asks for them (readWholeLog): they can outweigh the ledger.
    workbook = readWorkbook(bytes, { source: basename(file), inflater: zlibInflater, changeLog: "header" });
  } catch (error) {
    return asInputError(file)(error);
  }
  if (sheet !== undefined && !workbook.sheets.some((s) => s.name === sheet)) {
    throw new InputError(userMessage("no-such-sheet", { file, sheet, sheets: workbook.sheets.map((s) => `“${s.name}”`) }));
  }
  return workbook;
}

async function readMapping(path: string): Promise<NameMap> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new InputError(userMessage("names-file-missing", { path }));
  }
  try {
    return parseNameMapping(text);
  } catch (error) {
    if (error instanceof MappingError) throw new UsageError(userMessage("names-file-invalid", { path, problem: error.said }));
    throw error;
  }
}

// ─── The output path ──────────────────────────────────────────────────────────────────────────

/**
 * OUT must end as the input's kind requires (.xlsx; .xlsm for a macro-enabled workbook, .xltx
 * and .xltm for templates: Excel opens no other), must not be the input (through any link), in a folder that exists
 * and can be written (canWriteIn).
 */
async function refuseBadOutput(input: string, output: string, shown: string, file: string, kind: PackageKind): Promise<void> {
  const ext = KIND_EXTENSION[kind];
  if (!output.toLowerCase().endsWith(ext)) {
    if (kind === "workbook") throw new UsageError(userMessage("output-not-xlsx", { path: shown }));
    throw new UsageError(userMessage("output-extension-for-kind", { file, kind: userMessage(`package-kind-${kind}`), ext, path: shown }));
  }
  const folder = dirname(output);
  const realFolder = await realpath(folder).catch(() => {
    throw new InputError(userMessage("output-folder-missing", { folder: dirname(shown) }));
  });
  const target = join(realFolder, basename(output));
  const [inputInfo, targetInfo] = await Promise.all([stat(input), stat(target).catch(() => null)]);
  const realTarget = targetInfo === null ? target : await realpath(target);
  const sameFile =
    realTarget === (await realpath(input)) || (targetInfo !== null && targetInfo.ino === inputInfo.ino && targetInfo.dev === inputInfo.dev);
  if (sameFile) throw new UsageError(userMessage("output-is-input", { path: shown }));
  if (targetInfo?.isDirectory()) throw new InputError(userMessage("output-is-folder", { path: shown }));
  if (!(await canWriteIn(realFolder))) throw new InputError(userMessage("output-folder-unwritable", { folder: dirname(shown) }));
}

// ─── What the user reads ──────────────────────────────────────────────────────────────────────

function counts<T extends string>(values: readonly T[]): Map<T, number> {
  const out = new Map<T, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

function sheetLines(plan: ChangePlan, sheet: string, lang: Lang): string[] {
  const edits = plan.edits.filter((e) => e.sheet === sheet);
  const unmerges = plan.unmerges.filter((u) => u.sheet === sheet).length;
  const byRule = [...counts(edits.map((e) => e.rule))]
    .sort(([a], [b]) => EDIT_RULES.indexOf(a) - EDIT_RULES.indexOf(b))
    .map(([rule, n]) => `${EDIT_RULE_LABEL[rule][lang]} ${n}`).join(" · ");
  const lines = [
    edits.length === 0 && unmerges === 0
      ? `  ${normalizeSays("summarySheetUntouched", lang, { sheet })}`
      : `  ${normalizeSays(edits.length === 1 ? "summarySheetOneChange" : "summarySheetChanges", lang, {
          sheet,
          count: edits.length,
          byRule: byRule ? normalizeSays("summaryByRule", lang, { list: byRule }) : "",
          unmerges: unmerges > 0 ? normalizeSays(unmerges === 1 ? "summaryOneUnmerge" : "summaryUnmerges", lang, { count: unmerges }) : "",
        })}`,
  ];
  const kept = [...counts(plan.kept.filter((k) => k.sheet === sheet).map((k) => k.reason))];
  if (kept.length > 0) {
    const list = kept.map(([reason, n]) => `${KEPT_LABEL[reason][lang]} ${n}`).join(" · ");
    lines.push(`    ${normalizeSays("summaryKept", lang, { list })}`);
  }
  for (const m of plan.flagMismatches.filter((f) => f.sheet === sheet)) lines.push(`    ${normalizeSays("summaryFlagMismatch", lang, { row: m.row })}`);
  return lines;
}

function grownWords(range: GrownRange, lang: Lang): string {
  const { sheet, ref } = range;
  if (range.kind === "table") return normalizeSays("grownTable", lang, { sheet, name: range.name ?? "", ref });
  return normalizeSays(range.kind === "filter" ? "grownFilter" : "grownPrintArea", lang, { sheet, ref });
}

/**
 * What the run did, from what the patch found and wrote, not from the plan alone: the flags and
 * the dropdown a normalized workbook already has are said to be there, not "added" again.
 */
function summary(file: string, out: string, plan: ChangePlan, applied: PatchResult, lang: Lang): string {
  const lines = [normalizeSays("summaryCopy", lang, { file, out })];
  const addLine = (line: string) => lines.push(`  ${line}`);
  for (const sheet of plan.sheets) for (const line of sheetLines(plan, sheet, lang)) lines.push(line);
  if (applied.flagRules > 0) addLine(normalizeSays("summaryFlagsAdded", lang, { days: plan.dueSoonDays }));
  else if (plan.flags.length > 0) addLine(normalizeSays("summaryFlagsPresent", lang));
  if (plan.flags.some((f) => f.kind === "to-check")) addLine(normalizeSays("summaryToCheck", lang));
  for (const u of plan.unflagged ?? []) addLine(phrase("noFlagsWritten", lang, { sheet: u.sheet, count: u.items }));
  for (const n of plan.noRoom ?? []) addLine(normalizeSays("summaryNoRoom", lang, { sheet: n.sheet, column: n.column }));
  if (applied.grownRanges.length > 0) {
    const list = applied.grownRanges.map((r) => grownWords(r, lang)).join(phrase("listJoin", lang));
    addLine(normalizeSays("summaryRangesGrown", lang, { list }));
  }
  if (applied.widenings.length > 0) {
    const list = applied.widenings.map((w) => normalizeSays("summaryWidenedColumn", lang, { sheet: w.sheet, column: columnLetter(w.col) })).join(phrase("listJoin", lang));
    addLine(normalizeSays("summaryColumnsWidened", lang, { list }));
  }
  if (applied.validationsAdded > 0) addLine(normalizeSays("summaryDropdownAdded", lang));
  else if (plan.validations.length > 0) addLine(normalizeSays("summaryDropdownPresent", lang));
  addLine(normalizeSays(applied.logged > 0 ? "summaryLogged" : "summaryNothingLogged", lang, { sheet: plan.logSheet }));
  return lines.join("\n");
}
