/**
 * Column roles (contract §2) and the header words that name them. Matching folds width,
 * drops spaces and line breaks, and prefers the longest word a header contains, so
 * "实际完成时间" is completedOn, not deadline, and "问题类别" is category, not task.
 */
import { compact } from "./text.js";
import type { StatusColumnKind } from "./status.js";

export const ROLES = [
  "seq", "category", "task", "measure", "target", "leader", "unit", "owner",
  "deadline", "status", "completedOn", "evidence", "note", "start",
] as const;
/**
 * `start` is the day an item was assigned (交办时间, 下发日期, 发现时间): what a relative deadline
 * ("2个月内") counts from (contract §4). It is read, not reported: the report's columns keep to
 * the contract's roles.
 */
export type Role = (typeof ROLES)[number];

/** What one header cell says about its column. */
export interface RoleMatch {
  readonly role: Role;
  /** For status: a free progress column, or a 是否完成 / 是否销号 yes-no column. */
  readonly statusKind?: StatusColumnKind;
  /** A supporting column of its role (配合单位 beside 牵头单位). */
  readonly secondary?: boolean;
  /** A task word that names a project rather than a problem: 项目名称 yields to 问题描述 beside it. */
  readonly project?: boolean;
}

interface Vocabulary {
  readonly words: readonly string[];
  /** Words too general to find inside a longer header ("单位" in "填报单位：…"): whole headers only. */
  readonly whole?: readonly string[];
  readonly match: RoleMatch;
}

/**
 * The header words of real ledgers, by role. Each word was seen heading a column in a
 * published ledger (整改台账, 责任清单, 任务分解表, 进展情况表, 民生实事 tables, audit 整改公告,
 * procurement plans) or in an English tracker.
 */
