/**
 * Overdue and due-soon flags that stay live in the workbook: Excel formulas on a row's deadline
 * and status cells and TODAY(), for conditional formatting and the days-overdue column.
 *
 * The formulas reproduce the core's rule (contract §5) on the normalized cells:
 *
 *   overdue  = IF(ISNUMBER(D), AND(INT(D) < TODAY(),                         NOT(Y), NOT(S)), FALSE)
 *   due soon = IF(ISNUMBER(D), AND(INT(D) >= TODAY(), INT(D) <= TODAY() + N, NOT(Y), NOT(S)), FALSE)
 *   to check = AND(Y, X)
 *   days overdue = IF(to check, "待核实", IF(overdue, TODAY() - INT(D), ""))
 *
 * - D is the deadline cell ($H5). A row whose deadline stays text although the core reads a day
 *   in it ("2019年6月前", kept as ambiguous; 立行立改 due on the ledger's base date) reads the
 *   core's day as DATE(y,m,d) instead, without the ISNUMBER test. A standing deadline (长期坚持)
 *   is text, so ISNUMBER fails and it is never flagged; INT drops a time of day as the core does.
 * - Status cells are read as TRIM(IFERROR(cell,"")): an error value (#N/A) is unreadable to the
 *   core, and must not turn the whole formula into an error.
 * - Y, some status cell says done; X, some status cell says not done. Y without X is completed;
 *   Y with X is a status conflict (已办结 beside 是否完成 = 否): the row is neither late nor on
 *   time but 待核实, to check, until a person corrects one of the cells. normalize leaves such
 *   cells as the clerk wrote them, so a conflict row also reads its own words (`ownWords`: the
 *   start of what each of its cells said when the plan was made), and the conflict ends as soon
 *   as one of them is changed.
 *   A progress column says done when it starts with 已完成 or 已销号, not done when it starts with
 *   未开始 or 推进中 (normalize has put the canonical word first). A yes/no column compares its
 *   TRIMmed text with the answers the ledger itself uses, as the status reader reads them:
 *   是 / √ say done, 否 under 是否完成 says not done. 否 under 是否销号 ("not verified yet") says
 *   not done only beside a progress cell that claims 已销号: the two contradict each other, and
 *   the core counts a contradiction as the less advanced reading.
 * - S, standing: a progress column starts with 长期坚持. Standing items are never overdue.
 * - N is the due-soon window (default 7 days).
 *
 * A cell covered by a merge that normalize keeps (a status merged over three items) is empty to
 * Excel; the core reads the merge's value there. Such a row reads the merge's top-left cell by
 * an absolute reference ($I$5), so both see the same value.
 *
 * Formulas are built as templates: a row-relative reference is written with ROW_MARK for its row,
 * so rows that read alike share one template (one conditional-format rule over many rows), and
 * `atRow` turns a template into the formula of one row.
 *
 * `evaluateFlags` computes the same formulas in TypeScript (Excel's TRIM, LEFT and
 * case-insensitive "="), so the planner can check each item against the core, and the tests can
 * check the evaluator against LibreOffice.
 */
import { addDays, daysBetween, type Day } from "../day.js";
import { columnLetter } from "../sheet/address.js";
import { CANONICAL_STATUS_WORD } from "../status.js";
import { isDayValue, isErrorValue, isFormulaValue, type PlanValue } from "./types.js";

export interface YesNoColumn {
  readonly col: number;
  readonly kind: "isDone" | "isClosed";
  /** TRIMmed answers this column reads as done or closed (是, √, 已销号, …). */
  readonly yes: readonly string[];
  /** TRIMmed answers it reads as not done (否 under 是否完成, 未完成). */
  readonly no: readonly string[];
  /**
   * TRIMmed answers that say only "not closed yet" (否 under 是否销号, 未销号): no "not done", but
   * they contradict a progress cell that says 已销号, and the core then counts the item open.
   */
  readonly notClosed: readonly string[];
}

export interface FlagSpec {
  readonly deadlineCol: number;
  /** Every status column in the header's order, as an item's status readings are. */
  readonly statusCols: readonly number[];
  readonly progressCols: readonly number[];
  readonly yesNo: readonly YesNoColumn[];
  readonly dueSoonDays: number;
  /** What the days-overdue column shows on a conflict row: 待核实 (to check). */
  readonly toCheckWord: string;
}

/** The cell a row's formula reads for one column. */
export interface SourceCell {
  readonly row: number;
  readonly col: number;
  /** The row's own cell (a relative reference); false for a kept merge's top-left. */
  readonly own: boolean;
}

/** A conflict row's own status text, left as written: it says done, or not done. */
export interface OwnWord {
  readonly col: number;
  readonly side: "done" | "open";
  /** The start of the cell's TRIMmed text when the plan was made (a formula's text stays short). */
  readonly prefix: string;
}

