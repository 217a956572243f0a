/** duplicate-item: the same task, measure and unit written twice (copy-paste, merged submissions). */
import type { Item } from "../item.js";
import { compact } from "../text.js";
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

export const checkDuplicates: Check = (ctx) => {
  // Keyed by the folded task; an item whose task is unique so far is kept alone (most are, and
  // its measure is then never folded). When a task repeats, as it does when one 任务分解表 goes
  // to twenty units, its items are keyed by measure and unit too, so each new item is one
  // lookup, never a comparison with every earlier item of its task.
  const byTask = new Map<string, Item | Map<number, Item>>();
  // Units and measures repeat: each distinct text gets a number once (a measure folded once),
  // and an item of a repeated task is keyed by the pair of numbers, with no string built.
  const unitIds = new Map<string | null, number>();
  const measureIds = new Map<string, number>();
  const foldedIds = new Map<string, number>();
  // The same task text comes back once per unit: it is folded the first time only.
  const taskKeys = new Map<string, string>();
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
  for (const item of ctx.items) {
    if (item.task === null) continue;
    let key = taskKeys.get(item.task);
    if (key === undefined) {
      key = compact(item.task);
      taskKeys.set(item.task, key);
    }
    const earlier = byTask.get(key);
    if (earlier === undefined) {
      byTask.set(key, item);
      continue;
    }
    let byRest = earlier;
    if (!(byRest instanceof Map)) {
      byRest = new Map([[restKey(earlier as Item), earlier as Item]]);
      byTask.set(key, byRest);
    }
    const rest = restKey(item);
    const first = byRest.get(rest);
    if (first) {
      ctx.report("duplicate-item", { row: item.row, cell: roleCell(ctx, item.row, "task"), value: item.task }, { first: first.row });
    } else {
      byRest.set(rest, item);
    }
  }
};
