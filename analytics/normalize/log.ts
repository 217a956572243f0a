/**
 * The change log sheet (变更记录), one layout for every host: the command line's patch of an
 * .xlsx file, the Excel pane and the WPS pane all write these columns and read them back, so
 * each appends to a log the other started and undoes the other's batches.
 *
 * One row per change: a dissolved merge, a merge added, a cell edit, text wrapped, a row whose statuses disagree (left as
 * written, marked 待核实), a dropdown added, a conditional format added. A batch is one apply (its id the local time); batches are appended at the bottom,
 * so the newest batch still applied is the lowest. Old values stay as they were (a date a date
 * cell, "3" text), so that 撤销 can put them back.
 */
import { dayToSerial } from "../day.js";
import type { Lang } from "../lang.js";
import type { CellValue } from "../sheet/sheet-model.js";
import { MAX_CELL_CHARACTERS } from "../xlsx/xml.js";
import { DATE_FORMAT, EDIT_RULES, LOG_SHEET, TO_CHECK_WORD, isDayValue, isErrorValue, isFormulaValue, type CellEdit, type ChangePlan, type EditRule, type FlagKind, type PlanValue } from "./types.js";

/** What a log row records: a cell edit's rule, or one of the changes that are not cell edits. */
export type LogKind = EditRule | "unmerge" | "merge" | "wrap-text" | "status-validation" | "conditional-format" | "status-conflict" | "column-width";

export type LogState = "applied" | "undone";

export interface LogEntry {
  readonly batch: string;
  readonly sheet: string;
  /** A1 cell, or a range for merges, dropdowns and formats. */
  readonly cell: string;
  readonly kind: LogKind;
  readonly before: PlanValue;
  readonly after: PlanValue;
  readonly reason: string;
  /** The cell's number format before the change, when the change set one. */
  readonly oldFormat: string | null;
  readonly state: LogState;
  /** Row on the log sheet (1-based), once read back. */
  readonly logRow?: number;
}

const COLUMN_KEYS = ["batch", "sheet", "cell", "rule", "before", "after", "reason", "oldFormat", "state"] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];

export const LOG_HEADERS: Record<Lang, readonly string[]> = {
  zh: ["批次", "工作表", "单元格", "规则", "原值", "新值", "说明", "原格式", "状态"],
  en: ["Batch", "Sheet", "Cell", "Rule", "Old value", "New value", "Note", "Old format", "State"],
};

/** Widths of the log's columns, in characters: wide enough for a date, a range, a sentence. */
export const LOG_WIDTHS: readonly number[] = [20, 14, 12, 18, 26, 26, 50, 16, 8];

/** The sheet's print setup: A4 landscape, every column on one page's width. */
export const LOG_PRINT = { paper: "A4", orientation: "landscape", fitToWidth: 1 } as const;

/** Words a clerk reads in the 规则 column, one per kind of change. */
export const LOG_RULE_WORDS: Record<LogKind, Record<Lang, string>> = {
  "deadline-date": { zh: "统一时限写法", en: "deadline as a date" },
  "deadline-standing": { zh: "统一为长期坚持", en: "standing duty" },
  "deadline-immediate": { zh: "统一为立行立改", en: "immediate" },
  "deadline-format": { zh: "统一日期格式", en: "date format" },
  "status-word": { zh: "统一完成情况用词", en: "status word" },
  "status-prefix": { zh: "完成情况前加规范词", en: "status word in front" },
  "name-clean": { zh: "整理名称写法", en: "name tidied" },
  "name-merge": { zh: "统一名称", en: "name merged" },
  "merge-fill": { zh: "填充合并单元格", en: "merged cell filled" },
  "overdue-column": { zh: "逾期天数公式", en: "days-overdue formula" },
  "overdue-header": { zh: "添加逾期天数列", en: "days-overdue column" },
  "id-column": { zh: "添加事项编号", en: "item id" },
  "id-header": { zh: "添加编号列", en: "id column" },
  unmerge: { zh: "取消合并", en: "unmerged" },
  merge: { zh: "合并表头单元格", en: "header cells merged" },
  "wrap-text": { zh: "自动换行", en: "text wrapped" },
  "status-validation": { zh: "添加完成情况下拉选项", en: "status dropdown" },
  "conditional-format": { zh: "逾期与即将到期标色", en: "overdue colors" },
  "status-conflict": { zh: "完成情况矛盾待核实", en: "statuses disagree" },
  /** A date column the pane widened (cell "H:H", old and new width): 撤销 narrows it back. */
  "column-width": { zh: "加宽日期列", en: "date column widened" },
};

