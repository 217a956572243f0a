/**
 * The catalogue of findings: each rule a stable id, a severity and a message template in
 * Chinese and English. A finding is data; the templates turn it into words. Ids are part of
 * the contract (§6): add rules, never rename one.
 */
import type { Lang } from "../lang.js";
import type { SlotValue, SlotsOf } from "./slots.js";

export type Severity = "error" | "warning" | "info";

export interface RuleDefinition {
  readonly severity: Severity;
  /** What the rule is about, for grouped listings. */
  readonly title: { readonly zh: string; readonly en: string };
  /** Message templates; {name} is replaced by the finding's parameter of that name. */
  readonly message: { readonly zh: string; readonly en: string };
}

export const RULES = {
  "no-ledger-found": {
    severity: "error",
    title: { zh: "未找到台账", en: "No ledger found" },
    message: {
      zh: "工作表“{sheet}”中没有找到台账表头（需要“问题/任务”“责任单位/责任人”“完成时限”“完成情况”等列）",
      en: "Sheet “{sheet}” has no ledger header (columns such as task, unit/owner, deadline and status)",
    },
  },
  "missing-column": {
    // Contract §2: a warning, never a refusal. What cannot be judged without it is in the summary.
    severity: "warning",
    title: { zh: "缺少列", en: "Missing column" },
    message: { zh: "台账缺少“{column}”列{consequence}", en: "The ledger has no “{column}” column{consequence}" },
  },
  "column-guessed": {
    severity: "info",
    title: { zh: "按内容识别的列", en: "Column recognized by its contents" },
    message: {
      zh: "{column}列“{label}”的内容多为{what}，按“{role}”列读取；如不对，请用 --columns 或在任务窗格中指定",
      en: "Column {column} (“{label}”) holds mostly {what}; it is read as the {role} column. If that is wrong, say which column it is with --columns or in the task pane",
    },
  },
  "template-row": {
    severity: "info",
    title: { zh: "模板占位行", en: "Template placeholder row" },
    message: { zh: "第{row}行是导出模板的占位符（{value}），不计为事项", en: "Row {row} holds an export template's placeholders ({value}); it is not an item" },
  },
  "missing-task": {
    severity: "warning",
    title: { zh: "缺少问题/任务", en: "Missing task" },
    message: { zh: "第{row}行没有填写问题或任务内容", en: "Row {row} has no task" },
  },
  "missing-owner": {
    severity: "warning",
    title: { zh: "缺少责任单位或责任人", en: "Missing owner" },
    message: { zh: "第{row}行没有填写责任单位或责任人", en: "Row {row} names no responsible unit or person" },
  },
  "missing-deadline": {
    severity: "warning",
    title: { zh: "缺少完成时限", en: "Missing deadline" },
    message: { zh: "第{row}行没有填写完成时限", en: "Row {row} has no deadline" },
  },
  "missing-status": {
    severity: "warning",
    title: { zh: "缺少完成情况", en: "Missing status" },
    message: { zh: "第{row}行没有填写完成情况", en: "Row {row} has no status" },
  },
  "status-conflict": {
    severity: "warning",
    title: { zh: "完成情况前后矛盾", en: "Conflicting statuses" },
    message: { zh: "第{row}行{explanation}", en: "Row {row}: {explanation}" },
  },
  "deadline-unparsed": {
    severity: "warning",
    title: { zh: "无法识别的时限", en: "Unreadable deadline" },
    message: { zh: "第{row}行的完成时限“{raw}”无法识别为日期", en: "Row {row}: the deadline “{raw}” is not a date Taizhang can read" },
  },
  "deadline-ambiguous": {
    severity: "info",
    title: { zh: "时限有歧义", en: "Ambiguous deadline" },
    message: {
      zh: "第{row}行的完成时限“{raw}”按字面理解为{date}之前完成，也可能指{other}",
      en: "Row {row}: the deadline “{raw}” is read literally as {date}; it may mean {other}",
    },
  },
  "deadline-year-inferred": {
    severity: "info",
    title: { zh: "时限未写年份", en: "Deadline without a year" },
    message: {
      zh: "第{row}行的完成时限“{raw}”没有写年份，按{year}年计为{date}",
      en: "Row {row}: the deadline “{raw}” names no year; read as {year}, {date}",
    },
  },
  "deadline-standing": {
    severity: "info",
    title: { zh: "限时完成并长期坚持", en: "Deadline plus standing duty" },
    message: {
      zh: "第{row}行的完成时限“{raw}”既有完成日期{date}又要求长期坚持，按{date}计算是否逾期",
      en: "Row {row}: the deadline “{raw}” has a date ({date}) and a standing duty; overdue is judged by the date",
    },
  },
  "deadline-relative": {
    severity: "info",
    title: { zh: "相对时限", en: "Relative deadline" },
    message: { zh: "第{row}行的完成时限“{raw}”是相对期限，{reading}", en: "Row {row}: the deadline “{raw}” is relative; {reading}" },
  },
  "deadline-implausible": {
    severity: "warning",
    title: { zh: "时限年份有误", en: "Deadline with an impossible year" },
    message: {
      zh: "第{row}行的完成时限“{raw}”写的是{year}年，应为笔误，未据此计算逾期",
      en: "Row {row}: the deadline “{raw}” names the year {year}, surely a slip; overdue is not counted from it",
    },
  },
  "behind-schedule": {
    severity: "warning",
    title: { zh: "进度滞后", en: "Behind schedule" },
    message: { zh: "第{row}行“{task}”进度滞后（{raw}）", en: "Row {row} “{task}” is behind schedule ({raw})" },
  },
  "status-unknown": {
    severity: "warning",
    title: { zh: "无法识别的完成情况", en: "Unknown status" },
    message: { zh: "第{row}行的完成情况“{raw}”无法识别", en: "Row {row}: the status “{raw}” is not one Taizhang knows" },
  },
  "status-from-completion": {
    // The status cell says nothing readable, the completion column says when it was finished.
    severity: "info",
    title: { zh: "按实际完成时间计为已完成", en: "Done by its completion date" },
    message: {
      zh: "第{row}行完成情况{said}，但“{column}”填有{completedOn}，按已完成统计",
      en: "Row {row}: the status {said}, but “{column}” gives {completedOn}; counted as done",
    },
  },
  "duplicate-item": {
    severity: "warning",
    title: { zh: "重复事项", en: "Duplicate item" },
    message: { zh: "第{row}行与第{first}行内容重复", en: "Row {row} repeats row {first}" },
  },
  "name-variant": {
    severity: "warning",
    title: { zh: "名称写法不一致", en: "Name written several ways" },
    message: {
      zh: "“{variant}”与“{canonical}”应为同一{kind}，建议统一为“{canonical}”",
      en: "“{variant}” and “{canonical}” look like the same {kind}; write “{canonical}”",
    },
  },
  "seq-gap": {
    severity: "info",
    title: { zh: "序号不连续", en: "Gap in numbering" },
    message: { zh: "第{row}行序号为{seq}，应为{expected}", en: "Row {row} is numbered {seq}; {expected} was expected" },
  },
  "formula-error": {
    severity: "warning",
    title: { zh: "公式错误", en: "Formula error" },
    message: { zh: "{cell}（{column}）公式出错（{error}）", en: "{cell} ({column}): the formula gives the error {error}" },
  },
  "merged-cells": {
    severity: "info",
    title: { zh: "合并单元格", en: "Merged cells" },
    message: {
      zh: "{range}为合并单元格，每行按合并值“{value}”计",
      en: "{range} is merged; every row in it is read as “{value}”",
    },
  },
  "hidden-row": {
    severity: "info",
    title: { zh: "隐藏行", en: "Hidden row" },
    message: { zh: "第{row}行为隐藏行，已计入统计", en: "Row {row} is hidden; it is counted" },
  },
  overdue: {
    severity: "error",
    title: { zh: "逾期未完成", en: "Overdue" },
    message: {
      zh: "第{row}行“{task}”已逾期{days}天（时限{date}，责任单位{unit}）",
      en: "Row {row} “{task}” is {days} days overdue (due {date}, unit {unit})",
    },
  },
  "due-soon": {
    severity: "warning",
    title: { zh: "即将到期", en: "Due soon" },
    message: {
      zh: "第{row}行“{task}”将于{date}到期（{left}）",
      en: "Row {row} “{task}” falls due on {date} ({left})",
    },
  },
  "completed-late": {
    severity: "info",
    title: { zh: "超期完成", en: "Completed late" },
    message: {
      zh: "第{row}行于{completedOn}完成，晚于时限{date}共{days}天",
      en: "Row {row} was completed on {completedOn}, {days} days after its deadline {date}",
    },
  },
  "closed-without-evidence": {
    severity: "warning",
    title: { zh: "销号缺少佐证材料", en: "Closed without evidence" },
    message: { zh: "第{row}行已销号，但没有佐证材料", en: "Row {row} is closed but has no evidence" },
  },
} as const satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;

