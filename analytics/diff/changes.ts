/**
 * What changed in one item between two versions (contract §8): one record per kind of change,
 * so an item may yield several (completed and task-edited). An item that did not change yields
 * nothing. Kinds are stable ids: add more, never rename one.
 */
import { daysBetween } from "../day.js";
import type { Item } from "../item.js";
import { isCompleted } from "../overdue.js";
import { CANONICAL_STATUS_WORD, type StatusReading } from "../status.js";
import { foldTask } from "./similarity.js";
import type { UnitSpellings } from "./unit-spellings.js";

export const CHANGE_KINDS = [
  "added", "removed", "completed", "reopened", "newly-overdue",
  "deadline-moved", "unit-changed", "task-edited", "status-changed",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type ChangeValue = string | number | null;

export interface Change {
  readonly kind: ChangeKind;
  readonly oldRow: number | null;
  readonly newRow: number | null;
  /** The new text, else the old. */
  readonly task: string | null;
  readonly unit: string | null;
  readonly before: ChangeValue;
  readonly after: ChangeValue;
  /** 0–1: how sure the pairing of old and new is (1 for an id match, and for added/removed). */
  readonly confidence: number;
  /** deadline-moved: new − old deadline in days (positive: 延期); newly-overdue: days overdue. */
  readonly days?: number | null;
  /** The sheets of oldRow and newRow, when a version spans several sheets (one per unit). */
  readonly oldSheet?: string | null;
  readonly newSheet?: string | null;
}

/**
 * How a status reads in a change record: the clerk's words, else the contract's word for the
 * value; 已完成 for an item done by its completion day, whatever its status cell held.
 */
function statusShown(status: StatusReading): string | null {
  if (status.doneOn !== undefined) return CANONICAL_STATUS_WORD.done;
  if (status.raw !== null) return status.raw;
  return status.value === null || status.value === "unknown" ? status.value : CANONICAL_STATUS_WORD[status.value];
}

function deadlineShown(item: Item): string | null {
  return item.deadline.date ?? item.deadline.raw;
}

/** Done → closed is 销号: it completes the item as much as done does. */
function completes(before: StatusReading, after: StatusReading): boolean {
  if (!isCompleted(after.value)) return false;
  return !isCompleted(before.value) || (before.value === "done" && after.value === "closed");
}

/** `spellings`: a unit written another way (区人民医院 → 娄星区人民医院) is no unit change. */
export function itemChanges(old: Item, next: Item, confidence: number, spellings: UnitSpellings): Change[] {
  const base = { oldRow: old.row, newRow: next.row, task: next.task ?? old.task, unit: next.unit ?? old.unit, confidence };
  const changes: Change[] = [];
  const push = (kind: ChangeKind, before: ChangeValue, after: ChangeValue, days?: number | null): void => {
    changes.push(days === undefined ? { kind, ...base, before, after } : { kind, ...base, before, after, days });
  };

  if (completes(old.status, next.status)) push("completed", statusShown(old.status), statusShown(next.status));
  else if (isCompleted(old.status.value) && !isCompleted(next.status.value)) push("reopened", statusShown(old.status), statusShown(next.status));
  else if (old.status.value !== next.status.value) push("status-changed", statusShown(old.status), statusShown(next.status));

  if (!old.overdue && next.overdue) push("newly-overdue", old.daysOverdue, next.daysOverdue, next.daysOverdue);

  const [from, to] = [old.deadline.date, next.deadline.date];
  if (from !== null && to !== null) {
    if (from !== to) push("deadline-moved", from, to, daysBetween(from, to));
  } else if (from !== to) {
    // A date given or taken away (2019-06-30 → 长期坚持): moved, by no number of days.
    push("deadline-moved", deadlineShown(old), deadlineShown(next), null);
  }

  if (spellings.cellKey(old.unit) !== spellings.cellKey(next.unit)) push("unit-changed", old.unit, next.unit);
  if (old.task !== next.task && foldTask(old.task) !== foldTask(next.task)) push("task-edited", old.task, next.task);
  return changes;
}

export function addedChange(item: Item): Change {
  return { kind: "added", oldRow: null, newRow: item.row, task: item.task, unit: item.unit, before: null, after: statusShown(item.status), confidence: 1 };
}

export function removedChange(item: Item): Change {
  return { kind: "removed", oldRow: item.row, newRow: null, task: item.task, unit: item.unit, before: statusShown(item.status), after: null, confidence: 1 };
}
