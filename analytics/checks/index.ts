/**
 * Every check, in the order their findings read best, each with the rule ids it may report
 * (after frictionless-py: each error type names the checks that emit it). A test runs every
 * check and holds it to its list, and holds the catalogue to the lists: no rule nobody reports.
 */
import type { RuleId } from "../findings/catalogue.js";
import { checkFormulaErrors, checkHiddenRows, checkMissingValues, checkTemplateRows } from "./cell-problems.js";
import { checkColumns } from "./columns.js";
import type { Check } from "./context.js";
import { checkDeadlines } from "./deadline-problems.js";
import { checkDuplicates } from "./duplicates.js";
import { checkMerges } from "./merged-cells.js";
import { checkNameVariants } from "./name-variants.js";
import { checkPace } from "./behind-schedule.js";
import { checkSeq } from "./seq.js";
import { checkStatuses } from "./status-problems.js";
import { checkTiming } from "./timing.js";

export interface RegisteredCheck {
  readonly check: Check;
  /** The rules this check reports, and no other. */
  readonly emits: readonly RuleId[];
}

export const CHECKS: readonly RegisteredCheck[] = [
  { check: checkColumns, emits: ["missing-column", "column-guessed"] },
  { check: checkMissingValues, emits: ["missing-task", "missing-owner", "missing-deadline", "missing-status"] },
  { check: checkTemplateRows, emits: ["template-row"] },
  { check: checkFormulaErrors, emits: ["formula-error"] },
  {
    check: checkDeadlines,
    emits: ["deadline-unparsed", "deadline-implausible", "deadline-relative", "deadline-ambiguous", "deadline-year-inferred", "deadline-standing"],
  },
  { check: checkStatuses, emits: ["status-unknown", "status-conflict", "closed-without-evidence", "status-from-completion"] },
  { check: checkPace, emits: ["behind-schedule"] },
  { check: checkDuplicates, emits: ["duplicate-item"] },
  { check: checkNameVariants, emits: ["name-variant"] },
  { check: checkSeq, emits: ["seq-gap"] },
  { check: checkMerges, emits: ["merged-cells"] },
  { check: checkHiddenRows, emits: ["hidden-row"] },
  { check: checkTiming, emits: ["overdue", "due-soon", "completed-late"] },
];

export const ALL_CHECKS: readonly Check[] = CHECKS.map((c) => c.check);

/** Rules reported outside the checks, by who reports them. */
export const OTHER_PRODUCERS: Readonly<Record<string, readonly RuleId[]>> = {
  // A sheet of the workbook whose header names no ledger columns (analyzeWorkbook).
  "analytics/ledger.ts": ["no-ledger-found"],
};

export type { Check, CheckContext } from "./context.js";
