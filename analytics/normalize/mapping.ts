/**
 * The name mapping file of `--names`: which spelling each variant becomes.
 *
 * Plain text, UTF-8, one mapping a line: `区人民医院 = 娄星区人民医院` (also `=>`, `→`, or a tab
 * between the two); blank lines and lines starting with # are skipped. A JSON object
 * {"区人民医院": "娄星区人民医院"} works too. A line that says nothing clear is an error with its
 * line number, never a guess.
 */
import { CataloguedError, userMessage, type UserMessage } from "../findings/user-message.js";
import { cleanName } from "../names.js";
import type { NameMap } from "./name-cleaning.js";

/** A line or entry of the file that says nothing clear: which, and why, in the catalogue's words. */
export class MappingError extends CataloguedError {
  override readonly name = "MappingError";
}

const ARROW = /\s*(?:=>|→|=|\t)\s*/u;

export function parseNameMapping(text: string): NameMap {
  const body = text.replace(/^\uFEFF/u, "");
  return body.trimStart().startsWith("{") ? fromJson(body) : fromLines(body);
}

function add(map: Map<string, string>, from: string, to: string, where: UserMessage): void {
  const variant = cleanName(from);
  const canonical = cleanName(to);
  if (variant === "" || canonical === "") {
    throw new MappingError(userMessage("names-both-sides", { where }));
  }
  const earlier = map.get(variant);
  if (earlier !== undefined && earlier !== canonical) {
    throw new MappingError(userMessage("names-mapped-twice", { where, variant, earlier }));
  }
  map.set(variant, canonical);
}

function fromLines(text: string): NameMap {
  const map = new Map<string, string>();
  text.split(/\r?\n/u).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const parts = trimmed.split(ARROW);
    if (parts.length !== 2) throw new MappingError(userMessage("names-line-form", { line: i + 1, text: trimmed }));
    add(map, parts[0]!, parts[1]!, userMessage("names-line", { line: i + 1 }));
  });
  return map;
}

function fromJson(text: string): NameMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MappingError(userMessage("names-not-json", { problem: error instanceof Error ? error.message : String(error) }));
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new MappingError(userMessage("names-json-not-object"));
  }
  const map = new Map<string, string>();
  for (const [from, to] of Object.entries(parsed)) {
    if (typeof to !== "string") throw new MappingError(userMessage("names-json-not-text", { key: from }));
    add(map, from, to, userMessage("names-json-key", { key: from }));
  }
  return map;
}