export interface RowSources {
  readonly cell: (col: number) => SourceCell;
  /** The day D stands for when the deadline stays text the core reads as a day; else null. */
  readonly deadlineDay: Day | null;
  /** A conflict row's own words (its cells keep the clerk's text); none for other rows. */
  readonly ownWords?: readonly OwnWord[];
}

/** How much of a conflict cell's text its formula compares: enough to see it changed. */
export const OWN_WORD_LENGTH = 20;

/** Stands for "this row" in a template. */
export const ROW_MARK = "\u0001";

const W = CANONICAL_STATUS_WORD;
const DONE_WORDS = [W.done, W.closed];
const OPEN_WORDS = [W.not_started, W.in_progress];

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function ref(source: SourceCell): string {
  const letter = columnLetter(source.col);
  return source.own ? `$${letter}${ROW_MARK}` : `$${letter}$${source.row}`;
}

function anyOf(parts: string[]): string | null {
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `OR(${parts.join(",")})`;
}

/** A status cell's text; an error value (#N/A) reads as empty, as the core finds it unreadable. */
function text(cell: string): string {
  return `TRIM(IFERROR(${cell},""))`;
}

function startsWith(cell: string, words: readonly string[]): string[] {
  return words.map((w) => `LEFT(${text(cell)},${w.length})=${quote(w)}`);
}

function equalsOne(cell: string, answers: readonly string[]): string[] {
  return answers.map((a) => `${text(cell)}=${quote(a)}`);
}

/** Y, X and S of the module comment for one row, each null where no cell could say it. */
interface StatusTerms {
  readonly anyDone: string | null;
  readonly anyOpen: string | null;
  readonly anyStanding: string | null;
}

function statusTerms(spec: FlagSpec, sources: RowSources): StatusTerms {
  const done: string[] = [];
  const open: string[] = [];
  const standing: string[] = [];
  for (const col of spec.progressCols) {
    const cell = ref(sources.cell(col));
    done.push(...startsWith(cell, DONE_WORDS));
    open.push(...startsWith(cell, OPEN_WORDS));
    standing.push(...startsWith(cell, [W.ongoing]));
  }
  const closedClaims = spec.progressCols.flatMap((col) => startsWith(ref(sources.cell(col)), [W.closed]));
  for (const c of spec.yesNo) {
    const cell = ref(sources.cell(c.col));
    done.push(...equalsOne(cell, c.yes));
    open.push(...equalsOne(cell, c.no));
    const notClosed = anyOf(equalsOne(cell, c.notClosed));
    const claimed = anyOf(closedClaims);
    if (notClosed !== null && claimed !== null) open.push(`AND(${claimed},${notClosed})`);
  }
  for (const word of sources.ownWords ?? []) {
    (word.side === "done" ? done : open).push(...startsWith(ref(sources.cell(word.col)), [word.prefix]));
  }
  return { anyDone: anyOf(done), anyOpen: anyOf(open), anyStanding: anyOf(standing) };
}

/** "Not done and not standing", as arguments of AND: a conflict (done and not done) is neither late nor due. */
function openTerms(terms: StatusTerms): string {
  const out: string[] = [];
  if (terms.anyDone !== null) out.push(`NOT(${terms.anyDone})`);
  if (terms.anyStanding !== null) out.push(`NOT(${terms.anyStanding})`);
  return out.map((t) => `,${t}`).join("");
}

/** Two status cells that can disagree (a row with one progress cell cannot contradict itself). */
function canConflict(spec: FlagSpec): boolean {
  return spec.progressCols.length + spec.yesNo.length >= 2;
}

export interface FlagTemplates {
  readonly overdue: string;
  readonly dueSoon: string;
  /** True while the row's status cells contradict each other; null where they cannot. */
  readonly toCheck: string | null;
  readonly daysOverdue: string;
}

/**
 * The three formulas of one row, as templates (see ROW_MARK). A deadline cell is tested with
 * ISNUMBER before INT reads it, inside IF, so text or an error there leaves the row unflagged
 * instead of making the formula an error; a day the core read is written DATE(y,m,d).
 */
export function flagTemplates(spec: FlagSpec, sources: RowSources): FlagTemplates {
  const terms = statusTerms(spec, sources);
  const open = openTerms(terms);
  const toCheck = canConflict(spec) && terms.anyDone !== null && terms.anyOpen !== null ? `AND(${terms.anyDone},${terms.anyOpen})` : null;
  const day = sources.deadlineDay;
  const cell = ref(sources.cell(spec.deadlineCol));
  const d = day !== null ? dateOf(day) : `INT(${cell})`;
  const guarded = (tests: string): string =>
    day !== null ? `AND(${tests}${open})` : `IF(ISNUMBER(${cell}),AND(${tests}${open}),FALSE)`;
  const overdue = guarded(`${d}<TODAY()`);
  const days = `IF(${overdue},TODAY()-${d},"")`;
  return {
    overdue,
    dueSoon: guarded(`${d}>=TODAY(),${d}<=TODAY()+${spec.dueSoonDays}`),
    toCheck,
    daysOverdue: toCheck === null ? days : `IF(${toCheck},${quote(spec.toCheckWord)},${days})`,
  };
}

