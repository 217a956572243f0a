/**
 * Header detection: which row (or pair of rows) names the columns, and what each column is.
 *
 * Real ledgers put title rows above the header and often split it in two, the upper row
 * merged over groups ("责任主体" over 责任领导 | 责任单位 | 责任人). Each candidate row, and
 * each pair of adjacent rows, is scored by the number of distinct roles it names; the best
 * wins, a single row beating a pair on a tie.
 */
import { locateMappedHeaders, type ColumnMapping } from "./column-mapping.js";
import { isNarrative, profileColumns, type ColumnProfile } from "./column-profile.js";
import { matchHeader, type Role, type RoleMatch } from "./roles.js";
import { MergeIndex } from "./sheet/merge-index.js";
import type { Sheet } from "./sheet/sheet-model.js";
import type { StatusColumnKind } from "./status.js";
import { cellText } from "./text.js";

/** Headers sit near the top; title blocks rarely run past a dozen rows. */
const SCAN_ROWS = 40;
/**
 * A published 任务分解表 often has the whole notice (说明, 通知) pasted above the table. Past the
 * usual title block the scan goes on to the first row naming two roles, within this many filled
 * rows from the top and this many rows in all, so a sheet of a million rows costs no more.
 */
const NOTICE_FILLED_ROWS = 300;
const NOTICE_SCAN_ROWS = 5_000;

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
  /** Narrative progress columns (工作进展情况 beside 完成状态): text to show, not a status. */
  readonly progressTextColumns: readonly number[];
  /** Roles given to a column by what it holds, its header naming none: each is an info finding. */
  readonly guessed: readonly GuessedColumn[];
  /** Roles the clerk assigned (--columns, the pane's dropdown). */
  readonly mapped: readonly Role[];
}

/** Why a column was taken for a role its header does not name. */
export type GuessReason = "dates" | "status-words" | "unit-names" | "person-names";

export interface GuessedColumn {
  readonly role: Role;
  readonly col: number;
  /** The header text over it, or null when the header cell is empty. */
  readonly label: string | null;
  readonly reason: GuessReason;
}

type RowMatches = Map<number, HeaderColumn>;

