/** merged-cells: merges inside the table, which hide values from filters and sorts. */
import { paramsFrom, Place } from "../findings/finding.js";
import { a1 } from "../sheet/address.js";
import { cellText } from "../text.js";
import { cellAt, type CellRange } from "../sheet/sheet-model.js";
import type { Check } from "./context.js";

// A merged category column raises one finding per merge, tens of thousands on a big ledger: the
// range's address is written when a message is read, the value is the finding's own.
const merged = paramsFrom((range: CellRange, _lang, finding) => ({ range: `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`, value: finding.value as string }));

export const checkMerges: Check = (ctx) => {
  const first = ctx.header.lastRow + 1;
  const last = ctx.table.notesRow === null ? Number.POSITIVE_INFINITY : ctx.table.notesRow - 1;
  const roleColumns = new Set(ctx.header.roles.values());
  const merges = ctx.sheet.merges;
  const place = new Place();
  for (let index = 0; index < merges.length; index++) {
    const range = merges[index]!;
    if (range.top < first || range.top > last || range.bottom === range.top) continue;
    if (ctx.table.sections.has(range.top)) continue;
    let col = range.left;
    while (col <= range.right && !roleColumns.has(col)) col++;
    if (col > range.right) continue;
    const value = cellText(cellAt(ctx.sheet, range.top, range.left)) ?? "";
    ctx.report("merged-cells", place.at(range.top, a1(range.top, range.left), value).of(range), merged);
  }
};
