/**
 * Status cells (contract §3): what a clerk wrote in 完成情况 / 是否完成 / 是否销号, read as one of
 * the canonical values, and several status columns of one item combined into one value.
 *
 * Free text is read on its leading clause only: "已完成。制定了《…》并印发" is done, whatever the
 * narrative after the first full stop says. Within that clause the first vocabulary word wins,
 * the longest one at its position, so "尚未完成" is read before its tail "完成".
 */
import { phrase, type PhraseId } from "./findings/catalogue.js";
import type { Lang } from "./lang.js";
import { isDayCell, isErrorCell, type CellValue } from "./sheet/sheet-model.js";
import { STATUS_WORDS, statusWordInText } from "./status-words.js";
import { cellText, compact, fold } from "./text.js";

export type StatusValue = "not_started" | "in_progress" | "done" | "closed" | "ongoing" | "unknown";

/** A free status column; a 是否完成 yes/no column; a 是否销号 yes/no column. */
export type StatusColumnKind = "progress" | "isDone" | "isClosed";

/**
 * One cell's reading. `raw` is the cell as the user sees it (null for an empty cell).
 *
 * `value` is null for an empty cell, and in one other case: a cell that says only "not closed
 * yet" (否 in a 是否销号 column, or 未销号). That says nothing about whether the work is done, so
 * no status value fits; such a reading carries `notClosed: true` and combineStatuses gives it
 * meaning beside the other columns (alone it counts as in_progress). Test `raw === null` for
 * "the cell is empty".
 */
export interface StatusReading {
  readonly raw: string | null;
  readonly value: StatusValue | null;
  readonly notClosed?: true;
  /** How unfinished work stands against the time elapsed (序时进度), when the text says. */
  readonly pace?: Pace;
  /**
   * The day a completion column (实际完成时间) gives, on or before the as-of day, where the status
   * cell is empty or unreadable: the clerk recorded the item finished, so it reads done.
   */
  readonly doneOn?: string;
}

/** Contract §3: ahead of, on, or behind the time-proportional schedule (序时进度). */
export type Pace = "ahead" | "on_track" | "behind";

export interface CombinedStatus {
  readonly value: StatusValue | null;
  readonly conflict: null | {
    readonly readings: StatusReading[];
    readonly explanation: string;
    /** The same explanation in English, for --lang en. */
    readonly explanationEn: string;
  };
}

/** The words the normalized sheet writes back (contract §3). */
export const CANONICAL_STATUS_WORD: Record<Exclude<StatusValue, "unknown">, string> = {
  not_started: STATUS_WORDS.not_started.zh,
  in_progress: STATUS_WORDS.in_progress.zh,
  done: STATUS_WORDS.done.zh,
  closed: STATUS_WORDS.closed.zh,
  ongoing: STATUS_WORDS.ongoing.zh,
};

/**
 * Order for sorting and for "less advanced": not_started 0 < in_progress 1 < ongoing 2 <
 * done 3 < closed 4. ongoing sits between in_progress and done: the work has started and is
 * never overdue, yet it never finishes. unknown is -1 so unreadable cells sort first, where a
 * reader sees them; combineStatuses never lets unknown outrank a known reading.
 */
export function statusRank(v: StatusValue): number {
  return RANK[v];
}

const RANK: Record<StatusValue, number> = { unknown: -1, not_started: 0, in_progress: 1, ongoing: 2, done: 3, closed: 4 };

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** What a word claims: a status value, or only "not closed" (未销号). */
type Claim = Exclude<StatusValue, "unknown"> | "notClosed";

