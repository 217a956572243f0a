/** Statuses Taizhang could not read, columns that disagree, close-outs without proof, done by a completion date. */
import { phrase } from "../findings/catalogue.js";
import { Place } from "../findings/finding.js";
import { a1 } from "../sheet/address.js";
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

export const checkStatuses: Check = (ctx) => {
  const evidenceColumn = ctx.header.roles.has("evidence");
  const completionCol = ctx.header.roles.get("completedOn");
  const completionLabel = ctx.header.columns.find((c) => c.col === completionCol)?.label ?? "";
  const place = new Place();
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    const readings = item.statusReadings;
    for (let i = 0; i < readings.length; i++) {
      const reading = readings[i]!;
      if (reading.value === "unknown") {
        const { col } = ctx.header.statusColumns[i]!;
        ctx.report("status-unknown", place.at(item.row, a1(item.row, col), reading.raw), { raw: reading.raw ?? "" });
      }
    }
    if (item.status.doneOn !== undefined) {
      const said = item.status.raw === null ? phrase("statusCellEmpty", ctx.lang) : phrase("statusCellUnread", ctx.lang, { raw: item.status.raw });
      ctx.report(
        "status-from-completion",
        place.at(item.row, roleCell(ctx, item.row, "completedOn") ?? roleCell(ctx, item.row, "status"), item.completedOn),
        { said, column: completionLabel, completedOn: item.status.doneOn },
      );
    }
    if (item.statusConflict) {
      ctx.report(
        "status-conflict",
        place.at(item.row, roleCell(ctx, item.row, "status"), item.statusConflict.readings.map((r) => r.raw)),
        { explanation: ctx.lang === "en" ? item.statusConflict.explanationEn : item.statusConflict.explanation },
      );
    }
    if (evidenceColumn && item.status.value === "closed" && item.evidence === null) {
      ctx.report("closed-without-evidence", place.at(item.row, roleCell(ctx, item.row, "evidence")));
    }
  }
};