/** Slots a finding's place fills (its sheet, row and cell), not its parameters. */
export type PlaceSlot = "sheet" | "row" | "cell";

/**
 * The parameters a rule's message needs: one value per slot of its template, besides the place.
 * Both languages have the same slots (a test says so), so the Chinese template types them.
 */
export type RuleParams<R extends RuleId> = { readonly [Name in Exclude<SlotsOf<(typeof RULES)[R]["message"]["zh"]>, PlaceSlot>]: SlotValue };

/** No argument for a rule whose message has no slots but its place; its parameters otherwise. */
export type RuleParamsArgument<R extends RuleId> = [keyof RuleParams<R>] extends [never] ? [] : [RuleParams<R>];

/** Pieces that findings and summaries put into their messages, in both languages. */
export const PHRASES = {
  relativeFromColumn: { zh: "自本行“{label}”{start}起算，到期日为{date}", en: "counted from this row's “{label}” {start}, it falls due on {date}" },
  relativeFromDocument: { zh: "自文件日期{start}起算，到期日为{date}", en: "counted from the document's date {start}, it falls due on {date}" },
  relativeNoStart: {
    zh: "未找到起算日期（交办时间、下发日期等列，或标题中的日期），无法判断是否逾期",
    en: "no start was found (a column such as 交办时间 or 下发日期, or a date in the title), so overdue cannot be judged",
  },
  cannotJudgeDeadline: { zh: "，无法判断是否逾期", en: "; overdue cannot be judged" },
  cannotJudgeStatus: { zh: "，无法判断是否完成", en: "; completion cannot be judged" },
  noDeadlineColumn: { zh: "未识别完成时限，无法判断逾期（{count}项）", en: "No deadline column recognized: overdue cannot be judged ({count} items)" },
  noStatusColumn: { zh: "未识别完成情况，无法判断是否完成（{count}项）", en: "No status column recognized: completion cannot be judged ({count} items)" },
  cannotTell: { zh: "无法判断", en: "cannot tell" },
  noFlagsWritten: {
    zh: "工作表“{sheet}”未识别完成时限，无法判断逾期（{count}项），未写逾期标记；可用 --columns 指定时限列",
    en: "sheet “{sheet}”: no deadline column recognized, overdue cannot be judged ({count} items), so no overdue flags were written; name the column with --columns",
  },
  // The status-conflict explanation (analytics/status.ts): what each column says, then what is counted and why.
  statusColumnSays: { zh: "{column}写“{raw}”（{meaning}）", en: "{column} says “{raw}” ({meaning})" },
  // A status column named by its kind, or, where two columns are of one kind, by its own header (and letter).
  statusColumnKind: { zh: "“{kind}”", en: "{kind}" },
  statusColumnHeading: { zh: "“{label}”", en: "“{label}”" },
  statusColumnHeadingAt: { zh: "{letter}列“{label}”", en: "column {letter} “{label}”" },
  statusColumnAt: { zh: "{letter}列", en: "column {letter}" },
  statusTwoColumnsDisagree: { zh: "{columns}，两栏不一致，请核实", en: "{columns}: the columns disagree, please check" },
  statusColumnsDisagree: { zh: "{columns}，各栏不一致，请核实", en: "{columns}: the columns disagree, please check" },
  statusCountedAsAllow: { zh: "{disagree}；核实前计为“{word}”，即各栏能同时成立的进度。", en: "{disagree}; until then counted as “{word}”, what all of them allow." },
  statusCountedAsSlowest: {
    zh: "{disagree}；核实前按{column}（{meaning}）计为“{word}”：几栏说法不同时按进度较慢的一栏统计，以免把没办完的事算作办完。",
    en: "{disagree}; until then counted as “{word}”, following {column} ({meaning}): where columns disagree the less advanced one is believed, so unfinished work is never counted as done.",
  },
  statusColumnProgress: { zh: "完成情况", en: "progress" },
  statusColumnIsDone: { zh: "是否完成", en: "done?" },
  statusColumnIsClosed: { zh: "是否销号", en: "closed?" },
  statusNotClosed: { zh: "未销号", en: "not closed" },
  statusNotDone: { zh: "未完成", en: "not done" },
  columnSaysJoin: { zh: "，", en: " and " },
  // Why a deadline has two readings (the `ambiguous` note of analytics/deadline.ts).
  ambiguousBeforePeriod: {
    zh: "“{label}前”按字面是{label}开始之前，即{literal}；也常被用来指到{label}结束，即{end}",
    en: "“before {label}” read literally is before {label} begins, {literal}; it is often meant as by the end of {label}, {end}",
  },
  ambiguousDroppedZero: {
    zh: "数字{raw}可能是{year}.10：Excel会去掉小数末尾的0，{year}年10月也显示为{raw}",
    en: "the number {raw} may be {year}.10: Excel drops a decimal's trailing 0, so October {year} shows as {raw} too",
  },
  // The status dropdown's title and the line Excel shows when a cell holds another word (both hosts write it).
  statusDropdownTitle: { zh: "完成情况", en: "Status" },
  statusDropdownRefusal: { zh: "请填写：{words}", en: "Use one of: {words}" },
  listJoin: { zh: "、", en: ", " },
  // Punctuation that differs by language: a label and its value, clauses in a row, a remark in brackets.
  labelValue: { zh: "{label}：{value}", en: "{label}: {value}" },
  clauseJoin: { zh: "；", en: "; " },
  aside: { zh: "{text}（{aside}）", en: "{text} ({aside})" },
  // Words the checks put into findings' slots.
  noTask: { zh: "（无内容）", en: "(no task)" },
  noUnit: { zh: "未填写", en: "none" },
  statusCellEmpty: { zh: "未填写", en: "is empty" },
  statusCellUnread: { zh: "“{raw}”无法识别", en: "“{raw}” cannot be read" },
  dueToday: { zh: "今天到期", en: "due today" },
  oneDayLeft: { zh: "还剩{days}天", en: "{days} day left" },
  daysLeft: { zh: "还剩{days}天", en: "{days} days left" },
  columnByLetter: { zh: "{column}列", en: "column {column}" },
  nameKindUnit: { zh: "单位", en: "unit" },
  nameKindLeader: { zh: "领导", en: "leader" },
  nameKindOwner: { zh: "责任人", en: "person" },
  requiredTask: { zh: "问题/任务", en: "task" },
  requiredUnitOrOwner: { zh: "责任单位/责任人", en: "unit or owner" },
  requiredDeadline: { zh: "完成时限", en: "deadline" },
  requiredStatus: { zh: "完成情况", en: "status" },
  guessDates: { zh: "日期", en: "dates" },
  guessStatusWords: { zh: "完成情况用语", en: "status words" },
  guessUnitNames: { zh: "单位名称", en: "unit names" },
  guessPersonNames: { zh: "人名", en: "people's names" },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;

export type PhraseId = keyof typeof PHRASES;

/** A phrase in the user's language, its {name} slots filled. */
export function phrase(id: PhraseId, lang: Lang, params: FindingParams = {}): string {
  return formatMessage(PHRASES[id][lang], params);
}

/** The name of each column role, as the headers and messages say it. */
export const ROLE_LABEL = {
  seq: { zh: "序号", en: "number" },
  category: { zh: "类别", en: "category" },
  task: { zh: "问题/任务", en: "task" },
  measure: { zh: "整改措施", en: "measure" },
  target: { zh: "目标", en: "target" },
  leader: { zh: "责任领导", en: "leader" },
  unit: { zh: "责任单位", en: "unit" },
  owner: { zh: "责任人", en: "owner" },
  deadline: { zh: "完成时限", en: "deadline" },
  status: { zh: "完成情况", en: "status" },
  completedOn: { zh: "完成日期", en: "completed on" },
  evidence: { zh: "佐证材料", en: "evidence" },
  note: { zh: "备注", en: "note" },
  start: { zh: "交办时间", en: "start date" },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;

export type FindingParams = Readonly<Record<string, string | number>>;

/** A template split once into literal text and {name} slots. */
type Compiled = readonly (string | { readonly slot: string; readonly quoted: boolean })[];
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/(\{\w+\})/u).filter((p) => p !== "").map((p, i, all) => (/^\{\w+\}$/u.test(p) ? { slot: p.slice(1, -1), quoted: i > 0 && all[i - 1]!.endsWith("“") } : p));
    compiled.set(template, parts);
  }
  return parts;
}

