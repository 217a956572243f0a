/** What the leaders' report shows, gathered once for the HTML page and the summary workbook. */
import { reportCharts, unitLights, type ChartSpec, type UnitLight } from "../charts/index.js";
import type { Consolidation, FileBreakdown, Renaming } from "../consolidate.js";
import type { Lang } from "../findings/catalogue.js";
import type { Summary } from "../summary.js";

export interface OverdueRow {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly task: string;
  readonly unit: string;
  readonly owner: string;
  readonly deadline: string;
  readonly daysOverdue: number;
}

export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export interface ReportModel {
  readonly lang: Lang;
  readonly asOf: string;
  readonly files: readonly string[];
  readonly skipped: readonly SkippedFile[];
  readonly summary: Summary;
  readonly lights: readonly UnitLight[];
  readonly overdue: readonly OverdueRow[];
  readonly perFile: readonly FileBreakdown[];
  readonly renamed: readonly Renaming[];
  readonly charts: readonly ChartSpec[];
}

export function reportModel(consolidation: Consolidation, options: { asOf: string; lang: Lang; skipped: readonly SkippedFile[] }): ReportModel {
  const overdue = consolidation.items
    .filter((i) => i.overdue)
    .map((i) => ({
      file: i.file,
      sheet: i.sheet,
      row: i.row,
      task: i.task ?? i.measure ?? "",
      unit: i.unit ?? "",
      owner: i.owner ?? i.leader ?? "",
      deadline: i.deadline.date ?? "",
      daysOverdue: i.daysOverdue,
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.file.localeCompare(b.file) || a.row - b.row);
  return {
    lang: options.lang,
    asOf: options.asOf,
    files: consolidation.files,
    skipped: options.skipped,
    summary: consolidation.summary,
    lights: unitLights(consolidation.summary.byUnit),
    overdue,
    perFile: consolidation.perFile,
    renamed: consolidation.renamed,
    charts: reportCharts(consolidation.summary, consolidation.items, options.lang),
  };
}
