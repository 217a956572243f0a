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
  /** Pairings below WEAK_MATCH confidence, for a person to confirm. */
  readonly toConfirm: readonly WeakMatch[];
  /** How the items were paired, and how many were found in both versions. */
  readonly matched: { readonly count: number; readonly byId: boolean };
}

const KIND_ORDER = new Map(CHANGE_KINDS.map((kind, i) => [kind, i]));

/** Changes in the new sheet's row order (removed items by their old row, after), kinds in catalogue order. */
function inReadingOrder(changes: Change[]): Change[] {
  const place = (c: Change): number => (c.newRow !== null ? c.newRow : 1e9 + c.oldRow!);
  return changes.sort((a, b) => place(a) - place(b) || KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!);
}

/** One version as diffing sees it: a ledger, or the items of several (a consolidation). */
export interface Version extends VersionRef {
  readonly items: readonly Item[];
  /** Each item's stable id, when the version has an id column; else null. */
  readonly ids: readonly (string | null)[] | null;
}

export function versionOf(ledger: ReadLedger, file: string): Version {
  return { file, sheet: ledger.sheet.name, asOf: ledger.asOf, items: ledger.items, ids: itemIds(ledger)?.ids ?? null };
}

export function diffLedgers(oldLedger: ReadLedger, newLedger: ReadLedger, files: { readonly old: string; readonly new: string }): LedgerDiff {
  return diffVersions(versionOf(oldLedger, files.old), versionOf(newLedger, files.new));
}

export function diffVersions(oldVersion: Version, newVersion: Version): LedgerDiff {
  const matching = matchItems(oldVersion, newVersion);
  const changes: Change[] = [];
  const toConfirm: WeakMatch[] = [];
  for (const m of matching.matches) {
    const [o, n] = [oldVersion.items[m.old]!, newVersion.items[m.new]!];
    changes.push(...itemChanges(o, n, m.confidence));
    if (m.confidence < WEAK_MATCH) toConfirm.push({ oldRow: o.row, newRow: n.row, oldTask: o.task, newTask: n.task, confidence: m.confidence });
  }
  for (const n of matching.added) changes.push(addedChange(newVersion.items[n]!));
  for (const o of matching.removed) changes.push(removedChange(oldVersion.items[o]!));
  return {
    schemaVersion: SCHEMA_VERSION,
    old: { file: oldVersion.file, sheet: oldVersion.sheet, asOf: oldVersion.asOf },
    new: { file: newVersion.file, sheet: newVersion.sheet, asOf: newVersion.asOf },
    changes: inReadingOrder(changes),
    units: unitStandings(oldVersion.items, newVersion.items),
    toConfirm,
    matched: { count: matching.matches.length, byId: matching.byId },
  };
}

/** Two versions that share no item are not two versions of one ledger. */
export function nothingInCommon(diff: LedgerDiff): boolean {
  return diff.matched.count === 0;
}
