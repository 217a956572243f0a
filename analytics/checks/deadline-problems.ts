/** Deadlines Taizhang could not read, or read with an assumption the clerk should see. */
import { phrase } from "../findings/catalogue.js";
import type { Check, CheckContext } from "./context.js";
import { roleCell } from "./context.js";
import type { Item } from "../item.js";

/** How a relative deadline was dated, or why it could not be. */
function relativeReading(ctx: CheckContext, item: Item): string {
  const start = item.deadline.notes.find((n) => n.kind === "relative-start");
  const date = item.deadline.date ?? "";
  if (start?.kind !== "relative-start") return phrase("relativeNoStart", ctx.lang);
  if (start.source === "document") return phrase("relativeFromDocument", ctx.lang, { start: start.start, date });
  const col = ctx.header.roles.get("start");
  const label = ctx.header.columns.find((c) => c.col === col)?.label ?? "";
  return phrase("relativeFromColumn", ctx.lang, { label, start: start.start, date });
}

export const checkDeadlines: Check = (ctx) => {
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    const { deadline } = item;
    // A plain date raises nothing: the cell address is made only for a finding.
    if (deadline.kind !== "unparsed" && deadline.kind !== "relative" && deadline.notes.length === 0) continue;
    const cell = roleCell(ctx, item.row, "deadline");
    const raw = deadline.raw ?? "";
    if (deadline.kind === "unparsed") {
      const slip = deadline.notes.find((n) => n.kind === "implausible-year");
      if (slip?.kind === "implausible-year") ctx.report("deadline-implausible", { row: item.row, cell, value: deadline.raw }, { raw, year: slip.year });
      else ctx.report("deadline-unparsed", { row: item.row, cell, value: deadline.raw }, { raw });
      continue;
    }
    if (deadline.kind === "relative") {
      ctx.report("deadline-relative", { row: item.row, cell, value: deadline.raw, suggestion: deadline.date ?? undefined }, { raw, reading: relativeReading(ctx, item) });
      continue;
    }
    for (let n = 0; n < deadline.notes.length; n++) {
      const note = deadline.notes[n]!;
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