/**
 * A value set inside “…” in a template: its own double quotes become single ones (“三重一大”
 * inside a quoted task reads ‘三重一大’), so quotes never nest as ““…”.
 */
function innerQuotes(value: string): string {
  // Most values hold no quote at all: three regex passes over every task text cost more than the rest.
  if (!value.includes('"') && !value.includes("“") && !value.includes("”")) return value;
  return value.replace(/"([^"]*)"/gu, "‘$1’").replace(/“/gu, "‘").replace(/”/gu, "’");
}

/**
 * Fill a template's {name} slots from the parameters, then from the finding's place (sheet,
 * row, cell); a missing one stays visible as {name}.
 */
export function formatMessage(template: string, params: FindingParams, place: { readonly [key: string]: unknown } = {}): string {
  const parts = compile(template);
  // Joined once: a flat string, not a chain of concatenations kept alive with the finding.
  const out = new Array<string>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (typeof part === "string") {
      out[i] = part;
      continue;
    }
    const v = params[part.slot] ?? place[part.slot];
    out[i] = v === undefined ? `{${part.slot}}` : part.quoted && typeof v === "string" ? innerQuotes(v) : String(v);
  }
  return out.join("");
}

export function ruleSeverity(rule: RuleId): Severity {
  return RULES[rule].severity;
}

