/**
 * What the leaders' overview shows, gathered once: the report page (`taizhang report`), the
 * summary workbook of the command line and of the pane's 汇总 read it, so the three agree.
 */
import { reportCharts, unitLights, type ChartSpec, type LightContext, type UnitLight } from "../charts/index.js";
import type { Consolidation, Renaming } from "../consolidate.js";
import type { Day } from "../day.js";
import type { LedgerDiff } from "../diff/diff.js";
import type { Lang } from "../lang.js";
import type { Summary } from "../summary.js";
import { summaryLayout, type SummaryLayout } from "./completion-sheet.js";
import type { TitleBlock } from "./title-block.js";
import { OVERVIEW_WORDS } from "./overview-words.js";

export interface OverdueRow {
  readonly file: string;
  /** The submitting unit, from the file's title rows. */
  readonly submitter: string | null;
  readonly sheet: string;
  readonly row: number;
  readonly task: string;
  readonly unit: string | null;
  readonly leader: string | null;
  /** null when the ledger names no owner: shown as "—", never filled with the leader. */
  readonly owner: string | null;
  readonly deadline: Day | null;
  readonly daysOverdue: number;
}

/** One submitted file, ranked by completion (1 = best). */
export interface SubmissionRow {
  readonly rank: number;
  readonly file: string;
  readonly sheets: readonly string[];
  readonly titleBlock: TitleBlock;
  readonly total: number;
  readonly completed: number;
  readonly completionRate: number;
  readonly overdue: number;
  readonly dueSoon: number;
}

export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export interface OverviewModel {
  readonly lang: Lang;
  readonly asOf: Day;
  readonly dueSoonDays: number;
  /** "2026-11-30 15:30", China time: when the overview was made. */
  readonly generatedAt: string;
  /** The ledger's own title (shared by every submission), or the generic one. */
  readonly title: string;
  /** 填报单位 and 填报日期 of a single submission; null for a consolidation (the table names each). */
  readonly submitter: string | null;
  readonly filledOn: string | null;
  readonly files: readonly string[];
  readonly submissions: readonly SubmissionRow[];
  readonly skipped: readonly SkippedFile[];
  readonly summary: Summary;
  /** Every unit with its light, in the order of the unit chart. */
  readonly lights: readonly UnitLight[];
  readonly overdue: readonly OverdueRow[];
  readonly renamed: readonly Renaming[];
  readonly charts: readonly ChartSpec[];
  /** The 完成情况 sheet's tables, as the pane inserts them. */
  readonly completion: SummaryLayout;
  /** The comparison with last time (report --previous), for the 较上期 section; null without one. */
  readonly previous: LedgerDiff | null;
}

export interface OverviewOptions {
  readonly asOf: Day;
  readonly dueSoonDays: number;
  readonly generatedAt: string;
  readonly lang: Lang;
  readonly skipped?: readonly SkippedFile[];
  /** The lights' rules and where each item's 序时 period starts (../lights.ts). */
  readonly lights: Omit<LightContext, "asOf">;
  readonly previous?: LedgerDiff | null;
}

/** Best completion first; among equals, fewer overdue, then more items, then by name. */
function rankSubmissions(consolidation: Consolidation): SubmissionRow[] {
  const rows = consolidation.perFile.map((f) => ({
    file: f.file,
    sheets: f.sheets,
    titleBlock: f.titleBlock,
    total: f.summary.total,
    completed: f.summary.completed,
    completionRate: f.summary.completionRate,
    overdue: f.summary.overdue,
    dueSoon: f.summary.dueSoon,
  }));
  rows.sort((a, b) => b.completionRate - a.completionRate || a.overdue - b.overdue || b.total - a.total || a.file.localeCompare(b.file, "zh-CN"));
  return rows.map((r, i) => ({ rank: i + 1, ...r }));
}

function commonTitle(consolidation: Consolidation): string | null {
  const titles = new Set(consolidation.perFile.map((f) => f.titleBlock.title));
  const [only] = titles;
  return titles.size === 1 && only !== undefined ? only : null;
}

export function overviewModel(consolidation: Consolidation, options: OverviewOptions): OverviewModel {
  const w = OVERVIEW_WORDS[options.lang];
  const submitterOf = new Map(consolidation.perFile.map((f) => [f.file, f.titleBlock.submitter]));
  const overdue = consolidation.items
    .filter((i) => i.overdue)
    .map((i) => ({
      file: i.file,
      submitter: submitterOf.get(i.file) ?? null,
      sheet: i.sheet,
      row: i.row,
      task: i.task ?? i.measure ?? "",
      unit: i.unit,
      leader: i.leader,
      owner: i.owner,
      deadline: i.deadline.date,
      daysOverdue: i.daysOverdue,
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.file.localeCompare(b.file) || a.row - b.row);
  const lights = unitLights(consolidation.items, { ...options.lights, asOf: options.asOf });
  const source = consolidation.perFile.map((f) => f.titleBlock.submitter ?? f.file).join("、");
  const single = consolidation.perFile.length === 1 ? consolidation.perFile[0]!.titleBlock : null;
  return {
    lang: options.lang,
    asOf: options.asOf,
    dueSoonDays: options.dueSoonDays,
    generatedAt: options.generatedAt,
    title: commonTitle(consolidation) ?? w.title,
    submitter: single?.submitter ?? null,
    filledOn: single?.filledOn ?? null,
    files: consolidation.files,
    submissions: rankSubmissions(consolidation),
    skipped: options.skipped ?? [],
    summary: consolidation.summary,
    lights,
    overdue,
    renamed: consolidation.renamed,
    charts: reportCharts(consolidation.summary, consolidation.items, options.lang, lights),
    completion: summaryLayout({ summary: consolidation.summary, items: consolidation.items, asOf: options.asOf, dueSoonDays: options.dueSoonDays, source, lang: options.lang, lights }),
    previous: options.previous ?? null,
  };
}

/** A cell the ledger left empty, as every table shows it. */
export const EMPTY_MARK = "—";
