/** Chart labels in the two languages of the report. */
import type { Lang } from "../lang.js";
import { statusWords } from "../status-words.js";
import type { StatusBucket } from "../summary.js";

export interface ChartWords {
  readonly status: Record<StatusBucket, string>;
  readonly statusTitle: string;
  readonly completionRate: string;
  readonly completed: string;
  readonly openOnTime: string;
  readonly openUnclear: string;
  readonly omitted: (n: number) => string;
  readonly month: (year: number, month: number) => string;
  readonly overdue: string;
  readonly due: string;
  readonly completedInMonth: string;
  readonly dueCumulative: string;
  readonly completedCumulative: string;
  readonly byUnit: string;
  readonly byLeader: string;
  readonly byCategory: string;
  readonly byMonth: string;
  readonly aging: string;
  readonly ages: readonly [string, string, string, string];
  readonly items: string;
  readonly days: string;
}

export const CHART_WORDS: Record<Lang, ChartWords> = {
  zh: {
    status: statusWords("zh"),
    statusTitle: "总体完成情况",
    completionRate: "完成率",
    completed: "已完成",
    openOnTime: "未到期",
    openUnclear: "长期坚持/未填写/无法识别",
    omitted: (n) => `另有${n}个未显示，见下表`,
    month: (year, month) => `${year}年${month}月`,
    overdue: "逾期",
    due: "到期事项",
    completedInMonth: "当月完成",
    dueCumulative: "累计到期",
    completedCumulative: "累计完成",
    byUnit: "各责任单位完成情况",
    byLeader: "各责任领导分管事项完成情况",
    byCategory: "各类别完成情况",
    byMonth: "每月到期与完成",
    aging: "逾期时长分布",
    ages: ["1–7天", "8–30天", "31–90天", "90天以上"],
    items: "项",
    days: "天",
  },
  en: {
    status: statusWords("en"),
    statusTitle: "Overall status",
    completionRate: "completed",
    completed: "Completed",
    openOnTime: "Open, on time",
    openUnclear: "Ongoing / not filled in / unreadable",
    omitted: (n) => `${n} more not shown; see the table`,
    month: (year, month) => `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]} ${year}`,
    overdue: "Overdue",
    due: "Falling due",
    completedInMonth: "Completed in month",
    dueCumulative: "Due (cumulative)",
    completedCumulative: "Completed (cumulative)",
    byUnit: "Completion by unit",
    byLeader: "Completion by leader",
    byCategory: "Completion by category",
    byMonth: "Due and completed per month",
    aging: "Overdue items by age",
    ages: ["1–7 days", "8–30 days", "31–90 days", "over 90 days"],
    items: "items",
    days: "days",
  },
};

export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