const WORDS: Record<Claim, readonly string[]> = {
  closed: [
    "已销号", "销号", "已验收销号", "验收销号", "已销号处理", "已予销号", "同意销号", "已验收", "验收合格", "已通过验收",
    "通过验收", "已审核销号",
    // 环保督察 整改 systems' last state: the task handed over (交账) and struck off.
    "交账销号", "完成交账销号", "已交账销号",
    // Verified: 完成验收 outranks its 完成; a hazard re-inspected (复查合格) or taken off the list (摘牌).
    "完成验收", "已完成验收", "完成验收销号", "完成销号", "已完成销号", "复查合格", "已摘牌", "摘牌",
  ],
  done: [
    "已完成", "完成", "已整改", "整改完成", "已办结", "办结", "已落实", "已解决", "√", "✓", "✔", "百分之百",
    "已完成整改", "完成整改", "已整改完成", "整改完毕", "已整改完毕", "已整改到位", "整改到位", "已落实到位", "落实到位",
    "已办理", "已办理完毕", "办理完毕", "已办完", "已完结", "完结", "已结束", "结束", "已到位", "全部完成", "全面完成",
    "按期完成", "按时完成", "如期完成", "提前完成", "已处理", "处理完毕", "已纠正", "已改正", "已整改落实",
    "整改已完成", "已经完成", "已全部整改", "已全面整改", "已竣工", "竣工", "已完工", "完工", "已建成", "建成",
    "已投入使用", "投入使用", "已投用", "已交付使用", "已通车", "已结案", "结案", "开通运营", "已开通", "已运营",
    "投入运营", "正式运营", "建成投用", "已建成投用", "已经解决",
    // 建议 / 提案: answered to the deputy (办复) is the handling finished.
    "已办复", "办复", "已全部办复", "已答复",
    // Finished and waiting for verification: done, not yet closed.
    "待验收", "待销号", "申请销号", "已申请销号", "待复查", "已闭环",
    // A hazard dealt with during the inspection that found it.
    "现场处置", "已现场处置", "当场整改", "已当场整改",
  ],
  in_progress: [
    "整改中", "正在整改", "推进中", "正在推进", "进行中", "正在进行", "基本完成", "部分完成", "未完成", "尚未完成",
    "没有完成", "暂未完成", "未全部完成", "未完全完成", "未能完成", "未按期完成", "未按时完成", "未如期完成",
    "未按要求完成", "未整改到位", "未落实到位", "未完成整改", "正在落实", "落实中", "办理中", "正在办理", "实施中",
    "正在实施", "有序推进", "稳步推进", "逐步推进", "积极推进", "加快推进", "已启动", "已开始", "已开展", "初步完成",
    "大部分完成", "阶段性完成", "待完成", "已完成部分", "正在", "整改阶段",
    // Works under way: 民生实事 and project progress tables.
    "部分整改", "已开工", "开工建设", "已进场", "进场施工", "施工中", "正在施工", "在建中", "正在建设", "建设中", "履约中", "采购中",
    "招标中", "正在招标", "着手", "正着手", "筹备中", "前期工作", "已动工", "试运行", "购进中", "调试中", "新开工", "开工", "有一定进度", "有进展", "全面启动", "启动实施", "正式启动", "取得进展", "有所进展", "初见成效", "取得阶段性进展",
    "正在解决", "初步解决", "已初步解决", "基本解决", "已基本解决", "部分解决",
    // 12345 work orders, proposals put into a plan (B/C类), hazards still on the supervision list.
    "受理中", "延期办理", "列入计划", "已列入计划", "列入规划", "已列入规划", "挂牌督办中",
    "复查不合格", "验收不合格", "未闭环",
    // Future tense: a plan is no result.
    "预计", "计划于", "拟于", "将于", "力争", "拟实施", "拟开展", "拟启动",
  ],
  not_started: [
    "未开始", "未启动", "尚未开展", "未开展", "尚未启动", "暂未启动", "尚未开始", "暂未开始", "待启动", "未整改",
    "尚未整改", "暂未整改", "待整改", "未落实", "尚未落实", "未实施", "尚未实施", "暂未开展", "没有开始", "还未开始",
    "无进展", "暂无进展", "×", "✗", "✘", "未开工", "尚未开工", "未动工", "待开工",
  ],
  ongoing: [
    "长期坚持", "持续整改", "常态化推进", "长期推进", "持续推进", "常态化", "长期", "持续开展", "长期开展", "常抓不懈",
    "持续落实", "长期执行", "长期落实", "常态化开展", "持续抓好",
  ],
  notClosed: ["未销号", "尚未销号", "暂未销号", "暂不销号", "不予销号"],
};

/**
 * 序时进度 words (contract §3): where unfinished work stands against the time elapsed. They
 * make a reading in_progress unless another word says more (已完成, 未启动).
 */
