/**
 * Every word of the leaders' overview: the report page, the summary workbook and the 完成情况
 * sheet (chart titles and status names come from the chart words and the status-word table).
 */
import type { Lang } from "../lang.js";

/** The figures of `report`'s totals line, each with its label. */
export interface TerminalTotals {
  readonly totalLabel: string;
  readonly total: number;
  readonly completedLabel: string;
  readonly completed: number;
  readonly rate: string;
  readonly overdueLabel: string;
  readonly overdue: string;
  readonly dueSoonLabel: string;
  readonly dueSoon: string;
}

export const OVERVIEW_WORDS = {
  zh: {
    title: "台账完成情况报告",
    reportOf: "完成情况报告",
    submitter: "填报单位",
    filledOn: "填报日期",
    asOf: "截至日期",
    generatedAt: "生成时间",
    ledgers: (n: number) => `共${n}份台账`,
    /** `report`'s first line on the terminal: the title, the day, how many ledgers. */
    terminalHeadline: (title: string, asOf: string, ledgers: string) => `${title} · 截至日期 ${asOf} · ${ledgers}`,
    /** `report`'s totals on the terminal; overdue and due soon may be 无法判断. */
    terminalTotals: (t: TerminalTotals) => `${t.totalLabel} ${t.total} · ${t.completedLabel} ${t.completed}（${t.rate}）· ${t.overdueLabel} ${t.overdue} · ${t.dueSoonLabel} ${t.dueSoon}`,
    total: "事项总数",
    completed: "已完成（含销号）",
    rate: "完成率",
    overdue: "逾期",
    dueSoon: (days: number) => `即将到期（${days}天内）`,
    lights: "各责任单位红黄绿灯",
    light: { red: "红灯", amber: "黄灯", green: "绿灯", grey: "灰灯" },
    lightHeader: "灯号",
    cannotTell: "无法判断",
    lightLegend: "红灯：有逾期事项；黄灯：有即将到期或落后序时进度的事项；绿灯：按序时推进",
    greyLegend: "灰灯：缺少完成时限或完成情况，无法判断",
    unit: "责任单位",
    leader: "责任领导",
    owner: "责任人",
    items: "事项数",
    overdueList: (n: number) => `逾期事项（${n}项）`,
    none: "无逾期事项。",
    file: "文件",
    sheet: "工作表",
    row: "行",
    task: "事项",
    deadline: "完成时限",
    days: "逾期天数",
    rank: "排名",
    ledgerTitle: "台账名称",
    perFile: "各报送单位完成情况排名",
    renamed: "以下名称按同一单位（人）合并统计",
    skipped: "未能读取的文件",
    charts: "图表",
    overdueSheet: "逾期事项",
    perFileSheet: "各报送单位",
    chartsSheet: "图表",
    madeBy: "由台账（Taizhang）生成",
    page: "第 {page} 页，共 {pages} 页",
    // the 完成情况 sheet
    completionSheet: "完成情况",
    completionTitle: "整改事项完成情况",
    completionSubtitle: (asOf: string, days: number, source: string) => `统计截至 ${asOf}（即将到期：${days} 天内）· 来源：${source}`,
    overall: ["指标", "数值"],
    dueSoonShort: "即将到期",
    statusHeader: ["完成情况", "事项数"],
    groupTotal: "合计",
    byUnit: "责任单位",
    byLeader: "责任领导",
    byCategory: "问题类别",
  },
  en: {
    title: "Ledger completion report",
    reportOf: "completion report",
    submitter: "Submitted by",
    filledOn: "Dated",
    asOf: "As of",
    generatedAt: "Made",
    ledgers: (n: number) => (n === 1 ? "1 ledger" : `${n} ledgers`),
    terminalHeadline: (title: string, asOf: string, ledgers: string) => `${title} · as of ${asOf} · ${ledgers}`,
    terminalTotals: (t: TerminalTotals) => `${t.totalLabel} ${t.total} · ${t.completedLabel} ${t.completed} (${t.rate}) · ${t.overdueLabel} ${t.overdue} · ${t.dueSoonLabel} ${t.dueSoon}`,
    total: "Items",
    completed: "Completed (incl. closed)",
    rate: "Completion",
    overdue: "Overdue",
    dueSoon: (days: number) => `Due soon (${days} days)`,
    lights: "Units by light",
    light: { red: "Red", amber: "Amber", green: "Green", grey: "Grey" },
    lightHeader: "Light",
    cannotTell: "cannot tell",
    lightLegend: "Red: something is overdue; amber: something falls due soon or is behind schedule; green: on schedule",
    greyLegend: "Grey: no deadlines or statuses to judge by, so it cannot be told",
    unit: "Unit",
    leader: "Leader",
    owner: "Owner",
    items: "Items",
    overdueList: (n: number) => `Overdue items (${n})`,
    none: "No overdue items.",
    file: "File",
    sheet: "Sheet",
    row: "Row",
    task: "Item",
    deadline: "Due",
    days: "Days overdue",
    rank: "Rank",
    ledgerTitle: "Ledger",
    perFile: "Submissions ranked by completion",
    renamed: "Names counted as one unit (person)",
    skipped: "Files that could not be read",
    charts: "Charts",
    overdueSheet: "Overdue",
    perFileSheet: "Submissions",
    chartsSheet: "Charts",
    madeBy: "Made by Taizhang",
    page: "Page {page} of {pages}",
    completionSheet: "Completion",
    completionTitle: "Completion",
    completionSubtitle: (asOf: string, days: number, source: string) => `As of ${asOf} (due soon: within ${days} days) · source: ${source}`,
    overall: ["Measure", "Value"],
    dueSoonShort: "Due soon",
    statusHeader: ["Status", "Items"],
    groupTotal: "Total",
    byUnit: "Unit",
    byLeader: "Leader",
    byCategory: "Category",
  },
} as const satisfies Record<Lang, unknown>;

export type OverviewWords = (typeof OVERVIEW_WORDS)[Lang];
