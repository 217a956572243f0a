/**
 * Column roles (contract §2) and the header words that name them. Matching folds width,
 * drops spaces and line breaks, and prefers the longest word a header contains, so
 * "实际完成时间" is completedOn, not deadline, and "问题类别" is category, not task.
 */
import { compact } from "./text.js";
import type { StatusColumnKind } from "./status.js";

export const ROLES = [
  "seq", "category", "task", "measure", "target", "leader", "unit", "owner",
  "deadline", "status", "completedOn", "evidence", "note",
] as const;
export type Role = (typeof ROLES)[number];

/** What one header cell says about its column. */
export interface RoleMatch {
  readonly role: Role;
  /** For status: a free progress column, or a 是否完成 / 是否销号 yes-no column. */
  readonly statusKind?: StatusColumnKind;
  /** A supporting column of its role (配合单位 beside 牵头单位). */
  readonly secondary?: boolean;
}

interface Vocabulary {
  readonly words: readonly string[];
  readonly match: RoleMatch;
}

const VOCABULARY: readonly Vocabulary[] = [
  { match: { role: "seq" }, words: ["序号", "编号", "序", "no.", "no", "#", "number"] },
  { match: { role: "category" }, words: ["问题类别", "类别", "方面", "问题类型", "分类", "类型", "问题方面", "领域", "category"] },
  {
    match: { role: "task" },
    words: [
      "存在问题", "问题", "反馈问题", "问题清单", "任务", "工作任务", "重点任务", "整改任务", "事项",
      "整改内容", "工作内容", "问题描述", "问题表现", "具体问题", "任务内容", "工作事项", "反馈意见",
      "问题具体表现", "巡察反馈问题", "task", "issue", "problem", "item",
    ],
  },
  { match: { role: "measure" }, words: ["整改措施", "具体措施", "工作措施", "治理措施", "措施", "整改举措", "工作举措", "measures", "measure", "actions", "action"] },
  { match: { role: "target" }, words: ["整改目标", "目标", "工作目标", "目标要求", "target", "goal"] },
  { match: { role: "leader" }, words: ["责任领导", "分管领导", "牵头领导", "责任领导人", "包保领导", "责任局领导", "leader"] },
  {
    match: { role: "unit" },
    words: ["责任单位", "责任股室", "责任部门", "牵头单位", "责任科室", "主责单位", "责任股站室", "牵头部门", "承办单位", "责任主体", "unit", "department", "dept"],
  },
  { match: { role: "unit", secondary: true }, words: ["配合单位", "协办单位", "配合部门", "协助单位"] },
  { match: { role: "owner" }, words: ["责任人", "具体责任人", "经办人", "承办人", "联系人", "owner", "responsible", "assignee", "person"] },
  {
    match: { role: "deadline" },
    words: [
      "整改时限", "完成时限", "时限要求", "完成时间", "截止时间", "整改期限", "时限", "完成期限", "办结时限",
      "截止日期", "计划完成时间", "due", "duedate", "deadline",
    ],
  },
  {
    match: { role: "status", statusKind: "progress" },
    words: [
      "完成情况", "整改情况", "整改进展", "进展情况", "办理情况", "状态", "整改进度", "进度", "推进情况",
      "落实情况", "整改完成情况", "status", "progress",
    ],
  },
  { match: { role: "status", statusKind: "isDone" }, words: ["是否完成", "是否整改到位", "是否整改完成", "done?"] },
  { match: { role: "status", statusKind: "isClosed" }, words: ["是否销号", "销号情况"] },
  { match: { role: "completedOn" }, words: ["完成日期", "实际完成时间", "销号时间", "实际完成日期", "销号日期", "completedon", "completed", "completiondate"] },
  { match: { role: "evidence" }, words: ["佐证材料", "整改成效", "整改结果", "佐证", "证明材料", "evidence"] },
  { match: { role: "note" }, words: ["备注", "说明", "note", "notes", "remarks", "remark"] },
];

interface Entry {
  readonly word: string;
  readonly match: RoleMatch;
}

/** Every word, longest first, so a containing match picks the most specific one. */
const ENTRIES: readonly Entry[] = VOCABULARY.flatMap((v) =>
  v.words.map((w) => ({ word: compact(w).toLowerCase(), match: v.match })),
).sort((a, b) => b.word.length - a.word.length);

const EXACT = new Map<string, RoleMatch>(ENTRIES.map((e) => [e.word, e.match]));

/** Headers longer than this are sentences, not column names. */
const MAX_HEADER_LENGTH = 16;
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
  const key = compact(text).toLowerCase().replace(/[：:*＊]+$/u, "");
  if (key === "" || key.length > MAX_HEADER_LENGTH) return null;
  const exact = EXACT.get(key) ?? EXACT.get(key.replace(/[（(][^）)]*[）)]/gu, ""));
  if (exact) return exact;
  if (TITLE_ENDING.test(key)) return null;
  for (const entry of ENTRIES) {
    if (/^[a-z.#?]+$/.test(entry.word)) continue;
    if (entry.word.length >= 2 && key.length - entry.word.length <= MAX_EXTRA_CHARACTERS && key.includes(entry.word)) return entry.match;
  }
  return null;
}
