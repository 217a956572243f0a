/** Deadlines Taizhang could not read, or read with an assumption the clerk should see. */
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

export const checkDeadlines: Check = (ctx) => {
  for (const item of ctx.items) {
    const { deadline } = item;
    const cell = roleCell(ctx, item.row, "deadline");
    const raw = deadline.raw ?? "";
    if (deadline.kind === "unparsed") {
      ctx.report("deadline-unparsed", { row: item.row, cell, value: deadline.raw }, { raw });
      continue;
    }
    for (const note of deadline.notes) {
      const date = deadline.date ?? "";
      if (note.kind === "ambiguous") {
        ctx.report("deadline-ambiguous", { row: item.row, cell, value: deadline.raw, suggestion: note.otherReading }, { raw, date, other: note.otherReading });
      } else if (note.kind === "year-inferred") {
        ctx.report("deadline-year-inferred", { row: item.row, cell, value: deadline.raw }, { raw, date, year: note.year });
      } else if (note.kind === "standing") {
        ctx.report("deadline-standing", { row: item.row, cell, value: deadline.raw }, { raw, date });
      }
    }
  }
};
