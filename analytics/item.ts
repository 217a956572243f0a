/**
 * An item: one row of a ledger, read for its meaning (deadline, status, names, timing).
 */
import type { Day } from "./day.js";
import type { Deadline } from "./deadline.js";
import type { StatusColumn } from "./header.js";
import { assessTiming, type Timing } from "./overdue.js";
import type { Role } from "./roles.js";
import type { CellValue } from "./sheet/model.js";
import type { CombinedStatus, StatusReading } from "./status.js";
import type { TableRow } from "./table.js";
import { cellText, tidy } from "./text.js";

export interface Item extends Timing {
  readonly row: number;
  readonly hidden: boolean;
  readonly seq: string | null;
  readonly category: string | null;
  readonly task: string | null;
  readonly measure: string | null;
  readonly target: string | null;
  readonly leader: string | null;
  readonly unit: string | null;
  readonly supportUnit: string | null;
  readonly owner: string | null;
  readonly evidence: string | null;
  readonly note: string | null;
  readonly deadline: Deadline;
  /** The combined status: the primary column's text, the value all status columns agree on. */
  readonly status: StatusReading;
  /** Each status column's own reading, primary first. */
  readonly statusReadings: readonly { readonly col: number; readonly reading: StatusReading }[];
  readonly statusConflict: CombinedStatus["conflict"];
  readonly completedOn: Day | null;
}

/** The parsers an item reading needs; memoized ones are passed in, shared across a sheet. */
export interface ItemReaders {
  readonly deadline: (value: CellValue) => Deadline;
  readonly status: (value: CellValue, column: StatusColumn["kind"], percent?: boolean) => StatusReading;
  readonly combine: (readings: Array<{ column: StatusColumn["kind"]; reading: StatusReading }>) => CombinedStatus;
}

export interface ItemContext {
  readonly readers: ItemReaders;
  readonly statusColumns: readonly StatusColumn[];
  readonly supportUnitColumn: number | null;
  readonly percentCell: (row: number, col: number) => boolean;
  readonly valueAt: (row: number, col: number) => CellValue;
  readonly asOf: Day;
  readonly dueSoonDays: number;
}

function text(row: TableRow, role: Role): string | null {
  const value = row.cells.get(role);
  if (value === undefined) return null;
  const t = cellText(value);
  return t === null ? null : tidy(t);
}

/** The completion day, when the completedOn cell holds a readable date. */
function completionDay(row: TableRow, ctx: ItemContext): Day | null {
  const value = row.cells.get("completedOn");
  if (value === undefined) return null;
  const parsed = ctx.readers.deadline(value);
  return parsed.kind === "date" ? parsed.date : null;
}

export function readItem(row: TableRow, ctx: ItemContext): Item {
  const deadline = ctx.readers.deadline(row.cells.get("deadline") ?? null);
  const statusReadings = ctx.statusColumns.map(({ col, kind }) => ({
    col,
    kind,
    reading: ctx.readers.status(ctx.valueAt(row.row, col), kind, ctx.percentCell(row.row, col)),
  }));
  // Always combine, even one reading: a lone 是否销号 "否" means "not closed yet", not "empty".
  const combined = ctx.readers.combine(statusReadings.map(({ kind, reading }) => ({ column: kind, reading })));
  const primaryRaw = statusReadings.find((s) => s.reading.raw !== null)?.reading.raw ?? null;
  const completedOn = completionDay(row, ctx);
  const timing = assessTiming(deadline, combined.value, completedOn, ctx.asOf, ctx.dueSoonDays);
  const support = ctx.supportUnitColumn === null ? null : cellText(ctx.valueAt(row.row, ctx.supportUnitColumn));
  return {
    row: row.row,
    hidden: row.hidden,
    seq: text(row, "seq"),
    category: row.category,
    task: text(row, "task"),
    measure: text(row, "measure"),
    target: text(row, "target"),
    leader: text(row, "leader"),
    unit: text(row, "unit"),
    supportUnit: support === null ? null : tidy(support),
    owner: text(row, "owner"),
    evidence: text(row, "evidence"),
    note: text(row, "note"),
    deadline,
    status: { raw: primaryRaw, value: combined.value },
    statusReadings: statusReadings.map(({ col, reading }) => ({ col, reading })),
    statusConflict: combined.conflict,
    completedOn,
    ...timing,
  };
}
