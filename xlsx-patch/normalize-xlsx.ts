/**
 * Normalizing an .xlsx file held in memory: the core plans on the reader's sheet model, and the
 * plan is applied to the same bytes as a patch. The command line and the tests go through
 * here; the add-in applies the same plan through Office.js instead.
 */
import type { Ledger } from "../analytics/ledger.js";
import type { Lang } from "../analytics/lang.js";
import { batchId, LOG_HEADERS, parseLog } from "../analytics/normalize/log.js";
import { planNormalization, type NormalizeOptions } from "../analytics/normalize/plan.js";
import type { ChangePlan } from "../analytics/normalize/types.js";
import { cellAt, type Workbook } from "../analytics/sheet/sheet-model.js";
import { XlsxPackage, type HostInflater } from "../analytics/xlsx/package.js";
import { parseWorkbookPart } from "../analytics/xlsx/workbook-part.js";
import { applyPlanToXlsx, workbookPaths, type PatchResult } from "./apply-plan-to-xlsx.js";
import { NO_FORMULAS, readColumnFormulas, type ColumnFormulas } from "./column-formulas.js";
export type { PatchResult } from "./apply-plan-to-xlsx.js";
import type { Compressor } from "./zip-out.js";

export interface Rewrite {
  readonly plan: ChangePlan;
  readonly ledgers: readonly Ledger[];
  /** Null when no ledger was found: nothing was applied. */
  readonly applied: PatchResult | null;
  /** The patched workbook as .xlsx bytes (the input itself when nothing was applied). */
  bytes(): Promise<Uint8Array>;
}

export interface RewriteOptions extends Omit<NormalizeOptions, "formulaAt"> {
  /** The log's batch id; the local time by default. */
  readonly batch?: string;
  readonly compress?: Compressor;
  readonly inflater?: HostInflater;
}

/**
 * The formula a cell holds (without "="), read from the sheet's XML the first time a sheet is
 * asked about (xlsx-patch/column-formulas.ts): the planner asks only for the days-overdue
 * column's cells, so only that column's formulas are kept.
 */
export function formulaReader(bytes: Uint8Array, inflater?: HostInflater): (sheet: string, row: number, col: number) => string | null {
  const bySheet = new Map<string, { readonly col: number; readonly formulas: ColumnFormulas }>();
  let book: ReturnType<typeof parseWorkbookPart> | undefined;
  let pkg: XlsxPackage | undefined;
  return (sheet, row, col) => {
    let read = bySheet.get(sheet);
    if (read === undefined || read.col !== col) {
      pkg ??= XlsxPackage.open(bytes, inflater);
      if (book === undefined) {
        const { workbookPath, relsPath } = workbookPaths(pkg);
        book = parseWorkbookPart(pkg.textOf(workbookPath) ?? "", pkg.textOf(relsPath) ?? "", workbookPath);
      }
      const part = book.sheets.find((s) => s.name === sheet)?.part;
      read = { col, formulas: part === undefined ? NO_FORMULAS : readColumnFormulas(pkg, part, col) };
      bySheet.set(sheet, read);
    }
    return read.formulas.at(row);
  };
}

export interface PlannedXlsx {
  readonly plan: ChangePlan;
  readonly ledgers: readonly Ledger[];
  /** The language of the change log already in the workbook, if there is one. */
  readonly logLang: Lang | undefined;
}

/** The plan of a workbook read from `input`, with what applying it needs to know of the model. */
export function planXlsx(input: Uint8Array, model: Workbook, options: Omit<NormalizeOptions, "formulaAt"> & { readonly inflater?: HostInflater }): PlannedXlsx {
  const { plan, ledgers } = planNormalization(model, { ...options, formulaAt: formulaReader(input, options.inflater) });
  const log = model.sheets.find((s) => s.name === plan.logSheet);
  const logLang = log === undefined ? undefined : parseLog((r, c) => cellAt(log, r, c), 1, LOG_HEADERS.zh.length)?.lang;
  return { plan, ledgers, logLang };
}

export function applyPlanned(input: Uint8Array, planned: PlannedXlsx, options: RewriteOptions): PatchResult | null {
  if (planned.plan.sheets.length === 0) return null;
  return applyPlanToXlsx(input, planned.plan, { lang: options.lang ?? "zh", batch: options.batch ?? batchId(), logLang: planned.logLang, compress: options.compress, inflater: options.inflater });
}

export function rewriteXlsx(input: Uint8Array, model: Workbook, options: RewriteOptions): Rewrite {
  const planned = planXlsx(input, model, options);
  const applied = applyPlanned(input, planned, options);
  return { plan: planned.plan, ledgers: planned.ledgers, applied, bytes: async () => applied?.bytes ?? input };
}
