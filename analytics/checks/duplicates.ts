/** duplicate-item: the same task, measure and unit written twice (copy-paste, merged submissions). */
import type { Item } from "../item.js";
import { compact } from "../text.js";
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

/**
 * The items of one task (its text folded). Most tasks are unique: the first item is kept alone
 * (its measure never folded). When a task repeats, as it does when one 任务分解表 goes to twenty
 * units, its items are keyed by unit and measure too, so each new item is one lookup, never a
 * comparison with every earlier item of its task.
 */
interface TaskItems {
  first: Item;
  byRest: Map<number, Item> | null;
}

export const checkDuplicates: Check = (ctx) => {
  // The same task text comes back once per unit: each distinct text is looked up once per item
  // and folded the first time only; texts that fold alike share their task's items.
  const byText = new Map<string, TaskItems>();
  const byFolded = new Map<string, TaskItems>();
  // Units and measures repeat: each distinct text gets a number once (a measure folded once),
  // and an item of a repeated task is keyed by the pair of numbers, with no string built.
  const unitIds = new Map<string | null, number>();
  const measureIds = new Map<string, number>();
  const foldedIds = new Map<string, number>();
  const idOf = <K>(ids: Map<K, number>, key: K): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  /** What tells two items of one task apart: their unit and their measure (folded). */
  const restKey = (item: Item): number => {
    const measure = item.measure ?? "";
    let measureId = measureIds.get(measure);
    if (measureId === undefined) {
      measureId = idOf(foldedIds, compact(measure));
      measureIds.set(measure, measureId);
    }
    return idOf(unitIds, item.unit) * 0x200000 + measureId;
  };
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    if (item.task === null) continue;
    let task = byText.get(item.task);
    if (task === undefined) {
      const key = compact(item.task);
      const sameFolded = byFolded.get(key);
      if (sameFolded === undefined) {
        const alone: TaskItems = { first: item, byRest: null };
        byText.set(item.task, alone);
        byFolded.set(key, alone);
        continue;
      }
      byText.set(item.task, sameFolded);
      task = sameFolded;
    }
    if (task.byRest === null) task.byRest = new Map([[restKey(task.first), task.first]]);
    const rest = restKey(item);
    const first = task.byRest.get(rest);
    if (first) {
      ctx.report("duplicate-item", { row: item.row, cell: roleCell(ctx, item.row, "task"), value: item.task }, { first: first.row });
    } else {
      task.byRest.set(rest, item);
    }
  }
};
