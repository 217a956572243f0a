/**
 * The words of `taizhang check`'s terminal summary (cli/print/check-view.ts), in Chinese and
 * English, templates with {name} slots as everywhere in the catalogue. Keys are stable.
 */
import { formatMessage } from "./catalogue.js";
import type { Lang } from "../lang.js";
import type { SlotParams } from "./slots.js";

export const CHECK_VIEW_WORDS = {
  totals: {
    zh: "事项 {total} · 已完成（含销号）{completed}（{rate}）· 逾期 {overdue} · 即将到期 {dueSoon}",
    en: "items {total} · completed (incl. closed) {completed} ({rate}) · overdue {overdue} · due soon {dueSoon}",
  },
  /** A ledger sheet, the day it is judged at and the year a deadline without one falls in; the pane heads a ledger with it too. */
  sheetLine: {
    zh: "工作表“{sheet}” · 截至 {asOf} · 未写年份的时限按{year}年计",
    en: "sheet “{sheet}” · as of {asOf} · deadlines without a year read as {year}",
  },
  headline: { zh: "{file} · {sheetLine}", en: "{file} · {sheetLine}" },
  statuses: { zh: "完成情况：{statuses}", en: "status: {statuses}" },
  moreItems: { zh: "…另有{count}项，用 --all 查看全部", en: "… {count} more; --all lists every one" },
  moreFindings: { zh: "…另有{count}条", en: "… {count} more" },
  followUpNone: { zh: "需督办事项：无", en: "To follow up: nothing" },
  followUp: { zh: "需督办事项", en: "To follow up" },
  overdueTitle: { zh: "逾期（{count}项）", en: "Overdue ({count})" },
  dueSoonTitle: { zh: "即将到期（{count}项）", en: "Due soon ({count})" },
  headingRow: { zh: "行", en: "row" },
  headingItem: { zh: "事项", en: "item" },
  headingUnit: { zh: "责任单位", en: "unit" },
  headingLeader: { zh: "责任领导", en: "leader" },
  headingOwner: { zh: "责任人", en: "owner" },
  headingDue: { zh: "时限", en: "due" },
  headingLate: { zh: "逾期", en: "late" },
  headingLeft: { zh: "剩余", en: "left" },
  daysLate: { zh: "{days}天", en: "{days} d" },
  daysLeft: { zh: "还剩{days}天", en: "{days} d left" },
  dueToday: { zh: "今天到期", en: "due today" },
  lightTally: { zh: "单位灯号（红灯{red}个，黄灯{amber}个，绿灯{green}个）", en: "Units by light (red {red}, amber {amber}, green {green})" },
  lightTallyGrey: {
    zh: "单位灯号（红灯{red}个，黄灯{amber}个，绿灯{green}个，无法判断{grey}个）",
    en: "Units by light (red {red}, amber {amber}, green {green}, cannot tell {grey})",
  },
  headingLight: { zh: "灯号", en: "light" },
  headingWhy: { zh: "原因", en: "why" },
  fixNone: { zh: "表格需修正：无", en: "To fix in the table: nothing" },
  fixOne: { zh: "表格需修正：检查发现问题{count}条（按类型）", en: "To fix in the table: {count} finding (by kind)" },
  fixMany: { zh: "表格需修正：检查发现问题{count}条（按类型）", en: "To fix in the table: {count} findings (by kind)" },
  combinedOne: { zh: "合计（{count}份台账）：{totals}", en: "Total ({count} ledger): {totals}" },
  combinedMany: { zh: "合计（{count}份台账）：{totals}", en: "Total ({count} ledgers): {totals}" },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;

export type CheckViewWord = keyof typeof CHECK_VIEW_WORDS;

/** A word of the terminal summary in the user's language, its slots filled (a missing one does not compile). */
export function viewWord<K extends CheckViewWord>(key: K, lang: Lang, ...params: keyof SlotParams<(typeof CHECK_VIEW_WORDS)[K]["zh"]> extends never ? [] : [SlotParams<(typeof CHECK_VIEW_WORDS)[K]["zh"]>]): string {
  return formatMessage(CHECK_VIEW_WORDS[key][lang], params[0] ?? {});
}
