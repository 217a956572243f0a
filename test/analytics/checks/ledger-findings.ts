/**
 * The findings of some rules on a small sheet written in the test, read and checked by the
 * core as any ledger is: each check family's test looks at its own rules only.
 */
import type { RuleId } from "../../../analytics/findings/catalogue.js";
import type { Finding } from "../../../analytics/findings/finding.js";
import { detectHeader } from "../../../analytics/header.js";
import { analyzeSheet } from "../../../analytics/ledger.js";
import type { Lang } from "../../../analytics/lang.js";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { sheetOf, type SheetSpec } from "../../helpers/sheet.js";

export interface LedgerSpec extends SheetSpec {
  readonly asOf?: string;
  readonly lang?: Lang;
}

export function findingsOf(rules: readonly RuleId[], rows: CellValue[][], spec: LedgerSpec = {}): Finding[] {
  const sheet = sheetOf(rows, { name: "整改台账", ...spec });
  const header = detectHeader(sheet);
  if (!header) throw new Error("no header found in the test sheet");
  const ledger = analyzeSheet(sheet, header, { asOf: spec.asOf ?? "2019-12-31", lang: spec.lang ?? "zh" });
  return ledger.findings.filter((f) => rules.includes(f.rule));
}

/** A finding's place and subject, the fields a clerk acts on. */
export const where = (f: Finding) => ({ rule: f.rule, cell: f.cell, value: f.value, ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}) });
