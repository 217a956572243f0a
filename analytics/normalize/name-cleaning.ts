/**
 * Name cells (unit, supporting unit, leader, owner): trimmed and width-folded; variant
 * spellings replaced by the canonical one only when asked (--merge-names, or a mapping).
 *
 * A cell may list several names with separators and role markers ("区人民医院（牵头）、区财政局").
 * Cleaning works on the whole cell but is accepted only when the cell still lists the same
 * names: cleanName drops the space in "张 三", and would also glue "区医保局 扶贫办" (two units
 * a space apart) into one name, so there the gentler fold-and-trim is tried instead, and failing
 * that nothing is changed. Merging replaces one listed name at a time, and is accepted only when
 * the cell then lists exactly the mapped names.
 */
import { normalizeSays } from "../findings/catalogue.normalize.js";
import type { Lang } from "../lang.js";
import { cleanName, findNameVariants, nameKey, splitNames, type NameVariantGroup } from "../names.js";
import type { CellValue } from "../sheet/sheet-model.js";
import { tidy } from "../text.js";
import { change, type Outcome } from "./outcome.js";

/** Variant spelling (as cleanName writes it) -> canonical spelling. */
export type NameMap = ReadonlyMap<string, string>;

function namesOf(text: string): string[] {
  return splitNames(text).map((r) => r.name);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Names after mapping, each nameKey once (as splitNames lists them). */
function mapped(names: readonly string[], map: NameMap): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const m = map.get(n) ?? n;
    const key = nameKey(m);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(m);
    }
  }
  return out;
}

/** The cell trimmed and folded, listing the same names; the text itself when nothing fits. */
function cleanCell(text: string, names: readonly string[]): string {
  for (const candidate of [cleanName(text), tidy(text)]) {
    if (candidate !== "" && sameList(namesOf(candidate), names)) return candidate;
  }
  return text;
}

const SEPARATOR = /([、，,/／；;\r\n]+)/u;

/** Replace each listed name that has a canonical spelling, piece by piece. */
function mergeCell(text: string, map: NameMap): string {
  return text
    .split(SEPARATOR)
    .map((piece, i) => {
      if (i % 2 === 1) return piece; // a separator
      const refs = splitNames(piece);
      if (refs.length !== 1) return piece;
      const name = refs[0]!.name;
      const canonical = map.get(name);
      if (canonical === undefined || !piece.includes(name)) return piece;
      return piece.replace(name, canonical);
    })
    .join("");
}

export interface NameRule {
  readonly map: NameMap;
  readonly lang: Lang;
}

/** What normalize does with one name cell (never a formula cell). */
export function nameOutcome(value: CellValue, rule: NameRule): Outcome {
  if (typeof value !== "string" || value.trim() === "") return null;
  const names = namesOf(value);
  const cleaned = cleanCell(value, names);
  let after = cleaned;
  let merged = false;
  if (rule.map.size > 0 && names.some((n) => rule.map.has(n))) {
    const candidate = mergeCell(cleaned, rule.map);
    if (candidate !== cleaned && sameList(namesOf(candidate), mapped(names, rule.map))) {
      after = candidate;
      merged = true;
    }
  }
  if (after === value) return null;
  const { lang } = rule;
  if (merged) {
    const pairs = names.filter((n) => rule.map.has(n)).map((n) => `${n}→${rule.map.get(n)}`).join(normalizeSays("nameMergePairJoin", lang));
    return change(after, "name-merge", normalizeSays("nameMerge", lang, { pairs }));
  }
  return change(after, "name-clean", normalizeSays("nameClean", lang));
}

export type NameRole = "unit" | "leader" | "owner";

/** Variant spellings the core finds in each role (findNameVariants, as the name-variant check groups them). */
export type NameGroups = Readonly<Record<NameRole, readonly NameVariantGroup[]>>;

export function nameGroups(mentions: Readonly<Record<NameRole, readonly string[]>>): NameGroups {
  return { unit: findNameVariants(mentions.unit), leader: findNameVariants(mentions.leader), owner: findNameVariants(mentions.owner) };
}

/**
 * The mapping normalize applies: with --merge-names, within each role every variant spelling
 * goes to its group's canonical one. An explicit mapping (a file) wins over the groups and
 * applies to every name column.
 */
export function nameMaps(groups: NameGroups, options: { readonly mergeVariants: boolean; readonly explicit: NameMap }): Record<NameRole, NameMap> {
  const build = (role: NameRole): NameMap => {
    const map = new Map<string, string>();
    if (options.mergeVariants) {
      for (const group of groups[role]) {
        for (const v of group.variants) if (v !== group.canonical) map.set(v, group.canonical);
      }
    }
    for (const [from, to] of options.explicit) map.set(cleanName(from), cleanName(to));
    for (const [from, to] of map) if (from === to) map.delete(from);
    return map;
  };
  return { unit: build("unit"), leader: build("leader"), owner: build("owner") };
}

/** Variant spellings of a role that its map leaves as they are: they stay findings. */
export function unmergedVariants(groups: readonly NameVariantGroup[], map: NameMap): Set<string> {
  const out = new Set<string>();
  for (const group of groups) for (const v of group.variants) if (v !== group.canonical && !map.has(v)) out.add(v);
  return out;
}

/** True when the cell lists one of `variants`. */
export function listsVariant(value: CellValue, variants: ReadonlySet<string>): boolean {
  return typeof value === "string" && variants.size > 0 && namesOf(value).some((n) => variants.has(n));
}

/** Each name of each cell, once per mention, for grouping variants; each distinct cell split once. */
export function mentionsOf(cells: Iterable<string | null>): string[] {
  const out: string[] = [];
  const split = new Map<string, string[]>();
  for (const cell of cells) {
    if (cell === null) continue;
    let names = split.get(cell);
    if (names === undefined) split.set(cell, (names = namesOf(cell)));
    for (const name of names) out.push(name);
  }
  return out;
}
