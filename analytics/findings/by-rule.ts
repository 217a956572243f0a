/** Findings as a reader takes them in: grouped by rule, errors first, then warnings, then notes. */
import { RULES, type RuleId, type Severity } from "./catalogue.js";
import type { Finding } from "./finding.js";

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** Each rule with its findings in sheet order; rules of equal severity in order of first finding. */
export function findingsByRule(findings: readonly Finding[]): Array<[RuleId, Finding[]]> {
  const groups = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.rule);
    if (list) list.push(f);
    else groups.set(f.rule, [f]);
  }
  return [...groups].sort(([a], [b]) => SEVERITY_ORDER.indexOf(RULES[a].severity) - SEVERITY_ORDER.indexOf(RULES[b].severity));
}
