/**
 * A stable id column (`normalize --ids`): headed 编号, right of the table, one id an item
 * ("2019-001", the base year and the item's place when first numbered). Written only where the
 * sheet has no id column: next month's copy keeps the ids while rows move, so `taizhang diff`
 * pairs the versions exactly. The ids are not running numbers, so a diff never mistakes a
 * renumbered 序号 for them.
 */
import { idColumnOf, ID_HEADER } from "../diff/identity.js";
import { normalizeSays } from "../findings/catalogue.normalize.js";
import type { Ledger } from "../ledger.js";
import { a1 } from "../sheet/address.js";
import { cellAt } from "../sheet/sheet-model.js";
import { planNewHeader } from "./new-header.js";
import type { PlannedCells } from "./planned-cells.js";
import type { NewMerge } from "./types.js";

/** The id of the n-th item (1-based): "2019-001"; wider when a sheet has a thousand items or more. */
export function itemId(baseYear: number, n: number, count: number): string {
  return `${baseYear}-${String(n).padStart(Math.max(3, String(count).length), "0")}`;
}

/**
 * Plans the 编号 column at `place` (see newColumnPlace), its header and one id per item, each
 * cell styled like the column `place.styleFrom`.
 */
export function planIdColumn(ledger: Ledger, cells: PlannedCells, place: { readonly col: number; readonly styleFrom: number }): { col: number; merge: NewMerge | null } {
  const { sheet } = ledger;
  const { col, styleFrom } = place;
  const merge = planNewHeader(ledger, cells, {
    col,
    rightOf: styleFrom,
    text: ID_HEADER,
    rule: "id-header",
    reason: normalizeSays("idColumn", cells.lang),
    mergeReason: normalizeSays("idHeaderMerge", cells.lang),
  });
  const reason = normalizeSays("idCell", cells.lang);
  ledger.items.forEach((item, i) => {
    const edit = cells.edit(item.row, col, cellAt(sheet, item.row, col), itemId(ledger.baseYear, i + 1, ledger.items.length), "id-column", reason);
    cells.add(styleFrom >= 1 ? cells.withStyleFrom(edit, a1(item.row, styleFrom)) : edit);
  });
  return { col, merge };
}
