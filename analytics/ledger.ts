/**
 * One ledger sheet, read end to end: header, table, items, findings, summary.
 * This is the core's front door; hosts hand it a Sheet and get a Ledger back.
 */
import { locateMappedHeaders, missingHeadersError, type ColumnMapping } from "./column-mapping.js";
import { baseDateFromTitle, resolveBaseYear, titleTexts } from "./base.js";
import { ALL_CHECKS, type CheckContext } from "./checks/index.js";
import type { Day } from "./day.js";
import { createDeadlineParser } from "./deadline.js";
import type { Lang } from "./lang.js";
import type { FindingParams, RuleId } from "./findings/catalogue.js";
import { makeFinding, type Finding, type ParamsFrom, type Where } from "./findings/finding.js";
import { detectHeader, looksLikeLedger, type Header } from "./header.js";
import { createItemReader, type Item } from "./item.js";
import { isLogHeader } from "./normalize/log.js";
import { DEFAULT_DUE_SOON_DAYS } from "./overdue.js";
import { a1 } from "./sheet/address.js";
import { MergeIndex } from "./sheet/merge-index.js";
import type { Sheet, Workbook } from "./sheet/sheet-model.js";
import { combineStatuses, createStatusClassifier, paceOf } from "./status.js";
import { summarize, type Summary } from "./summary.js";
import { readTable, type Table } from "./table.js";

export interface LedgerOptions {
  readonly asOf: Day;
  /** --base-year; null to infer it (contract §4). */
  readonly baseYear?: number | null;
  readonly dueSoonDays?: number;
  readonly lang?: Lang;
  /** false: the checks are not run and `findings` stays empty (normalize plans from the items alone). */
  readonly findings?: boolean;
}

export interface Ledger extends ReadLedger {
  readonly findings: readonly Finding[];
  readonly summary: Summary;
}

function findingsOf(ledgerSheet: Sheet, header: Header, table: Table, items: readonly Item[], merges: MergeIndex, lang: Lang): Finding[] {
  const findings: Finding[] = [];
  // Each finding's row, kept apart as it is reported: the sort reads these numbers, not a field
  // of findings of a dozen shapes. A typed array, grown by doubling: its numbers lie outside the
  // heap the collector copies, as a list of a hundred thousand numbers would not.
  let rows = new Int32Array(1024);
  const ctx: CheckContext = {
    sheet: ledgerSheet,
    header,
    table,
    items,
    merges,
    lang,
    // Its parameters taken as one optional argument, not a rest array made for every finding.
    report: (rule: RuleId, where: Where, params?: FindingParams | ParamsFrom) => {
      if (findings.length === rows.length) {
        const grown = new Int32Array(rows.length * 2);
        grown.set(rows);
        rows = grown;
      }
      rows[findings.length] = where.row ?? 0;
      findings.push(makeFinding(rule, lang, ledgerSheet.name, where, params));
    },
  };
  for (const check of ALL_CHECKS) check(ctx);
  return inRowOrder(findings, rows);
}

/**
 * Sheet-wide findings (row 0) first, then by row, checks keeping their order within a row: a
 * stable counting sort, since rows are small integers (a comparison sort costs more on 100,000 findings).
 */
function inRowOrder(findings: readonly Finding[], rows: Int32Array): Finding[] {
  let lastRow = 0;
  for (let i = 0; i < findings.length; i++) if (rows[i]! > lastRow) lastRow = rows[i]!;
  const start = new Uint32Array(lastRow + 2);
  for (let i = 0; i < findings.length; i++) start[rows[i]! + 1]!++;
  for (let row = 1; row < start.length; row++) start[row]! += start[row - 1]!;
  const sorted = new Array<Finding>(findings.length);
  for (let i = 0; i < findings.length; i++) sorted[start[rows[i]!]!++] = findings[i]!;
  return sorted;
}

/** A sheet's rows read for their meaning: the first stage of analyzeSheet, before any check. */
export interface ReadLedger {
  readonly sheet: Sheet;
  readonly header: Header;
  readonly table: Table;
  readonly baseYear: number;
  readonly baseDate: Day | null;
  readonly asOf: Day;
  readonly items: readonly Item[];
}

