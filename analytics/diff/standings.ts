/**
 * Each unit's standing in two versions, side by side: the table a 调度通报 prints. Items,
 * completed, in progress and overdue, each with its change since the old version, and the rank
 * by completion rate with its change (排名 ↑↓). An item naming several units counts for each.
 */
import type { Item } from "../item.js";
import { isCompleted } from "../overdue.js";
import { unitSpellings, type UnitSpellings } from "./unit-spellings.js";

export interface UnitCounts {
  readonly total: number;
  readonly completed: number;
  readonly inProgress: number;
  readonly overdue: number;
  readonly completionRate: number;
  /** 1 = highest completion rate; equal rates share a rank (1, 2, 2, 4). Null with no items. */
  readonly rank: number | null;
}

export interface UnitStanding extends UnitCounts {
  readonly unit: string;
  readonly totalDelta: number;
  readonly completedDelta: number;
  readonly inProgressDelta: number;
  readonly overdueDelta: number;
  /** Old rank − new rank: positive moved up. Null when either version does not rank the unit. */
  readonly rankDelta: number | null;
  readonly previous: UnitCounts;
}

interface Tally {
  /** Mentions of each spelling of the unit: the most mentioned names it. */
  readonly spellings: Map<string, number>;
  total: number;
  completed: number;
  inProgress: number;
  overdue: number;
}

function tally(items: readonly Item[], spellings: UnitSpellings): Map<string, Tally> {
  const byKey = new Map<string, Tally>();
  for (const item of items) {
    if (item.unit === null) continue;
    for (const { name, key } of spellings.unitsIn(item.unit)) {
      let t = byKey.get(key);
      if (!t) byKey.set(key, (t = { spellings: new Map(), total: 0, completed: 0, inProgress: 0, overdue: 0 }));
      t.spellings.set(name, (t.spellings.get(name) ?? 0) + 1);
      t.total++;
      if (isCompleted(item.status.value)) t.completed++;
      else if (item.status.value === "in_progress") t.inProgress++;
      if (item.overdue) t.overdue++;
    }
  }
  return byKey;
}

/** The spelling used most in a version, the first met on a tie. */
function nameOf(t: Tally): string {
  let best = "";
  let most = 0;
  for (const [name, count] of t.spellings) if (count > most) [best, most] = [name, count];
  return best;
}

const rate = (t: Tally | undefined): number => (t === undefined || t.total === 0 ? 0 : t.completed / t.total);

/** Competition ranking by completion rate, highest first. */
function ranks(tallies: ReadonlyMap<string, Tally>): Map<string, number> {
  const rates = [...tallies].map(([key, t]) => [key, rate(t)] as const).sort((a, b) => b[1] - a[1]);
  const out = new Map<string, number>();
  rates.forEach(([key, r], i) => out.set(key, i > 0 && rates[i - 1]![1] === r ? out.get(rates[i - 1]![0])! : i + 1));
  return out;
}

function counts(t: Tally | undefined, rank: number | undefined): UnitCounts {
  return {
    total: t?.total ?? 0,
    completed: t?.completed ?? 0,
    inProgress: t?.inProgress ?? 0,
    overdue: t?.overdue ?? 0,
    completionRate: rate(t),
    rank: rank ?? null,
  };
}

/**
 * Every unit named in either version, by new rank (units gone from the new version last). A unit
 * written several ways is one line, named as the new version writes it most.
 */
export function unitStandings(oldItems: readonly Item[], newItems: readonly Item[], spellings = unitSpellings([oldItems, newItems])): UnitStanding[] {
  const before = tally(oldItems, spellings);
  const after = tally(newItems, spellings);
  const rankBefore = ranks(before);
  const rankAfter = ranks(after);
  const keys = [...new Set([...after.keys(), ...before.keys()])];
  const standings = keys.map((key): UnitStanding => {
    const now = counts(after.get(key), rankAfter.get(key));
    const then = counts(before.get(key), rankBefore.get(key));
    return {
      unit: nameOf((after.get(key) ?? before.get(key))!),
      ...now,
      totalDelta: now.total - then.total,
      completedDelta: now.completed - then.completed,
      inProgressDelta: now.inProgress - then.inProgress,
      overdueDelta: now.overdue - then.overdue,
      rankDelta: now.rank !== null && then.rank !== null ? then.rank - now.rank : null,
      previous: then,
    };
  });
  return standings.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.total - a.total || a.unit.localeCompare(b.unit, "zh-CN"));
}
