/**
 * Status cells: what a clerk wrote becomes the canonical words of contract §3 (未开始, 推进中,
 * 已完成, 已销号, 长期坚持), without losing what else the cell says.
 *
 * - A cell that is only a status word ("正在推进", "整改完成", "√", "是", 1) becomes the
 *   canonical word.
 * - A cell that says more ("整改完成，制定了《…》", "80%") keeps its text with the canonical word
 *   in front: "已完成：整改完成，制定了《…》". The status reader reads a cell on its leading
 *   clause and "：" ends a clause, so the cell reads back as the same status and a second run
 *   finds nothing to do. A cell whose leading clause already is the canonical word
 *   ("已完成。制定了《…》") is left as it is.
 * - Where the status lives in its own column (another status column of the row holds a reading
 *   and the columns agree), free text in a progress column stays where it is, untouched.
 * - Yes/no columns (是否完成, 是否销号) keep their 是/否: rewriting 否 as 未开始 would claim more
 *   than the cell says.
 * - unknown readings are never edited: they stay a finding.
 * Every change is checked: the new value must read back as the same status.
 */
import { normalizeSays } from "../findings/catalogue.normalize.js";
import type { Lang } from "../lang.js";
import type { CellValue } from "../sheet/sheet-model.js";
import { CANONICAL_STATUS_WORD, type StatusColumnKind, type StatusReading, type StatusValue } from "../status.js";
import { fold } from "../text.js";
import { excelTrim } from "./flags.js";
import { change, kept, type Outcome } from "./outcome.js";

type KnownStatus = Exclude<StatusValue, "unknown">;

/**
 * Whole-cell words that say nothing beyond their canonical word, so replacing them loses
 * nothing. Words with a nuance ("基本完成", "待验收", "未按期完成") are not here: they get the
 * canonical word in front instead.
 */
const SYNONYMS: Record<KnownStatus, readonly string[]> = {
  done: [
    "已完成", "完成", "已整改", "整改完成", "已办结", "办结", "已落实", "已解决", "已完成整改", "完成整改", "已整改完成",
    "整改完毕", "已整改完毕", "已整改到位", "整改到位", "已办理完毕", "办理完毕", "已完结", "完结", "全部完成",
    "已经完成", "是", "已", "√", "✓", "✔",
  ],
  closed: ["已销号", "销号", "已验收销号", "验收销号", "已予销号", "同意销号"],
  in_progress: [
    "推进中", "整改中", "正在整改", "正在推进", "进行中", "正在进行", "落实中", "正在落实", "办理中", "正在办理",
    "实施中", "正在实施",
    // "未完成" says only that the work is open: "推进中：未完成" would say it twice.
    "未完成", "尚未完成",
  ],
  not_started: ["未开始", "未启动", "尚未开展", "未开展", "尚未启动", "暂未启动", "尚未开始", "暂未开始", "否", "×", "✗"],
  ongoing: ["长期坚持", "持续整改", "常态化推进", "长期推进", "持续推进", "常态化", "长期", "持续开展", "长期开展"],
};

const SYNONYM_OF = new Map<string, KnownStatus>();
for (const [value, words] of Object.entries(SYNONYMS) as [KnownStatus, readonly string[]][]) {
  for (const w of words) SYNONYM_OF.set(fold(w), value);
}

const TRAILING_STOP = /[。.!！;；]+$/u;
const CLAUSE_BREAK = /[。；;，,：:、\r\n\u2028\u2029]+/u;

/** The separator between the canonical word and the text it heads. */
export const STATUS_SEPARATOR = "：";

function bareKey(text: string): string {
  return fold(text).replace(/\s+/gu, "").replace(TRAILING_STOP, "").toLowerCase();
}

/** True when the cell holds nothing but a word for `value`. */
function isBare(value: CellValue, reading: KnownStatus, percent: boolean): boolean {
  if (typeof value === "boolean") return true;
  if (typeof value === "number") return !percent && (value === 0 || value === 1);
  if (typeof value !== "string") return false;
  return SYNONYM_OF.get(bareKey(value)) === reading;
}

function leadingClause(text: string): string {
  for (const clause of fold(text).split(CLAUSE_BREAK)) {
    const c = clause.replace(/\s+/gu, "");
    if (c !== "") return c;
  }
  return "";
}

/** A number as the cell shows it: 0.8 in a %-formatted cell is "80%". */
function shownNumber(n: number, percent: boolean): string {
  if (!percent) return String(n);
  return `${Math.round(n * 100 * 100) / 100}%`;
}

export interface StatusCell {
  readonly value: CellValue;
  readonly kind: StatusColumnKind;
  /** The cell's own reading (not the item's combined status). */
  readonly reading: StatusReading;
  /** A %-formatted number cell. */
  readonly percent: boolean;
  /**
   * Another status column of the row holds a reading and the columns agree: the status
   * lives there, so free text here stays untouched.
   */
  readonly statusElsewhere: boolean;
}

export interface StatusRule {
  readonly read: (value: CellValue, kind: StatusColumnKind, percent: boolean) => StatusReading;
  readonly lang: Lang;
}

export function statusOutcome(cell: StatusCell, rule: StatusRule): Outcome {
  const { value, kind, reading, percent } = cell;
  if (kind !== "progress" || reading.raw === null) return null;
  if (reading.value === null) return null; // 未销号 alone: no status word says just that
  if (reading.value === "unknown") return kept("status-unknown");
  const word = CANONICAL_STATUS_WORD[reading.value];
  if (value === word) return null;
  const { lang } = rule;
  if (isBare(value, reading.value, percent)) {
    const reason = normalizeSays("statusWord", lang, { raw: reading.raw, word });
    return verified(change(word, "status-word", reason), cell, rule);
  }
  if (cell.statusElsewhere) return null;
  if (typeof value === "string" && leadingClause(value) === word) {
    const led = ledByWord(value, word, cell, rule);
    if (led !== undefined) return led;
  }
  const text = typeof value === "number" ? shownNumber(value, percent) : typeof value === "string" ? value.trim() : reading.raw;
  const reason = normalizeSays("statusPrefix", lang, { raw: short(reading.raw), word, prefix: `${word}${STATUS_SEPARATOR}` });
  return verified(change(`${word}${STATUS_SEPARATOR}${text}`, "status-prefix", reason), cell, rule);
}

/**
 * A cell whose leading clause already is the canonical word ("已完成。制定了《…》") stays as it
 * is, unless white space before the word would hide it from the flag formulas (Excel's TRIM
 * removes only ASCII spaces): then only that space goes. Undefined when the word is not at the
 * start at all ("完成情况：已完成"): the cell gets the word in front like any other.
 */
function ledByWord(value: string, word: string, cell: StatusCell, rule: StatusRule): Outcome | undefined {
  if (excelTrim(value).startsWith(word)) return null;
  const trimmed = value.trim();
  if (!trimmed.startsWith(word)) return undefined;
  const reason = normalizeSays("statusLeadingSpace", rule.lang, { word });
  return verified(change(trimmed, "status-word", reason), cell, rule);
}

function short(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

function verified(outcome: Outcome, cell: StatusCell, rule: StatusRule): Outcome {
  if (outcome === null || !("change" in outcome)) return outcome;
  const after = outcome.change.after;
  if (typeof after !== "string") return null;
  return rule.read(after, cell.kind, false).value === cell.reading.value ? outcome : null;
}
