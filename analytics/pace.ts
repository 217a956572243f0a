/**
 * 序时进度: how far an item should have got by the as-of day, if work ran evenly from its start
 * to its deadline, and how a unit's completion compares with that.
 *
 * An item's expected share counts days inclusively: on its start day 1/(length) is due, on its
 * deadline all of it; before its start nothing, after its deadline all. Pace words in the sheet
 * (contract §3 status.pace: 超序时, 序时推进, 滞后…) take precedence for their item: an item that
 * says it is on schedule is credited with its expected share, one that says it is behind counts
 * as behind whatever the arithmetic says.
 */
import { dayNumber, type Day } from "./day.js";
import type { Item } from "./item.js";
import { isCompleted } from "./overdue.js";

export type Pace = "ahead" | "on_track" | "behind";

/** The pace word of an item's status, when the status reader found one. */
export function paceOf(item: Item): Pace | null {
  return (item.status as { readonly pace?: Pace | null }).pace ?? null;
}

/** The share of [start, deadline] elapsed at the end of the as-of day, 0–1. */
export function expectedShare(start: Day, deadline: Day, asOf: Day): number {
  const [s, d, a] = [dayNumber(start), dayNumber(deadline), dayNumber(asOf)];
  if (a >= d) return 1;
  if (a < s) return 0;
  return (a - s + 1) / (d - s + 1);
}

/** Items that have a 序时: a dated deadline, not a standing duty. */
export function isPaced(item: Item): boolean {
  return item.deadline.date !== null && item.deadline.kind !== "ongoing" && item.status.value !== "ongoing";
}

export interface PaceTally {
  /** Dated items. */
  readonly dated: number;
  /** 序时进度: mean expected share of the dated items, 0–1; null with none. */
  readonly expected: number | null;
  /** Mean credited progress of the dated items (done 1, on schedule by its own word its expected share). */
  readonly actual: number | null;
  /** (expected − actual) in percentage points, positive when behind; null with no dated item. */
  readonly behindPoints: number | null;
  /** Items whose status says they are behind (欠进度, 滞后…). */
  readonly saidBehind: number;
}

/** One item's contribution: what it should have done and what it is credited with. */
function credit(item: Item, expected: number): number {
  if (isCompleted(item.status.value)) return 1;
  const pace = paceOf(item);
  if (pace === "ahead" || pace === "on_track") return expected;
  return 0;
}

export function tallyPace(items: readonly Item[], startOf: (item: Item) => Day, asOf: Day): PaceTally {
  let dated = 0;
  let expectedSum = 0;
  let actualSum = 0;
  let saidBehind = 0;
  for (const item of items) {
    if (paceOf(item) === "behind" && !isCompleted(item.status.value)) saidBehind++;
    if (!isPaced(item)) continue;
    const expected = expectedShare(startOf(item), item.deadline.date!, asOf);
    dated++;
    expectedSum += expected;
    actualSum += credit(item, expected);
  }
  if (dated === 0) return { dated, expected: null, actual: null, behindPoints: null, saidBehind };
  const [expected, actual] = [expectedSum / dated, actualSum / dated];
  return { dated, expected, actual, behindPoints: Math.round((expected - actual) * 1000) / 10, saidBehind };
}
