/**
 * An item: one row of a ledger, read for its meaning (deadline, status, names, timing).
 */
import { CellMemo } from "./cell-memo.js";
import type { Day } from "./day.js";
import type { Deadline } from "./deadline.js";
import { relativeDue } from "./deadline-cycle.js";
import type { Header, StatusColumn } from "./header.js";
import { createTimingAssessor, type Timing } from "./overdue.js";
import type { Role } from "./roles.js";
import type { CellValue } from "./sheet/sheet-model.js";
import { statusColumnHeadings, type ColumnHeading, type CombinedStatus, type Pace, type StatusColumnKind, type StatusEntry, type StatusReading, type StatusValue } from "./status.js";
import { columnLetter } from "./sheet/address.js";
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
  /** The combined status: the first filled status cell's text, the value all columns agree on. */
  readonly status: StatusReading;
  /** Each status column's own reading, in the order of `header.statusColumns` (primary first). */
  readonly statusReadings: readonly StatusReading[];
  readonly statusConflict: CombinedStatus["conflict"];
  readonly completedOn: Day | null;
  /**
   * The column whose absence leaves this item unjudged ("no false green"): without a deadline
   * column nobody can say whether it is overdue; without a status column, whether it is done.
   */
  readonly unjudged: "deadline" | "status" | null;
}

/** The parsers an item reading needs; memoized ones are passed in, shared across a sheet. */
export interface ItemReaders {
  readonly deadline: (value: CellValue) => Deadline;
  readonly status: (value: CellValue, column: StatusColumnKind, percent?: boolean) => StatusReading;
  readonly combine: (readings: readonly StatusEntry[]) => CombinedStatus;
  /** The 序时进度 a remark states ("滞后" in 备注), when the status cell states none. */
  readonly pace?: (text: string) => Pace | null;
}

export interface ItemContext {
  readonly readers: ItemReaders;
  readonly header: Header;
  /** What a cell shows, merges filled in. */
  readonly valueAt: (row: number, col: number) => CellValue;
  readonly percentCell: (row: number, col: number) => boolean;
  readonly asOf: Day;
  readonly dueSoonDays: number;
  /** The document's date from its title rows (填报日期…): a relative deadline's start when the row names none. */
  readonly documentDate?: Day | null;
}

/** Reads rows into items; built once per sheet so each row does only the row's own work. */
export type ItemReader = (row: TableRow) => Item;

/** A remark that is a pace word, not a sentence that happens to hold one. */
const REMARK_PACE_LENGTH = 10;

/** One distinct combination of status readings, and what it means; items share these. */
interface CombinedReading {
  readonly readings: readonly StatusReading[];
  readonly combined: CombinedStatus;
  /** The first filled status cell's text, with the combined value. */
  readonly status: StatusReading;
}

function completedOrEmpty(value: StatusValue | null): boolean {
  return value === null || value === "done" || value === "closed";
}

/**
 * Combining is memoized on the readings themselves: the classifier hands out one shared object
 * per distinct cell text, so items with the same combination share its readings and status (no
 * objects made per row). Each level of the memo is keyed by one column's reading.
 */
function combiner(columns: readonly StatusColumn[], headings: ReadonlyArray<ColumnHeading | undefined>, combine: ItemReaders["combine"]): (readings: readonly StatusReading[]) => CombinedReading {
  const compute = (readings: readonly StatusReading[]): CombinedReading => {
    // Always combine, even one reading: a lone 是否销号 "否" means "not closed yet", not "empty".
    const combined = combine(readings.map((reading, i) => (headings[i] === undefined ? { column: columns[i]!.kind, reading } : { column: columns[i]!.kind, reading, heading: headings[i] })));
    const raw = readings.find((r) => r.raw !== null)?.raw ?? null;
    const pace = combined.value === null ? undefined : readings.find((r) => r.pace !== undefined)?.pace;
    return { readings: [...readings], combined, status: pace === undefined ? { raw, value: combined.value } : { raw, value: combined.value, pace } };
  };
  const none = compute([]);
  const root = new ReadingLevel();
  return (readings) => {
    if (readings.length === 0) return none;
    let level = root;
    for (let i = 0; i < readings.length - 1; i++) {
      let next = level.get(readings[i]!) as ReadingLevel | undefined;
      if (!next) level.set(readings[i]!, (next = new ReadingLevel()));
      level = next;
    }
    const last = readings[readings.length - 1]!;
    let hit = level.get(last) as CombinedReading | undefined;
    if (!hit) level.set(last, (hit = compute(readings)));
    return hit;
  };
}