const VOCABULARY: readonly Vocabulary[] = [
  { match: { role: "seq" }, words: ["序号", "编号", "序", "no.", "no", "#", "number", "item no.", "id", "item id", "ref", "ref.", "control id", "poa&m id"] },
  { match: { role: "category" }, words: ["问题类别", "类别", "方面", "问题类型", "分类", "类型", "问题方面", "领域", "板块", "所属领域", "问题领域", "督查点位", "检查点位", "点位", "category", "control family", "family", "area", "domain"] },
  {
    match: { role: "task" },
    words: [
      "存在问题", "问题", "反馈问题", "问题清单", "任务", "工作任务", "重点任务", "整改任务", "事项",
      "整改内容", "工作内容", "问题描述", "问题表现", "具体问题", "任务内容", "工作事项", "反馈意见",
      "问题具体表现", "巡察反馈问题", "重点工作", "承担的重点工作", "主要工作", "工作要点", "具体任务",
      "任务名称", "事项名称", "工作名称", "主要任务", "任务事项", "整改事项", "整改问题", "主要问题", "问题内容",
      "发现问题", "审计发现问题", "审计查出问题", "督办事项", "交办事项", "问题线索",
      "实事项目", "民生实事", "项目内容", "建设内容", "实事内容", "实施内容", "项目及建设内容",
      // 安全生产 hazard lists: the hazard is the item.
      "隐患名称", "隐患内容", "隐患描述", "存在隐患", "主要隐患", "事故隐患", "隐患问题", "隐患情况",
      // 人大代表建议 / 政协委员提案 办理台账: the proposal is the item.
      "建议名称", "提案名称", "建议提案名称", "建议题目", "提案题目", "建议内容", "提案内容", "案由", "建议事项",
      "task", "issue", "problem", "item",
      "description", "project", "action item", "title", "weakness", "weakness description", "deficiency", "deficiency description",
      "finding", "findings", "gap", "issue description", "risk", "requirement",
    ],
    whole: ["内容", "隐患"],
  },
  {
    // The item of a 民生实事 or project table, unless a problem column stands beside it.
    match: { role: "task", project: true },
    words: ["项目名称", "采购项目名称", "建设项目", "重点项目", "工程名称"],
    whole: ["项目", "名称"],
  },
  {
    match: { role: "measure" },
    words: [
      "整改措施", "具体措施", "工作措施", "治理措施", "措施", "整改举措", "工作举措", "落实措施", "推进措施",
      "主要措施", "具体举措", "整改方案", "工作举措及时间安排", "measures", "measure", "actions", "action",
      "planned action", "planned actions", "remediation", "remediation plan", "corrective action", "corrective actions", "mitigation",
    ],
  },
  { match: { role: "target" }, words: ["整改目标", "目标", "工作目标", "目标要求", "目标任务", "预期目标", "年度目标", "完成标准", "整改标准", "主要内容", "target", "goal"] },
  {
    match: { role: "leader" },
    words: ["责任领导", "分管领导", "牵头领导", "责任领导人", "包保领导", "责任局领导", "包联领导", "联系领导", "分管县领导", "牵头县领导", "责任县领导", "挂点领导", "县级领导", "市级领导", "分管省领导", "分管市领导", "分管区领导", "牵头省领导", "牵头市领导", "leader"],
  },
  {
    match: { role: "unit" },
    words: [
      "责任单位", "责任股室", "责任部门", "牵头单位", "责任科室", "主责单位", "责任股站室", "牵头部门", "承办单位", "责任主体",
      "整改实施主体", "实施主体", "整改主体", "整改责任单位", "需求部门", "需求单位", "责任处室", "牵头处室", "牵头科室",
      "实施单位", "承担单位", "主办单位", "主责部门", "建设单位", "业主单位", "采购单位", "责任单位及责任人", "部门分工", "责任分工", "分工", "牵头部门及配合部门",
      // The unit a hazard list names is the one that must remove the hazard.
      "隐患单位", "隐患所在单位", "整改单位",
      "unit", "department", "dept", "responsible unit", "responsible party", "responsible office", "responsible team",
    ],
    whole: ["单位", "部门", "科室", "处室", "单位名称"],
  },
  { match: { role: "unit", secondary: true }, words: ["配合单位", "协办单位", "配合部门", "协助单位", "协同单位", "参与单位", "会办单位", "协办部门", "会办部门"] },
  {
    match: { role: "owner" },
    words: ["责任人", "具体责任人", "经办人", "承办人", "联系人", "负责人", "项目负责人", "责任人员", "owner", "responsible", "assignee", "person", "responsible person"],
  },
  {
    match: { role: "deadline" },
    words: [
      "整改时限", "完成时限", "时限要求", "完成时间", "截止时间", "整改期限", "时限", "完成期限", "办结时限",
      "截止日期", "计划完成时间", "时间节点", "完成时间节点", "完成节点", "节点时间", "计划完成日期", "计划结束时间",
      "结束时间", "办结时间", "办结期限", "整改时间", "应完成时间", "要求完成时间", "完成时限要求", "时间要求", "截止期限",
      "报送时间", "报送时限", "上报时间", "报送日期", "进展报送时间",
      "due", "duedate", "deadline", "due date", "target date", "end date", "target completion date", "milestone completion date",
      "scheduled completion date", "estimated completion date", "planned completion date", "planned completion", "target completion",
    ],
  },
  {
    match: { role: "start" },
    words: ["交办时间", "交办日期", "下发时间", "下发日期", "发现时间", "发现日期", "受理时间", "受理日期", "立项时间", "开始时间", "计划开始时间", "启动时间", "反馈时间", "交办日",
      // A hazard list's time limit ("3日内") counts from the inspection that found it.
      "检查时间", "检查日期", "排查时间", "排查日期",
      "start date", "assigned"],
  },
  {
    match: { role: "status", statusKind: "progress" },
    words: [
      "完成情况", "整改情况", "整改进展", "进展情况", "办理情况", "状态", "整改进度", "进度", "推进情况",
      "落实情况", "整改完成情况", "完成状态", "工作进展情况", "工作进展", "进展", "项目进展", "实施进度", "当前进度",
      "办理进度", "目前进度", "进度情况", "完成进度", "整改状态", "办结情况", "目前进展", "完成率", "完成比例", "status", "progress", "state",
    ],
  },
  { match: { role: "status", statusKind: "isDone" }, words: ["是否完成", "是否整改到位", "是否整改完成", "是否办结", "是否已完成", "完成是/否", "是否完成(是/否)", "done?"] },
  { match: { role: "status", statusKind: "isClosed" }, words: ["是否销号", "销号情况", "是否已销号"] },
  {
    match: { role: "completedOn" },
    words: ["完成日期", "实际完成时间", "销号时间", "实际完成日期", "销号日期", "实际办结时间", "办结日期", "completedon", "completed", "completiondate", "completion date", "actual completion date", "date completed", "closed date", "date closed"],
  },
  { match: { role: "evidence" }, words: ["佐证材料", "整改成效", "整改结果", "佐证", "证明材料", "佐证资料", "evidence"] },
  { match: { role: "note" }, words: ["备注", "说明", "note", "notes", "remarks", "remark", "comments"] },
];

