/**
 * Open items that are neither late nor plainly on time: a standing duty (长期坚持), no deadline
 * or status written, or one that cannot be read. Counted as "未到期" they would look on track;
 * the bars give them a segment of their own.
 */
import type { Item } from "../item.js";
import { isCompleted } from "../overdue.js";
import { summarize, type Group } from "../summary.js";

export function isOpenUnclear(item: Pick<Item, "status" | "deadline" | "overdue">): boolean {
  if (item.overdue || isCompleted(item.status.value)) return false;
  const status = item.status.value;
  return item.deadline.date === null || status === null || status === "unknown" || status === "ongoing";
}

export interface UnclearCounts {
  readonly byUnit: ReadonlyMap<string, number>;
  readonly byLeader: ReadonlyMap<string, number>;
  readonly byCategory: ReadonlyMap<string, number>;
}

const counts = (groups: readonly Group[]) => new Map(groups.map((g) => [g.name, g.total]));

/** Per unit, leader and category, named as the summary names them (the same grouping). */
export function unclearCounts(items: readonly Item[]): UnclearCounts {
  const unclear = summarize(items.filter(isOpenUnclear));
  return { byUnit: counts(unclear.byUnit), byLeader: counts(unclear.byLeader), byCategory: counts(unclear.byCategory) };
}
