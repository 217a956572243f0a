/** name-variant: one unit or person written several ways across the ledger (contract §5). */
import { phrase, type PhraseId } from "../findings/catalogue.js";
import type { Item } from "../item.js";
import { findNameVariants, splitNames } from "../names.js";
import type { Role } from "../roles.js";
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

type NameRole = "unit" | "leader" | "owner";

const KIND: Record<NameRole, PhraseId> = {
  unit: "nameKindUnit",
  leader: "nameKindLeader",
  owner: "nameKindOwner",
};

/**
 * Every spelling with its number of mentions (so the most used spelling wins) and the row
 * where it first appears, so the finding points at a cell the clerk can fix.
 */
function collectNames(items: readonly Item[], fields: readonly NameField[]): { mentions: Map<string, number>; firstRow: Map<string, number> } {
  // A sheet names the same few units thousands of times: count each distinct cell, split it once.
  const cells = new Map<string, { count: number; firstRow: number }>();
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    for (let f = 0; f < fields.length; f++) {
      const cell = fields[f]!(item);
      if (cell === null) continue;
      const seen = cells.get(cell);
      if (seen) seen.count++;
      else cells.set(cell, { count: 1, firstRow: item.row });
    }
  }
  const mentions = new Map<string, number>();
  const firstRow = new Map<string, number>();
  for (const [cell, { count, firstRow: row }] of cells) {
    for (const { name } of splitNames(cell)) {
      mentions.set(name, (mentions.get(name) ?? 0) + count);
      const earlier = firstRow.get(name);
      if (earlier === undefined || row < earlier) firstRow.set(name, row);
    }
  }
  return { mentions, firstRow };
}

/** A name field read by its own accessor: one property each, not `item[field]` looked up by name on every item. */
type NameField = (item: Item) => string | null;

const FIELDS: Record<NameRole, readonly NameField[]> = {
  unit: [(item) => item.unit, (item) => item.supportUnit],
  leader: [(item) => item.leader],
  owner: [(item) => item.owner],
};

export const checkNameVariants: Check = (ctx) => {
  for (const role of Object.keys(FIELDS) as NameRole[]) {
    if (!ctx.header.roles.has(role as Role)) continue;
    const { mentions, firstRow } = collectNames(ctx.items, FIELDS[role]);
    for (const group of findNameVariants(mentions)) {
      for (const variant of group.variants) {
        if (variant === group.canonical) continue;
        const row = firstRow.get(variant);
        ctx.report(
          "name-variant",
          { ...(row !== undefined ? { row, cell: roleCell(ctx, row, role) } : {}), value: variant, suggestion: group.canonical },
          { variant, canonical: group.canonical, kind: phrase(KIND[role], ctx.lang) },
        );
      }
    }
  }
};
