/**
 * Each unit's standing in two versions, side by side: the table a 调度通报 prints. Items,
 * completed, in progress and overdue, each with its change since the old version, and the rank
 * by completion rate with its change (排名 ↑↓). An item naming several units counts for each.
 */
import type { Item } from "../item.js";
import { cleanName, nameKey, splitNames } from "../names.js";
import { isCompleted } from "../overdue.js";

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
  name: string;
  total: number;
  completed: number;
  inProgress: number;
  overdue: number;
}

/** The distinct units a cell names, each with its display name and key; each cell read once. */
function unitsOf(cells: Map<string, Array<{ name: string; key: string }>>, cell: string): Array<{ name: string; key: string }> {
  let units = cells.get(cell);
  if (!units) {
    const seen = new Set<string>();
    units = [];
    for (const ref of splitNames(cell)) {
      const name = cleanName(ref.name);
      const key = nameKey(name);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      units.push({ name, key });
    }
    cells.set(cell, units);
  }
  return units;
}

function tally(items: readonly Item[]): Map<string, Tally> {
  const byKey = new Map<string, Tally>();
  const cells = new Map<string, Array<{ name: string; key: string }>>();
  for (const item of items) {
    if (item.unit === null) continue;
    for (const { name, key } of unitsOf(cells, item.unit)) {
      let t = byKey.get(key);
      if (!t) byKey.set(key, (t = { name, total: 0, completed: 0, inProgress: 0, overdue: 0 }));
      t.total++;
      if (isCompleted(item.status.value)) t.completed++;
      else if (item.status.value === "in_progress") t.inProgress++;
      if (item.overdue) t.overdue++;
    }
  }
  return byKey;
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

/** Every unit named in either version, by new rank (units gone from the new version last). */
export function unitStandings(oldItems: readonly Item[], newItems: readonly Item[]): UnitStanding[] {
  const before = tally(oldItems);
  const after = tally(newItems);
  const rankBefore = ranks(before);
  const rankAfter = ranks(after);
  const keys = [...new Set([...after.keys(), ...before.keys()])];
  const standings = keys.map((key): UnitStanding => {
    const now = counts(after.get(key), rankAfter.get(key));
    const then = counts(before.get(key), rankBefore.get(key));
    return {
      unit: (after.get(key) ?? before.get(key))!.name,
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
