/** overdue, due-soon and completed-late, one finding per item (contract §5). */
import { phrase } from "../findings/catalogue.js";
import type { Check } from "./context.js";
import { roleCell, shortTask } from "./context.js";

export const checkTiming: Check = (ctx) => {
  const none = phrase("noUnit", ctx.lang);
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    // Most items are on time: the cell, date and short task are made only for a finding.
    if (!item.overdue && !item.dueSoon && item.completedLateBy === null) continue;
    const cell = roleCell(ctx, item.row, "deadline");
    const date = item.deadline.date ?? "";
    const task = shortTask(item.task ?? item.measure, ctx.lang);
    if (item.overdue) {
      ctx.report("overdue", { row: item.row, cell, value: item.deadline.raw }, { task, days: item.daysOverdue, date, unit: item.unit ?? item.owner ?? none });
    } else if (item.dueSoon) {
      const days = item.daysLeft ?? 0;
      const left = days === 0 ? phrase("dueToday", ctx.lang) : phrase(days === 1 ? "oneDayLeft" : "daysLeft", ctx.lang, { days });
      ctx.report("due-soon", { row: item.row, cell, value: item.deadline.raw }, { task, date, left });
    } else if (item.completedLateBy !== null) {
      ctx.report(
        "completed-late",
        { row: item.row, cell: roleCell(ctx, item.row, "completedOn") ?? cell, value: item.completedOn },
        { completedOn: item.completedOn ?? "", date, days: item.completedLateBy },
      );
    }
  }
};
