/**
 * The change plan for the open workbook, made as `taizhang normalize` makes it: the 规范化 tab
 * previews and applies it, the 逾期 tab applies its flags alone.
 */
import { normalizeSays } from "../../analytics/findings/catalogue.normalize.js";
import { planNormalization } from "../../analytics/normalize/plan.js";
import type { ChangePlan } from "../../analytics/normalize/types.js";
import type { WorkbookSession } from "../host/session.js";
import { h } from "./dom.js";
import type { Pane } from "./pane.js";

export interface PlanOptions {
  readonly mergeNames: boolean;
  readonly overdueColumn: boolean;
  /** A stable id column (编号) where a ledger has none, as `normalize --ids`. */
  readonly ids?: boolean;
}

/** Reads the workbook (with formula texts) and plans, as the command line would. */
export async function makePlan(pane: Pane, workbook: WorkbookSession, options: PlanOptions): Promise<ChangePlan> {
  const read = await workbook.read(true);
  return planNormalization(read.workbook, {
    asOf: pane.asOf,
    dueSoonDays: pane.dueSoonDays,
    lang: pane.lang,
    mergeNames: options.mergeNames,
    overdueColumn: options.overdueColumn,
    ids: options.ids ?? false,
    formulaAt: read.formulaAt,
  }).plan;
}

/** A warning for each column the plan could not add (the sheet is used up to XFD), as the command line says it. */
export function noRoomNotices(pane: Pane, plan: ChangePlan): HTMLElement[] {
  return (plan.noRoom ?? []).map((n) => h("p", { class: "notice warn" }, normalizeSays("summaryNoRoom", pane.lang, { sheet: n.sheet, column: n.column })));
}
