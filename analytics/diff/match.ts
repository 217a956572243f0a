/**
 * Which item of the new version is which item of the old one.
 *
 * By a stable id column when both versions have one (identity.ts); the rest by content: task
 * text similarity (similarity.ts), unit, category and deadline, paired one to one by an optimal
 * assignment (assignment.ts) above a threshold. Rows may be reordered and renumbered, the task
 * lightly edited, the item moved to another section, columns moved or added: nothing here reads
 * a row number or a column letter.
 *
 * A task handed to several units (a 任务分解表: one task, one row per unit) is each unit's own
 * item: its rows pair across units only when the unit was renamed (the old name gone from the new
 * version, the new name absent from the old, and the names alike or the unit on several rows:
 * 卫计局 → 卫健局) or when nothing else in the row changed (the unit cell corrected). A row deleted for one unit and the task added for another is
 * one item removed and one added, not one item that changed hands.
 */
import type { Item } from "../item.js";
import { compact } from "../text.js";
import { assignPairs, type Candidate } from "./assignment.js";
import { similarPairs } from "./similar-pairs.js";
import { BigramCodes, dice, foldTask } from "./similarity.js";
import { unitSpellings, type UnitSpellings } from "./unit-spellings.js";

/** Below this task similarity two items are never the same one, whatever else they share. */
export const MIN_TASK_SIMILARITY = 0.4;
/** Below this overall score a pair is not offered to the assignment. */
export const MATCH_THRESHOLD = 0.5;
/** Matches below this confidence are listed for a person to confirm. */
export const WEAK_MATCH = 0.75;

/** The weights of the content score: the task is what an item is; the rest tell near-twins apart. */
const WEIGHT = { task: 0.7, unit: 0.1, category: 0.1, deadline: 0.1 } as const;
/** Share of id pairs whose tasks must still resemble each other for the id column to be trusted. */
const MIN_ID_AGREEMENT = 2 / 3;
const ID_AGREEMENT_SIMILARITY = 0.5;

export interface ItemMatch {
  /** Index into the old ledger's items. */
  readonly old: number;
  /** Index into the new ledger's items. */
  readonly new: number;
  /** 1 for an id match; the content score otherwise. */
  readonly confidence: number;
  readonly by: "id" | "content";
  /** Paired among too many alike rows to be sure (assignment.ts LARGEST_EXACT_GROUP): for a person to confirm. */
  readonly unsure?: true;
}

export interface Matching {
  readonly matches: readonly ItemMatch[];
  /** New items with no counterpart. */
  readonly added: readonly number[];
  /** Old items with no counterpart. */
  readonly removed: readonly number[];
  /** Whether a stable id column paired (some of) the items. */
  readonly byId: boolean;
}

/** An item reduced to what matching compares, folded once. */
interface Profile {
  readonly task: string;
  readonly grams: Int32Array;
  readonly units: string;
  readonly category: string;
  readonly deadline: string;
  /** The rest of the row a clerk fills (measure, leader, owner, status), to tell a corrected unit cell. */
  readonly rest: string;
}

/**
 * A task text folded and cut into bigrams, and a category folded, once per distinct text: a
 * 任务分解表 repeats each task for every unit, and a ledger has a handful of categories.
 */
interface TextProfiles {
  task(raw: string | null): { readonly task: string; readonly grams: Int32Array };
  category(raw: string | null): string;
}

function textProfiles(codes: BigramCodes): TextProfiles {
  const tasks = new Map<string | null, { readonly task: string; readonly grams: Int32Array }>();
  const categories = new Map<string | null, string>();
  return {
    task: (raw) => {
      let hit = tasks.get(raw);
      if (hit === undefined) {
        const task = foldTask(raw);
        tasks.set(raw, (hit = { task, grams: codes.profile(task) }));
      }
      return hit;
    },
    category: (raw) => {
      let hit = categories.get(raw);
      if (hit === undefined) categories.set(raw, (hit = foldTask(raw)));
      return hit;
    },
  };
}

function profileOf(item: Item, texts: TextProfiles, spellings: UnitSpellings): Profile {
  const { task, grams } = texts.task(item.task);
  return {
    task,
    grams,
    units: spellings.cellKey(item.unit),
    // Folded like a task: a section renumbered ("（一）" → "1.") is the same section.
    category: texts.category(item.category),
    deadline: item.deadline.date ?? (item.deadline.raw === null ? "" : compact(item.deadline.raw)),
    rest: [item.measure, item.leader, item.owner, item.status.raw].map((text) => (text === null ? "" : compact(text))).join("\u0000"),
  };
}