export function readLedger(sheet: Sheet, header: Header, options: LedgerOptions, merges = new MergeIndex(sheet)): ReadLedger {
  const table = readTable(sheet, header, merges);
  const titles = titleTexts(sheet, header.firstRow);
  const baseYear = resolveBaseYear({
    option: options.baseYear ?? null,
    titles,
    deadlineTexts: table.deadlineTexts,
    asOf: options.asOf,
  });
  const baseDate = baseDateFromTitle(titles);
  const percent = sheet.percentCells;
  const readItem = createItemReader({
    readers: { deadline: createDeadlineParser({ baseYear, baseDate, asOf: options.asOf }), status: createStatusClassifier(), combine: combineStatuses, pace: paceOf },
    header,
    valueAt: (row, col) => merges.shownValue(row, col),
    percentCell: percent && percent.size > 0 ? (row, col) => percent.has(a1(row, col)) : () => false,
    asOf: options.asOf,
    dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    documentDate: baseDate,
  });
  return { sheet, header, table, baseYear, baseDate, asOf: options.asOf, items: table.rows.map(readItem) };
}

/** One ledger sheet: its items read, every check run over them, and the summary. */
export function analyzeSheet(sheet: Sheet, header: Header, options: LedgerOptions, merges = new MergeIndex(sheet)): Ledger {
  const read = readLedger(sheet, header, options, merges);
  const findings = options.findings === false ? [] : findingsOf(sheet, header, read.table, read.items, merges, options.lang ?? "zh");
  return { ...read, findings, summary: summarize(read.items) };
}

export interface WorkbookAnalysis {
  readonly ledgers: readonly Ledger[];
  /** Sheets that hold no ledger, each with a no-ledger-found finding. */
  readonly skipped: readonly Finding[];
}

export interface WorkbookOptions extends LedgerOptions {
  /** Only this sheet (--sheet). */
  readonly sheet?: string;
  /** The clerk's column mapping (--columns, the pane's choice): header text → role. */
  readonly columns?: readonly ColumnMapping[];
  /** A mapped header no sheet holds is passed over (a choice saved in a workbook since edited), not an error. */
  readonly columnsMayBeStale?: boolean;
}

/**
 * The change log normalize and the pane write beside the ledger (变更记录): its dated rows of
 * 原值/新值/说明 read like a ledger of their own (a date column, a text column, a state), and
 * counted as one they doubled the items of every workbook once normalized. It is the tool's
 * own record, never a ledger and never a sheet "not recognised".
 */
export function isChangeLog(sheet: Sheet): boolean {
  return isLogHeader(sheet.rows[0] ?? []);
}

/** A sheet's ledger header, or null when the sheet holds no ledger (instructions, an empty sheet, the change log). */
export function ledgerHeader(sheet: Sheet, merges: MergeIndex, mappings: readonly ColumnMapping[] = []): Header | null {
  if (isChangeLog(sheet)) return null;
  const header = detectHeader(sheet, merges, mappings);
  // A header the clerk mapped is read even where the words alone would not call it a ledger.
  return header && (looksLikeLedger(header) || header.mapped.length > 0) ? header : null;
}

/** Every sheet that holds a ledger; a sheet of instructions or an empty sheet is skipped, the change log passed over. */
export function analyzeWorkbook(workbook: Workbook, options: WorkbookOptions): WorkbookAnalysis {
  const lang = options.lang ?? "zh";
  const ledgers: Ledger[] = [];
  const skipped: Finding[] = [];
  const mappings = options.columns ?? [];
  const located = new Set<ColumnMapping>();
  const searched: string[] = [];
  for (const sheet of workbook.sheets) {
    if (options.sheet !== undefined && sheet.name !== options.sheet) continue;
    const merges = new MergeIndex(sheet);
    if (mappings.length > 0) {
      searched.push(sheet.name);
      for (const m of locateMappedHeaders(sheet, merges, mappings)) located.add(m.mapping);
    }
    if (isChangeLog(sheet)) continue;
    const header = ledgerHeader(sheet, merges, mappings);
    if (header) ledgers.push(analyzeSheet(sheet, header, options, merges));
    else skipped.push(makeFinding("no-ledger-found", lang, sheet.name));
  }
  // A mapped header that no sheet holds is a typing slip to report, not a mapping to ignore.
  const missing = mappings.length > 0 && options.columnsMayBeStale !== true ? missingHeadersError(mappings, located, searched) : null;
  if (missing) throw missing;
  return { ledgers, skipped };
}