function matchRow(sheet: Sheet, merges: MergeIndex, row: number): RowMatches {
  const found: RowMatches = new Map();
  const width = sheet.rows[row - 1]?.length ?? 0;
  const lastCol = Math.max(width, ...mergedColumnsEnd(merges, row, width));
  // A merge across the row (G17:XFD17) shows one text in thousands of cells: it is matched once.
  const matched = new Map<string, RoleMatch | null>();
  for (let col = 1; col <= lastCol; col++) {
    const text = cellText(merges.shownValue(row, col));
    if (text === null) continue;
    let match = matched.get(text);
    if (match === undefined) {
      match = matchHeader(text);
      matched.set(text, match);
    }
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

/**
 * A row that holds an item, not header words: a number (its 序号) or a date in it. Data rows
 * can contain header words ("各牵头单位"), so a pair with such a row is no two-row header.
 */
function looksLikeData(sheet: Sheet, row: number): boolean {
  for (const value of sheet.rows[row - 1] ?? []) {
    if (typeof value === "number" || (value !== null && typeof value === "object" && "day" in value)) return true;
    if (typeof value === "string" && (/^\s*\d{1,4}\s*$/u.test(value) || /\d{1,2}月\d{1,2}[日号]/u.test(value))) return true;
  }
  return false;
}

/** The lower row names the children; the upper row fills columns the lower leaves empty. */
function combine(upper: RowMatches, lower: RowMatches): RowMatches {
  const combined: RowMatches = new Map(upper);
  for (const [col, column] of lower) combined.set(col, column);
  return combined;
}

/** A column whose texts repeat (merged down, or written once per group): it groups items. */
function groups(profile: ColumnProfile | undefined): boolean {
  return profile !== undefined && profile.filled >= 3 && profile.distinct < 0.7;
}

/** How well a column's cells fit a role it competes for: dates for the date roles. */
function fit(role: Role, profile: ColumnProfile | undefined): number {
  if (!profile) return 0;
  if (role === "deadline" || role === "completedOn" || role === "start") return profile.dates;
  // Of two "task" columns (项目 | 工作任务), one whose texts repeat down merged cells groups the other.
  if (role === "task") return groups(profile) ? -1 : 0;
  return 0;
}

/**
 * A visible column beats a hidden one; then the column whose cells read as the role (dates
 * for a deadline) beats one that only has the header word; then the leftmost (contract §2).
 */
function bestOf(role: Role, cols: readonly number[], profiles: ReadonlyMap<number, ColumnProfile>): number {
  const ranked = [...cols].sort((a, b) => {
    const pa = profiles.get(a);
    const pb = profiles.get(b);
    return Number(pa?.hidden ?? false) - Number(pb?.hidden ?? false) || fit(role, pb) - fit(role, pa) || a - b;
  });
  return ranked[0]!;
}

/** How many of a column's cells the status vocabulary reads; a hidden column counts for nothing. */
function statusFit(profile: ColumnProfile | undefined): number {
  return profile === undefined || profile.hidden ? -1 : profile.statusReadable * profile.filled;
}

/** A task header that names a problem, which a project's name beside it yields to. */
const PROBLEM_WORD = /问题|隐患/u;

export function assemble(
  firstRow: number,
  lastRow: number,
  matches: RowMatches,
  profiles: ReadonlyMap<number, ColumnProfile> = new Map(),
  labels: ReadonlyMap<number, string> = new Map(),
): Header {
  const columns = [...matches.values()].sort((a, b) => a.col - b.col);
  const candidates = new Map<Role, number[]>();
  let statusColumns: StatusColumn[] = [];
  let supportUnitColumn: number | null = null;
  for (const { col, match } of columns) {
    if (match.role === "status") {
      statusColumns.push({ col, kind: match.statusKind ?? "progress" });
      continue;
    }
    if (match.secondary) {
      supportUnitColumn ??= col;
      continue;
    }
    const list = candidates.get(match.role);
    if (list) list.push(col);
    else candidates.set(match.role, [col]);
  }
  // A project's name beside the problem (项目名称 | 问题描述): the problem is the item, the project
  // may group it.
  const problemCols = columns.filter((c) => c.match.role === "task" && !c.match.project && PROBLEM_WORD.test(c.label)).map((c) => c.col);
  const hasProject = columns.some((c) => c.match.project);
  const roles = new Map<Role, number>();
  for (const [role, cols] of candidates) roles.set(role, bestOf(role, role === "task" && hasProject && problemCols.length > 0 ? problemCols : cols, profiles));
  // A repeating "task" column left of the task is its category (项目 over 工作任务).
  const taskCols = candidates.get("task") ?? [];
  const grouping = taskCols.find((c) => c < roles.get("task")! && groups(profiles.get(c)));
  if (grouping !== undefined && !roles.has("category")) roles.set("category", grouping);
  // Tasks are written in words: a "task" column of counts and percents (占总任务, 问题数, a
  // statistics table's 目标任务 figures) is no ledger's task column.
  const wordless = (col: number | undefined): boolean => {
    const p = col === undefined ? undefined : profiles.get(col);
    return p !== undefined && p.filled >= MIN_EVIDENCE_CELLS && p.textual < 0.5;
  };
  if (wordless(roles.get("task"))) roles.delete("task");
  // Without a task column, the items are what the targets (目标任务), the actions (an action
  // register's Action) or the categories (问题类别 of an audit summary) name, when written in words.
  for (const stand of ["target", "measure", "category"] as const) {
    const col = roles.get(stand);
    if (roles.has("task") || col === undefined || wordless(col)) continue;
    roles.set("task", col);
    roles.delete(stand);
  }

  // Of several free status columns, the one holding status words leads; a narrative one
  // beside it (工作进展情况 next to 完成状态) is progress text, not a second status.
  const progressTextColumns: number[] = [];
  const free = statusColumns.filter((c) => c.kind === "progress");
  if (free.length > 1) {
    const lead = [...free].sort((a, b) => statusFit(profiles.get(b.col)) - statusFit(profiles.get(a.col)) || a.col - b.col)[0]!;
    const leadFit = profiles.get(lead.col)?.statusReadable ?? 0;
    const leadHoldsWords = (profiles.get(lead.col)?.statusWords ?? 0) >= 0.5;
    for (const c of free) {
      const profile = profiles.get(c.col);
      if (c === lead || profile === undefined) continue;
      // A narrative column, or one of counts ("1-8月实际完成情况" beside "完成率"), that the status words rarely read.
      const weak = profile.statusReadable < Math.min(0.5, leadFit) || (isNarrative(profile) && (leadHoldsWords || profile.statusReadable < leadFit));
      if (profile.hidden || weak) progressTextColumns.push(c.col);
    }
    statusColumns = [lead, ...statusColumns.filter((c) => c !== lead && !progressTextColumns.includes(c.col))];
  }
  // The free progress column leads; yes/no columns refine it.
  statusColumns.sort((a, b) => Number(a.kind !== "progress") - Number(b.kind !== "progress"));
  if (statusColumns[0]) roles.set("status", statusColumns[0].col);
  // A lone 配合单位 column still tells who is responsible.
  if (!roles.has("unit") && supportUnitColumn !== null) {
    roles.set("unit", supportUnitColumn);
    supportUnitColumn = null;
  }
  const guessed = guessRoles(roles, new Set([...matches.keys()]), profiles, labels);
  for (const g of guessed) {
    roles.set(g.role, g.col);
    if (g.role === "status") statusColumns.push({ col: g.col, kind: "progress" });
  }
  return { firstRow, lastRow, columns, roles, statusColumns, supportUnitColumn, progressTextColumns, guessed, mapped: [] };
}

/** Cells a column must hold before what they hold overrules its header word. */
const MIN_EVIDENCE_CELLS = 2;

/** A column's cells must be this uniform before its role is guessed from them. */
const GUESS_SHARE = 0.6;
const GUESS_MIN_CELLS = 3;

/**
 * Roles a ledger lacks, proposed from columns no header word claims: a column of dates is the
 * deadline, of status words the status, of unit names the unit, of people's names the owner.
 * Visible columns only, the leftmost fitting one.
 */
function guessRoles(
  roles: ReadonlyMap<Role, number>,
  claimed: ReadonlySet<number>,
  profiles: ReadonlyMap<number, ColumnProfile>,
  labels: ReadonlyMap<number, string>,
): GuessedColumn[] {
  const free = [...profiles.values()].filter((p) => !claimed.has(p.col) && !p.hidden && p.filled >= GUESS_MIN_CELLS);
  const guessed: GuessedColumn[] = [];
  const taken = new Set<number>();
  const propose = (role: Role, reason: GuessReason, fits: (p: ColumnProfile) => boolean): void => {
    const p = free.find((c) => !taken.has(c.col) && fits(c));
    if (!p) return;
    taken.add(p.col);
    guessed.push({ role, col: p.col, label: labels.get(p.col) ?? null, reason });
  };
  if (!roles.has("deadline")) propose("deadline", "dates", (p) => p.dates >= GUESS_SHARE);
  if (!roles.has("status")) propose("status", "status-words", (p) => p.statusWords >= GUESS_SHARE);
  if (!roles.has("unit") && !roles.has("owner")) {
    propose("unit", "unit-names", (p) => p.units >= GUESS_SHARE);
    if (!guessed.some((g) => g.role === "unit")) propose("owner", "person-names", (p) => p.persons >= GUESS_SHARE && p.statusReadable < 0.3);
  }
  return guessed;
}

/** A header cell merged down from above starts the header there ("序号" over two rows). */
function headerTop(merges: MergeIndex, row: number, matches: RowMatches): number {
  let top = row;
  for (const col of matches.keys()) top = Math.min(top, merges.rangeAt(row, col)?.top ?? row);
  return top;
}

/**
 * Header cells merged down ("序号" over rows 2–5) end the header at the merges' bottom: the rows
 * they span hold the group's sub-labels (整改责任单位 over 建设 | 设计 | 施工 | 监理), not items.
 */
function headerBottom(sheet: Sheet, merges: MergeIndex, row: number, matches: RowMatches): number {
  let bottom = row;
  for (const col of matches.keys()) {
    const range = merges.rangeAt(row, col);
    if (range !== undefined && range.left === range.right) bottom = Math.max(bottom, Math.min(range.bottom, row + MAX_HEADER_SPAN));
  }
  for (let r = row + 1; r <= bottom; r++) if (looksLikeData(sheet, r)) return row;
  return bottom;
}

/** Rows a header's merged cells may reach below its word row. */
const MAX_HEADER_SPAN = 4;

/**
 * The best header of the sheet, or null when no row names at least two roles. Mapped columns
 * (--columns, the pane's choice) take their role whatever their header says, and locate the
 * header themselves when the words find none.
 */
export function detectHeader(sheet: Sheet, merges = new MergeIndex(sheet), mappings: readonly ColumnMapping[] = []): Header | null {
  const found = detectByWords(sheet, merges);
  if (mappings.length === 0) {
    if (found === null) return null;
    return build(sheet, merges, found.first, found.last, found.matches, []);
  }
  const located = locateMappedHeaders(sheet, merges, mappings, found ? { first: found.first, last: found.last } : undefined);
  if (located.length === 0) return found === null ? null : build(sheet, merges, found.first, found.last, found.matches, []);
  let first = found?.first ?? Infinity;
  let last = found?.last ?? 0;
  const inside = found !== null && located.every((m) => m.row >= found.first && m.row <= found.last);
  if (!inside) {
    first = Math.min(...located.map((m) => m.row));
    last = Math.max(...located.map((m) => m.row));
  }
  let matches: RowMatches = inside ? new Map(found.matches) : matchRow(sheet, merges, first);
  for (let r = first + 1; r <= last && !inside; r++) matches = combine(matches, matchRow(sheet, merges, r));
  for (const { mapping, col } of located) {
    if (mapping.role === "none") {
      matches.delete(col);
      continue;
    }
    const role = mapping.role;
    // The mapped column is the role's column: others claiming it step aside (yes/no status columns stay).
    for (const [c, m] of matches) if (m.match.role === role && (role !== "status" || (m.match.statusKind ?? "progress") === "progress")) matches.delete(c);
    matches.set(col, { col, label: mapping.header, match: role === "status" ? { role, statusKind: "progress" } : { role } });
  }
  const ordered = mappings.flatMap((mapping) => located.filter((m) => m.mapping === mapping));
  const mapped = ordered.flatMap((m) => (m.mapping.role === "none" ? [] : [m.mapping.role]));
  // A column mapped to none is no role's, not even by a guess from its contents.
  const blocked = new Set(ordered.filter((m) => m.mapping.role === "none").map((m) => m.col));
  return build(sheet, merges, first, last, matches, mapped, blocked);
}

function build(sheet: Sheet, merges: MergeIndex, first: number, last: number, matches: RowMatches, mapped: readonly Role[], blocked: ReadonlySet<number> = new Set()): Header {
  const lastCol = tableWidth(sheet, last);
  const profiles = profileColumns(sheet, merges, last, lastCol);
  for (const col of blocked) profiles.delete(col);
  const header = assemble(headerTop(merges, first, matches), last, matches, profiles, headerLabels(sheet, merges, first, last, lastCol));
  return mapped.length === 0 ? header : { ...header, mapped };
}

/** The row (or pair of rows) whose header words name the most roles: near the top, else under a pasted notice. */
function detectByWords(sheet: Sheet, merges: MergeIndex): { first: number; last: number; matches: RowMatches } | null {
  return bestHeaderIn(sheet, merges, 1, Math.min(sheet.rows.length, SCAN_ROWS)) ?? headerBelowNotice(sheet, merges);
}

/** The first row past the title block that names two roles, as the top of the header (with the row under it). */
function headerBelowNotice(sheet: Sheet, merges: MergeIndex): { first: number; last: number; matches: RowMatches } | null {
  let filled = 0;
  for (let r = 1; r <= Math.min(sheet.rows.length, NOTICE_SCAN_ROWS); r++) {
    if (!(sheet.rows[r - 1] ?? []).some((v) => v !== null && v !== "")) continue;
    if (++filled > NOTICE_FILLED_ROWS) return null;
    if (r > SCAN_ROWS && distinctRoles(matchRow(sheet, merges, r)) >= 2) return bestHeaderIn(sheet, merges, r, Math.min(sheet.rows.length, r + 1));
  }
  return null;
}

/** The best header among rows first…last (a pair may reach one row below). */
function bestHeaderIn(sheet: Sheet, merges: MergeIndex, from: number, last: number): { first: number; last: number; matches: RowMatches } | null {
  const rows = new Map<number, RowMatches>();
  for (let r = from; r <= Math.min(sheet.rows.length, last + 1); r++) rows.set(r, matchRow(sheet, merges, r));

  let best: { first: number; last: number; matches: RowMatches; score: number } | null = null;
  const consider = (first: number, lastRow: number, matches: RowMatches): void => {
    const score = distinctRoles(matches);
    if (score >= 2 && (best === null || score > best.score)) best = { first, last: lastRow, matches, score };
  };
  for (let r = from; r <= last; r++) {
    const single = rows.get(r)!;
    consider(r, r, single);
    const below = rows.get(r + 1);
    if (below && below.size > 0 && single.size > 0 && !looksLikeData(sheet, r + 1)) {
      const pair = combine(single, below);
      if (distinctRoles(pair) > Math.max(distinctRoles(single), distinctRoles(below))) consider(r, r + 1, pair);
    }
  }
  if (best === null) return null;
  const found: { first: number; last: number; matches: RowMatches } = best;
  return { first: found.first, last: headerBottom(sheet, merges, found.last, found.matches), matches: found.matches };
}

/** The widest of the header row and the rows just below it. */
export function tableWidth(sheet: Sheet, headerLastRow: number): number {
  let width = 0;
  for (let r = Math.max(1, headerLastRow - 1); r <= Math.min(sheet.rows.length, headerLastRow + 60); r++) width = Math.max(width, sheet.rows[r - 1]?.length ?? 0);
  return width;
}

/** Each column's header text, the lower row's where both rows have one. */
export function headerLabels(sheet: Sheet, merges: MergeIndex, firstRow: number, lastRow: number, lastCol: number): Map<number, string> {
  const labels = new Map<number, string>();
  for (let col = 1; col <= lastCol; col++) {
    for (let r = lastRow; r >= firstRow; r--) {
      const text = cellText(merges.shownValue(r, col));
      if (text !== null) {
        labels.set(col, text);
        break;
      }
    }
  }
  return labels;
}

const LEDGER_EVIDENCE: readonly Role[] = ["measure", "deadline", "status", "completedOn"];
/** Roles that say something about an item beside its task; a number or a remark does not. */
const ITEM_ROLES: readonly Role[] = ["category", "measure", "target", "leader", "unit", "owner", "deadline", "status", "completedOn", "evidence", "start"];

/**
 * Whether a header belongs to a ledger (contract §2): a task column and any one more role of
 * an item (任务分解表 with only 重点任务 | 牵头单位, 进展情况表 with only task and 完成状态), or,
 * lacking a task column, three ledger columns (then the missing task is a finding).
 */
export function looksLikeLedger(header: Header): boolean {
  const { roles } = header;
  if (roles.has("task")) return ITEM_ROLES.some((role) => roles.has(role));
  let evidence = LEDGER_EVIDENCE.filter((role) => roles.has(role)).length;
  if (roles.has("unit") || roles.has("owner") || roles.has("leader")) evidence++;
  return evidence >= 3;
}
