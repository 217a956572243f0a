/**
 * The terminal summary of `taizhang check`: what a clerk reads before opening the sheet. It
 * parts what to chase (需督办事项: overdue, falling due) from what to fix in the table
 * (表格需修正: merged cells, formula errors, words it cannot read).
 * Chinese text uses full-width punctuation and “”; English, half-width and “” too.
 */
import pc from "picocolors";
import { percent } from "../../analytics/charts/chart-words.js";
import { findingsByRule } from "../../analytics/findings/by-rule.js";
import { CYCLE_WORDS, phrase, RULES, type RuleId, type Severity } from "../../analytics/findings/catalogue.js";
import { viewWord } from "../../analytics/findings/catalogue.check-view.js";
import type { Lang } from "../../analytics/lang.js";
import type { Finding } from "../../analytics/findings/finding.js";
import type { Item } from "../../analytics/item.js";
import type { Ledger } from "../../analytics/ledger.js";
import { ledgerUnitLights } from "../../analytics/ledger-lights.js";
import { lightLabel, reasonsText } from "../../analytics/light-reasons.js";
import { DEFAULT_LIGHT_RULES, type Light } from "../../analytics/lights.js";
import { statusWordInText } from "../../analytics/status-words.js";
import { STATUS_BUCKETS } from "../../analytics/summary.js";
import { overdueUnknowable, unjudgedLines } from "../../analytics/unjudged.js";
import { terminalSafe } from "../terminal-safe.js";
import { clip, renderTable } from "./text-table.js";

export interface PrintOptions {
  readonly lang: Lang;
  /** The due-soon window (--due-soon-days), for the units' amber light. */
  readonly dueSoonDays?: number;
  readonly color: boolean;
  /** List every finding and item instead of the first few. */
  readonly all: boolean;
  /** Show each rule's id beside its title. */
  readonly verbose?: boolean;
}

const EXAMPLES_PER_RULE = 5;
const LIST_ROWS = 20;

/** Rules whose findings are items to chase, listed as tables of their own, not as findings. */
export const FOLLOW_UP_RULES: ReadonlySet<RuleId> = new Set<RuleId>(["overdue", "due-soon"]);

const SEVERITY_MARK: Record<Severity, string> = { error: "✖", warning: "▲", info: "·" };
const EMPTY = "—";

export interface Totals {
  readonly total: number;
  readonly completed: number;
  readonly overdue: number;
  readonly dueSoon: number;
  /** Items whose overdue state cannot be told (their ledger has no deadline column). */
  readonly overdueUnknown: number;
}

/** "事项 15 · 已完成（含销号）8（53.3%）· 逾期 3 · 即将到期 1" */
export function totalsLine(s: Totals, lang: Lang): string {
  const rate = percent(s.total === 0 ? 0 : s.completed / s.total);
  // Without a deadline column "逾期 0" would read as "nothing late": say it cannot be told.
  const unknowable = overdueUnknowable(s);
  const overdue = unknowable ? phrase("cannotTell", lang) : String(s.overdue);
  const dueSoon = unknowable ? phrase("cannotTell", lang) : String(s.dueSoon);
  return viewWord("totals", lang, { total: s.total, completed: s.completed, rate, overdue, dueSoon });
}

function headline(file: string, ledger: Ledger, lang: Lang): string[] {
  const s = ledger.summary;
  const statuses = STATUS_BUCKETS.filter((k) => (s.byStatus[k] ?? 0) > 0)
    .map((k) => `${statusWordInText(k, lang)} ${s.byStatus[k]}`)
    .join(" · ");
  return [
    viewWord("headline", lang, { file, sheetLine: viewWord("sheetLine", lang, { sheet: ledger.sheet.name, asOf: ledger.asOf, year: ledger.baseYear }) }),
    `  ${totalsLine(s, lang)}`,
    `  ${viewWord("statuses", lang, { statuses: statuses || EMPTY })}`,
    ...unjudgedLines(s, lang).map((line) => `  ${line}`),
  ];
}

function more(lang: Lang, n: number): string[] {
  return n > 0 ? [`    ${viewWord("moreItems", lang, { count: n })}`] : [];
}

function itemRows(items: readonly Item[], options: PrintOptions, last: (i: Item) => string): { rows: string[][]; hidden: number } {
  const shown = options.all ? items : items.slice(0, LIST_ROWS);
  const rows = shown.map((i) => [
    String(i.row),
    clip(i.task ?? i.measure ?? EMPTY, 28),
    clip(i.unit ?? EMPTY, 14),
    clip(i.leader ?? EMPTY, 8),
    clip(i.owner ?? EMPTY, 8),
    i.deadline.date ?? EMPTY,
    last(i),
  ]);
  return { rows, hidden: items.length - shown.length };
}