export const LOG_STATE_WORDS: Record<LogState, Record<Lang, string>> = {
  applied: { zh: "已应用", en: "applied" },
  undone: { zh: "已撤销", en: "undone" },
};

/** What a flag row says it does. */
const FLAG_REASONS: Record<FlagKind, Record<Lang, string>> = {
  "to-check": {
    zh: "完成情况各栏说法不一致的行标淡紫色（待核实），不标逾期；经办人改正后自动消失",
    en: "rows whose status columns disagree in lavender (to check), never as late or on time; the color goes once they are corrected",
  },
  overdue: { zh: "逾期未完成的行标红，按打开时的日期自动更新", en: "overdue rows in red, recomputed from the day the file is opened" },
  "due-soon": { zh: "即将到期的行标黄，按打开时的日期自动更新", en: "rows due soon in amber, recomputed from the day the file is opened" },
};

/** Kinds of log rows that are not cell edits. */
export const NON_CELL_KINDS: ReadonlySet<LogKind> = new Set<LogKind>(["unmerge", "merge", "wrap-text", "status-validation", "conditional-format", "status-conflict", "column-width"]);

/** "2026-11-25 10:04:31", the local time: a batch id a clerk can read in the log. */
export function batchId(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}

/**
 * Every change of a plan as log entries, in the order every host writes them: merges
 * dissolved and added, cells edited, text wrapped, status conflicts marked, dropdowns, formats.
 * `oldFormats` gives the number format of edited cells before the change ("Sheet!A1" → code).
 */
export function planEntries(plan: ChangePlan, batch: string, oldFormats: ReadonlyMap<string, string>, lang: Lang = "zh"): LogEntry[] {
  return [...eachPlanEntry(plan, batch, (e) => oldFormats.get(cellKey(e.sheet, e.cell)), lang)];
}

/** How many entries a plan logs: a writer sizes the log before it streams the rows. */
export function planEntryCount(plan: ChangePlan): number {
  const flagRows = plan.flags.reduce((n, f) => n + rangeListPieces(f.sqref).length, 0);
  return plan.unmerges.length + plan.merges.length + plan.edits.length + plan.wraps.length + plan.conflicts.length + plan.validations.length + flagRows;
}

/**
 * A list of ranges ("A3:J20 A22:J24 …") cut, between ranges, into pieces a cell can hold: the
 * overdue colors of a big ledger apply to 125,000 characters of ranges, and a cell past
 * Excel's 32,767 is refused by Excel and by every reader (ours too, on normalize's second run).
 */
export function rangeListPieces(list: string, limit = MAX_CELL_CHARACTERS): string[] {
  if (list.length <= limit) return [list];
  const pieces: string[] = [];
  let start = 0;
  while (start < list.length) {
    let end = Math.min(start + limit, list.length);
    if (end < list.length) {
      const space = list.lastIndexOf(" ", end);
      if (space > start) end = space;
    }
    pieces.push(list.slice(start, end));
    start = end;
    while (list[start] === " ") start++;
  }
  return pieces;
}

/**
 * planEntries one at a time, in the same order: a 100k-row ledger logs some 200k changes, and a
 * writer that streams them never holds them all as entries beside the plan. `oldFormatOf` gives
 * an edited cell's number format before the change.
 */
