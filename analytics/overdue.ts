/**
 * Overdue, due soon and completed late (contract §5). A deadline is the last day on which
 * the item is still on time, so an item falls overdue the day after it.
 */
import { daysBetween, type Day } from "./day.js";
import type { Deadline } from "./deadline.js";
import type { StatusValue } from "./status.js";

export const DEFAULT_DUE_SOON_DAYS = 7;

export interface Timing {
  readonly overdue: boolean;
  /** asOf − deadline in days when overdue, else 0. */
  readonly daysOverdue: number;
  readonly dueSoon: boolean;
  /** deadline − asOf in days for an open dated item, else null. */
  readonly daysLeft: number | null;
  /** completedOn − deadline in days when a completed item finished after its deadline. */
  readonly completedLateBy: number | null;
}

export function isCompleted(status: StatusValue | null): boolean {
  return status === "done" || status === "closed";
}

const NOT_DUE: Timing = { overdue: false, daysOverdue: 0, dueSoon: false, daysLeft: null, completedLateBy: null };

export function assessTiming(
  deadline: Deadline,
  status: StatusValue | null,
  completedOn: Day | null,
  asOf: Day,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): Timing {
  const due = deadline.date;
  // A standing duty has no day on which it falls behind; a recurring one is never overdue as a
  // whole (contract §4), and its next day moves with the as-of day, so no flag would stay true.
  if (due === null || deadline.kind === "ongoing" || deadline.kind === "recurring" || status === "ongoing") return NOT_DUE;
  if (isCompleted(status)) {
    const late = completedOn !== null ? daysBetween(due, completedOn) : 0;
    return late > 0 ? { ...NOT_DUE, completedLateBy: late } : NOT_DUE;
  }
  const left = daysBetween(asOf, due);
  if (left < 0) return { overdue: true, daysOverdue: -left, dueSoon: false, daysLeft: left, completedLateBy: null };
  return { overdue: false, daysOverdue: 0, dueSoon: left <= dueSoonDays, daysLeft: left, completedLateBy: null };
}

/**
 * assessTiming, remembered per (deadline, status) for items with no completion day: deadlines
 * and statuses are shared objects and values, so a sheet has few distinct combinations. Each
 * deadline keeps one timing per status value, found by its place in STATUS_SLOTS.
 */
export function createTimingAssessor(asOf: Day, dueSoonDays: number = DEFAULT_DUE_SOON_DAYS) {
  const cache = new Map<Deadline, (Timing | undefined)[]>();
  return (deadline: Deadline, status: StatusValue | null, completedOn: Day | null): Timing => {
    if (completedOn !== null) return assessTiming(deadline, status, completedOn, asOf, dueSoonDays);
    let byStatus = cache.get(deadline);
    if (!byStatus) cache.set(deadline, (byStatus = new Array<Timing | undefined>(STATUS_SLOTS.length).fill(undefined)));
    const slot = STATUS_SLOTS.indexOf(status);
    let timing = byStatus[slot];
    if (!timing) byStatus[slot] = timing = assessTiming(deadline, status, null, asOf, dueSoonDays);
    return timing;
  };
}

const STATUS_SLOTS: readonly (StatusValue | null)[] = [null, "not_started", "in_progress", "done", "closed", "ongoing", "unknown"];