/**
 * Words of the 督办 cycle — comparing versions (diff), 序时进度 and unit lights, 督办通知单 —
 * in Chinese and English. Templates fill {name} slots with formatMessage. Keys are stable.
 */
export const CYCLE_WORDS = {
  zh: {
    change: {
      added: "新增", removed: "删除", completed: "新完成", reopened: "反弹", "newly-overdue": "新逾期",
      "deadline-moved": "调整时限", "unit-changed": "调整责任单位", "task-edited": "修改内容", "status-changed": "状态变化",
    },
    diffTitle: "台账变化对比",
    diffVersions: "上期 {oldFile}（截至 {oldAsOf}）→ 本期 {newFile}（截至 {newAsOf}）",
    diffMatched: "两期共有事项 {count} 项（{how}）",
    matchedById: "按编号对应", matchedByContent: "按内容对应",
    diffNone: "两期之间没有变化",
    daysMoved: "{days}天", movedEarlier: "提前{days}天", movedLater: "延后{days}天",
    toConfirm: "以下事项对应关系把握不大，请人工核对",
    confidence: "把握度",
    unitsTitle: "各单位完成情况及排名",
    unit: "责任单位", total: "事项", completed: "已完成", inProgress: "推进中", overdue: "逾期", rate: "完成率", rank: "排名",
    rankUp: "上升{n}位", rankDown: "下降{n}位", rankSame: "持平", rankNew: "新增",
    kind: "变化", row: "行", oldRow: "上期行", newRow: "本期行", task: "事项", before: "变化前", after: "变化后",
    sheetChanges: "变化明细", sheetUnits: "单位排名", sheetConfirm: "待核对",
    previousTitle: "较上期",
    previousSummary: "较上期（{oldAsOf}）：新完成 {completed} 项，新逾期 {overdue} 项，反弹 {reopened} 项，调整时限 {moved} 项，新增 {added} 项，删除 {removed} 项",
    light: { red: "红灯", amber: "黄灯", green: "绿灯", grey: "无法判断" },
    lightReason: {
      overdue: "有{n}项逾期", dueSoon: "{n}项{days}天内到期", behind: "落后序时进度{points}个百分点", paceBehind: "{n}项进度滞后",
      noDeadlines: "没有可判断的时限", noStatuses: "没有填写完成情况", fine: "按序时推进",
    },
    pace: "序时进度",
    rulesProblem: {
      notJson: "不是有效的 JSON",
      notObject: "应为一个对象，如 {\"dueSoonDays\": 7, \"behindPoints\": 10}",
      unknownKey: "不认识的设置“{key}”（可用：{known}）",
      outOfRange: "“{key}”应为 {min}–{max} 之间的数，收到 {value}",
      notWhole: "“{key}”应为整数天数，收到 {value}",
      redBelowAmber: "“redBehindPoints”（红灯）不能小于“behindPoints”（黄灯）",
    },
    notice: {
      title: "督办通知单",
      number: "督办〔{year}〕第{n}号",
      to: "{unit}：",
      opening: "经对整改台账调度（截至{asOf}），你单位承办的下列事项{reasons}，现予督办，请限期办理。",
      reasons: { overdue: "逾期未完成", dueSoon: "即将到期", behind: "进度滞后" },
      or: "或",
      table: { seq: "序号", task: "督办事项", measure: "整改措施", leader: "责任领导", owner: "责任人", deadline: "办理时限", days: "逾期/剩余天数", status: "目前进展" },
      // The Word styles of the items table, as Word and WPS list them in the style pane.
      tableStyles: { text: "督办表格文字", heading: "督办表格标题" },
      // File names `notices` writes: one .docx a notice ({n} its number, three digits), the list page, the register.
      fileName: "督办通知单-{n}-{unit}.docx", listFile: "督办通知单一览.html", registerFile: "督办登记簿.xlsx",
      overdueDays: "逾期{days}天", daysLeft: "剩余{days}天", dueToday: "今日到期", behind: "进度滞后",
      requirementsTitle: "督办要求",
      requirements: "请你单位高度重视，按照“交必办、办必果、果必报”的要求，逐项明确责任领导、责任人和完成时限，加快推进办理；已办结的事项请附佐证材料，确实难以如期办结的，请说明原因和下一步措施。",
      reply: "请于{date}前以单位名义将办理情况书面报告{issuer}。",
      replyEstimated: "{years}年节假日安排尚未公布，反馈时限按周一至周五推算，请核对。",
      issuer: "{issuer}",
      issued: "{date}",
      listTitle: "督办通知单一览",
      listSummary: "截至{asOf}，共向{units}个单位发出督办通知单，涉及事项{items}项。",
      register: "督办登记簿",
      registerHeadings: { number: "督办编号", unit: "被督办单位", items: "督办事项数", overdue: "其中逾期", issued: "发出日期", replyDue: "反馈时限", replied: "反馈情况" },
      none: "截至{asOf}没有需要督办的单位（没有逾期、即将到期或进度滞后的事项）",
      written: "已生成督办通知单 {count} 份",
    },
  },
  en: {
    change: {
      added: "added", removed: "removed", completed: "completed", reopened: "reopened", "newly-overdue": "newly overdue",
      "deadline-moved": "deadline moved", "unit-changed": "unit changed", "task-edited": "task edited", "status-changed": "status changed",
    },
    diffTitle: "Ledger changes",
    diffVersions: "previous {oldFile} (as of {oldAsOf}) → current {newFile} (as of {newAsOf})",
    diffMatched: "{count} items in both versions ({how})",
    matchedById: "paired by id", matchedByContent: "paired by content",
    diffNone: "Nothing changed between the two versions",
    daysMoved: "{days} days", movedEarlier: "{days} days earlier", movedLater: "{days} days later",
    toConfirm: "These pairings are uncertain: please confirm them",
    confidence: "confidence",
    unitsTitle: "Units: completion and rank",
    unit: "unit", total: "items", completed: "completed", inProgress: "in progress", overdue: "overdue", rate: "rate", rank: "rank",
    rankUp: "up {n}", rankDown: "down {n}", rankSame: "same", rankNew: "new",
    kind: "change", row: "row", oldRow: "old row", newRow: "new row", task: "task", before: "before", after: "after",
    sheetChanges: "Changes", sheetUnits: "Units", sheetConfirm: "To confirm",
    previousTitle: "Since last time",
    previousSummary: "Since {oldAsOf}: {completed} completed, {overdue} newly overdue, {reopened} reopened, {moved} deadlines moved, {added} added, {removed} removed",
    light: { red: "red", amber: "amber", green: "green", grey: "cannot tell" },
    lightReason: {
      overdue: "{n} overdue", dueSoon: "{n} due within {days} days", behind: "{points} points behind schedule", paceBehind: "{n} reported behind",
      noDeadlines: "no deadline to judge by", noStatuses: "no status filled in", fine: "on schedule",
    },
    pace: "expected progress",
    rulesProblem: {
      notJson: "it is not valid JSON",
      notObject: "it should be an object such as {\"dueSoonDays\": 7, \"behindPoints\": 10}",
      unknownKey: "unknown setting “{key}” (known: {known})",
      outOfRange: "“{key}” should be a number from {min} to {max}, not {value}",
      notWhole: "“{key}” should be a whole number of days, not {value}",
      redBelowAmber: "“redBehindPoints” (red) cannot be below “behindPoints” (amber)",
    },
    notice: {
      title: "Supervision notice",
      number: "Notice {year} No. {n}",
      to: "To {unit}:",
      opening: "From the review of the ledger (as of {asOf}), the following items of your unit are {reasons} and are hereby placed under supervision.",
      reasons: { overdue: "overdue", dueSoon: "due soon", behind: "behind schedule" },
      or: " or ",
      table: { seq: "No.", task: "Item", measure: "Measures", leader: "Leader", owner: "Owner", deadline: "Deadline", days: "Days overdue / left", status: "Current status" },
      tableStyles: { text: "Notice table text", heading: "Notice table heading" },
      fileName: "notice-{n}-{unit}.docx", listFile: "notices.html", registerFile: "notice-register.xlsx",
      overdueDays: "{days} days overdue", daysLeft: "{days} days left", dueToday: "due today", behind: "behind schedule",
      requirementsTitle: "Requirements",
      requirements: "Please study each item, name who is responsible and by when, and speed up the work; send evidence for items completed, and for items that cannot be completed on time the reasons and next steps.",
      reply: "Please report in writing to {issuer} by {date}.",
      replyEstimated: "The {years} public-holiday schedule is not published yet: the reply day counts Monday to Friday; please check it.",
      issuer: "{issuer}",
      issued: "{date}",
      listTitle: "Supervision notices",
      listSummary: "As of {asOf}, notices were sent to {units} units, covering {items} items.",
      register: "Notice register",
      registerHeadings: { number: "Number", unit: "Unit", items: "Items", overdue: "Overdue", issued: "Issued", replyDue: "Reply due", replied: "Reply" },
      none: "As of {asOf} no unit needs a notice (nothing overdue, due soon or behind)",
      written: "{count} notices written",
    },
  },
} as const;

export type CycleWords = (typeof CYCLE_WORDS)["zh"] | (typeof CYCLE_WORDS)["en"];