/**
 * Deadline headers that put a word inside the phrase: 计划结束采购时间, 计划完成整改日期,
 * 要求办结时间. Tried after the words, so 实际完成时间 stays completedOn.
 */
const DEADLINE_PATTERN = /^(?:计划|预计|要求|拟)?(?:完成|结束|办结|截止)\p{Script=Han}{0,4}(?:时间|日期|时限)$/u;

interface Entry {
  readonly word: string;
  readonly match: RoleMatch;
}

/** Every word, longest first, so a containing match picks the most specific one. */
const ENTRIES: readonly Entry[] = VOCABULARY.flatMap((v) =>
  v.words.map((w) => ({ word: compact(w).toLowerCase(), match: v.match })),
).sort((a, b) => b.word.length - a.word.length);

/** The words a header may contain with more around them: Latin words match whole only (EXACT). */
const CONTAINED_ENTRIES: readonly Entry[] = ENTRIES.filter((entry) => !/^[a-z.#?]+$/u.test(entry.word));

const EXACT = new Map<string, RoleMatch>([
  ...ENTRIES.map((e): [string, RoleMatch] => [e.word, e.match]),
  ...VOCABULARY.flatMap((v) => (v.whole ?? []).map((w): [string, RoleMatch] => [compact(w).toLowerCase(), v.match])),
]);

const DEADLINE: RoleMatch = { role: "deadline" };

/** "1-8月实际完成率", "2019年1—9月进展情况", "截至10月底完成情况": the period a report covers, not the column's name. */
const PERIOD_PREFIX = /^(?:截[至止])?(?:\d{4}年度?)?(?:\d{1,2}[-—–~至]\d{1,2}月份?|\d{1,2}月(?:底|末|份)?)?(?=\p{Script=Han})/u;
/**
 * "上月进展", "上期完成情况": last period's progress, kept beside the new column when clerks
 * add 本月进展 for the month. It is history, not the item's status now.
 */
const PREVIOUS_PERIOD = /^(?:上月|上个月|上期|上一期|上周|上旬|上季度?|上次|上轮)/u;
/** A unit after the name: "完成率%", "完成率(%)", "金额（万元）". */
const UNIT_SUFFIX = /(?:[(（]?%[)）]?|[(（](?:万元|元|个|人|%)[)）])$/u;

/** Headers longer than this are sentences, not column names. */
const MAX_HEADER_LENGTH = 16;
/** English headers spell more letters for as much ("Target Completion Date"). */
const MAX_LATIN_HEADER_LENGTH = 32;
const LATIN = /^[a-z0-9.#&?/()_-]+$/u;
/** A header may say a little more than its word ("具体整改措施"), not a whole title. */
const MAX_EXTRA_CHARACTERS = 6;
/** Sheet titles end like this ("…整改任务清单"); column names do not. */
const TITLE_ENDING = /(清单|台账|一览表|统计表|汇总表|情况表|工作表)$/u;

/**
 * The role a header cell names, or null. An exact word wins; otherwise the longest word the
 * header contains ("整改完成时限" -> deadline, "责任单位（牵头）" -> unit). Latin words must
 * match whole, so "Notes" is a note but "Annotation" is nothing.
 */
export function matchHeader(text: string): RoleMatch | null {
  const key = compact(text).toLowerCase().replace(/[：:*＊]+$/u, "").replace(UNIT_SUFFIX, "").replace(PERIOD_PREFIX, "");
  if (key === "" || key.length > (LATIN.test(key) ? MAX_LATIN_HEADER_LENGTH : MAX_HEADER_LENGTH)) return null;
  const exact = EXACT.get(key) ?? EXACT.get(key.replace(/[（(][^）)]*[）)]/gu, ""));
  if (exact) return exact;
  if (TITLE_ENDING.test(key)) return null;
  if (PREVIOUS_PERIOD.test(key)) return null;
  if (DEADLINE_PATTERN.test(key)) return DEADLINE;
  for (const entry of CONTAINED_ENTRIES) {
    // A longer word carries its meaning through a longer qualifier ("省重点民生实事项目名称").
    const extra = entry.word.length >= 4 ? MAX_EXTRA_CHARACTERS + 2 : MAX_EXTRA_CHARACTERS;
    if (entry.word.length >= 2 && key.length - entry.word.length <= extra && key.includes(entry.word)) return entry.match;
  }
  return null;
}
