/** Deadlines Taizhang could not read, or read with an assumption the clerk should see. */
import { phrase } from "../findings/catalogue.js";
import { paramsFrom, Place } from "../findings/finding.js";
import type { Lang } from "../lang.js";
import type { Check } from "./context.js";
import type { Header } from "../header.js";
import type { Item } from "../item.js";
import { a1 } from "../sheet/address.js";

/** How a relative deadline was dated, or why it could not be. */
function relativeReading(header: Header, item: Item, lang: Lang): string {
  const start = item.deadline.notes.find((n) => n.kind === "relative-start");
  const date = item.deadline.date ?? "";
  if (start?.kind !== "relative-start") return phrase("relativeNoStart", lang);
  if (start.source === "document") return phrase("relativeFromDocument", lang, { start: start.start, date });
  const col = header.roles.get("start");
  const label = header.columns.find((c) => c.col === col)?.label ?? "";
  return phrase("relativeFromColumn", lang, { label, start: start.start, date });
}

// Thousands of deadlines read with an assumption (a year inferred, two readings) raise a finding
// each: their words are taken from the item's deadline when a message is read.
const raw = (item: Item): string => item.deadline.raw ?? "";
const date = (item: Item): string => item.deadline.date ?? "";
const unparsed = paramsFrom((item: Item) => ({ raw: raw(item) }));
const ambiguous = paramsFrom((item: Item) => {
  const note = item.deadline.notes.find((n) => n.kind === "ambiguous");
  return { raw: raw(item), date: date(item), other: note?.kind === "ambiguous" ? note.otherReading : "" };
});
const yearInferred = paramsFrom((item: Item) => {
  const note = item.deadline.notes.find((n) => n.kind === "year-inferred");
  return { raw: raw(item), date: date(item), year: note?.kind === "year-inferred" ? note.year : 0 };
});
const standing = paramsFrom((item: Item) => ({ raw: raw(item), date: date(item) }));

export const checkDeadlines: Check = (ctx) => {
  const deadlineCol = ctx.header.roles.get("deadline");
  const place = new Place();
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    const { deadline } = item;
    // A plain date raises nothing: the cell address is made only for a finding.
    if (deadline.kind !== "unparsed" && deadline.kind !== "relative" && deadline.notes.length === 0) continue;
    const cell = deadlineCol === undefined ? undefined : a1(item.row, deadlineCol);
    if (deadline.kind === "unparsed") {
      const slip = deadline.notes.find((n) => n.kind === "implausible-year");
      if (slip?.kind === "implausible-year") ctx.report("deadline-implausible", place.at(item.row, cell, deadline.raw), { raw: raw(item), year: slip.year });
      else ctx.report("deadline-unparsed", place.at(item.row, cell, deadline.raw).of(item), unparsed);
      continue;
    }
    if (deadline.kind === "relative") {
      ctx.report("deadline-relative", place.at(item.row, cell, deadline.raw, deadline.date ?? undefined), { raw: raw(item), reading: relativeReading(ctx.header, item, ctx.lang) });
      continue;
    }
    for (let n = 0; n < deadline.notes.length; n++) {
      const note = deadline.notes[n]!;
      if (note.kind === "ambiguous") {
        ctx.report("deadline-ambiguous", place.at(item.row, cell, deadline.raw, note.otherReading).of(item), ambiguous);
      } else if (note.kind === "year-inferred") {
        ctx.report("deadline-year-inferred", place.at(item.row, cell, deadline.raw).of(item), yearInferred);
      } else if (note.kind === "standing") {
        ctx.report("deadline-standing", place.at(item.row, cell, deadline.raw).of(item), standing);
      }
    }
  }
};
