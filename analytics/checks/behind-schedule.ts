/** behind-schedule: unfinished work a progress report says is behind (序时进度, contract §3). */
import { paramsFrom, Place } from "../findings/finding.js";
import type { Item } from "../item.js";
import type { Check } from "./context.js";
import { roleCell, shortTask } from "./context.js";

const behind = paramsFrom((item: Item, lang) => ({ task: shortTask(item.task ?? item.measure, lang), raw: item.status.raw ?? item.note ?? "" }));

export const checkPace: Check = (ctx) => {
  const place = new Place();
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    if (item.status.pace !== "behind") continue;
    ctx.report("behind-schedule", place.at(item.row, roleCell(ctx, item.row, "status"), item.status.raw).of(item), behind);
  }
};
