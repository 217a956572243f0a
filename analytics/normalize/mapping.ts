/**
 * The name mapping file of `--names`: which spelling each variant becomes.
 *
 * Plain text, UTF-8, one mapping a line: `区人民医院 = 娄星区人民医院` (also `=>`, `→`, or a tab
 * between the two); blank lines and lines starting with # are skipped. A JSON object
 * {"区人民医院": "娄星区人民医院"} works too. A line that says nothing clear is an error with its
 * line number, never a guess.
 */
import { cleanName } from "../names.js";
import type { NameMap } from "./name-cleaning.js";

export class MappingError extends Error {
  override readonly name = "MappingError";
}

const ARROW = /\s*(?:=>|→|=|\t)\s*/u;

export function parseNameMapping(text: string): NameMap {
  const body = text.replace(/^\uFEFF/u, "");
  return body.trimStart().startsWith("{") ? fromJson(body) : fromLines(body);
}

function add(map: Map<string, string>, from: string, to: string, where: string): void {
  const variant = cleanName(from);
  const canonical = cleanName(to);
  if (variant === "" || canonical === "") {
    throw new MappingError(`${where}：两边都要有名称 (${where}: a name is needed on both sides)`);
  }
  const earlier = map.get(variant);
  if (earlier !== undefined && earlier !== canonical) {
    throw new MappingError(`${where}：“${variant}”已映射为“${earlier}” (${where}: “${variant}” is mapped twice)`);
  }
  map.set(variant, canonical);
}

function fromLines(text: string): NameMap {
  const map = new Map<string, string>();
  text.split(/\r?\n/u).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const parts = trimmed.split(ARROW);
    const where = `第${i + 1}行`;
    if (parts.length !== 2) {
      throw new MappingError(`${where}应写作“原名称 = 规范名称”，收到“${trimmed}” (line ${i + 1}: write “variant = canonical”)`);
    }
    add(map, parts[0]!, parts[1]!, where);
  });
  return map;
}

function fromJson(text: string): NameMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MappingError(`不是有效的 JSON (not valid JSON): ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new MappingError("JSON 应是 {“原名称”: “规范名称”} 形式的对象 (JSON must be an object of variant: canonical)");
  }
  const map = new Map<string, string>();
  for (const [from, to] of Object.entries(parsed)) {
    if (typeof to !== "string") throw new MappingError(`“${from}”的值应是文字 (the value of “${from}” must be a string)`);
    add(map, from, to, `“${from}”`);
  }
  return map;
}
