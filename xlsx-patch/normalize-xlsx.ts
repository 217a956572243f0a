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
import { a1, parseA1 } from "../analytics/sheet/address.js";
import { cellAt, type Workbook } from "../analytics/sheet/sheet-model.js";
import { XlsxPackage, type HostInflater } from "../analytics/xlsx/package.js";
import { parseWorkbookPart } from "../analytics/xlsx/workbook-part.js";
import { unescapeXml } from "../analytics/xlsx/xml.js";
import { applyPlanToXlsx, workbookPaths, type PatchResult } from "./apply-plan-to-xlsx.js";
import { shiftedFormula } from "./shared-formula.js";
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
 * asked about: the planner asks only for the days-overdue column's cells.
 */
export function formulaReader(bytes: Uint8Array, inflater?: HostInflater): (sheet: string, row: number, col: number) => string | null {
  const bySheet = new Map<string, Map<string, string>>();
  let book: ReturnType<typeof parseWorkbookPart> | undefined;
  let pkg: XlsxPackage | undefined;
  return (sheet, row, col) => {
    let formulas = bySheet.get(sheet);
    if (formulas === undefined) {
      pkg ??= XlsxPackage.open(bytes, inflater);
      if (book === undefined) {
        const { workbookPath, relsPath } = workbookPaths(pkg);
        book = parseWorkbookPart(pkg.textOf(workbookPath) ?? "", pkg.textOf(relsPath) ?? "", workbookPath);
      }
      formulas = new Map();
      const part = book.sheets.find((s) => s.name === sheet)?.part;
      const xml = part === undefined ? "" : (pkg.textOf(part) ?? "");
      // Shared formulas (Excel's fill-down): a follower holds the first cell's formula moved to its place.
      const firsts = new Map<string, { ref: string; formula: string }>();
      const followers: Array<{ ref: string; si: string }> = [];
      for (const m of xml.matchAll(/<(?:\w+:)?c\s[^>]*?\br="([A-Z]+\d+)"[^>]*>\s*<(?:\w+:)?f(\s[^>]*?)?(?:\/>|>([^<]+)<\/(?:\w+:)?f>)/gu)) {
        const attributes = m[2] ?? "";
        const si = /\st="shared"/u.test(attributes) ? /\ssi="(\d+)"/u.exec(attributes)?.[1] : undefined;
        if (m[3] !== undefined) {
          const formula = unescapeXml(m[3]);
          formulas.set(m[1]!, formula);
          if (si !== undefined && !firsts.has(si)) firsts.set(si, { ref: m[1]!, formula });
        } else if (si !== undefined) followers.push({ ref: m[1]!, si });
      }
      for (const { ref, si } of followers) {
        const first = firsts.get(si);
        const at = parseA1(ref);
        const from = first === undefined ? null : parseA1(first.ref);
        if (first !== undefined && at !== null && from !== null) formulas.set(ref, shiftedFormula(first.formula, at.row - from.row, at.col - from.col));
      }
      bySheet.set(sheet, formulas);
    }
    return formulas.get(a1(row, col)) ?? null;
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
