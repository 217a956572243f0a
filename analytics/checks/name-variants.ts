/** name-variant: one unit or person written several ways across the ledger (contract §5). */
import { phrase, type PhraseId } from "../findings/catalogue.js";
import { Place } from "../findings/finding.js";
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

/** A distinct cell of a name column: how often it is written, and the row it is first on. */
interface CellCount {
  count: number;
  readonly firstRow: number;
}

/**
 * Every spelling of one role's names with its number of mentions (so the most used spelling
 * wins) and the row where it first appears, so the finding points at a cell the clerk can fix.
 * A sheet names the same few units thousands of times: each distinct cell is counted and split
 * once, and a run of rows with one cell (a unit's rows) asks the map nothing.
 */
class NameCells {
  private readonly cells = new Map<string, CellCount>();
  // Per field, the cell last seen in it and its count.
  private readonly lastCell: (string | null)[];
  private readonly lastCount: (CellCount | null)[];

  constructor(private readonly fields: readonly NameField[]) {
    this.lastCell = fields.map(() => null);
    this.lastCount = fields.map(() => null);
  }

  add(item: Item): void {
    for (let f = 0; f < this.fields.length; f++) {
      const cell = this.fields[f]!(item);
      if (cell === null) continue;
      const last = this.lastCount[f]!;
      if (last !== null && cell === this.lastCell[f]) {
        last.count++;
        continue;
      }
      let seen = this.cells.get(cell);
      if (seen) seen.count++;
      else this.cells.set(cell, (seen = { count: 1, firstRow: item.row }));
      this.lastCell[f] = cell;
      this.lastCount[f] = seen;
    }
  }

  names(): { mentions: Map<string, number>; firstRow: Map<string, number> } {
    const mentions = new Map<string, number>();
    const firstRow = new Map<string, number>();
    for (const [cell, { count, firstRow: row }] of this.cells) {
      for (const { name } of splitNames(cell)) {
        mentions.set(name, (mentions.get(name) ?? 0) + count);
        const earlier = firstRow.get(name);
        if (earlier === undefined || row < earlier) firstRow.set(name, row);
      }
    }
    return { mentions, firstRow };
  }
}

/** A name field read by its own accessor: one property each, not `item[field]` looked up by name on every item. */
type NameField = (item: Item) => string | null;

const FIELDS: Record<NameRole, readonly NameField[]> = {
  unit: [(item) => item.unit, (item) => item.supportUnit],
  leader: [(item) => item.leader],
  owner: [(item) => item.owner],
};

export const checkNameVariants: Check = (ctx) => {
  const roles = (Object.keys(FIELDS) as NameRole[]).filter((role) => ctx.header.roles.has(role as Role));
  // One pass over the items for every role: a big ledger's items do not fit in the cache.
  const collected = roles.map((role) => new NameCells(FIELDS[role]));
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    for (let r = 0; r < collected.length; r++) collected[r]!.add(item);
  }
  const place = new Place();
  for (let r = 0; r < roles.length; r++) {
    const role = roles[r]!;
    const { mentions, firstRow } = collected[r]!.names();
    for (const group of findNameVariants(mentions)) {
      for (const variant of group.variants) {
        if (variant === group.canonical) continue;
        const row = firstRow.get(variant);
        ctx.report(
          "name-variant",
          place.at(row, row === undefined ? undefined : roleCell(ctx, row, role), variant, group.canonical),
          { variant, canonical: group.canonical, kind: phrase(KIND[role], ctx.lang) },
        );
      }
    }
  }
};
