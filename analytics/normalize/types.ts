/**
 * A change plan: what `taizhang normalize` will do to a workbook, as plain data.
 *
 * The core computes the plan from the sheet model; a host only applies it (the command line
 * through exceljs, the add-in through Office.js), so every host makes exactly the same edits.
 * A plan never says "read this cell and decide": every edit carries the value the cell held
 * when the plan was made (`before`) and the value it gets (`after`), and a host refuses to
 * apply an edit whose cell no longer holds `before`.
 */
import { WRITTEN_DAY_FORMAT } from "../written-day.js";
import type { Day } from "../day.js";
import type { Lang } from "../lang.js";
import type { CellRange, CellValue, DayCell, ErrorCell } from "../sheet/sheet-model.js";

/** A formula, without its leading "=", and the value it computes as of the plan's day. */
export interface FormulaValue {
  readonly formula: string;
  readonly result: number | string;
}

/** What an edit writes: a value of the sheet model, or a formula. */
export type EditValue = Exclude<CellValue, ErrorCell> | FormulaValue;

/** Any value a plan compares or shows: what a cell held, or what it gets. */
export type PlanValue = CellValue | FormulaValue;

export function isFormulaValue(v: PlanValue): v is FormulaValue {
  return typeof v === "object" && v !== null && "formula" in v;
}

export function isDayValue(v: PlanValue): v is DayCell {
  return typeof v === "object" && v !== null && "day" in v;
}

export function isErrorValue(v: PlanValue): v is ErrorCell {
  return typeof v === "object" && v !== null && "error" in v;
}

/** Stable ids of the normalization rules (never rename one; add freely). */
export const EDIT_RULES = [
  "deadline-date",
  "deadline-standing",
  "deadline-immediate",
  "deadline-format",
  "status-word",
  "status-prefix",
  "name-clean",
  "name-merge",
  "merge-fill",
  "overdue-column",
  "overdue-header",
  "id-column",
  "id-header",
] as const;
export type EditRule = (typeof EDIT_RULES)[number];

/** One cell's edit. Cells are 1-based; `cell` is the same place in A1 notation. */
export interface CellEdit {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly before: CellValue;
  readonly after: EditValue;
  readonly rule: EditRule;
  /** One sentence in the plan's language: why this value. */
  readonly reason: string;
  /** The number format the cell gets with its value (date cells, day counts). */
  readonly numFmt?: string;
  /** A1 address (same sheet) whose style the cell takes before its own numFmt: a filled merge. */
  readonly styleFrom?: string;
}

/** A merged range the plan dissolves (its covered cells are filled by `merge-fill` edits). */
export interface Unmerge {
  readonly sheet: string;
  readonly range: CellRange;
  /** "D5:D7". */
  readonly ref: string;
  /** What the merge showed, as the top-left cell held it. */
  readonly value: CellValue;
  readonly reason: string;
}

/** A merge the plan adds: the header of an appended column over a multi-row header. */
export interface NewMerge {
  readonly sheet: string;
  readonly range: CellRange;
  /** "L2:L3". */
  readonly ref: string;
  readonly reason: string;
}

/**
 * Cells whose text is wrapped in the cell: a dissolved merge's filled-down text, which Excel
 * kept inside the merged area and would otherwise spill into the next column in print.
 */
export interface WrapText {
  readonly sheet: string;
  /** The dissolved merge, "B5:B9". */
  readonly ref: string;
  readonly reason: string;
}

/** A dropdown of the canonical status words on a status column's item cells. */
export interface StatusValidation {
  readonly sheet: string;
  /** A1 range such as "H5:H40". */
  readonly ref: string;
  readonly words: readonly string[];
  /**
   * "stop" refuses other text; "warning" lets a clerk keep a word plus narrative
   * ("已完成：制定了《…》") after a prompt. Stop only where every cell is a bare word.
   */
  readonly errorStyle: "stop" | "warning";
  readonly prompt: string;
}

export type FlagKind = "to-check" | "overdue" | "due-soon";

/**
 * A conditional format that colors rows overdue or due soon with a formula on the deadline
 * and status cells and TODAY(), so the colors stay true without Taizhang; and rows whose status
 * cells contradict each other as 待核实, for as long as they do.
 */
