/**
 * Header detection: which row (or pair of rows) names the columns, and what each column is.
 *
 * Real ledgers put title rows above the header and often split it in two, the upper row
 * merged over groups ("责任主体" over 责任领导 | 责任单位 | 责任人). Each candidate row, and
 * each pair of adjacent rows, is scored by the number of distinct roles it names; the best
 * wins, a single row beating a pair on a tie.
 */
import { matchHeader, type Role, type RoleMatch } from "./roles.js";
import { MergeIndex } from "./sheet/merges.js";
import type { Sheet } from "./sheet/model.js";
import type { StatusColumnKind } from "./status.js";
import { cellText } from "./text.js";

/** Headers sit near the top; title blocks rarely run past a dozen rows. */
const SCAN_ROWS = 40;

export interface HeaderColumn {
  readonly col: number;
  readonly label: string;
  readonly match: RoleMatch;
}

export interface StatusColumn {
  readonly col: number;
  readonly kind: StatusColumnKind;
}

export interface Header {
  readonly firstRow: number;
  /** The last header row; data starts below it. */
  readonly lastRow: number;
  readonly columns: readonly HeaderColumn[];
  /** The primary column of each role found. */
  readonly roles: ReadonlyMap<Role, number>;
  /** Every status column, the primary progress column first. */
  readonly statusColumns: readonly StatusColumn[];
  /** A supporting-unit column (配合单位), when the sheet has one beside the lead unit. */
  readonly supportUnitColumn: number | null;
}

type RowMatches = Map<number, HeaderColumn>;

function matchRow(sheet: Sheet, merges: MergeIndex, row: number): RowMatches {
  const found: RowMatches = new Map();
  const width = sheet.rows[row - 1]?.length ?? 0;
  const lastCol = Math.max(width, ...mergedColumnsEnd(merges, row, width));
  for (let col = 1; col <= lastCol; col++) {
    const text = cellText(merges.shownValue(row, col));
    if (text === null) continue;
    const match = matchHeader(text);
    if (match) found.set(col, { col, label: text, match });
  }
  return found;
}

function mergedColumnsEnd(merges: MergeIndex, row: number, width: number): number[] {
  const range = merges.rangeAt(row, width + 1);
  return range ? [range.right] : [];
}

function distinctRoles(matches: RowMatches): number {
  const roles = new Set<string>();
  for (const { match } of matches.values()) if (!match.secondary) roles.add(match.role);
  return roles.size;
}

/** The lower row names the children; the upper row fills columns the lower leaves empty. */
function combine(upper: RowMatches, lower: RowMatches): RowMatches {
  const combined: RowMatches = new Map(upper);
  for (const [col, column] of lower) combined.set(col, column);
  return combined;
}

function assemble(firstRow: number, lastRow: number, matches: RowMatches): Header {
  const columns = [...matches.values()].sort((a, b) => a.col - b.col);
  const roles = new Map<Role, number>();
  const statusColumns: StatusColumn[] = [];
  let supportUnitColumn: number | null = null;
  for (const { col, match } of columns) {
    if (match.role === "status") statusColumns.push({ col, kind: match.statusKind ?? "progress" });
    if (match.secondary) {
      supportUnitColumn ??= col;
      continue;
    }
    if (!roles.has(match.role)) roles.set(match.role, col);
  }
  // The free progress column leads; yes/no columns refine it.
  statusColumns.sort((a, b) => Number(a.kind !== "progress") - Number(b.kind !== "progress") || a.col - b.col);
  if (statusColumns[0]) roles.set("status", statusColumns[0].col);
  // A lone 配合单位 column still tells who is responsible.
  if (!roles.has("unit") && supportUnitColumn !== null) {
    roles.set("unit", supportUnitColumn);
    supportUnitColumn = null;
  }
  return { firstRow, lastRow, columns, roles, statusColumns, supportUnitColumn };
}

/** A header cell merged down from above starts the header there ("序号" over two rows). */
function headerTop(merges: MergeIndex, row: number, matches: RowMatches): number {
  let top = row;
  for (const col of matches.keys()) top = Math.min(top, merges.rangeAt(row, col)?.top ?? row);
  return top;
}

/** The best header of the sheet, or null when no row names at least two roles. */
export function detectHeader(sheet: Sheet, merges = new MergeIndex(sheet)): Header | null {
  const last = Math.min(sheet.rows.length, SCAN_ROWS);
  const rows: RowMatches[] = [];
  for (let r = 1; r <= last; r++) rows.push(matchRow(sheet, merges, r));

  let best: { first: number; last: number; matches: RowMatches; score: number } | null = null;
  const consider = (first: number, lastRow: number, matches: RowMatches): void => {
    const score = distinctRoles(matches);
    if (score >= 2 && (best === null || score > best.score)) best = { first, last: lastRow, matches, score };
  };
  for (let r = 1; r <= last; r++) {
    const single = rows[r - 1]!;
    consider(r, r, single);
    const below = rows[r];
    if (below && below.size > 0 && single.size > 0) {
      const pair = combine(single, below);
      if (distinctRoles(pair) > Math.max(distinctRoles(single), distinctRoles(below))) consider(r, r + 1, pair);
    }
  }
  if (best === null) return null;
  const found: { first: number; last: number; matches: RowMatches } = best;
  return assemble(headerTop(merges, found.first, found.matches), found.last, found.matches);
}

const LEDGER_EVIDENCE: readonly Role[] = ["measure", "deadline", "status", "completedOn"];

/**
 * Whether a header belongs to a ledger: a task column with at least two other ledger columns,
 * or, lacking a task column, at least three (then the missing task is a finding).
 */
export function looksLikeLedger(header: Header): boolean {
  const { roles } = header;
  let evidence = LEDGER_EVIDENCE.filter((role) => roles.has(role)).length;
  if (roles.has("unit") || roles.has("owner") || roles.has("leader")) evidence++;
  return roles.has("task") ? evidence >= 2 : evidence >= 3;
}
