/** One finding, as the report schema has it, and the one way to make it. */
import { formatMessage, RULES, type FindingParams, type Lang, type RuleId, type Severity } from "./catalogue.js";

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell?: string;
  readonly row?: number;
  readonly message: string;
  readonly value?: unknown;
  readonly suggestion?: unknown;
}

export interface Where {
  readonly sheet: string;
  readonly cell?: string;
  readonly row?: number;
  readonly value?: unknown;
  readonly suggestion?: unknown;
}

export function makeFinding(rule: RuleId, lang: Lang, where: Where, params: FindingParams = {}): Finding {
  const def = RULES[rule];
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
    rule,
    severity: def.severity,
    sheet: where.sheet,
    message: formatMessage(def.message[lang], { sheet: where.sheet, ...(where.row !== undefined ? { row: where.row } : {}), ...(where.cell ? { cell: where.cell } : {}), ...params }),
  };
  if (where.cell !== undefined) finding.cell = where.cell;
  if (where.row !== undefined) finding.row = where.row;
  if (where.value !== undefined) finding.value = where.value;
  if (where.suggestion !== undefined) finding.suggestion = where.suggestion;
  return finding;
}
