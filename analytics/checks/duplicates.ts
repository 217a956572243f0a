/** duplicate-item: the same task and measure written twice (copy-paste, merged submissions). */
import { compact } from "../text.js";
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

export const checkDuplicates: Check = (ctx) => {
  const firstRow = new Map<string, number>();
  for (const item of ctx.items) {
    if (item.task === null) continue;
    const key = `${compact(item.task)}\u0000${compact(item.measure ?? "")}\u0000${compact(item.unit ?? "")}`;
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, item.row);
    else ctx.report("duplicate-item", { row: item.row, cell: roleCell(ctx, item.row, "task"), value: item.task }, { first });
  }
};
