/** The terminal summary of `taizhang check`: what a clerk reads before opening the sheet. */
import pc from "picocolors";
import { findingsByRule } from "../../analytics/findings/by-rule.js";
import { RULES, type Lang, type Severity } from "../../analytics/findings/catalogue.js";
import type { Finding } from "../../analytics/findings/finding.js";
import type { Ledger } from "../../analytics/ledger.js";
import { STATUS_BUCKETS, type StatusBucket } from "../../analytics/summary.js";
import { overdueUnknowable, unjudgedLines } from "../../analytics/unjudged.js";
import { clip, renderTable } from "./table.js";

export interface PrintOptions {
  readonly lang: Lang;
  readonly color: boolean;
  /** List every finding instead of the first few of each rule. */
  readonly all: boolean;
}

const EXAMPLES_PER_RULE = 5;
const OVERDUE_ROWS = 20;

const STATUS_LABEL: Record<StatusBucket, Record<Lang, string>> = {
  done: { zh: "已完成", en: "done" },
  closed: { zh: "已销号", en: "closed" },
  in_progress: { zh: "推进中", en: "in progress" },
  not_started: { zh: "未开始", en: "not started" },
  ongoing: { zh: "长期坚持", en: "standing" },
  unknown: { zh: "无法识别", en: "unknown" },
  missing: { zh: "未填写", en: "empty" },
};

const SEVERITY_MARK: Record<Severity, string> = { error: "✖", warning: "▲", info: "·" };

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

function t(lang: Lang, zh: string, en: string): string {
  return lang === "zh" ? zh : en;
}

function headline(file: string, ledger: Ledger, lang: Lang): string[] {
  const s = ledger.summary;
  const statuses = STATUS_BUCKETS
    .filter((k) => (s.byStatus[k] ?? 0) > 0)
    .map((k) => `${STATUS_LABEL[k][lang]} ${s.byStatus[k]}`)
    .join(" · ");
  // Without a deadline column "逾期 0" would read as "nothing late": say it cannot be told.
  const overdue = overdueUnknowable(s) ? t(lang, "无法判断", "cannot tell") : String(s.overdue);
  const dueSoon = overdueUnknowable(s) ? t(lang, "无法判断", "cannot tell") : String(s.dueSoon);
  return [
    t(lang, `${file} · 工作表“${ledger.sheet.name}” · 截至 ${ledger.asOf}（基准年 ${ledger.baseYear}）`, `${file} · sheet “${ledger.sheet.name}” · as of ${ledger.asOf} (base year ${ledger.baseYear})`),
    t(
      lang,
      `  事项 ${s.total} · 已完成 ${s.completed}（${percent(s.completionRate)}）· 逾期 ${overdue} · 即将到期 ${dueSoon}`,
      `  items ${s.total} · completed ${s.completed} (${percent(s.completionRate)}) · overdue ${overdue} · due soon ${dueSoon}`,
    ),
    `  ${t(lang, "完成情况：", "status: ")}${statuses || "—"}`,
    ...unjudgedLines(s, lang).map((line) => `  ${line}`),
  ];
}

function overdueList(ledger: Ledger, options: PrintOptions): string[] {
  const { lang } = options;
  const late = ledger.items.filter((i) => i.overdue).sort((a, b) => b.daysOverdue - a.daysOverdue);
  if (late.length === 0) return [];
  const shown = options.all ? late : late.slice(0, OVERDUE_ROWS);
  const rows = shown.map((i) => [
    String(i.row),
    clip(i.task ?? i.measure ?? "", 28),
    clip(i.unit ?? "—", 14),
    clip(i.owner ?? "—", 8),
    i.deadline.date ?? "",
    t(lang, `${i.daysOverdue}天`, `${i.daysOverdue} d`),
  ]);
  const headings = lang === "zh" ? ["行", "事项", "责任单位", "责任人", "时限", "逾期"] : ["row", "task", "unit", "owner", "due", "late"];
  const title = t(lang, `逾期事项（${late.length}）`, `Overdue items (${late.length})`);
  const more = late.length > shown.length ? [t(lang, `  …另有 ${late.length - shown.length} 项，用 --all 查看全部`, `  … ${late.length - shown.length} more; --all lists every one`)] : [];
  return ["", title, ...renderTable(headings, rows), ...more];
}

function colorFor(severity: Severity, color: boolean): (s: string) => string {
  if (!color) return (s) => s;
  return severity === "error" ? pc.red : severity === "warning" ? pc.yellow : pc.dim;
}

function findingLines(findings: readonly Finding[], options: PrintOptions): string[] {
  if (findings.length === 0) return ["", t(options.lang, "未发现问题。", "No findings.")];
  const lines = ["", t(options.lang, `发现（${findings.length}，按规则）`, `Findings (${findings.length}, by rule)`)];
  for (const [rule, list] of findingsByRule(findings)) {
    const def = RULES[rule];
    const paint = colorFor(def.severity, options.color);
    lines.push(paint(`  ${SEVERITY_MARK[def.severity]} ${def.title[options.lang]} [${rule}] ×${list.length}`));
    const shown = options.all ? list : list.slice(0, EXAMPLES_PER_RULE);
    for (const f of shown) lines.push(`      ${f.cell ? `${f.cell.padEnd(6)} ` : ""}${f.message}`);
    if (list.length > shown.length) lines.push(t(options.lang, `      …另有 ${list.length - shown.length} 条`, `      … ${list.length - shown.length} more`));
  }
  return lines;
}

export function formatCheck(file: string, ledger: Ledger, options: PrintOptions): string {
  return [...headline(file, ledger, options.lang), ...overdueList(ledger, options), ...findingLines(ledger.findings, options)].join("\n");
}
