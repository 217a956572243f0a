/**
 * Each table row's overdue and due-soon formulas, built on the cells as the plan leaves them,
 * and each item's formula verdict checked against the core's on the plan's day. Rows of the
 * table that hold no item get the plain formulas too, so a row typed in later is flagged.
 */
import { serialToDay, type Day } from "../day.js";
import type { Item } from "../item.js";
import type { Ledger } from "../ledger.js";
import { lastItemRow } from "./extent.js";
import type { RowTemplate } from "./flag-rules.js";
import { atRow, evaluateFlags, flagTemplates, type FlagSpec, type FlagTemplates, type RowSources } from "./flags.js";
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

/** Templates depend only on which cells a row reads (its own, or a merge's) and on D: most rows share one. */
function templateMemory(spec: FlagSpec): (sources: RowSources) => FlagTemplates {
  const memory = new Map<string, FlagTemplates>();
  const cols = [spec.deadlineCol, ...spec.progressCols, ...spec.yesNo.map((c) => c.col)];
  return (sources) => {
    const reads = cols.map((col) => {
      const cell = sources.cell(col);
      return cell.own ? "" : `${cell.row},${cell.col}`;
    });
    const key = `${sources.deadlineDay ?? ""}|${reads.join("|")}`;
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
  const sourcesOf = (row: number, source: DeadlineSource): RowSources => ({
    cell: (col) => cells.sourceOf(row, col),
    deadlineDay: source.kind === "day" ? source.day : null,
  });
  const plain = templatesOf(sourcesOf(0, { kind: "cell" }));
  const rows: RowTemplate[] = [];
  const mismatches: FlagMismatch[] = [];
  const last = lastItemRow(ledger);
  for (let row = ledger.header.lastRow + 1; row <= last; row++) {
    const item = items.get(row);
    if (item === undefined) {
      rows.push({ row, overdue: plain.overdue, dueSoon: plain.dueSoon });
      continue;
    }
    const source = deadlineSource(item, spec, cells);
    const sources = sourcesOf(row, source);
    const templates = templatesOf(sources);
    if (source.kind !== "none") rows.push({ row, overdue: templates.overdue, dueSoon: templates.dueSoon });
    const readAt = (col: number) => {
      const cell = sources.cell(col);
      return cells.afterAt(cell.row, cell.col);
    };
    const verdict = evaluateFlags(spec, readAt, formulaDay(item, spec, cells, source), ledger.asOf);
    if (verdict.overdue !== item.overdue || verdict.dueSoon !== item.dueSoon) {
      mismatches.push({
        sheet: cells.name,
        row,
        core: { overdue: item.overdue, dueSoon: item.dueSoon },
        formula: { overdue: verdict.overdue, dueSoon: verdict.dueSoon },
      });
    }
    if (overdue !== null) {
      const formula = source.kind === "none" ? null : atRow(templates.daysOverdue, row);
      overdueCell(cells, row, overdue.col, formula, verdict.daysOverdue, overdue.formulaAt(row, overdue.col));
    }
  }
  return { rows, mismatches };
}
