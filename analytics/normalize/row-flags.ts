/**
 * Each table row's overdue and due-soon formulas, built on the cells as the plan leaves them,
 * and each item's formula verdict checked against the core's on the plan's day. Rows of the
 * table that hold no item get the plain formulas too, so a row typed in later is flagged.
 */
import { serialToDay, type Day } from "../day.js";
import type { Item } from "../item.js";
import type { Ledger } from "../ledger.js";
import { leavesDoneOpen } from "./conflicts.js";
import { lastItemRow } from "./extent.js";
import { a1 } from "../sheet/address.js";
import type { RowTemplate } from "./flag-rules.js";
import { CANONICAL_STATUS_WORD } from "../status.js";
import { atRow, evaluateFlags, excelTrim, flagTemplates, OWN_WORD_LENGTH, type FlagSpec, type FlagTemplates, type OwnWord, type RowSources } from "./flags.js";
import { overdueCell } from "./overdue-column.js";
import type { PlannedCells } from "./planned-cells.js";
import { isDayValue, type FlagMismatch } from "./types.js";

/**
 * Where D comes from: the deadline cell when it will hold a date (or text that holds none); the
 * core's day where the cell keeps text the core reads as a day; nothing where the cell is a
 * number the core does not read as a day (Excel would take it for one).
 */
type DeadlineSource = { readonly kind: "cell" } | { readonly kind: "day"; readonly day: Day } | { readonly kind: "none" };

function deadlineSource(item: Item, spec: FlagSpec, cells: PlannedCells): DeadlineSource {
  const source = cells.sourceOf(item.row, spec.deadlineCol);
  const after = cells.afterAt(source.row, source.col);
  if (isDayValue(after)) return { kind: "cell" };
  // A recurring duty's day moves with the day it is read: no fixed-day flag stays true.
  if (item.deadline.kind === "recurring") return { kind: "none" };
  if (item.deadline.date !== null) return { kind: "day", day: item.deadline.date };
  return typeof after === "number" ? { kind: "none" } : { kind: "cell" };
}

/** The day D stands for, as Excel reads the written cell. */
function formulaDay(item: Item, spec: FlagSpec, cells: PlannedCells, source: DeadlineSource): Day | null {
  if (source.kind === "day") return source.day;
  if (source.kind === "none") return null;
  const cell = cells.sourceOf(item.row, spec.deadlineCol);
  const after = cells.afterAt(cell.row, cell.col);
  if (isDayValue(after)) return after.day;
  return typeof after === "number" ? serialToDay(after) : null;
}

const DONE_WORDS = [CANONICAL_STATUS_WORD.done, CANONICAL_STATUS_WORD.closed];
const OPEN_WORDS = [CANONICAL_STATUS_WORD.not_started, CANONICAL_STATUS_WORD.in_progress];

/**
 * A conflict row's progress cells keep the clerk's words ("已办结"), which the formulas' canonical
 * words do not cover: every row reading such a cell (the conflict row, and rows under a kept
 * merge it tops) also reads the start of it, on the side the core read it (done or not done).
 * Other rows have none, and keep sharing one template.
 */
function ownWordsOf(item: Item, spec: FlagSpec, cells: PlannedCells): OwnWord[] {
  if (cells.asWritten.size === 0) return [];
  const progress = new Set(spec.progressCols);
  const words: OwnWord[] = [];
  item.statusReadings.forEach((reading, i) => {
    const col = spec.statusCols[i];
    if (col === undefined || !progress.has(col)) return;
    const value = reading.value;
    const side = value === "done" || value === "closed" ? "done" : value === "not_started" || value === "in_progress" ? "open" : null;
    if (side === null) return;
    const source = cells.sourceOf(item.row, col);
    if (!cells.asWritten.has(a1(source.row, source.col))) return;
    const text = excelTrim(cells.afterAt(source.row, source.col));
    if (text === "" || text === "\u0000") return;
    const canonical = side === "done" ? DONE_WORDS : OPEN_WORDS;
    if (canonical.some((w) => text.startsWith(w))) return;
    words.push({ col, side, prefix: text.slice(0, OWN_WORD_LENGTH) });
  });
  return words;
}

