/**
 * Normalizing a workbook held in memory: the core plans on the sheet model, the plan is applied
 * to the same workbook loaded with exceljs, and the result serialized. The command line and the
 * tests go through here; the add-in applies the same plan through Office.js instead.
 */
import type ExcelJS from "exceljs";
import type { Ledger } from "../../ledger.js";
import { planNormalization, type NormalizeOptions } from "../../normalize/plan.js";
import type { ChangePlan } from "../../normalize/types.js";
import type { Workbook } from "../../sheet/model.js";
import { applyPlan, type ApplyResult } from "./apply-plan.js";
import { useLinearMergeLoading } from "./linear-merges.js";

/** The bytes loaded with exceljs, which keeps styles, formats and most parts of the file. */
export async function loadForRewrite(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // Loaded on demand: exceljs costs start-up time that `taizhang check` should not pay.
  const { default: ExcelJSModule } = await import("exceljs");
  useLinearMergeLoading(ExcelJSModule);
  const workbook = new ExcelJSModule.Workbook();
  // exceljs hands the bytes to JSZip, which takes a Uint8Array as it is (no Node Buffer needed).
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The formula a cell holds, without "=", from the exceljs workbook; null for any other cell. */
export function formulaReader(excel: ExcelJS.Workbook): (sheet: string, row: number, col: number) => string | null {
  return (sheet, row, col) => {
    const ws = excel.getWorksheet(sheet);
    const value = ws?.findCell(row, col)?.value;
    if (typeof value === "object" && value !== null && "formula" in value && typeof value.formula === "string") return value.formula;
    return null;
  };
}

export interface Rewrite {
  readonly plan: ChangePlan;
  readonly ledgers: readonly Ledger[];
  /** Null when no ledger was found: nothing was applied. */
  readonly applied: ApplyResult | null;
  /** The rewritten workbook as .xlsx bytes. */
  bytes(): Promise<Uint8Array>;
}

export function rewriteWorkbook(model: Workbook, excel: ExcelJS.Workbook, options: Omit<NormalizeOptions, "formulaAt">): Rewrite {
  const { plan, ledgers } = planNormalization(model, { ...options, formulaAt: formulaReader(excel) });
  const applied = plan.sheets.length > 0 ? applyPlan(excel, plan, options.lang ?? "zh") : null;
  return { plan, ledgers, applied, bytes: async () => new Uint8Array(await excel.xlsx.writeBuffer()) };
}
