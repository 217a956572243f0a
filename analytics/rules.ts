/**
 * The rules file (`--rules taizhang.rules.json`; in the pane, the workbook's settings): the
 * numbers behind the units' lights, which offices set for themselves.
 *
 *   { "dueSoonDays": 7, "behindPoints": 10, "redBehindPoints": 30 }
 *
 * Every key is optional; an unknown key, a wrong type or a number out of range is refused with
 * one sentence saying which (a misspelt key silently ignored would give lights nobody set).
 */
import { CYCLE_WORDS, formatMessage, type FindingParams } from "./findings/catalogue.js";
import { DEFAULT_LIGHT_RULES, type LightRules } from "./lights.js";

type Problem = keyof (typeof CYCLE_WORDS)["zh"]["rulesProblem"];
export type RulesResult = { readonly ok: true; readonly rules: LightRules } | { readonly ok: false; readonly problem: { readonly zh: string; readonly en: string } };

interface Bound {
  readonly min: number;
  readonly max: number;
  readonly nullable: boolean;
}

const KEYS: Record<keyof LightRules, Bound> = {
  dueSoonDays: { min: 0, max: 365, nullable: false },
  behindPoints: { min: 0, max: 100, nullable: false },
  redBehindPoints: { min: 0, max: 100, nullable: true },
};

function fail(problem: Problem, params: FindingParams = {}): RulesResult {
  return { ok: false, problem: { zh: formatMessage(CYCLE_WORDS.zh.rulesProblem[problem], params), en: formatMessage(CYCLE_WORDS.en.rulesProblem[problem], params) } };
}

export function parseLightRules(text: string): RulesResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail("notJson");
  }
  return lightRulesFrom(data);
}

export function lightRulesFrom(data: unknown): RulesResult {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return fail("notObject");
  const rules: Record<string, number | null> = { ...DEFAULT_LIGHT_RULES };
  for (const [key, value] of Object.entries(data)) {
    if (key === "$schema" || key === "comment") continue;
    const bound = (KEYS as Record<string, Bound | undefined>)[key];
    if (!bound) return fail("unknownKey", { key, known: Object.keys(KEYS).join(", ") });
    if (value === null && bound.nullable) {
      rules[key] = null;
      continue;
    }
    if (typeof value !== "number" || !Number.isFinite(value) || value < bound.min || value > bound.max) {
      return fail("outOfRange", { key, min: bound.min, max: bound.max, value: JSON.stringify(value) ?? String(value) });
    }
    if (key === "dueSoonDays" && !Number.isInteger(value)) return fail("notWhole", { key, value });
    rules[key] = value;
  }
  const parsed = rules as unknown as LightRules;
  if (parsed.redBehindPoints !== null && parsed.redBehindPoints < parsed.behindPoints) return fail("redBelowAmber");
  return { ok: true, rules: parsed };
}
