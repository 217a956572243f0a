/** duplicate-item: the same task, measure and unit written twice (copy-paste, merged submissions). */
import type { Item } from "../item.js";
import { compact } from "../text.js";
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

function sameItem(a: Item, b: Item): boolean {
  return compact(a.measure ?? "") === compact(b.measure ?? "") && a.unit === b.unit;
}

export const checkDuplicates: Check = (ctx) => {
  // Most tasks are unique: key by the folded task, compare the rest only when two tasks match.
  // A task seen once keeps its item alone; a list is made only when a task repeats.
  const byTask = new Map<string, Item | Item[]>();
  for (const item of ctx.items) {
    if (item.task === null) continue;
    const key = compact(item.task);
    const earlier = byTask.get(key);
    if (earlier === undefined) {
      byTask.set(key, item);
      continue;
    }
    const list = Array.isArray(earlier) ? earlier : [earlier];
    const first = list.find((other) => sameItem(other, item));
    if (first) {
      ctx.report("duplicate-item", { row: item.row, cell: roleCell(ctx, item.row, "task"), value: item.task }, { first: first.row });
    } else {
      list.push(item);
      if (list !== earlier) byTask.set(key, list);
    }
  }
};
