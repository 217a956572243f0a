/**
 * The summary leaders read: totals, completion, overdue, and the same per unit, leader and
 * category. An item naming several units counts once for each (contract §5).
 */
import type { Item } from "./item.js";
import { namesInCell } from "./names.js";
import { isCompleted } from "./overdue.js";
import type { StatusValue } from "./status.js";

export type StatusBucket = StatusValue | "missing";

/** The order statuses are listed in, in tables and summaries. */
export const STATUS_BUCKETS: readonly StatusBucket[] = ["done", "closed", "in_progress", "not_started", "ongoing", "unknown", "missing"];

export interface Group {
  readonly name: string;
  readonly total: number;
  readonly completed: number;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly completionRate: number;
  /** Items whose overdue state cannot be told, their ledger lacking a deadline column: never "on time". */
  readonly unjudged: number;
}

export interface Summary {
  readonly total: number;
  readonly byStatus: Partial<Record<StatusBucket, number>>;
  readonly completed: number;
  readonly completionRate: number;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly byUnit: readonly Group[];
  readonly byLeader: readonly Group[];
  readonly byCategory: readonly Group[];
  /** Deadline and status columns missing from the ledgers these items came from. */
  readonly missingRoles: ReadonlyArray<"deadline" | "status">;
  /** Items that could not be judged for lack of those columns (overdue, or completion). */
  readonly unjudged: number;
  /** Of those, the items whose overdue state cannot be told (no deadline column). */
  readonly overdueUnknown: number;
  /** Of those, the items whose completion cannot be told (no status column). */
  readonly completionUnknown: number;
}

/** The group for items that name no unit, leader or category. */
export const UNNAMED = "（未填写）";

class Tally {
  total = 0;
  completed = 0;
  overdue = 0;
  dueSoon = 0;
  unjudged = 0;

  add(item: Item): void {
    this.total++;
    if (item.unjudged === "deadline") this.unjudged++;
    if (isCompleted(item.status.value)) this.completed++;
    if (item.overdue) this.overdue++;
    if (item.dueSoon) this.dueSoon++;
  }

  merge(other: Tally): void {
    this.total += other.total;
    this.completed += other.completed;
    this.overdue += other.overdue;
    this.dueSoon += other.dueSoon;
    this.unjudged += other.unjudged;
  }

  toGroup(name: string): Group {
    const completionRate = this.total === 0 ? 0 : this.completed / this.total;
    return { name, total: this.total, completed: this.completed, overdue: this.overdue, dueSoon: this.dueSoon, completionRate, unjudged: this.unjudged };
  }
}

/** Worst first: most overdue, then lowest completion, then largest, then by name. */
export function compareGroups(a: Group, b: Group): number {
  return b.overdue - a.overdue || a.completionRate - b.completionRate || b.total - a.total || a.name.localeCompare(b.name, "zh-CN");
}

/**
 * Items tallied by one column's cell, then grouped by the names in it. A sheet repeats the same
 * few cells thousands of times, and runs of rows share one (a unit's rows, a merged category):
 * each distinct cell is tallied once, and a run asks the map nothing.
 */
class CellTallies {
  private readonly byCell = new Map<string | null, Tally>();
  private lastCell: string | null = null;
  private last: Tally | null = null;

  add(cell: string | null, item: Item): void {
    if (this.last === null || cell !== this.lastCell) {
      let tally = this.byCell.get(cell);
      if (!tally) this.byCell.set(cell, (tally = new Tally()));
      this.last = tally;
      this.lastCell = cell;
    }
    this.last.add(item);
  }

  /** Each cell's tally goes to every name it holds; an item naming several units counts for each. */
  groups(namesIn: (cell: string) => readonly string[]): Group[] {
    const tallies = new Map<string, Tally>();
    for (const [cell, cellTally] of this.byCell) {
      const names = cell === null ? [] : namesIn(cell);
      for (const name of names.length === 0 ? [UNNAMED] : names) {
        let tally = tallies.get(name);
        if (!tally) tallies.set(name, (tally = new Tally()));
        tally.merge(cellTally);
      }
    }
    // A ledger without the column at all has no breakdown, not one big unnamed group.
    if (tallies.size === 1 && tallies.has(UNNAMED)) return [];
    return [...tallies].map(([name, tally]) => tally.toGroup(name)).sort(compareGroups);
  }
}

export function summarize(items: readonly Item[]): Summary {
  const all = new Tally();
  const byStatus: Partial<Record<StatusBucket, number>> = {};
  let noDeadline = 0;
  let noStatus = 0;
  let either = 0;
  // One pass over the items for every figure: a big ledger's items do not fit in the cache, and
  // each further pass would fetch them all again.
  const units = new CellTallies();
  const leaders = new CellTallies();
  const categories = new CellTallies();
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    all.add(item);
    units.add(item.unit, item);
    leaders.add(item.leader, item);
    categories.add(item.category, item);
    if (item.unjudged === "deadline") noDeadline++;
    // Items of a ledger with no status column read no status cell at all.
    if (item.statusReadings.length === 0) noStatus++;
    if (item.unjudged !== null || item.statusReadings.length === 0) either++;
    const bucket: StatusBucket = item.status.value ?? "missing";
    byStatus[bucket] = (byStatus[bucket] ?? 0) + 1;
  }
  const overall = all.toGroup("");
  return {
    total: overall.total,
    byStatus,
    completed: overall.completed,
    completionRate: overall.completionRate,
    overdue: overall.overdue,
    dueSoon: overall.dueSoon,
    byUnit: units.groups(namesInCell),
    byLeader: leaders.groups(namesInCell),
    byCategory: categories.groups((category) => [category]),
    missingRoles: [...(noDeadline > 0 ? ["deadline" as const] : []), ...(noStatus > 0 ? ["status" as const] : [])],
    unjudged: either,
    overdueUnknown: noDeadline,
    completionUnknown: noStatus,
  };
}
