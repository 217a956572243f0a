/** behind-schedule: unfinished work a progress report says is behind (序时进度, contract §3). */
import type { Check } from "./context.js";
import { roleCell, shortTask } from "./context.js";

export const checkPace: Check = (ctx) => {
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    if (item.status.pace !== "behind") continue;
    const raw = item.status.raw ?? item.note ?? "";
    ctx.report(
      "behind-schedule",
      { row: item.row, cell: roleCell(ctx, item.row, "status"), value: item.status.raw },
      { task: shortTask(item.task ?? item.measure, ctx.lang), raw },
    );
  }
};