/**
 * Whether an old and a new item of different units may still be one item (see the top of the
 * file), asked for a new item and the old rows of one task text: answered through indexes, so
 * that a task handed to 175 units is not tried against each of them.
 */
interface CrossUnitRule {
  /** The old rows of `group` (rows holding one task text, in order) that may pair with `next`, in the same order. */
  among(next: Profile, group: readonly number[]): readonly number[];
}

/** Units' names that share most of their characters (区卫计局 / 区卫健局, 白马镇 / 白马街道). */
const ALIKE_NAMES = 0.5;

function namesAlike(a: string, b: string): boolean {
  const [x, y] = [new Set(a), new Set(b)];
  let shared = 0;
  for (const ch of x) if (y.has(ch)) shared++;
  return (2 * shared) / (x.size + y.size) >= ALIKE_NAMES;
}

/** Rows of one task text few enough to try one by one; more are looked up by unit and by the rest of the row. */
const SMALL_GROUP = 16;

/** One task text's old rows, by unit and by the rest of the row, for CrossUnitRule.among. */
interface GroupIndex {
  readonly byUnits: Map<string, number[]>;
  readonly byRest: Map<string, number[]>;
}

function crossUnitRule(olds: readonly Profile[], news: readonly Profile[]): CrossUnitRule {
  const countUnits = (profiles: readonly Profile[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const p of profiles) counts.set(p.units, (counts.get(p.units) ?? 0) + 1);
    return counts;
  };
  const [oldUnits, newUnits] = [countUnits(olds), countUnits(news)];
  // Renamed: the old name gone from the new version and the new one absent from the old, and
  // either the names alike or the unit holding several rows on both sides. A one-row unit gone
  // and another one-row unit come, named nothing alike, is a row removed and a row added.
  const renamed = (from: string, to: string): boolean =>
    !newUnits.has(from) && !oldUnits.has(to) && (namesAlike(from, to) || (oldUnits.get(from)! > 1 && newUnits.get(to)! > 1));
  const handedOut = new Set<string>();
  for (const side of [olds, news]) {
    const unitsByTask = new Map<string, string>();
    for (const p of side) {
      if (p.task === "") continue;
      const first = unitsByTask.get(p.task);
      if (first === undefined) unitsByTask.set(p.task, p.units);
      else if (first !== p.units) handedOut.add(p.task);
    }
  }
  const restKey = (p: Profile) => `${p.rest}\u0000${p.deadline}`;
  const mayPair = (old: Profile, next: Profile): boolean =>
    old.units === next.units ||
    !(handedOut.has(old.task) || handedOut.has(next.task)) ||
    renamed(old.units, next.units) ||
    (old.rest === next.rest && old.deadline === next.deadline);

  const indexes = new Map<readonly number[], GroupIndex>();
  const indexOf = (group: readonly number[]): GroupIndex => {
    let index = indexes.get(group);
    if (index === undefined) {
      index = { byUnits: new Map(), byRest: new Map() };
      for (const o of group) {
        for (const [map, key] of [[index.byUnits, olds[o]!.units], [index.byRest, restKey(olds[o]!)]] as const) {
          let list = map.get(key);
          if (!list) map.set(key, (list = []));
          list.push(o);
        }
      }
      indexes.set(group, index);
    }
    return index;
  };
  const among = (next: Profile, group: readonly number[]): readonly number[] => {
    // One task text: every row of the group has the same task, so the rule turns on units alone.
    if (!(handedOut.has(olds[group[0]!]!.task) || handedOut.has(next.task))) return group;
    if (group.length <= SMALL_GROUP) return group.filter((o) => mayPair(olds[o]!, next));
    const index = indexOf(group);
    const taken = new Set<number>([...(index.byUnits.get(next.units) ?? []), ...(index.byRest.get(restKey(next)) ?? [])]);
    for (const [units, rows] of index.byUnits) if (units !== next.units && renamed(units, next.units)) for (const o of rows) taken.add(o);
    return taken.size === group.length ? group : group.filter((o) => taken.has(o));
  };
  return { among };
}

function scoreOf(a: Profile, b: Profile, taskSimilarity: number): number {
  const score =
    WEIGHT.task * taskSimilarity +
    WEIGHT.unit * Number(a.units === b.units) +
    WEIGHT.category * Number(a.category === b.category) +
    WEIGHT.deadline * Number(a.deadline === b.deadline);
  return Math.round(score * 1000) / 1000;
}