function dateOf(day: Day): string {
  const [y, m, d] = day.split("-").map(Number);
  return `DATE(${y},${m},${d})`;
}

/** A template's formula for one row. */
export function atRow(template: string, row: number): string {
  return template.split(ROW_MARK).join(String(row));
}

// ─── The same formulas, evaluated ────────────────────────────────────────────────────────────

/** A cell as the formulas' TRIM(IFERROR(x,"")) sees it: text, ASCII spaces trimmed and runs collapsed. */
export function excelTrim(value: PlanValue): string {
  if (value === null || isErrorValue(value)) return "";
  if (typeof value === "string") {
    // Most cells have no space to trim or collapse: given back as they are, with no copy made.
    if (!value.includes("  ") && value.charCodeAt(0) !== 32 && value.charCodeAt(value.length - 1) !== 32) return value;
    return value.replace(/ +/g, " ").replace(/^ | $/g, "");
  }
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // A date reads as its serial number: no answer or status word looks like one.
  if (isDayValue(value) || isFormulaValue(value)) return "\u0000";
  return "";
}

/**
 * Whether `text` is all CJK ideographs: they have no case, and no other character turns into
 * one by changing case, so such a text equals another case aside only when the two are the
 * same. The status words and most answers are such texts; folding both sides' case for each
 * comparison was a fifth of the flag check's time on a big ledger.
 */
function caseless(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff || (code > 0x4dbf && code < 0x4e00)) return false;
  }
  return text.length > 0;
}

/** Excel's "=" on text ignores case. */
function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length === b.length && !caseless(a) && a.toLowerCase() === b.toLowerCase();
}

/** Excel's LEFT(t, LEN(w)) = w: `t` starts with `w`, case aside. */
function startsAlike(t: string, w: string): boolean {
  return t.startsWith(w) || (t.length >= w.length && !caseless(w) && sameText(t.slice(0, w.length), w));
}

export interface RowState {
  readonly completed: boolean;
  readonly standing: boolean;
  /** Some cell says done and another not done: 待核实. */
  readonly toCheck: boolean;
}

/** Y, X and S of the module comment, for one row; `valueAt(col)` is what the row's formula reads. */
export function rowState(spec: FlagSpec, valueAt: (col: number) => PlanValue, ownWords: readonly OwnWord[] = []): RowState {
  let anyDone = false;
  let anyOpen = false;
  let standing = false;
  let claimsClosed = false;
  for (const col of spec.progressCols) {
    const t = excelTrim(valueAt(col));
    const starts = (w: string): boolean => startsAlike(t, w);
    if (DONE_WORDS.some(starts)) anyDone = true;
    if (OPEN_WORDS.some(starts)) anyOpen = true;
    if (starts(W.ongoing)) standing = true;
    if (starts(W.closed)) claimsClosed = true;
  }
  for (const c of spec.yesNo) {
    const t = excelTrim(valueAt(c.col));
    if (c.yes.some((a) => sameText(a, t))) anyDone = true;
    if (c.no.some((a) => sameText(a, t))) anyOpen = true;
    if (claimsClosed && c.notClosed.some((a) => sameText(a, t))) anyOpen = true;
  }
  for (const word of ownWords) {
    const t = excelTrim(valueAt(word.col));
    if (!sameText(t.slice(0, word.prefix.length), word.prefix)) continue;
    if (word.side === "done") anyDone = true;
    else anyOpen = true;
  }
  const toCheck = canConflict(spec) && anyDone && anyOpen;
  return { completed: anyDone && !anyOpen, standing, toCheck };
}

export interface FlagVerdict {
  readonly overdue: boolean;
  readonly dueSoon: boolean;
  readonly daysOverdue: number;
  readonly toCheck: boolean;
}

/**
 * The formulas' verdict for one row on `today`. `deadline` is the day D stands for (null when
 * D is no number).
 */
export function evaluateFlags(
  spec: FlagSpec,
  valueAt: (col: number) => PlanValue,
  deadline: Day | null,
  today: Day,
  ownWords: readonly OwnWord[] = [],
): FlagVerdict {
  const { completed, standing, toCheck } = rowState(spec, valueAt, ownWords);
  const none: FlagVerdict = { overdue: false, dueSoon: false, daysOverdue: 0, toCheck };
  if (deadline === null || completed || standing || toCheck) return none;
  const left = daysBetween(today, deadline);
  if (left < 0) return { overdue: true, dueSoon: false, daysOverdue: -left, toCheck };
  return { overdue: false, dueSoon: deadline <= addDays(today, spec.dueSoonDays), daysOverdue: 0, toCheck };
}