export function* eachPlanEntry(plan: ChangePlan, batch: string, oldFormatOf: (edit: CellEdit) => string | undefined, lang: Lang = "zh"): Generator<LogEntry> {
  const state = "applied";
  for (const u of plan.unmerges) yield { batch, state, sheet: u.sheet, cell: u.ref, kind: "unmerge", before: u.value, after: null, reason: u.reason, oldFormat: null };
  for (const m of plan.merges) yield { batch, state, sheet: m.sheet, cell: m.ref, kind: "merge", before: null, after: null, reason: m.reason, oldFormat: null };
  for (const e of plan.edits) {
    const oldFormat = e.numFmt !== undefined || e.styleFrom !== undefined ? (oldFormatOf(e) ?? "General") : null;
    yield { batch, state, sheet: e.sheet, cell: e.cell, kind: e.rule, before: e.before, after: e.after, reason: e.reason, oldFormat };
  }
  for (const w of plan.wraps) yield { batch, state, sheet: w.sheet, cell: w.ref, kind: "wrap-text", before: null, after: null, reason: w.reason, oldFormat: null };
  for (const c of plan.conflicts) {
    yield { batch, state, sheet: c.sheet, cell: c.cells, kind: "status-conflict", before: c.values, after: TO_CHECK_WORD[lang], reason: c.reason, oldFormat: null };
  }
  for (const v of plan.validations) {
    yield { batch, state, sheet: v.sheet, cell: v.ref, kind: "status-validation", before: null, after: v.words.join(","), reason: v.prompt, oldFormat: null };
  }
  // One format over many ranges may take several rows; undo finds the format by its formula.
  for (const f of plan.flags) for (const sqref of rangeListPieces(f.sqref)) {
    yield { batch, state, sheet: f.sheet, cell: sqref, kind: "conditional-format", before: null, after: { formula: f.formula, result: "" }, reason: FLAG_REASONS[f.kind][lang], oldFormat: null };
  }
}

/** One cell of a log row as a host writes it: text, a number, a truth value, or a date cell. */
export type LogCell = string | number | boolean | { readonly day: string };

/** The nine cells of an entry's row, in column order. A formula is logged as its text. */
export function logRowCells(e: LogEntry, lang: Lang): LogCell[] {
  return [e.batch, e.sheet, e.cell, LOG_RULE_WORDS[e.kind][lang], loggedValue(e.before), loggedValue(e.after), e.reason, e.oldFormat ?? "", LOG_STATE_WORDS[e.state][lang]];
}

/** Number format of a log cell: dates show as dates, everything else as it is. */
export function logCellFormat(cell: LogCell): string | null {
  return typeof cell === "object" ? DATE_FORMAT : null;
}

/** A date cell's serial, for hosts that write numbers with a format. */
export function logCellSerial(cell: { readonly day: string }): number {
  return dayToSerial(cell.day);
}

function loggedValue(v: PlanValue): LogCell {
  if (v === null) return "";
  if (isDayValue(v)) return { day: v.day };
  if (isFormulaValue(v)) return `=${v.formula}`;
  if (isErrorValue(v)) return v.error;
  return v;
}

/** Index of the state column (1-based), for marking rows undone. */
export const LOG_STATE_COLUMN = COLUMN_KEYS.indexOf("state") + 1;

function text(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "object") return "day" in v ? v.day : v.error;
  return String(v).trim();
}

/** Headers of either language, and the six of the command line's first log (工作表 … 原因). */
const HEADER_KEYS: ReadonlyMap<string, ColumnKey> = new Map<string, ColumnKey>([
  ...(Object.values(LOG_HEADERS).flatMap((headers) => headers.map((h, i): [string, ColumnKey] => [h, COLUMN_KEYS[i]!]))),
  ["原因", "reason"],
  ["Reason", "reason"],
]);

const KIND_OF_WORD: ReadonlyMap<string, LogKind> = new Map<string, LogKind>([
  ...(Object.entries(LOG_RULE_WORDS) as [LogKind, Record<Lang, string>][]).flatMap(([kind, words]): [string, LogKind][] => [
    [words.zh, kind],
    [words.en, kind],
  ]),
  // Logs written before the words: rule ids.
  ...EDIT_RULES.map((r): [string, LogKind] => [r, r]),
  ["unmerge", "unmerge"],
  ["status-validation", "status-validation"],
  ["conditional-format", "conditional-format"],
  ["status-conflict", "status-conflict"],
  ["merge", "merge"],
  ["wrap-text", "wrap-text"],
  ["column-width", "column-width"],
]);

const STATE_OF_WORD: ReadonlyMap<string, LogState> = new Map<string, LogState>(
  (Object.entries(LOG_STATE_WORDS) as [LogState, Record<Lang, string>][]).flatMap(([state, words]): [string, LogState][] => [
    [words.zh, state],
    [words.en, state],
  ]),
);