/** Pairs by content among the given old and new indexes. */
function matchByContent(olds: readonly Profile[], news: readonly Profile[], oldLeft: readonly number[], newLeft: readonly number[]): ItemMatch[] {
  const matches: ItemMatch[] = [];
  // Identical task and unit: the same item, whatever else changed. Paired in row order, and
  // only the rest goes to the assignment, which keeps the matrices small on a month's changes.
  const byKey = new Map<string, number[]>();
  for (const o of oldLeft) {
    const key = `${olds[o]!.task}\u0000${olds[o]!.units}`;
    if (olds[o]!.task === "") continue;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(o);
  }
  const pairedOld = new Set<number>();
  const restNew: number[] = [];
  for (const n of newLeft) {
    const list = byKey.get(`${news[n]!.task}\u0000${news[n]!.units}`);
    const o = news[n]!.task === "" ? undefined : list?.shift();
    if (o === undefined) {
      restNew.push(n);
      continue;
    }
    pairedOld.add(o);
    matches.push({ old: o, new: n, confidence: scoreOf(olds[o]!, news[n]!, 1), by: "content" });
  }
  const restOld = oldLeft.filter((o) => !pairedOld.has(o));
  const rule = crossUnitRule(olds, news);

  // Candidates: pairs whose tasks are alike enough, found without comparing every pair, among
  // the old rows the unit rule lets each new one pair with.
  const candidates: Candidate[] = [];
  const pairable = (n: number, group: readonly number[]) => rule.among(news[n]!, group);
  for (const pair of similarPairs(olds.map((p) => p.grams), news.map((p) => p.grams), restOld, restNew, MIN_TASK_SIMILARITY, pairable)) {
    const [o, n] = [olds[pair.old]!, news[pair.new]!];
    const score = scoreOf(o, n, pair.similarity);
    if (score >= MATCH_THRESHOLD) candidates.push({ old: pair.old, new: pair.new, score });
  }
  for (const pair of assignPairs(candidates, olds.length, news.length)) {
    matches.push(pair.unsure ? { old: pair.old, new: pair.new, confidence: pair.score, by: "content", unsure: true } : { old: pair.old, new: pair.new, confidence: pair.score, by: "content" });
  }
  return matches;
}

/** One version's items, with their stable ids when the version has an id column (identity.ts). */
export interface MatchSide {
  readonly items: readonly Item[];
  readonly ids: readonly (string | null)[] | null;
}

/** Pairs by a stable id, or null when the id column turns out not to identify the items. */
function matchById(oldIds: readonly (string | null)[] | null, newIds: readonly (string | null)[] | null, olds: readonly Profile[], news: readonly Profile[]): ItemMatch[] | null {
  if (oldIds === null || newIds === null) return null;
  const oldByIds = new Map<string, number>();
  oldIds.forEach((id, i) => id !== null && oldByIds.set(id, i));
  const matches: ItemMatch[] = [];
  newIds.forEach((id, n) => {
    const o = id === null ? undefined : oldByIds.get(id);
    if (o !== undefined) matches.push({ old: o, new: n, confidence: 1, by: "id" });
  });
  if (matches.length === 0) return null;
  // A renumbered column pairs unrelated tasks: then the ids are not stable, and content decides.
  const agreeing = matches.filter((m) => dice(olds[m.old]!.grams, news[m.new]!.grams) >= ID_AGREEMENT_SIMILARITY).length;
  return agreeing >= MIN_ID_AGREEMENT * matches.length ? matches : null;
}

export function matchItems(oldSide: MatchSide, newSide: MatchSide, spellings = unitSpellings([oldSide.items, newSide.items])): Matching {
  const texts = textProfiles(new BigramCodes());
  const olds = oldSide.items.map((item) => profileOf(item, texts, spellings));
  const news = newSide.items.map((item) => profileOf(item, texts, spellings));
  const idMatches = matchById(oldSide.ids, newSide.ids, olds, news) ?? [];
  const oldTaken = new Set(idMatches.map((m) => m.old));
  const newTaken = new Set(idMatches.map((m) => m.new));
  const oldLeft = olds.map((_, i) => i).filter((i) => !oldTaken.has(i));
  const newLeft = news.map((_, i) => i).filter((i) => !newTaken.has(i));
  const matches = [...idMatches, ...matchByContent(olds, news, oldLeft, newLeft)].sort((a, b) => a.new - b.new);
  const oldMatched = new Set(matches.map((m) => m.old));
  const newMatched = new Set(matches.map((m) => m.new));
  return {
    matches,
    added: news.map((_, i) => i).filter((i) => !newMatched.has(i)),
    removed: olds.map((_, i) => i).filter((i) => !oldMatched.has(i)),
    byId: idMatches.length > 0,
  };
}