/** 需督办事项: the overdue items, most days late first, then those falling due soon. */
function followUp(ledger: Ledger, options: PrintOptions): string[] {
  const { lang } = options;
  const late = ledger.items.filter((i) => i.overdue).sort((a, b) => b.daysOverdue - a.daysOverdue);
  const soon = ledger.items.filter((i) => !i.overdue && i.dueSoon).sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
  if (late.length === 0 && soon.length === 0) return ["", viewWord("followUpNone", lang)];
  const lines = ["", viewWord("followUp", lang)];
  const headings = (last: "headingLate" | "headingLeft") =>
    (["headingRow", "headingItem", "headingUnit", "headingLeader", "headingOwner", "headingDue", last] as const).map((key) => viewWord(key, lang));
  if (late.length > 0) {
    const { rows, hidden } = itemRows(late, options, (i) => viewWord("daysLate", lang, { days: i.daysOverdue }));
    lines.push(`  ${viewWord("overdueTitle", lang, { count: late.length })}`, ...renderTable(headings("headingLate"), rows, "    "), ...more(lang, hidden));
  }
  if (soon.length > 0) {
    const left = (i: Item) => (i.daysLeft === 0 ? viewWord("dueToday", lang) : viewWord("daysLeft", lang, { days: i.daysLeft ?? 0 }));
    const { rows, hidden } = itemRows(soon, options, left);
    lines.push(`  ${viewWord("dueSoonTitle", lang, { count: soon.length })}`, ...renderTable(headings("headingLeft"), rows, "    "), ...more(lang, hidden));
  }
  return lines;
}

const LIGHT_MARK: Record<Light, string> = { red: "●", amber: "●", green: "●", grey: "○" };

function paintLight(light: Light, color: boolean): (s: string) => string {
  if (!color) return (s) => s;
  return light === "red" ? pc.red : light === "amber" ? pc.yellow : light === "green" ? pc.green : pc.dim;
}

/**
 * 单位灯号: each unit's light (the rules of the report and the notices, name variants counted
 * under one name), red first; what the 督查 office reads before it picks whom to chase.
 */
function lightLines(ledger: Ledger, options: PrintOptions): string[] {
  const { lang } = options;
  // Unit names are split and cleaned on the way to a light, which would cut an escape sequence a
  // cell holds in two and leave its payload as text: they are made terminal-safe first, whole.
  const safe = { ...ledger, items: ledger.items.map((i) => (i.unit === null ? i : { ...i, unit: terminalSafe(i.unit, false) })) };
  const lights = ledgerUnitLights(safe, { ...DEFAULT_LIGHT_RULES, dueSoonDays: options.dueSoonDays ?? DEFAULT_LIGHT_RULES.dueSoonDays });
  if (lights.length === 0) return [];
  const shown = options.all ? lights : lights.slice(0, LIST_ROWS);
  const w = CYCLE_WORDS[lang];
  const headings = [viewWord("headingLight", lang), w.unit, w.total, w.completed, w.overdue, w.rate, viewWord("headingWhy", lang)];
  const rows = shown.map((u) => [
    `${LIGHT_MARK[u.light]} ${lightLabel(u.light, lang)}`,
    clip(u.unit, 16),
    String(u.total),
    String(u.completed),
    String(u.overdue),
    percent(u.completionRate),
    reasonsText(u.reasons, lang),
  ]);
  const table = renderTable(headings, rows, "    ");
  const painted = table.map((line, i) => (i === 0 ? line : paintLight(shown[i - 1]!.light, options.color)(line)));
  const count = (light: Light) => lights.filter((u) => u.light === light).length;
  const counts = { red: count("red"), amber: count("amber"), green: count("green"), grey: count("grey") };
  const tally = counts.grey > 0 ? viewWord("lightTallyGrey", lang, counts) : viewWord("lightTally", lang, counts);
  return ["", tally, ...painted, ...more(lang, lights.length - shown.length)];
}

function colorFor(severity: Severity, color: boolean): (s: string) => string {
  if (!color) return (s) => s;
  return severity === "error" ? pc.red : severity === "warning" ? pc.yellow : pc.dim;
}

function ruleLines(groups: ReadonlyArray<[RuleId, Finding[]]>, options: PrintOptions): string[] {
  const lines: string[] = [];
  for (const [rule, list] of groups) {
    const def = RULES[rule];
    const paint = colorFor(def.severity, options.color);
    const id = options.verbose ? ` [${rule}]` : "";
    lines.push(paint(`  ${SEVERITY_MARK[def.severity]} ${def.title[options.lang]}${id} ×${list.length}`));
    const shown = options.all ? list : list.slice(0, EXAMPLES_PER_RULE);
    for (const f of shown) lines.push(`      ${f.cell ? `${f.cell.padEnd(6)} ` : ""}${f.message}`);
    if (list.length > shown.length) lines.push(`      ${viewWord("moreFindings", options.lang, { count: list.length - shown.length })}`);
  }
  return lines;
}

/** 表格需修正: every finding but the items to chase, by kind, the serious first. */
function findingLines(findings: readonly Finding[], options: PrintOptions): string[] {
  const { lang } = options;
  const groups = findingsByRule(findings).filter(([rule]) => !FOLLOW_UP_RULES.has(rule));
  if (groups.length === 0) return ["", viewWord("fixNone", lang)];
  const count = groups.reduce((n, [, list]) => n + list.length, 0);
  return ["", viewWord(count === 1 ? "fixOne" : "fixMany", lang, { count }), ...ruleLines(groups, options)];
}

export function formatCheck(file: string, ledger: Ledger, options: PrintOptions): string {
  return [...headline(file, ledger, options.lang), ...followUp(ledger, options), ...lightLines(ledger, options), ...findingLines(ledger.findings, options)].join("\n");
}

/** The closing line when several ledgers were checked: their totals together. */
export function formatCombined(ledgers: number, totals: Totals, lang: Lang): string {
  const line = viewWord(ledgers === 1 ? "combinedOne" : "combinedMany", lang, { count: ledgers, totals: totalsLine(totals, lang) });
  return [line, ...unjudgedLines({ overdueUnknown: totals.overdueUnknown, completionUnknown: 0 }, lang).map((l) => `  ${l}`)].join("\n");
}
