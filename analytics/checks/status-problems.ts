/** Statuses Taizhang could not read, columns that disagree, close-outs without proof. */
import { a1 } from "../sheet/address.js";
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

export const checkStatuses: Check = (ctx) => {
  const evidenceColumn = ctx.header.roles.has("evidence");
  for (const item of ctx.items) {
    const readings = item.statusReadings;
    for (let i = 0; i < readings.length; i++) {
      const reading = readings[i]!;
      if (reading.value === "unknown") {
        const { col } = ctx.header.statusColumns[i]!;
        ctx.report("status-unknown", { row: item.row, cell: a1(item.row, col), value: reading.raw }, { raw: reading.raw ?? "" });
      }
    }
    if (item.statusConflict) {
      ctx.report(
        "status-conflict",
        { row: item.row, cell: roleCell(ctx, item.row, "status"), value: item.statusConflict.readings.map((r) => r.raw) },
        { explanation: ctx.lang === "en" ? item.statusConflict.explanationEn : item.statusConflict.explanation },
      );
    }
    if (evidenceColumn && item.status.value === "closed" && item.evidence === null) {
      ctx.report("closed-without-evidence", { row: item.row, cell: roleCell(ctx, item.row, "evidence") });
    }
  }
};
