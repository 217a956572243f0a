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
  const byTask = new Map<string, Item[]>();
  for (const item of ctx.items) {
    if (item.task === null) continue;
    const key = compact(item.task);
    const earlier = byTask.get(key);
    const first = earlier?.find((other) => sameItem(other, item));
    if (first) {
      ctx.report("duplicate-item", { row: item.row, cell: roleCell(ctx, item.row, "task"), value: item.task }, { first: first.row });
    } else if (earlier) {
      earlier.push(item);
    } else {
      byTask.set(key, [item]);
    }
  }
};