const PACE_WORDS: Record<Pace, readonly string[]> = {
  ahead: ["超序时进度", "超序时", "超过序时进度", "超过序时", "超进度", "快于序时进度", "快于序时", "提前", "超时间进度", "超时序进度", "快于时间进度", "超过时间进度", "超额完成"],
  on_track: [
    "序时推进", "按序时推进", "按序时进度推进", "正常推进", "有序推进", "达进度", "达序时进度", "达到序时进度", "符合序时进度",
    "按计划推进", "按进度推进", "按时序推进", "进展顺利", "顺利推进", "稳步推进", "按序时", "达序时", "达到时间进度", "符合时间进度",
    "按时间进度", "达时间进度", "与时间进度同步", "时间过半任务过半",
  ],
  behind: [
    "欠进度", "欠序时", "欠序时进度", "低于序时", "未达序时", "未达序时进度", "未达到序时进度", "滞后", "进展滞后", "进度滞后", "推进滞后", "严重滞后", "推进缓慢",
    "进度缓慢", "进展缓慢", "进度相对缓慢", "进展相对缓慢", "进度偏慢", "进展偏慢", "推进偏慢", "慢于序时", "落后于序时进度",
    "落后序时进度", "低于序时进度", "进度落后", "偏慢", "较慢", "缓慢", "有较大差距", "差距较大", "存在较大差距", "有一定差距", "落后时间进度", "滞后于时间进度",
    "低于时间进度", "未达时间进度", "未达到时间进度", "慢于时间进度",
  ],
};

/** English trackers' words, read on the whole cell (a Latin word is never matched inside another). */
const ENGLISH: ReadonlyMap<string, { claim: Claim; pace?: Pace }> = new Map([
  ...["done", "completed", "complete", "finished", "resolved", "fixed", "achieved", "delivered"].map((w) => [w, { claim: "done" as Claim }] as const),
  ...["closed", "verified"].map((w) => [w, { claim: "closed" as Claim }] as const),
  ...["inprogress", "ongoing", "underway", "started", "wip", "onhold", "paused", "partiallydone", "partiallycompleted", "inreview", "overdue", "blocked", "reopened"].map((w) => [w, { claim: "in_progress" as Claim }] as const),
  ...["notstarted", "notyetstarted", "pending", "todo", "planned", "new", "open"].map((w) => [w, { claim: "not_started" as Claim }] as const),
  ...["ontrack", "ontime"].map((w) => [w, { claim: "in_progress" as Claim, pace: "on_track" as Pace }] as const),
  ...["delayed", "behind", "behindschedule", "atrisk", "late", "slipping"].map((w) => [w, { claim: "in_progress" as Claim, pace: "behind" as Pace }] as const),
  ...["ahead", "aheadofschedule"].map((w) => [w, { claim: "in_progress" as Claim, pace: "ahead" as Pace }] as const),
]);

const VOCABULARY = new Map<string, Claim>();
for (const [claim, words] of Object.entries(WORDS) as [Claim, readonly string[]][]) {
  for (const w of words) VOCABULARY.set(fold(w), claim);
}
const MAX_WORD = Math.max(...[...VOCABULARY.keys()].map((w) => w.length));

const PACES = new Map<string, Pace>();
for (const [pace, words] of Object.entries(PACE_WORDS) as [Pace, readonly string[]][]) for (const w of words) PACES.set(fold(w), pace);
const MAX_PACE_WORD = Math.max(...[...PACES.keys()].map((w) => w.length));

/**
 * The pace a text states: the first pace word, the longest at its position ("未达序时进度" before
 * its "序时"). Read on the whole cell: "正在开展，进度滞后" is behind.
 */
export function paceOf(text: string): Pace | null {
  const s = compact(text);
  for (let i = 0; i < s.length; i++) {
    // Most positions start no pace word: no substring is built there (progress sentences are long).
    if (!PACE_FIRST_CHARS.has(s.charCodeAt(i))) continue;
    for (let len = Math.min(MAX_PACE_WORD, s.length - i); len >= 2; len--) {
      const pace = PACES.get(s.slice(i, i + len));
      if (pace !== undefined) return pace;
    }
  }
  return null;
}
const PACE_FIRST_CHARS = new Set([...PACES.keys()].map((w) => w.charCodeAt(0)));
/** Positions whose character starts no word are skipped without building substrings. */
const FIRST_CHARS = new Set([...VOCABULARY.keys()].map((w) => w.charAt(0)));