export interface ParsedLog {
  readonly entries: LogEntry[];
  /** Rows the sheet uses, header included: new rows go below. */
  readonly lastRow: number;
  /** The header's language, so appended rows read alike. */
  readonly lang: Lang;
  /** Whether the log has every column of this layout (a first command-line log has six). */
  readonly complete: boolean;
}

/** Whether a sheet's first row is a change-log header (either language, or the first six-column one). */
export function isLogHeader(row: readonly CellValue[]): boolean {
  const keys = new Set(row.map((v) => HEADER_KEYS.get(text(v))));
  return ["sheet", "cell", "before", "after"].every((k) => keys.has(k as ColumnKey));
}

/**
 * Reads a log sheet back, given its cells by (row, col), 1-based, and its row count; null
 * when its first row is not a change-log header.
 */
export function parseLog(cellAt: (row: number, col: number) => CellValue, rowCount: number, colCount: number): ParsedLog | null {
  const col = new Map<ColumnKey, number>();
  const header: CellValue[] = [];
  for (let c = 1; c <= colCount; c++) header.push(cellAt(1, c));
  if (!isLogHeader(header)) return null;
  header.forEach((v, i) => {
    const key = HEADER_KEYS.get(text(v));
    if (key !== undefined && !col.has(key)) col.set(key, i + 1);
  });
  const at = (row: number, key: ColumnKey): CellValue => (col.has(key) ? cellAt(row, col.get(key)!) : null);
  const entries: LogEntry[] = [];
  let lastRow = 1;
  for (let row = 2; row <= rowCount; row++) {
    const sheet = text(at(row, "sheet"));
    const cell = text(at(row, "cell"));
    if (sheet === "" || cell === "") continue;
    lastRow = row;
    const kind = KIND_OF_WORD.get(text(at(row, "rule"))) ?? "status-word";
    const old = text(at(row, "oldFormat"));
    entries.push({
      batch: text(at(row, "batch")),
      sheet,
      cell,
      kind,
      before: at(row, "before"),
      // A formula reads back as its text ("=…"), as a host reads a formula cell.
      after: at(row, "after"),
      reason: text(at(row, "reason")),
      oldFormat: old === "" ? null : old,
      state: STATE_OF_WORD.get(text(at(row, "state"))) ?? "applied",
      logRow: row,
    });
  }
  const lang: Lang = text(header[0] ?? null) === LOG_HEADERS.en[0] || text(header[1] ?? null) === LOG_HEADERS.en[1] ? "en" : "zh";
  return { entries, lastRow, lang, complete: COLUMN_KEYS.every((k) => col.get(k) === COLUMN_KEYS.indexOf(k) + 1) };
}

/** The newest batch still applied: the lowest applied row's batch. */
export function latestBatch(entries: readonly LogEntry[]): LogEntry[] {
  const applied = entries.filter((e) => e.state === "applied");
  const last = applied[applied.length - 1];
  if (!last) return [];
  return applied.filter((e) => e.batch === last.batch);
}

/**
 * The name the log goes under: 变更记录, unless a sheet of that name is not a log (a clerk's
 * own), then 变更记录(台账助手), 变更记录(台账助手2), … `headerOf` gives a sheet's first row,
 * or null when the workbook has no such sheet.
 */
export function logSheetName(base: string, headerOf: (name: string) => readonly CellValue[] | null): string {
  for (let n = 0; ; n++) {
    const name = logSheetCandidate(base, n);
    const header = headerOf(name);
    if (header === null || isLogHeader(header)) return name;
  }
}

/** Whether a sheet's name is one logSheetName gives: 变更记录, 变更记录(台账助手), 变更记录(台账助手2), … */
export function isLogSheetName(name: string, base = LOG_SHEET): boolean {
  if (name === base) return true;
  const prefix = logSheetCandidate(base, 1).slice(0, -1);
  return name.startsWith(prefix) && name.endsWith(")") && /^\d*$/u.test(name.slice(prefix.length, -1));
}

/** The n-th name the log may go under: 变更记录, 变更记录(台账助手), 变更记录(台账助手2), … */
export function logSheetCandidate(base: string, n: number): string {
  return n === 0 ? base : `${base}(台账助手${n === 1 ? "" : n})`;
}

export function cellKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}
