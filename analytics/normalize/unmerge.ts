/**
 * Merged cells in attribute columns (category, leader, unit, owner, deadline): dissolved and
 * filled down, so every item row holds its own value and filters, sorts and formulas see it.
 *
 * A merge is dissolved only when it is one column wide, in an attribute column, lies between
 * the header and the notes, and its top-left cell is no formula. Free-text columns (task,
 * measure, status, evidence) keep their merges, and so does a merge over several columns:
 * copying one value into cells of different meaning would be wrong. Covered cells are filled
 * only on item rows; a blank row inside the merge stays blank, so no row becomes an item.
 */
import type { Header } from "../header.js";
import type { Role } from "../roles.js";
import { a1 } from "../sheet/address.js";
import type { CellRange, Sheet } from "../sheet/sheet-model.js";
import type { Table } from "../table.js";

export const ATTRIBUTE_ROLES: readonly Role[] = ["category", "leader", "unit", "owner", "deadline"];

/** Attribute columns of a ledger, a supporting-unit column included. */
export function attributeColumns(header: Header): Set<number> {
  const cols = new Set<number>();
  for (const role of ATTRIBUTE_ROLES) {
    const col = header.roles.get(role);
    if (col !== undefined) cols.add(col);
  }
  if (header.supportUnitColumn !== null) cols.add(header.supportUnitColumn);
  return cols;
}

export interface MergeChoice {
  /** Merges to dissolve. */
  readonly dissolve: readonly CellRange[];
  /** Merges inside the table left as they are (free-text columns, several columns wide). */
  readonly keep: readonly CellRange[];
}

export function chooseMerges(sheet: Sheet, header: Header, table: Table, itemRows: ReadonlySet<number>): MergeChoice {
  const attributes = attributeColumns(header);
  const lastRow = table.notesRow === null ? Number.POSITIVE_INFINITY : table.notesRow - 1;
  const dissolve: CellRange[] = [];
  const keep: CellRange[] = [];
  for (const range of sheet.merges) {
    if (range.top <= header.lastRow || range.bottom > lastRow || range.bottom === range.top) continue;
    let coversItem = false;
    for (let r = range.top; r <= range.bottom && !coversItem; r++) coversItem = itemRows.has(r);
    if (!coversItem) continue;
    const fits =
      range.left === range.right && attributes.has(range.left) && !sheet.formulaCells.has(a1(range.top, range.left));
    (fits ? dissolve : keep).push(range);
  }
  return { dissolve, keep };
}