/**
 * Whole-cell yes/no answers. A free column reads them as 是否完成 would: "是" under 完成情况
 * means done. Single letters are compared lower-cased.
 */
const YES = new Set(["是", "已", "√", "✓", "✔", "y", "yes", "1", "true", "对", "是的"]);
const NO = new Set(["否", "未", "×", "✗", "✘", "x", "n", "no", "0", "false", "不是"]);

/** Clauses that name the column, not the state: "整改情况：…" reads on after the colon. */
const LABELS = new Set([
  "整改情况", "完成情况", "进展情况", "整改进展", "办理情况", "状态", "进度", "整改进度", "推进情况", "落实情况",
  "整改落实情况", "当前状态", "目前状态", "目前进展", "当前进展", "进展", "情况", "完成进度", "整改完成情况",
  "目前情况", "整改状态", "办理结果", "整改结果", "落实结果", "备注", "说明", "情况说明",
]);

/** Just before a done word these turn it into "not (fully) done": 未按期完成, 基本已完成. */
const NEGATIONS = ["未", "没", "不", "无", "非", "没有", "未能", "不能", "无法", "难以"];
const QUALIFIERS = ["基本", "部分", "初步", "大部分", "大部", "大体", "阶段性"];

// ---------------------------------------------------------------------------------------------
// One cell

/** "截至11月底", "截止2019年10月20日": the day a progress sentence speaks for, not its state. */
const AS_OF_CLAUSE = /^(?:截至|截止|截止到|到)(?:目前|\d{4}年)?(?:\d{1,2}月(?:\d{1,2}[日号])?(?:底|末)?)?$/u;
const CLAUSE_BREAK = /[。；;，,：:、\r\n\u2028\u2029]+/u;
/** "1", "(2)", "一", "第三条": a list number before the text it numbers. */
const ENUMERATOR = /^(?:\(?[0-9一二三四五六七八九十]{1,3}\)?\.?|第[0-9一二三四五六七八九十]{1,3}[条项点]?)$/u;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/u;
const PERCENT = /(\d+(?:\.\d+)?)%/u;
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】/gu;
const BOOK_TITLE = /《[^《》]*》/gu;

interface Options {
  readonly percent?: boolean;
}

/**
 * Read one status cell. Strings ignore `percent`: text holds its own "%". Numbers: with
 * `percent` (a %-formatted cell) they are fractions, 1 = 100% done, 0.8 in progress; without,
 * 1 and 0 are yes and no (a 是否完成 column holding 1/0), a value between 0 and 1 is a fraction
 * typed without its format, and 2..100 are percentage points typed as plain numbers.
 */
