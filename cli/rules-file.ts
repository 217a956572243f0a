/** `--rules FILE`: the lights' rules read and validated; a bad file is one line and exit 2. */
import { readFile } from "node:fs/promises";
import { userMessage } from "../analytics/findings/user-message.js";
import { DEFAULT_LIGHT_RULES, type LightRules } from "../analytics/lights.js";
import { parseLightRules } from "../analytics/rules.js";
import { UsageError } from "./exit-errors.js";

export async function readRulesFile(path: string | undefined): Promise<LightRules> {
  if (path === undefined) return DEFAULT_LIGHT_RULES;
  const text = await readFile(path, "utf8").catch(() => null);
  if (text === null) throw new UsageError(userMessage("rules-file-unreadable", { file: path }));
  const parsed = parseLightRules(text);
  if (!parsed.ok) throw new UsageError(userMessage("rules-file-invalid", { file: path, problem: parsed.problem }));
  return parsed.rules;
}
