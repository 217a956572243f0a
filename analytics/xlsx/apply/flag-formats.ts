/**
 * Overdue and due-soon colors as conditional formats. Formats of an earlier run are recognised
 * by their formula's shape and replaced, so normalizing twice never stacks rules.
 */
import type ExcelJS from "exceljs";
import type { FlagFormat } from "../../normalize/types.js";
import { partsOf } from "./worksheet-parts.js";

/** How every flag formula starts (see analytics/normalize/flags.ts): a deadline cell or a day, against TODAY(). */
const TAIZHANG_FLAG = /^(?:IF\(ISNUMBER\(\$[A-Z]+\$?\d+\),AND\(INT\(\$[A-Z]+\$?\d+\)(?:<|>=)TODAY\(\)|AND\(DATE\(\d+,\d+,\d+\)(?:<|>=)TODAY\(\))/u;

function isTaizhangRule(rule: ExcelJS.ConditionalFormattingRule): boolean {
  if (rule.type !== "expression") return false;
  const formula: unknown = rule.formulae?.[0];
  return typeof formula === "string" && TAIZHANG_FLAG.test(formula);
}

/** Removes the flags of an earlier run; other conditional formats stay as they are. */
export function removeEarlierFlags(ws: ExcelJS.Worksheet): void {
  const parts = partsOf(ws);
  parts.conditionalFormattings = (parts.conditionalFormattings ?? [])
    .map((cf) => ({ ...cf, rules: cf.rules.filter((r) => !isTaizhangRule(r)) }))
    .filter((cf) => cf.rules.length > 0);
}

export function applyFlags(ws: ExcelJS.Worksheet, flags: readonly FlagFormat[]): void {
  const existing = partsOf(ws).conditionalFormattings ?? [];
  // Rules already on the sheet keep their order; Taizhang's come after them.
  const offset = Math.max(0, ...existing.flatMap((cf) => cf.rules.map((r) => r.priority ?? 0)));
  for (const flag of flags) {
    ws.addConditionalFormatting({
      ref: flag.sqref,
      rules: [
        {
          type: "expression",
          priority: offset + flag.priority,
          formulae: [flag.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: flag.fill } },
            font: { color: { argb: flag.font } },
          },
        },
      ],
    });
  }
}
