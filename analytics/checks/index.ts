/** Every check, in the order their findings read best. */
import { checkFormulaErrors, checkHiddenRows, checkMissingValues, checkTemplateRows } from "./cells.js";
import { checkColumns } from "./columns.js";
import type { Check } from "./context.js";
import { checkDeadlines } from "./deadlines.js";
import { checkDuplicates } from "./duplicates.js";
import { checkMerges } from "./merges.js";
import { checkNameVariants } from "./names.js";
import { checkPace } from "./pace.js";
import { checkSeq } from "./seq.js";
import { checkStatuses } from "./statuses.js";
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