export interface FlagFormat {
  readonly sheet: string;
  /** Space-separated A1 ranges, the first range's top-left being the formula's anchor. */
  readonly sqref: string;
  readonly kind: FlagKind;
  /** Relative to the top-left cell of the first range, without "=". */
  readonly formula: string;
  /** ARGB fill and font colors. */
  readonly fill: string;
  readonly font: string;
  /** Excel priority: lower wins; overdue before due soon. */
  readonly priority: number;
}

/** A column the plan appends (the overdue column, the id column), for its width. */
export interface NewColumn {
  readonly sheet: string;
  readonly col: number;
  readonly width: number;
}

/**
 * A column normalize writes dates into, and the width (in characters, as Excel counts them) a
 * date needs there: narrower, Excel and WPS show ### where "2019.6.30" as text still showed.
 * A column already as wide is left as it is.
 */
export interface DateColumnWidth {
  readonly sheet: string;
  readonly col: number;
  readonly atLeast: number;
}

/** The width 2019年12月31日 (or 2019-12-31) needs, with a little room. */
export const DATE_COLUMN_WIDTH: Readonly<Record<Lang, number>> = { zh: 15, en: 11 };

/** Something normalize left alone on purpose, counted for the summary. */
export type KeptReason =
  | "status-unknown"
  | "deadline-unparsed"
  | "deadline-ambiguous"
  | "deadline-several"
  | "deadline-standing-date"
  | "deadline-cadence"
  | "formula-cell"
  | "name-variant"
  | "merge-kept"
  | "status-conflict";

export interface Kept {
  readonly sheet: string;
  readonly cell: string;
  readonly reason: KeptReason;
  readonly value: CellValue;
}

/**
 * A row whose status cells contradict each other (已办结 beside 是否完成 = 否). normalize does not
 * decide which is right: the cells stay as written, the row is colored 待核实 while they disagree,
 * and the change log says which columns disagree and that a person must decide.
 */
export interface StatusConflictMark {
  readonly sheet: string;
  readonly row: number;
  /** The disagreeing cells, "I5 K5". */
  readonly cells: string;
  /** What they hold, "已办结 / 否". */
  readonly values: string;
  readonly reason: string;
}

/** An item whose flag formula would not give the core's verdict as of the plan's day. */
export interface FlagMismatch {
  readonly sheet: string;
  readonly row: number;
  readonly core: { readonly overdue: boolean; readonly dueSoon: boolean };
  readonly formula: { readonly overdue: boolean; readonly dueSoon: boolean };
}

export interface ChangePlan {
  readonly asOf: Day;
  readonly dueSoonDays: number;
  /** The sheet every edit is logged on (变更记录). */
  readonly logSheet: string;
  /** Sheets normalized (ledgers found). */
  readonly sheets: readonly string[];
  readonly edits: readonly CellEdit[];
  readonly unmerges: readonly Unmerge[];
  /** Merges added (the header of an appended column over a two-row header). */
  readonly merges: readonly NewMerge[];
  /** Filled-down text wrapped in its cells. */
  readonly wraps: readonly WrapText[];
  readonly validations: readonly StatusValidation[];
  readonly flags: readonly FlagFormat[];
  readonly newColumns: readonly NewColumn[];
  /** Columns that get dates and must be wide enough to show them (the command line's patch widens them). */
  readonly dateColumns?: readonly DateColumnWidth[];
  readonly kept: readonly Kept[];
  readonly conflicts: readonly StatusConflictMark[];
  readonly flagMismatches: readonly FlagMismatch[];
  /** Columns asked for (逾期天数, 编号) and not added: the sheet has no free column left of Excel's last. */
  readonly noRoom?: readonly NoRoom[];
  /** Ledger sheets without a deadline column: no overdue flags, since overdue cannot be told. */
  readonly unflagged?: ReadonlyArray<{ readonly sheet: string; readonly items: number }>;
}

/** Number format of the date cells normalize writes: 2019年6月30日. */
export const DATE_FORMAT = WRITTEN_DAY_FORMAT;
/** What the days-overdue column and the log say of a conflict row, by language. */
export const TO_CHECK_WORD = { zh: "待核实", en: "to check" } as const;
/** Number format of the days-overdue column. */
export const DAYS_FORMAT = '0"天"';
/** Name of the sheet that lists every edit. */
export const LOG_SHEET = "变更记录";
/** Header of the days-overdue column. */
export const OVERDUE_HEADER = "逾期天数";

/** A column normalize was asked to append and could not: every column up to XFD is in use. */
export interface NoRoom {
  readonly sheet: string;
  /** The header the column would have had: 逾期天数, 编号. */
  readonly column: string;
}
