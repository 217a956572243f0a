/**
 * Due per month against completed per month. With completion dates, a burn-up: cumulative
 * items falling due against cumulative items completed, month by month. Without them, bars
 * per month of the items falling due: completed, open and not yet late, overdue.
 */
import type { Lang } from "../lang.js";
import { isCompleted } from "../overdue.js";
import type { ChartItem } from "./chart-item.js";
import { COMPLETED, DUE, OPEN_ON_TIME, OUTLINE, OVERDUE } from "./palette.js";
import { CHART_WIDTH, baseOptions, type ChartSpec } from "./spec.js";
import { CHART_WORDS } from "./chart-words.js";

/** A leader reads two or three years at most; older months are summed into the first shown. */
export const MAX_MONTHS = 36;

export interface MonthlyCounts {
  readonly months: string[]; // "2019-06"
  readonly due: number[];
  readonly dueCompleted: number[];
  /** Of the items falling due in the month, those open and past their deadline. */
  readonly dueOverdue: number[];
  readonly completed: number[]; // by completion date
  readonly hasCompletionDates: boolean;
}

const monthOf = (day: string): string => day.slice(0, 7);

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    m === 12 ? ((m = 1), y++) : m++;
  }
  return months;
}

export function monthlyCounts(items: readonly ChartItem[]): MonthlyCounts {
  const days = items.flatMap((i) => [i.deadline.date, i.completedOn]).filter((d): d is string => d !== null);
  if (days.length === 0) return { months: [], due: [], dueCompleted: [], dueOverdue: [], completed: [], hasCompletionDates: false };
  const sorted = days.map(monthOf).sort();
  let months = monthsBetween(sorted[0]!, sorted[sorted.length - 1]!);
  if (months.length > MAX_MONTHS) months = months.slice(-MAX_MONTHS);
  const index = new Map(months.map((m, i) => [m, i]));
  // Months before the window count in its first month.
  const slot = (day: string): number => index.get(monthOf(day)) ?? 0;
  const due = months.map(() => 0);
  const dueCompleted = months.map(() => 0);
  const dueOverdue = months.map(() => 0);
  const completed = months.map(() => 0);
  for (const item of items) {
    if (item.deadline.date !== null) {
      due[slot(item.deadline.date)]!++;
      if (isCompleted(item.status.value)) dueCompleted[slot(item.deadline.date)]!++;
      else if (item.overdue) dueOverdue[slot(item.deadline.date)]!++;
    }
    if (item.completedOn !== null && isCompleted(item.status.value)) completed[slot(item.completedOn)]!++;
  }
  return { months, due, dueCompleted, dueOverdue, completed, hasCompletionDates: items.some((i) => i.completedOn !== null) };
}

/** "2019-05" as a reader says it: 2019年5月, May 2019. */
export function monthLabel(month: string, lang: Lang): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return CHART_WORDS[lang].month(year, m);
}

function cumulative(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

export function monthlyChart(items: readonly ChartItem[], lang: Lang): ChartSpec | null {
  const w = CHART_WORDS[lang];
  const counts = monthlyCounts(items);
  if (counts.months.length === 0) return null;
  const base = baseOptions(w.byMonth);
  const labels = counts.months.map((m) => monthLabel(m, lang));
  const scales = { y: { beginAtZero: true, ticks: { precision: 0, color: "#222222" } }, x: { ticks: { color: "#222222" } } };
  if (counts.hasCompletionDates) {
    const dueLine = cumulative(counts.due);
    const doneLine = cumulative(counts.completed);
    return {
      id: "by-month",
      title: w.byMonth,
      description: labels.map((m, i) => `${m}: ${w.dueCumulative} ${dueLine[i]}, ${w.completedCumulative} ${doneLine[i]}`).join("; "),
      width: CHART_WIDTH,
      height: 360,
      config: {
        type: "line",
        data: {
          labels,
          datasets: [
            { label: w.dueCumulative, data: dueLine, borderColor: OUTLINE, backgroundColor: DUE, borderDash: [6, 4], pointStyle: "rect", stepped: true },
            { label: w.completedCumulative, data: doneLine, borderColor: COMPLETED, backgroundColor: COMPLETED, borderWidth: 3, stepped: true },
          ],
        },
        options: { ...base, scales },
      },
    };
  }
  const open = counts.due.map((d, i) => d - counts.dueCompleted[i]! - counts.dueOverdue[i]!);
  return {
    id: "by-month",
    title: w.byMonth,
    description: labels.map((m, i) => `${m}: ${w.due} ${counts.due[i]}, ${w.completed} ${counts.dueCompleted[i]}`).join("; "),
    width: CHART_WIDTH,
    height: 360,
    config: {
      type: "bar",
      data: {
        labels,
        datasets: [
          { label: w.completed, data: counts.dueCompleted, backgroundColor: COMPLETED, borderColor: OUTLINE, borderWidth: 1 },
          { label: w.openOnTime, data: open, backgroundColor: OPEN_ON_TIME, borderColor: OUTLINE, borderWidth: 1 },
          { label: w.overdue, data: counts.dueOverdue, backgroundColor: OVERDUE, borderColor: OUTLINE, borderWidth: 1 },
        ],
      },
      options: { ...base, scales: { x: { ...scales.x, stacked: true }, y: { ...scales.y, stacked: true } } },
    },
  };
}
