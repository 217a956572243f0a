/** duplicate-item: the same task, measure and unit written twice (copy-paste, merged submissions). */
import { Place } from "../findings/finding.js";
import type { Item } from "../item.js";
import { compact } from "../text.js";
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

/**
 * Past this many distinct (unit, measure) pairs, a task's items are looked up in a Map; below,
 * they are walked. One 任务分解表 sent to twenty units makes thousands of tasks of twenty items
 * each: a Map for each of those cost more to build and grow than walking twenty numbers.
 */
const WALK_LIMIT = 32;

/**
 * Items are grouped by their task's folded text. Most tasks are unique: the first item is kept
 * alone (its measure never folded). When a task repeats, as it does when one 任务分解表 goes to
 * twenty units, each item is keyed by its unit and measure too (two numbers, no string built),
 * and compared with the task's earlier distinct items only: never with every earlier item.
 */
export const checkDuplicates: Check = (ctx) => {
  const items = ctx.items;
  // Task numbers: each distinct text is looked up once per item and folded the first time only;
  // texts that fold alike share their task's number.
  const byText = new Map<string, number>();
  const byFolded = new Map<string, number>();
  // Per task (by number): its latest distinct item, and how many distinct items it has.
  const latest = new Int32Array(items.length);
  const distinct = new Int32Array(items.length);
  // Per item: the task's distinct item before it (-1: none), and its unit-and-measure key.
  const before = new Int32Array(items.length);
  const restOf = new Float64Array(items.length);
  // Tasks with more than WALK_LIMIT distinct items (told by `distinct`, so that the others ask
  // no map): key → the first item with it.
  const manyItems = new Map<number, Map<number, number>>();

  // Units and measures repeat: each distinct text gets a number once (a measure folded once),
  // and an item of a repeated task is keyed by the pair of numbers.
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
  /** The task's earlier item with this key, or -1. */
  const earlier = (task: number, rest: number): number => {
    if (distinct[task]! > WALK_LIMIT) return manyItems.get(task)!.get(rest) ?? -1;
    for (let at = latest[task]!; at >= 0; at = before[at]!) if (restOf[at] === rest) return at;
    return -1;
  };
  const add = (task: number, index: number, rest: number): void => {
    restOf[index] = rest;
    if (distinct[task]! > WALK_LIMIT) {
      manyItems.get(task)!.set(rest, index);
      return;
    }
    before[index] = latest[task]!;
    latest[task] = index;
    if (++distinct[task]! <= WALK_LIMIT) return;
    const all = new Map<number, number>();
    for (let at = index; at >= 0; at = before[at]!) all.set(restOf[at]!, at);
    manyItems.set(task, all);
  };

  const place = new Place();
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.task === null) continue;
    let task = byText.get(item.task);
    if (task === undefined) {
      const key = compact(item.task);
      task = byFolded.get(key);
      if (task === undefined) {
        // A task's first item: its key is worked out only if the task comes back.
        task = byFolded.size;
        byFolded.set(key, task);
        byText.set(item.task, task);
        latest[task] = index;
        before[index] = -1;
        distinct[task] = 1;
        restOf[index] = Number.NaN;
        continue;
      }
      byText.set(item.task, task);
    }
    const head = latest[task]!;
    if (distinct[task] === 1 && Number.isNaN(restOf[head])) restOf[head] = restKey(items[head]!);
    const rest = restKey(item);
    const first = earlier(task, rest);
    if (first >= 0) {
      ctx.report("duplicate-item", place.at(item.row, roleCell(ctx, item.row, "task"), item.task), { first: items[first]!.row });
    } else {
      add(task, index, rest);
    }
  }
};
