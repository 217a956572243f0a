/**
 * Whether the ledger sheets of one workbook are parts of one ledger (split one sheet per unit, or
 * two lists kept side by side) or copies of it (this month's sheet beside last month's). Parts
 * share no item; copies share most. Diffing compares parts as one version, and of copies only one;
 * every command counts only the newest of dated copies (olderCopies).
 */
import { endOfMonth, type Day } from "../day.js";
import type { Item } from "../item.js";
import type { ReadLedger } from "../ledger.js";
import { fold } from "../text.js";
import { UnionFind } from "../union-find.js";
import { versionDay } from "./as-of.js";
import { foldTask } from "./similarity.js";
import { unitSpellings, type UnitSpellings } from "./unit-spellings.js";

/** An item as sheets share it: its task, folded, and its units; null for an item with no task. */
function itemKey(item: Item, spellings: UnitSpellings): string | null {
  const task = foldTask(item.task);
  return task === "" ? null : `${task}\u0000${spellings.cellKey(item.unit)}`;
}

export function sheetsAreParts(ledgers: readonly ReadLedger[]): boolean {
  if (ledgers.length < 2) return false;
  const seen = new Map<string, number>();
  const spellings = unitSpellings(ledgers.map((l) => l.items));
  for (let l = 0; l < ledgers.length; l++) {
    for (const item of ledgers[l]!.items) {
      const key = itemKey(item, spellings);
      if (key === null) continue;
      const sheet = seen.get(key);
      if (sheet !== undefined && sheet !== l) return false;
      seen.set(key, l);
    }
  }
  return true;
}

/** A sheet left out as an older copy of another: its name and the newer sheet's. */
export interface OlderCopy {
  readonly sheet: string;
  readonly newer: string;
}

/** More dated copies than two years of monthly sheets is no clerk's workbook: nothing is left out. */
const MAX_DATED_SHEETS = 24;

/** "10月", "2019年10月", "2019.10", "10月份进展": the month a sheet's name gives, as its last day. */
const NAME_MONTH = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月|(\d{4})\s*[.\-_/]\s*(\d{1,2})(?!\d)/u;

/** The month a sheet's name gives, and its year when the name writes one. */
function nameMonth(name: string): { year: number | null; month: number } | null {
  const m = NAME_MONTH.exec(fold(name));
  if (!m) return null;
  const month = Number(m[2] ?? m[4]);
  const year = m[1] ?? m[3];
  return month >= 1 && month <= 12 ? { year: year === undefined ? null : Number(year), month } : null;
}

export function sheetNameDay(name: string, baseYear: number): Day | null {
  const named = nameMonth(name);
  return named === null ? null : endOfMonth(named.year ?? baseYear, named.month);
}

/**
 * Of sheets named by month alone (12月, 1月), the latest month of a run that may cross a new
 * year: months kept one after another leave their widest gap between the last and the first
 * (12月 and 1月: eleven months from 1 to 12, one from 12 to 1, so 1月 is last). Null where no
 * gap is the widest (every month of a year: then the year's order holds).
 */
function latestOfYearlessMonths(months: readonly number[]): number | null {
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  if (sorted.length !== months.length || sorted.length < 2) return null;
  let widest = -1;
  let before: number | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const [from, to] = [sorted[i]!, sorted[(i + 1) % sorted.length]!];
    const gap = (to - from + 12) % 12;
    if (gap > widest) [widest, before] = [gap, from];
    else if (gap === widest) before = null;
  }
  return before;
}

function itemKeys(ledger: ReadLedger, spellings: UnitSpellings): Set<string> {
  const keys = new Set<string>();
  for (const item of ledger.items) {
    const key = itemKey(item, spellings);
    if (key !== null) keys.add(key);
  }
  return keys;
}

/** Copies: at least half of the smaller sheet's items (task and unit) are in the other. */
function areCopies(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let shared = 0;
  for (const key of small) if (large.has(key)) shared++;
  return shared * 2 >= small.size;
}

/** The one member dated latest by `dayOf`, when every member has a day and the latest is unique. */
function newestBy(members: readonly number[], dayOf: (i: number) => Day | null): number | null {
  let newest: number | null = null;
  let tie = false;
  for (const i of members) {
    const day = dayOf(i);
    if (day === null) return null;
    const best = newest === null ? null : dayOf(newest)!;
    if (best === null || day > best) [newest, tie] = [i, false];
    else if (day === best) tie = true;
  }
  return tie ? null : newest;
}

/** The member whose sheet's name gives the latest month; months named without a year may run into the next. */
function newestByName(members: readonly number[], ledgers: readonly ReadLedger[]): number | null {
  const named = members.map((i) => nameMonth(ledgers[i]!.sheet.name));
  if (named.every((n) => n !== null && n.year === null)) {
    const latest = latestOfYearlessMonths(named.map((n) => n!.month));
    if (latest !== null) return members[named.findIndex((n) => n!.month === latest)]!;
  }
  return newestBy(members, (i) => sheetNameDay(ledgers[i]!.sheet.name, ledgers[i]!.baseYear));
}

/**
 * Last month's sheet kept beside this month's (10月, 11月): copies of one ledger, told apart by
 * the day each speaks for (its title's 填报日期 or 截至…, else the month in its name). All but the
 * newest are older copies, which every command leaves out and names. Copies with no day to tell
 * them apart are all kept: sheets holding the same tasks may be one unit each, the unit written
 * only in the sheet's name.
 */
export function olderCopies(ledgers: readonly ReadLedger[]): OlderCopy[] {
  const days = ledgers.map((l) => ({ version: versionDay(l), name: sheetNameDay(l.sheet.name, l.baseYear) }));
  const dated = ledgers.map((_, i) => i).filter((i) => days[i]!.version !== null || days[i]!.name !== null);
  if (dated.length < 2 || dated.length > MAX_DATED_SHEETS) return [];
  const spellings = unitSpellings(dated.map((i) => ledgers[i]!.items));
  const keys = new Map(dated.map((i) => [i, itemKeys(ledgers[i]!, spellings)]));
  // Groups of copies: sheets joined by sharing most items, directly or through another copy.
  const copies = new UnionFind(ledgers.length);
  for (let x = 0; x < dated.length; x++) {
    for (let y = x + 1; y < dated.length; y++) {
      const [a, b] = [dated[x]!, dated[y]!];
      if (copies.find(a) !== copies.find(b) && areCopies(keys.get(a)!, keys.get(b)!)) copies.union(a, b);
    }
  }
  const older: OlderCopy[] = [];
  for (const r of new Set(dated.map((i) => copies.find(i)))) {
    const members = dated.filter((i) => copies.find(i) === r);
    if (members.length < 2) continue;
    const newest = newestBy(members, (i) => days[i]!.version) ?? newestByName(members, ledgers);
    if (newest === null) continue;
    for (const i of members) if (i !== newest) older.push({ sheet: ledgers[i]!.sheet.name, newer: ledgers[newest]!.sheet.name });
  }
  return older;
}
