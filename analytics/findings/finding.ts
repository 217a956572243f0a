/** One finding, as the report schema has it, and the one way to make it. */
import { formatMessage, RULES, type FindingParams, type RuleId, type Severity } from "./catalogue.js";
import type { Lang } from "../lang.js";

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

/** Where in the sheet a finding points, and the value it is about. */
export interface Where {
  readonly cell?: string | undefined;
  readonly row?: number | undefined;
  readonly value?: unknown;
  readonly suggestion?: unknown;
}

export function makeFinding(rule: RuleId, lang: Lang, sheet: string, where: Where = {}, params: FindingParams = {}): Finding {
  const def = RULES[rule];
  const message = formatMessage(def.message[lang], params, { sheet, row: where.row, cell: where.cell });
  // Properties are added in one order, so every finding shares the engine's few object shapes.
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = { rule, severity: def.severity, sheet, message };
  if (where.cell !== undefined) finding.cell = where.cell;
  if (where.row !== undefined) finding.row = where.row;
  if (where.value !== undefined) finding.value = where.value;
  if (where.suggestion !== undefined) finding.suggestion = where.suggestion;
  return finding;
}
