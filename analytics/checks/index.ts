/** Every check, in the order their findings read best. */
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

export const ALL_CHECKS: readonly Check[] = [
  checkColumns,
  checkMissingValues,
  checkTemplateRows,
  checkFormulaErrors,
  checkDeadlines,
  checkStatuses,
  checkPace,
  checkDuplicates,
  checkNameVariants,
  checkSeq,
  checkMerges,
  checkHiddenRows,
  checkTiming,
];

export type { Check, CheckContext } from "./context.js";
