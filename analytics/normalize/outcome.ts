/** What a rule says about one cell: change it, keep it on purpose, or nothing to do. */
import type { EditRule, EditValue, KeptReason } from "./types.js";

export interface Change {
  readonly after: EditValue;
  readonly rule: EditRule;
  readonly reason: string;
  readonly numFmt?: string;
}

export type Outcome = { readonly change: Change } | { readonly kept: KeptReason } | null;

export function change(after: EditValue, rule: EditRule, reason: string, numFmt?: string): Outcome {
  return { change: numFmt === undefined ? { after, rule, reason } : { after, rule, reason, numFmt } };
}

export function kept(reason: KeptReason): Outcome {
  return { kept: reason };
}