/** Past this many readings a level is a Map; below, a list searched in order. */
const LEVEL_LIST_LIMIT = 8;

/**
 * One level of the combination memo. A progress column of tens of thousands of distinct
 * sentences makes as many levels, nearly all holding one or two readings of the next column
 * (是否销号 empty or 是): a short list for those costs far less to make than a Map.
 */
class ReadingLevel {
  private keys: StatusReading[] = [];
  private values: unknown[] = [];
  private map: Map<StatusReading, unknown> | null = null;

  get(key: StatusReading): unknown {
    if (this.map !== null) return this.map.get(key);
    // A loop, not indexOf: most levels hold one or two readings, and the call costs more than the search.
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.values[i];
    return undefined;
  }

  set(key: StatusReading, value: unknown): void {
    if (this.map !== null) {
      this.map.set(key, value);
      return;
    }
    this.keys.push(key);
    this.values.push(value);
    if (this.keys.length > LEVEL_LIST_LIMIT) {
      this.map = new Map(this.keys.map((k, i) => [k, this.values[i]]));
      this.keys = [];
      this.values = [];
    }
  }
}

export function createItemReader(ctx: ItemContext): ItemReader {
  const { header, valueAt, readers } = ctx;
  const col = (role: Role): number => header.roles.get(role) ?? 0;
  const cols = {
    seq: col("seq"), task: col("task"), measure: col("measure"), target: col("target"), leader: col("leader"),
    unit: col("unit"), owner: col("owner"), deadline: col("deadline"), completedOn: col("completedOn"),
    evidence: col("evidence"), note: col("note"), supportUnit: header.supportUnitColumn ?? 0,
  };
  const statusColumns: readonly StatusColumn[] = header.statusColumns;

  /** Free text (tasks, measures, notes) stays as the clerk wrote it, trimmed: it is shown, not compared. */
  const text = (row: number, column: number): string | null => (column === 0 ? null : cellText(valueAt(row, column)));
  /** Names repeat down the sheet: each distinct cell is tidied (width-folded, trimmed) once per column. */
  const nameMemo = (column: number): CellMemo<string | null> | null => (column === 0 ? null : new CellMemo(shownName));
  const names = { seq: nameMemo(cols.seq), leader: nameMemo(cols.leader), unit: nameMemo(cols.unit), supportUnit: nameMemo(cols.supportUnit), owner: nameMemo(cols.owner) };
  const name = (row: number, column: number, memo: CellMemo<string | null> | null): string | null => {
    if (memo === null) return null;
    const value = valueAt(row, column);
    // Numbers (序号 1, 2, 3…) are each met once: remembering them would only fill the memo.
    return typeof value === "number" ? String(value) : memo.get(value);
  };

  /** A relative deadline ("2个月内") dated from the row's start day, else the document's date. */
  const startCol = col("start");
  const dateRelative = (row: number, deadline: Deadline): Deadline => {
    if (deadline.kind !== "relative" || deadline.span === undefined) return deadline;
    const own = startCol === 0 ? null : readers.deadline(valueAt(row, startCol));
    const start = own?.kind === "date" ? own.date : null;
    const from = start ?? ctx.documentDate ?? null;
    if (from === null) return deadline;
    return {
      ...deadline,
      date: relativeDue(from, deadline.span),
      notes: [...deadline.notes, { kind: "relative-start", start: from, source: start !== null ? "column" : "document" }],
    };
  };
  // Without a start column a relative deadline is dated from the document alone: once per cell value.
  const deadlines = startCol === 0 ? new CellMemo((value) => dateRelative(0, readers.deadline(value))) : null;
  const deadlineAt = (row: number): Deadline => {
    const value = cols.deadline === 0 ? null : valueAt(row, cols.deadline);
    return deadlines !== null ? deadlines.get(value) : dateRelative(row, readers.deadline(value));
  };

  const completionDays = new CellMemo((value): Day | null => {
    const parsed = readers.deadline(value);
    return parsed.kind === "date" ? parsed.date : null;
  });
  const completionDay = (row: number): Day | null => (cols.completedOn === 0 ? null : completionDays.get(valueAt(row, cols.completedOn)));

  // Each status column's readings, remembered per cell value. A number's reading depends on
  // whether its cell is %-formatted, so a number in a percent cell is read apart.
  const statusMemos = statusColumns.map(({ kind }) => new CellMemo((value) => readers.status(value, kind, false)));
  const statusAt = (row: number, i: number): StatusReading => {
    const { col: c, kind } = statusColumns[i]!;
    const value = valueAt(row, c);
    return typeof value === "number" && ctx.percentCell(row, c) ? readers.status(value, kind, true) : statusMemos[i]!.get(value);
  };

  const labelOf = (col: number) => header.columns.find((c) => c.col === col)?.label ?? "";
  const combine = combiner(statusColumns, statusColumnHeadings(statusColumns, labelOf, columnLetter), readers.combine);
  const unjudged = cols.deadline === 0 ? "deadline" : statusColumns.length === 0 ? "status" : null;
  // A pace word alone in a remark or progress-text column ("滞后" under 备注) tells the pace.
  const remarkColumns = [cols.note, ...header.progressTextColumns].filter((c) => c !== 0);
  const remarkPaces = remarkColumns.map(() => new CellMemo((value): Pace | null => {
    const t = cellText(value);
    return t !== null && t.length <= REMARK_PACE_LENGTH && readers.pace ? readers.pace(t) : null;
  }));
  const withPace = new Map<StatusReading, Map<Pace, StatusReading>>();
  const remarkPace = (row: number, status: StatusReading): StatusReading => {
    if (status.pace !== undefined || completedOrEmpty(status.value) || status.value === "ongoing" || !readers.pace || remarkColumns.length === 0) return status;
    for (let i = 0; i < remarkColumns.length; i++) {
      const pace = remarkPaces[i]!.get(valueAt(row, remarkColumns[i]!));
      if (pace === null) continue;
      let byPace = withPace.get(status);
      if (!byPace) withPace.set(status, (byPace = new Map()));
      let hit = byPace.get(pace);
      if (!hit) byPace.set(pace, (hit = { ...status, value: status.value === "unknown" ? "in_progress" : status.value, pace }));
      return hit;
    }
    return status;
  };
  const timingOf = createTimingAssessor(ctx.asOf, ctx.dueSoonDays);
  // A completion day stands for an empty or unreadable status only beside a deadline column and
  // a status column: a lone 完成日期 may be the deadline itself.
  const completionReadsDone = cols.completedOn !== 0 && cols.deadline !== 0 && statusColumns.length > 0;

  // Reused for every row: the combination found holds its own copy.
  const scratch: StatusReading[] = new Array<StatusReading>(statusColumns.length);

  return (tableRow) => {
    const { row } = tableRow;
    const deadline = deadlineAt(row);
    for (let i = 0; i < statusColumns.length; i++) scratch[i] = statusAt(row, i);
    const { readings: statusReadings, combined, status: statusRead } = combine(scratch);
    const completedOn = completionDay(row);
    const doneByDate = completedOn !== null && completionReadsDone && completedOn <= ctx.asOf && (statusRead.value === null || statusRead.value === "unknown");
    const status = doneByDate ? { raw: statusRead.raw, value: "done" as const, doneOn: completedOn } : remarkPace(row, statusRead);
    const timing = timingOf(deadline, doneByDate ? "done" : combined.value, completedOn);
    return {
      row,
      hidden: tableRow.hidden,
      seq: name(row, cols.seq, names.seq),
      category: tableRow.category,
      task: text(row, cols.task),
      measure: text(row, cols.measure),
      target: text(row, cols.target),
      leader: name(row, cols.leader, names.leader),
      unit: name(row, cols.unit, names.unit),
      supportUnit: name(row, cols.supportUnit, names.supportUnit),
      owner: name(row, cols.owner, names.owner),
      evidence: text(row, cols.evidence),
      note: text(row, cols.note),
      deadline,
      status,
      statusReadings,
      statusConflict: combined.conflict,
      completedOn,
      overdue: timing.overdue,
      daysOverdue: timing.daysOverdue,
      dueSoon: timing.dueSoon,
      daysLeft: timing.daysLeft,
      completedLateBy: timing.completedLateBy,
      unjudged,
    };
  };
}

/** A name cell as shown: trimmed and width-folded; a number as its digits. */
function shownName(value: CellValue): string | null {
  const t = cellText(value);
  return t === null ? null : tidy(t);
}
