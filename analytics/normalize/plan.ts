/**
 * The change plan of a workbook (the front door of normalize): every ledger sheet read by the
 * core, each planned on its own. The change log sheet of an earlier run is never a ledger.
 */
import { analyzeWorkbook, type Ledger, type WorkbookOptions } from "../ledger.js";
import { DEFAULT_DUE_SOON_DAYS } from "../overdue.js";
import type { Sheet, Workbook } from "../sheet/sheet-model.js";
import { cellAt } from "../sheet/sheet-model.js";
import { isLogHeader, LOG_HEADERS, logSheetName, parseLog } from "./log.js";
import type { NameMap } from "./name-cleaning.js";
import { planSheet } from "./sheet-plan.js";
import { LOG_SHEET, type ChangePlan } from "./types.js";

export interface NormalizeOptions extends WorkbookOptions {
  /** --merge-names: variant spellings become their canonical one. */
  readonly mergeNames?: boolean;
  /** --names FILE, parsed: variant -> canonical. */
  readonly nameMapping?: NameMap;
  /** --overdue-column. */
  readonly overdueColumn?: boolean;
  /** --ids: a stable id column (编号) where a sheet has none. */
  readonly ids?: boolean;
  /** The formula a cell holds (without "="), when the host can tell. */
  readonly formulaAt?: (sheet: string, row: number, col: number) => string | null;
  /**
   * The change log sheet whole, for a workbook read with the log's header alone (the command
   * line's): asked only when a status conflict must be looked up in earlier batches. Undefined
   * when it cannot be read; the conflict is then logged again.
   */
  readonly wholeLog?: (sheet: string) => Sheet | undefined;
}

export interface Normalization {
  readonly plan: ChangePlan;
  /** The ledgers as the core read them from the input: items and summary; no checks run, so `findings` is empty. */
  readonly ledgers: readonly Ledger[];
}

export function planNormalization(workbook: Workbook, options: NormalizeOptions): Normalization {
  const lang = options.lang ?? "zh";
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  // A change log, whatever its name, is never a ledger.
  const ledgerSheets = { ...workbook, sheets: workbook.sheets.filter((s) => s.name !== LOG_SHEET && !isLogHeader(s.rows[0] ?? [])) };
  // The plan reads items, never findings: the checks are not run (a tenth of a big ledger's analysis).
  const { ledgers } = analyzeWorkbook(ledgerSheets, { ...options, lang, dueSoonDays, findings: false });
  const plans = ledgers.map((ledger) =>
    planSheet(ledger, {
      lang,
      dueSoonDays,
      mergeNames: options.mergeNames ?? false,
      nameMapping: options.nameMapping ?? new Map(),
      overdueColumn: options.overdueColumn ?? false,
      ids: options.ids ?? false,
      formulaAt: options.formulaAt ? (row, col) => options.formulaAt!(ledger.sheet.name, row, col) : undefined,
    }),
  );
  const logSheet = logSheetName(LOG_SHEET, (name) => {
    const sheet = workbook.sheets.find((s) => s.name === name);
    return sheet === undefined ? null : (sheet.rows[0] ?? []).map((v) => v ?? null);
  });
  const conflicts = plans.flatMap((p) => p.conflicts);
  const marked = conflicts.length === 0 ? new Set<string>() : markedConflicts(options.wholeLog?.(logSheet) ?? workbook.sheets.find((s) => s.name === logSheet));
  const plan: ChangePlan = {
    asOf: options.asOf,
    dueSoonDays,
    logSheet,
    sheets: ledgers.map((l) => l.sheet.name),
    edits: plans.flatMap((p) => p.edits),
    unmerges: plans.flatMap((p) => p.unmerges),
    merges: plans.flatMap((p) => p.merges),
    wraps: plans.flatMap((p) => p.wraps),
    validations: plans.flatMap((p) => p.validations),
    flags: plans.flatMap((p) => p.flags),
    newColumns: plans.flatMap((p) => p.newColumns),
    dateColumns: plans.flatMap((p) => p.dateColumns),
    kept: plans.flatMap((p) => p.kept),
    // A conflict the log already marks (and nobody has corrected since) is not logged again.
    conflicts: conflicts.filter((c) => !marked.has(conflictKey(c.sheet, c.cells, c.values))),
    flagMismatches: plans.flatMap((p) => p.flagMismatches),
    noRoom: plans.flatMap((p) => p.noRoom),
    // No deadline column, no overdue flags: said so, never left to look like "nothing late".
    unflagged: ledgers.filter((l) => l.summary.overdueUnknown > 0).map((l) => ({ sheet: l.sheet.name, items: l.summary.overdueUnknown })),
  };
  return { plan, ledgers };
}

function conflictKey(sheet: string, cells: string, values: string): string {
  return `${sheet}\u0000${cells}\u0000${values}`;
}

/** Status conflicts an earlier run logged and nobody undid: the same cells holding the same words. */
function markedConflicts(sheet: Sheet | undefined): Set<string> {
  if (sheet === undefined) return new Set();
  const log = parseLog((r, c) => cellAt(sheet, r, c), sheet.rows.length, LOG_HEADERS.zh.length);
  if (log === null) return new Set();
  return new Set(
    log.entries
      .filter((e) => e.kind === "status-conflict" && e.state === "applied")
      .map((e) => conflictKey(e.sheet, e.cell, typeof e.before === "string" ? e.before : "")),
  );
}
