/**
 * Two versions of one ledger compared (contract §8): items paired across versions, every change
 * classified, and each unit's standing with its change. The result is the JSON `taizhang diff
 * --json` prints; the terminal, the workbook and the report's 较上期 section render it.
 */
import type { Day } from "../day.js";
import type { Item } from "../item.js";
import type { ReadLedger } from "../ledger.js";
import { SCHEMA_VERSION } from "../check-report.js";
import { addedChange, CHANGE_KINDS, itemChanges, removedChange, type Change } from "./changes.js";
import { itemIds } from "./identity.js";
import { matchItems, WEAK_MATCH } from "./match.js";
import { unitStandings, type UnitStanding } from "./standings.js";
import { unitSpellings } from "./unit-spellings.js";

export interface VersionRef {
  readonly file: string;
  readonly sheet: string;
  readonly asOf: Day;
}

/** A pairing a person should confirm: the texts differ enough that it could be wrong. */
export interface WeakMatch {
  readonly oldRow: number;
  readonly newRow: number;
  readonly oldTask: string | null;
  readonly newTask: string | null;
  readonly confidence: number;
}

export interface LedgerDiff {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly old: VersionRef;
  readonly new: VersionRef;
  readonly changes: readonly Change[];
  readonly units: readonly UnitStanding[];
  /** Pairings below WEAK_MATCH confidence, or made among too many alike rows to be sure, for a person to confirm. */
  readonly toConfirm: readonly WeakMatch[];
  /** How the items were paired, and how many were found in both versions. */
  readonly matched: { readonly count: number; readonly byId: boolean };
}

const KIND_ORDER = new Map(CHANGE_KINDS.map((kind, i) => [kind, i]));

/** A change and where it reads: the new item's place, else (removed) after them all, the old one's. */
interface Placed {
  readonly change: Change;
  readonly place: number;
}

/** Changes in the new version's item order (removed items by their old order, after), kinds in catalogue order. */
function inReadingOrder(placed: Placed[]): Change[] {
  return placed.sort((a, b) => a.place - b.place || KIND_ORDER.get(a.change.kind)! - KIND_ORDER.get(b.change.kind)!).map((p) => p.change);
}

/** One version as diffing sees it: a ledger, or the items of several (a consolidation). */
export interface Version extends VersionRef {
  readonly items: readonly Item[];
  /** Each item's stable id, when the version has an id column; else null. */
  readonly ids: readonly (string | null)[] | null;
  /** Each item's sheet, when the version spans several sheets (one per unit); else absent. */
  readonly itemSheets?: readonly string[];
}

export function versionOf(ledger: ReadLedger, file: string): Version {
  return { file, sheet: ledger.sheet.name, asOf: ledger.asOf, items: ledger.items, ids: itemIds(ledger)?.ids ?? null };
}

export function diffLedgers(oldLedger: ReadLedger, newLedger: ReadLedger, files: { readonly old: string; readonly new: string }): LedgerDiff {
  return diffVersions(versionOf(oldLedger, files.old), versionOf(newLedger, files.new));
}

export function diffVersions(oldVersion: Version, newVersion: Version): LedgerDiff {
  const spellings = unitSpellings([oldVersion.items, newVersion.items]);
  const matching = matchItems(oldVersion, newVersion, spellings);
  const placed: Placed[] = [];
  const toConfirm: WeakMatch[] = [];
  // Rows name a place only with their sheet when a version spans several.
  const sheeted = oldVersion.itemSheets !== undefined || newVersion.itemSheets !== undefined;
  const sheetOf = (version: Version, index: number | null): string | null =>
    index === null ? null : version.itemSheets?.[index] ?? version.sheet;
  const add = (changes: readonly Change[], old: number | null, next: number | null): void => {
    const where = sheeted ? { oldSheet: sheetOf(oldVersion, old), newSheet: sheetOf(newVersion, next) } : {};
    const place = next !== null ? next : 1e9 + old!;
    for (const change of changes) placed.push({ change: { ...change, ...where }, place });
  };
  for (const m of matching.matches) {
    const [o, n] = [oldVersion.items[m.old]!, newVersion.items[m.new]!];
    add(itemChanges(o, n, m.confidence, spellings), m.old, m.new);
    if (m.confidence < WEAK_MATCH || m.unsure) toConfirm.push({ oldRow: o.row, newRow: n.row, oldTask: o.task, newTask: n.task, confidence: m.confidence });
  }
  for (const n of matching.added) add([addedChange(newVersion.items[n]!)], null, n);
  for (const o of matching.removed) add([removedChange(oldVersion.items[o]!)], o, null);
  return {
    schemaVersion: SCHEMA_VERSION,
    old: { file: oldVersion.file, sheet: oldVersion.sheet, asOf: oldVersion.asOf },
    new: { file: newVersion.file, sheet: newVersion.sheet, asOf: newVersion.asOf },
    changes: inReadingOrder(placed),
    units: unitStandings(oldVersion.items, newVersion.items, spellings),
    toConfirm,
    matched: { count: matching.matches.length, byId: matching.byId },
  };
}

/** Two versions that share no item are not two versions of one ledger. */
export function nothingInCommon(diff: LedgerDiff): boolean {
  return diff.matched.count === 0;
}