export function classifyStatus(value: CellValue, column: StatusColumnKind, opts?: Options): StatusReading {
  const raw = cellText(value);
  if (raw === null) return EMPTY;
  // A date under 完成情况 may be when it was finished or when it is due: not a status word.
  if (isErrorCell(value) || isDayCell(value)) return { raw, value: "unknown" };
  if (typeof value === "boolean") return reading(raw, value ? "yes" : "no", column);
  if (typeof value === "number") return reading(raw, numberAnswer(value, opts?.percent === true), column);
  // Trackers decorate statuses ("✅ Completed", "In Progress (Complete: Phase 1)"): the words before any bracket.
  const english = ENGLISH.get(raw.toLowerCase().replace(/\s*[([（].*$/su, "").replace(/[^\p{L}\p{N}]+/gu, ""));
  if (english) return withPace(reading(raw, english.claim, column), english.pace ?? null);
  const text = textAnswer(raw);
  const pace = paceOf(raw);
  // A pace word says the work is under way, unless another word said more (未启动) or a done
  // word leads (已完成，超序时进度). "完成产值…，与全年目标有较大差距" is behind, not done.
  const done = text === "done" || text === "closed" || text === "yes";
  const answer = pace !== null && (text === "unknown" || (done && pace !== "ahead" && !doneLeads(raw))) ? "in_progress" : text;
  return withPace(reading(raw, answer, column), pace);
}

/** A pace the text states, on any reading with a value: 提前完成 is done, and ahead. */
function withPace(r: StatusReading, pace: Pace | null): StatusReading {
  if (pace === null || r.value === null) return r;
  return { ...r, pace };
}

/**
 * classifyStatus with a cache: a sheet repeats a handful of strings. Readings are frozen and
 * shared between calls. The cache is dropped when it grows past CACHE_LIMIT distinct cells, so a
 * column of unique narratives costs memory no longer than one sheet.
 */
export function createStatusClassifier(): (value: CellValue, column: StatusColumnKind, percent?: boolean) => StatusReading {
  const caches = new Map<string, Map<string | number | boolean, StatusReading>>();
  return (value, column, percent = false) => {
    if (value === null) return EMPTY;
    // Strings ignore percent, so they share one cache per column; numbers read differently with it.
    // Dates, errors and booleans are cached too: items share readings by identity (see item.ts).
    const key = typeof value === "object" ? (isDayCell(value) ? `day:${value.day}` : `error:${value.error}`) : value;
    const cacheKey = typeof value === "string" ? column
      : typeof value === "number" ? (percent ? `${column}%` : `${column}#`)
      : typeof value === "boolean" ? `${column}?`
      : `${column}@`;
    let cache = caches.get(cacheKey);
    if (!cache) caches.set(cacheKey, (cache = new Map()));
    let hit = cache.get(key);
    if (hit === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      hit = Object.freeze(classifyStatus(value, column, { percent }));
      cache.set(key, hit);
    }
    return hit;
  };
}

const CACHE_LIMIT = 50_000;
const EMPTY: StatusReading = Object.freeze({ raw: null, value: null });

/** What a cell says before its column gives "yes" and "no" their meaning. */
type Answer = Claim | "yes" | "no" | "unknown";

function reading(raw: string, answer: Answer, column: StatusColumnKind): StatusReading {
  const claim = answer === "yes" ? (column === "isClosed" ? "closed" : "done")
    : answer === "no" ? (column === "isClosed" ? "notClosed" : "not_started")
    : answer;
  return claim === "notClosed" ? { raw, value: null, notClosed: true } : { raw, value: claim };
}

function numberAnswer(n: number, percent: boolean): Answer {
  if (!Number.isFinite(n) || n < 0) return "unknown";
  if (percent) return n >= 1 ? "yes" : "in_progress";
  if (n === 1) return "yes";
  if (n === 0) return "no";
  if (n < 1) return "in_progress"; // a fraction whose % format got lost
  if (n < 100) return "in_progress"; // percentage points: 80 for 80%
  return n === 100 ? "yes" : "unknown";
}

function percentAnswer(p: number): Answer {
  return p >= 100 ? "yes" : "in_progress";
}

/** Text: whole-cell yes/no and numbers first, then the leading clause's words and percentage. */
function textAnswer(raw: string): Answer {
  const folded = fold(raw);
  const lower = folded.toLowerCase();
  const clause = leadingClause(lower);
  if (clause === null) return "unknown";
  const bare = clause.replace(BRACKETED, "");
  if (YES.has(bare)) return "yes";
  if (NO.has(bare)) return "no";
  if (NUMBER.test(bare)) return numberAnswer(Number(bare), false);
  // The leading clause decides; when it says nothing ("中小河流治理，全市未完成…"), the first clause that does.
  const word = scanWords(clause.replace(BOOK_TITLE, "")) ?? firstSayingClause(lower);
  const percent = PERCENT.exec(clause);
  // "完成80%": a percentage says how far a bare done word got. Other words outrank it, except
  // that work some way along has started ("50%(马站未开工": one site not started, the rest under way).
  if (percent && (word === null || word === "done")) return percentAnswer(Number(percent[1]));
  if (percent && word === "not_started" && Number(percent[1]) > 0) return "in_progress";
  // "…，完成年度目标任务": the year's target met is the work done, whatever the figures before it.
  if (YEAR_TARGET_MET.test(folded)) return "done";
  // "预计9月份开始接种": a start still to come is not started.
  if (word === "in_progress" && FUTURE_START.test(clause)) return "not_started";
  // "已建成3个;其余点位已启动建设", "完成实施方案编制,征迁正在推进": part done, the rest under way.
  // A bare "已完成" before "正在验收" is done: the part must be named ("完成…编制", "建成3个").
  if ((word === "done" || word === "closed") && namesAPart(clause) && PARTLY.test(laterClauses(lower))) return "in_progress";
  // "已完成（已销号）": an aside that says the done item was then closed.
  if (word === "done" && asideClaim(clause) === "closed") return "closed";
  return word ?? "unknown";
}

/** What the bracketed asides of a clause say, read as one text. */
function asideClaim(clause: string): Claim | null {
  const asides = clause.match(BRACKETED);
  return asides === null ? null : scanWords(asides.map((a) => a.slice(1, -1)).join("，"));
}

const YEAR_TARGET_MET = /(?<![未没不]|尚未|没有)(?:已|全面|提前)?完成(?:了)?(?:年度|全年|今年|本年度)(?:目标)?任务/u;

/** A plan to begin: 预计/计划/拟/将 … 开始/启动/开工/动工. */
const FUTURE_START = /^(?:预计|计划|拟|将|准备|力争)[^,，。;；]*?(?:开始|启动|开工|动工|实施|招标)/u;
/** What a later clause says when the first one's "done" covered only part of the work. */
const PARTLY = /正在(?!验收|销号|申请)|推进中|进行中|实施中|施工中|办理中|整改中|建设中|尚未(?!验收|销号)|未完成|未启动|未开工|其余|剩余|其他[^,，。;；]*(?:正在|启动|推进)/u;

/** The text starts with a done word (已完成…, 均已完成…, 全部建成…). */
function doneLeads(raw: string): boolean {
  const clause = leadingClause(fold(raw).toLowerCase());
  if (clause === null) return false;
  for (const skip of [0, 1, 2]) {
    for (let len = Math.min(MAX_WORD, clause.length - skip); len >= 2; len--) {
      const claim = VOCABULARY.get(clause.slice(skip, skip + len));
      if (claim !== undefined) return claim === "done" || claim === "closed";
    }
  }
  return false;
}

/** The claim of the first clause after the leading one that holds a status word. */
function firstSayingClause(text: string): Claim | null {
  for (const c of laterClauses(text).split("，")) {
    const claim = scanWords(c.replace(/\s+/gu, "").replace(BOOK_TITLE, ""));
    if (claim !== null) return claim;
  }
  return null;
}

/** A leading clause that says more than its status word: what was done, or how many. */
function namesAPart(clause: string): boolean {
  return !VOCABULARY.has(clause) && (clause.length >= 6 || /\d/u.test(clause));
}

/** Every clause after the first one that says something. */
function laterClauses(text: string): string {
  const clauses = text.split(CLAUSE_BREAK).filter((c) => c.trim() !== "");
  return clauses.slice(1).join("，");
}

/**
 * The first clause that says something: list numbers and column labels ("整改情况：") are
 * skipped when more text follows. White space goes only after splitting, so a line break still
 * ends a clause. Null when no clause holds any text.
 */
function leadingClause(text: string): string | null {
  const clauses = text.split(CLAUSE_BREAK).map((c) => c.replace(/\s+/gu, "")).filter((c) => c !== "");
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    const last = i === clauses.length - 1;
    if (LABELS.has(c)) continue;
    if (!last && (ENUMERATOR.test(c) || AS_OF_CLAUSE.test(c))) continue;
    return c;
  }
  return null;
}

/** Left to right, the longest word at the first position where any word starts. */
function scanWords(s: string): Claim | null {
  for (let i = 0; i < s.length; i++) {
    if (!FIRST_CHARS.has(s.charAt(i))) continue;
    for (let len = Math.min(MAX_WORD, s.length - i); len >= 1; len--) {
      const claim = VOCABULARY.get(s.slice(i, i + len));
      if (claim !== undefined) return qualify(claim, s.slice(0, i));
    }
  }
  return null;
}

/** "未按要求完成", "基本已完成": a done word under a negation or a hedge is not done. */
function qualify(claim: Claim, before: string): Claim {
  if (claim !== "done" && claim !== "closed") return claim;
  if (NEGATIONS.some((n) => before.endsWith(n))) return claim === "closed" ? "notClosed" : "in_progress";
  if (claim === "done" && QUALIFIERS.some((q) => before.endsWith(q))) return "in_progress";
  return claim;
}

// ---------------------------------------------------------------------------------------------
// Several columns of one item

/**
 * What a reading allows, as a range of ranks on not_started 0 .. closed 3 (ongoing apart):
 * a done text allows closed too, since 销号 is the check after completion; 否 in 是否完成 allows
 * not_started or in_progress; 否 in 是否销号 allows anything short of closed. `rep` is the
 * reading's own value (in_progress for a lone "not closed").
 */
interface Bound {
  readonly lo: number;
  readonly hi: number;
  readonly rep: number;
}

const LINEAR: readonly Exclude<StatusValue, "unknown" | "ongoing">[] = ["not_started", "in_progress", "done", "closed"];

/** One status column's reading of a row, as combineStatuses takes it. */
export interface StatusEntry {
  readonly column: StatusColumnKind;
  readonly reading: StatusReading;
  /** The column's own heading, where its kind alone would not tell it from another status column. */
  readonly heading?: ColumnHeading;
}

/** A status column named by what its header says, with its letter where two headers say the same. */
export interface ColumnHeading {
  readonly label: string;
  readonly letter: string | null;
}

/**
 * How the conflict explanation names each status column: by its kind (完成情况, 是否销号) where
 * the sheet has one column of that kind, else by its own header text, and by its letter too where
 * two headers read alike, so "“完成情况”写…，“完成情况”写…" never leaves the clerk guessing which.
 */
export function statusColumnHeadings(columns: ReadonlyArray<{ readonly col: number; readonly kind: StatusColumnKind }>, labelOf: (col: number) => string, letterOf: (col: number) => string): Array<ColumnHeading | undefined> {
  const count = <K>(keys: readonly K[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
  const kinds = count(columns.map((c) => c.kind));
  const labels = count(columns.map((c) => compact(labelOf(c.col))));
  return columns.map((c) => {
    if (kinds.get(c.kind) === 1) return undefined;
    const label = labelOf(c.col).trim();
    return { label, letter: labels.get(compact(label))! > 1 || label === "" ? letterOf(c.col) : null };
  });
}

function boundOf({ column, reading }: StatusEntry): Bound | null {
  if (reading.notClosed) return { lo: 0, hi: 2, rep: 1 };
  switch (reading.value) {
    case "not_started":
      return column === "progress" ? { lo: 0, hi: 0, rep: 0 } : { lo: 0, hi: 1, rep: 0 };
    case "in_progress":
      return { lo: 1, hi: 1, rep: 1 };
    case "done":
      return { lo: 2, hi: 3, rep: 2 };
    case "closed":
      return { lo: 3, hi: 3, rep: 3 };
    default:
      return null; // empty, unknown, ongoing: no place on the line
  }
}

/**
 * One status for an item. The first free (progress) column with a readable value leads; the
 * yes/no columns refine it (已完成 + 是否销号=是 -> closed) or, with no readable progress text,
 * decide alone. Readings that cannot all be true make a conflict whose value is the least
 * advanced of them, so an overdue item stays visible.
 *
 * ongoing: a leading 长期坚持 stays ongoing unless a yes/no column says done or closed; an
 * ongoing word elsewhere yields to the leading reading. unknown readings are ignored unless
 * nothing else is readable; empty ones always.
 */
export function combineStatuses(readings: readonly StatusEntry[]): CombinedStatus {
  const present = readings.filter((r) => r.reading.raw !== null);
  if (present.length === 0) return NO_STATUS;
  const known = order(present.filter((r) => r.reading.value !== "unknown"));
  if (known.length === 0) return { value: "unknown", conflict: null };
  const lead = known[0]!;
  if (lead.reading.value === "ongoing") return combineOngoing(known.slice(1));
  return combineLinear(known.filter((r) => r.reading.value !== "ongoing"));
}

const NO_STATUS: CombinedStatus = { value: null, conflict: null };

/** Free columns first (they say most), then the yes/no columns, each group in sheet order. */
function order(entries: StatusEntry[]): StatusEntry[] {
  return [...entries.filter((e) => e.column === "progress"), ...entries.filter((e) => e.column !== "progress")];
}

function combineOngoing(rest: StatusEntry[]): CombinedStatus {
  const others = combineLinear(rest.filter((r) => r.reading.value !== "ongoing"));
  if (others.conflict) return others;
  return others.value === "done" || others.value === "closed" ? others : { value: "ongoing", conflict: null };
}

/**
 * Intersect the readings' ranges in order; a reading outside the running range disagrees. The
 * agreeing readings give the least they claim, raised to what the others require (done +
 * 销号=是 -> closed). With disagreement the value is the less advanced of that and what the
 * disagreeing readings say.
 */
function combineLinear(entries: StatusEntry[]): CombinedStatus {
  let lo = 0;
  let hi = 3;
  let agreedRep = Infinity;
  let disagreedRep = Infinity;
  const agreeing: StatusEntry[] = [];
  const disagreeing: StatusEntry[] = [];
  for (const entry of entries) {
    const b = boundOf(entry)!;
    if (Math.max(lo, b.lo) > Math.min(hi, b.hi)) {
      disagreeing.push(entry);
      disagreedRep = Math.min(disagreedRep, b.rep);
    } else {
      lo = Math.max(lo, b.lo);
      hi = Math.min(hi, b.hi);
      agreedRep = Math.min(agreedRep, b.rep);
      agreeing.push(entry);
    }
  }
  if (agreeing.length === 0) return NO_STATUS;
  const agreed = Math.min(Math.max(agreedRep, lo), hi);
  if (disagreeing.length === 0) return { value: LINEAR[agreed]!, conflict: null };
  const involved = [...agreeing, ...disagreeing];
  const value = LINEAR[Math.min(agreed, disagreedRep)]!;
  return { value, conflict: { readings: involved.map((e) => e.reading), explanation: explain(involved, value, "zh"), explanationEn: explain(involved, value, "en") } };
}

const COLUMN_LABEL: Record<StatusColumnKind, PhraseId> = { progress: "statusColumnProgress", isDone: "statusColumnIsDone", isClosed: "statusColumnIsClosed" };

function columnName({ column, heading }: StatusEntry, lang: Lang): string {
  if (heading === undefined) return phrase("statusColumnKind", lang, { kind: phrase(COLUMN_LABEL[column], lang) });
  if (heading.letter === null) return phrase("statusColumnHeading", lang, { label: heading.label });
  return heading.label === "" ? phrase("statusColumnAt", lang, { letter: heading.letter }) : phrase("statusColumnHeadingAt", lang, { label: heading.label, letter: heading.letter });
}

/** A "no" under 是否完成 reads as 未完成, not the 未开始 it counts as. */
function meaningOf(column: StatusColumnKind, reading: StatusReading, lang: Lang): string {
  if (reading.notClosed) return phrase("statusNotClosed", lang);
  if (column === "isDone" && reading.value === "not_started") return phrase("statusNotDone", lang);
  return statusWordInText(reading.value as Exclude<StatusValue, "unknown">, lang);
}

/**
 * The column the count follows: the one saying the least advanced status, when that is the
 * status counted (a bare "not closed" stands for in progress); null when the count is a status
 * between what the columns say.
 */
function believedColumn(entries: readonly StatusEntry[], value: StatusValue): StatusEntry | null {
  const says = (e: StatusEntry): StatusValue => (e.reading.notClosed ? "in_progress" : (e.reading.value ?? "unknown"));
  const slowest = Math.min(...entries.map((e) => RANK[says(e)]));
  if (RANK[value] !== slowest) return null;
  return entries.find((e) => says(e) === value) ?? null;
}

/**
 * “完成情况”写“正在推进”（推进中），“是否销号”写“是”（已销号），两栏不一致，请核实；核实前按“完成情况”
 * 计为“推进中”：几栏说法不同时按进度较慢的一栏统计，以免把没办完的事算作办完。The words are the catalogue's.
 */
function explain(entries: StatusEntry[], value: StatusValue, lang: Lang): string {
  const says = entries.map((e) => phrase("statusColumnSays", lang, { column: columnName(e, lang), raw: e.reading.raw ?? "", meaning: meaningOf(e.column, e.reading, lang) }));
  const columns = says.join(phrase("columnSaysJoin", lang));
  const disagree = phrase(entries.length === 2 ? "statusTwoColumnsDisagree" : "statusColumnsDisagree", lang, { columns });
  const word = statusWordInText(value as Exclude<StatusValue, "unknown">, lang);
  const believed = believedColumn(entries, value);
  if (believed === null) return phrase("statusCountedAsAllow", lang, { disagree, word });
  const column = columnName(believed, lang);
  return phrase("statusCountedAsSlowest", lang, { disagree, word, column, meaning: meaningOf(believed.column, believed.reading, lang) });
}
