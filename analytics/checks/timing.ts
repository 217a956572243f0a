/** overdue, due-soon and completed-late, one finding per item (contract §5). */
import { phrase } from "../findings/catalogue.js";
import { paramsFrom, Place } from "../findings/finding.js";
import type { Item } from "../item.js";
import { a1 } from "../sheet/address.js";
import type { Check } from "./context.js";
import { shortTask } from "./context.js";

// A third of a big ledger's items are overdue or due soon: their messages' words (the short task,
// the unit, the days left) are taken from the item when a message is read, not made for each.
const overdue = paramsFrom((item: Item, lang) => ({
  task: shortTask(item.task ?? item.measure, lang),
  days: item.daysOverdue,
  date: item.deadline.date ?? "",
  unit: item.unit ?? item.owner ?? phrase("noUnit", lang),
}));

const dueSoon = paramsFrom((item: Item, lang) => {
  const days = item.daysLeft ?? 0;
  const left = days === 0 ? phrase("dueToday", lang) : phrase(days === 1 ? "oneDayLeft" : "daysLeft", lang, { days });
  return { task: shortTask(item.task ?? item.measure, lang), date: item.deadline.date ?? "", left };
});

const completedLate = paramsFrom((item: Item) => ({ completedOn: item.completedOn ?? "", date: item.deadline.date ?? "", days: item.completedLateBy ?? 0 }));

export const checkTiming: Check = (ctx) => {
  // The columns are the sheet's: looked up once, not for every finding.
  const deadlineCol = ctx.header.roles.get("deadline");
  const completedOnCol = ctx.header.roles.get("completedOn");
  const place = new Place();
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    // Most items are on time: the cell is made only for a finding.
    if (!item.overdue && !item.dueSoon && item.completedLateBy === null) continue;
    const cell = deadlineCol === undefined ? undefined : a1(item.row, deadlineCol);
    if (item.overdue) {
      ctx.report("overdue", place.at(item.row, cell, item.deadline.raw).of(item), overdue);
    } else if (item.dueSoon) {
      ctx.report("due-soon", place.at(item.row, cell, item.deadline.raw).of(item), dueSoon);
    } else if (item.completedLateBy !== null) {
      const completedOnCell = completedOnCol === undefined ? cell : a1(item.row, completedOnCol);
      ctx.report("completed-late", place.at(item.row, completedOnCell, item.completedOn).of(item), completedLate);
    }
  }
};
