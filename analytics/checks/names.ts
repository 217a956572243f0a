/** name-variant: one unit or person written several ways across the ledger (contract §5). */
import type { Lang } from "../findings/catalogue.js";
import type { Item } from "../item.js";
import { findNameVariants, splitNames } from "../names.js";
import type { Role } from "../roles.js";
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

type NameRole = "unit" | "leader" | "owner";

const KIND: Record<NameRole, Record<Lang, string>> = {
  unit: { zh: "单位", en: "unit" },
  leader: { zh: "领导", en: "leader" },
  owner: { zh: "责任人", en: "person" },
};

/**
 * Every spelling as written (one entry per mention, so the most used spelling wins) and the
 * row where each first appears, so the finding points at a cell the clerk can fix.
 */
function collectNames(items: readonly Item[], field: (item: Item) => (string | null)[]): { mentions: string[]; firstRow: Map<string, number> } {
  const mentions: string[] = [];
  const firstRow = new Map<string, number>();
  // A sheet names the same few units thousands of times: split each distinct cell once.
  const split = new Map<string, string[]>();
  for (const item of items) {
    for (const cell of field(item)) {
      if (cell === null) continue;
      let names = split.get(cell);
      if (!names) split.set(cell, (names = splitNames(cell).map((ref) => ref.name)));
      for (const name of names) {
        mentions.push(name);
        if (!firstRow.has(name)) firstRow.set(name, item.row);
      }
    }
  }
  return { mentions, firstRow };
}

const FIELDS: Record<NameRole, (item: Item) => (string | null)[]> = {
  unit: (item) => [item.unit, item.supportUnit],
  leader: (item) => [item.leader],
  owner: (item) => [item.owner],
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
          { variant, canonical: group.canonical, kind: KIND[role][ctx.lang] },
        );
      }
    }
  }
};