/** Templates depend only on which cells a row reads (its own, or a merge's), on D and on its own words: most rows share one. */
function templateMemory(spec: FlagSpec): (sources: RowSources) => FlagTemplates {
  const memory = new Map<string, FlagTemplates>();
  const cols = [spec.deadlineCol, ...spec.progressCols, ...spec.yesNo.map((c) => c.col)];
  return (sources) => {
    const reads = cols.map((col) => {
      const cell = sources.cell(col);
      return cell.own ? "" : `${cell.row},${cell.col}`;
    });
    const own = (sources.ownWords ?? []).map((w) => `${w.col}${w.side}${w.prefix}`).join("\u0000");
    const key = `${sources.deadlineDay ?? ""}|${reads.join("|")}|${own}`;
    let templates = memory.get(key);
    if (templates === undefined) memory.set(key, (templates = flagTemplates(spec, sources)));
    return templates;
  };
}

export interface OverdueColumnTarget {
  readonly col: number;
  /** The formula a cell of the column holds now, if any. */
  readonly formulaAt: (row: number, col: number) => string | null;
}

export interface RowFlags {
  readonly rows: RowTemplate[];
  readonly mismatches: FlagMismatch[];
}

export function planRowFlags(ledger: Ledger, spec: FlagSpec, cells: PlannedCells, overdue: OverdueColumnTarget | null): RowFlags {
  const items = new Map(ledger.items.map((i) => [i.row, i]));
  const templatesOf = templateMemory(spec);
  const sourcesOf = (row: number, source: DeadlineSource, ownWords: readonly OwnWord[] = []): RowSources => ({
    cell: (col) => cells.sourceOf(row, col),
    deadlineDay: source.kind === "day" ? source.day : null,
    ownWords,
  });
  const plain = templatesOf(sourcesOf(0, { kind: "cell" }));
  const rows: RowTemplate[] = [];
  const mismatches: FlagMismatch[] = [];
  const last = lastItemRow(ledger);
  for (let row = ledger.header.lastRow + 1; row <= last; row++) {
    const item = items.get(row);
    if (item === undefined) {
      rows.push({ row, overdue: plain.overdue, dueSoon: plain.dueSoon, toCheck: plain.toCheck });
      continue;
    }
    const source = deadlineSource(item, spec, cells);
    const ownWords = ownWordsOf(item, spec, cells);
    const sources = sourcesOf(row, source, ownWords);
    const templates = templatesOf(sources);
    // 待核实 needs no deadline: a row without a dated one is still colored while its cells disagree.
    if (source.kind !== "none") rows.push({ row, overdue: templates.overdue, dueSoon: templates.dueSoon, toCheck: templates.toCheck });
    else if (templates.toCheck !== null) rows.push({ row, overdue: null, dueSoon: null, toCheck: templates.toCheck });
    const readAt = (col: number) => {
      const cell = sources.cell(col);
      return cells.afterAt(cell.row, cell.col);
    };
    const verdict = evaluateFlags(spec, readAt, formulaDay(item, spec, cells, source), ledger.asOf, ownWords);
    // A conflict over whether the item is done is neither late nor due on the sheet: it is 待核实 until a person decides.
    const conflict = leavesDoneOpen(item);
    const core = { overdue: item.overdue && !conflict, dueSoon: item.dueSoon && !conflict };
    if (verdict.overdue !== core.overdue || verdict.dueSoon !== core.dueSoon || verdict.toCheck !== conflict) {
      mismatches.push({ sheet: cells.name, row, core, formula: { overdue: verdict.overdue, dueSoon: verdict.dueSoon } });
    }
    if (overdue !== null) {
      const formula = source.kind === "none" ? null : atRow(templates.daysOverdue, row);
      const shows = { daysOverdue: verdict.daysOverdue, toCheck: verdict.toCheck ? spec.toCheckWord : null };
      overdueCell(cells, row, overdue.col, formula, shows, overdue.formulaAt(row, overdue.col));
    }
  }
  return { rows, mismatches };
}
