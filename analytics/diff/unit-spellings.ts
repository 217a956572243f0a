/**
 * One unit written several ways across the versions compared (区人民医院 / 娄星区人民医院,
 * 县发展和改革局 / 县发改局, 疾控中心（牵头） / 疾控中心): the same unit to the diff, as `check`
 * calls them spellings of one name (names.ts findNameVariants). A month whose clerk writes the
 * unit more fully is no unit change, its rows pair as the unit's own, and the unit keeps one
 * line in the standings. A unit renamed (卫计局 → 卫健局) is no spelling: its keys differ.
 */
import type { Item } from "../item.js";
import { cleanNamesIn, findNameVariants, nameKey } from "../names.js";

/** One unit a cell names: the spelling as cleaned for display, and the key its spellings share. */
export interface UnitName {
  readonly name: string;
  readonly key: string;
}

export interface UnitSpellings {
  /** The distinct units a cell names, in the cell's order ("区医保局、扶贫办" → two). */
  unitsIn(cell: string): readonly UnitName[];
  /** The units a cell names as one comparable key: spellings of a unit alike, order and repeats ignored. */
  cellKey(cell: string | null): string;
}

/** The spellings of the units named in these lists of items (every version compared). */
export function unitSpellings(itemLists: ReadonlyArray<readonly Item[]>): UnitSpellings {
  // Each distinct cell is split once: a ledger repeats a few dozen unit cells over its rows.
  const cleaned = new Map<string, string[]>();
  const cleanedIn = (cell: string): string[] => {
    let list = cleaned.get(cell);
    if (list === undefined) cleaned.set(cell, (list = cleanNamesIn(cell)));
    return list;
  };
  const mentions = new Map<string, number>();
  for (const items of itemLists) {
    for (const item of items) {
      if (item.unit === null) continue;
      for (const name of cleanedIn(item.unit)) mentions.set(name, (mentions.get(name) ?? 0) + 1);
    }
  }
  const groupKey = new Map<string, string>();
  for (const group of findNameVariants(mentions)) {
    const key = nameKey(group.canonical);
    for (const spelling of group.variants) groupKey.set(spelling, key);
  }
  const keyOf = (name: string): string => groupKey.get(name) ?? nameKey(name);

  const units = new Map<string, UnitName[]>();
  const cellKeys = new Map<string, string>();
  const unitsIn = (cell: string): readonly UnitName[] => {
    let list = units.get(cell);
    if (list === undefined) {
      list = [];
      const seen = new Set<string>();
      for (const name of cleanedIn(cell)) {
        const key = keyOf(name);
        if (key === "" || seen.has(key)) continue;
        seen.add(key);
        list.push({ name, key });
      }
      units.set(cell, list);
    }
    return list;
  };
  return {
    unitsIn,
    cellKey: (cell) => {
      if (cell === null) return "";
      let key = cellKeys.get(cell);
      if (key === undefined) cellKeys.set(cell, (key = unitsIn(cell).map((u) => u.key).sort().join("|")));
      return key;
    },
  };
}
