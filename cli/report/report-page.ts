/**
 * The one-page HTML report: self-contained (charts inlined as PNG data, styles inline, no
 * script, no network), printable on A4 with page numbers. A leader reads it top down: which
 * ledger and as of when, the headline numbers, what is overdue and who answers for it, how
 * each submission ranks, the units' lights, then the charts. Every text from a workbook is escaped.
 */
import { percent } from "../../analytics/charts/chart-words.js";
import { phrase } from "../../analytics/findings/catalogue.js";
import { EMPTY_MARK, type OverviewModel } from "../../analytics/overview/overview-model.js";
import { OVERVIEW_WORDS } from "../../analytics/overview/overview-words.js";
import { previousHtml } from "./previous-section.js";
import type { RenderedChart } from "./render-png.js";
import { overdueUnknowable, unjudgedLines } from "../../analytics/unjudged.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/gu, (ch) => ESCAPES[ch]!);
}

/** A CSS string literal (for `content:`), its quotes and backslashes escaped. */
function cssString(text: string): string {
  return `"${text.replace(/["\\]/gu, (ch) => `\\${ch}`)}"`;
}

function pageCounter(model: OverviewModel): string {
  const parts = OVERVIEW_WORDS[model.lang].page.split(/(\{page\}|\{pages\})/u).filter((p) => p !== "");
  return parts.map((p) => (p === "{page}" ? "counter(page)" : p === "{pages}" ? "counter(pages)" : cssString(p))).join(" ");
}

function style(model: OverviewModel): string {
  return `
@page { size: A4; margin: 14mm 12mm 16mm; @bottom-center { content: ${pageCounter(model)}; font-size: 8.5pt; color: #555; } }
* { box-sizing: border-box; }
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans SC", "Noto Sans CJK SC", sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 186mm; padding: 8mm 0; font-size: 10.5pt; line-height: 1.45; }
h1 { font-size: 17pt; margin: 0 0 1mm; }
.kind { font-size: 12pt; color: #333; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1.5pt solid #111; padding-bottom: 1mm; break-after: avoid; }
.meta { color: #333; margin: 0 0 4mm; display: flex; flex-wrap: wrap; gap: 1mm 6mm; }
.headline { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2mm; }
.figure { border: 1pt solid #999; border-radius: 2mm; padding: 2mm 3mm; }
.figure b { display: block; font-size: 18pt; }
.figure.bad b { color: #b71c1c; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0; }
th, td { border: 0.75pt solid #888; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.d, td.p { white-space: nowrap; }
.light, .figure, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.light { display: inline-block; min-width: 3.2em; text-align: center; padding: 0 1.5mm; border: 1pt solid #111; border-radius: 1mm; font-weight: bold; }
.light.red { background: #c62828; color: #fff; }
.light.amber { background: #f9a825; color: #111; }
.light.green { background: #2e7d32; color: #fff; }
.light.grey { background: #9e9e9e; color: #111; }
.unjudged { border-left: 2mm solid #9e9e9e; padding-left: 2mm; font-weight: bold; }
figure { margin: 3mm 0; break-inside: avoid; }
figure img { max-width: 100%; height: auto; display: block; }
figcaption { color: #444; font-size: 9.5pt; }
tr { break-inside: avoid; }
.note { color: #444; font-size: 9.5pt; }
table.overdue td:nth-child(1), table.submissions td:nth-child(2) { min-width: 6em; }
table.submissions td:nth-child(3) { width: 38%; }
table.overdue th, table.submissions th, table.lights th { white-space: nowrap; }
footer { margin-top: 6mm; color: #666; font-size: 8.5pt; }
`;
}

const cell = (value: string | null) => `<td>${escapeHtml(value ?? EMPTY_MARK)}</td>`;
/** A person's name stays on one line. */
const person = (value: string | null) => `<td class="p">${escapeHtml(value ?? EMPTY_MARK)}</td>`;
const num = (value: number | string) => `<td class="n">${escapeHtml(value)}</td>`;

function meta(model: OverviewModel): string {
  const w = OVERVIEW_WORDS[model.lang];
  const item = (label: string, value: string) => `<span>${escapeHtml(phrase("labelValue", model.lang, { label, value }))}</span>`;
  return `<p class="meta">${[
    model.submitter !== null ? item(w.submitter, model.submitter) : "",
    model.filledOn !== null ? item(w.filledOn, model.filledOn) : "",
    model.files.length > 1 ? `<span>${escapeHtml(w.ledgers(model.files.length))}</span>` : "",
    item(w.asOf, model.asOf),
    item(w.generatedAt, model.generatedAt),
  ].join("")}</p>`;
}

function headline(model: OverviewModel): string {
  const w = OVERVIEW_WORDS[model.lang];
  const s = model.summary;
  const figure = (label: string, value: string, bad = false) => `<div class="figure${bad ? " bad" : ""}">${escapeHtml(label)}<b>${escapeHtml(value)}</b></div>`;
  // No deadline column: "0 overdue" would be a false green.
  const unknowable = overdueUnknowable(s);
  const lines = unjudgedLines(s, model.lang).map((line) => `<p class="unjudged">${escapeHtml(line)}</p>`).join("");
  return `<div class="headline">${[
    figure(w.total, String(s.total)),
    figure(w.completed, String(s.completed)),
    figure(w.rate, percent(s.completionRate)),
    figure(w.overdue, unknowable ? w.cannotTell : String(s.overdue), s.overdue > 0),
    figure(w.dueSoon(model.dueSoonDays), unknowable ? w.cannotTell : String(s.dueSoon)),
  ].join("")}</div>${lines}`;
}

function overdueTable(model: OverviewModel): string {
  const w = OVERVIEW_WORDS[model.lang];
  if (model.overdue.length === 0) return `<h2 id="overdue">${escapeHtml(w.overdueList(0))}</h2><p>${escapeHtml(w.none)}</p>`;
  const several = model.files.length > 1;
  const rows = model.overdue
    .map((o) => `<tr>${several ? cell(o.submitter ?? o.file) : ""}${num(o.row)}${cell(o.task)}${cell(o.unit)}${person(o.leader)}${person(o.owner)}<td class="d">${escapeHtml(o.deadline ?? EMPTY_MARK)}</td>${num(o.daysOverdue)}</tr>`)
    .join("");
  const head = [several ? `<th>${escapeHtml(w.submitter)}</th>` : "", `<th class="n">${w.row}</th>`, `<th>${w.task}</th>`, `<th>${w.unit}</th>`, `<th>${w.leader}</th>`, `<th>${w.owner}</th>`, `<th>${w.deadline}</th>`, `<th class="n">${w.days}</th>`].join("");
  return `<h2 id="overdue">${escapeHtml(w.overdueList(model.overdue.length))}</h2><table class="overdue"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function submissionsTable(model: OverviewModel): string {
  const w = OVERVIEW_WORDS[model.lang];
  if (model.submissions.length < 2) return "";
  const rows = model.submissions
    .map((s) => `<tr>${num(s.rank)}${cell(s.titleBlock.submitter ?? s.file)}<td>${escapeHtml(s.titleBlock.title ?? EMPTY_MARK)}<br><span class="note">${escapeHtml(s.file)}</span></td>${num(s.total)}${num(s.completed)}${num(percent(s.completionRate))}${num(s.overdue)}${num(s.dueSoon)}</tr>`)
    .join("");
  const head = [`<th class="n">${w.rank}</th>`, `<th>${w.submitter}</th>`, `<th>${w.ledgerTitle}</th>`, `<th class="n">${w.items}</th>`, `<th class="n">${w.completed}</th>`, `<th class="n">${w.rate}</th>`, `<th class="n">${w.overdue}</th>`, `<th class="n">${w.dueSoonShort}</th>`].join("");
  return `<h2 id="submissions">${escapeHtml(w.perFile)}</h2><table class="submissions"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function lightsTable(model: OverviewModel): string {
  const w = OVERVIEW_WORDS[model.lang];
  if (model.lights.length === 0) return "";
  const rows = model.lights
    .map((l) => `<tr>${cell(l.unit)}<td><span class="light ${l.light}">${escapeHtml(w.light[l.light])}</span></td>${num(l.total)}${num(l.completed)}${num(percent(l.completionRate))}${num(l.light === "grey" ? EMPTY_MARK : l.overdue)}${num(l.light === "grey" ? EMPTY_MARK : l.dueSoon)}</tr>`)
    .join("");
  const head = [`<th>${w.unit}</th>`, `<th>${w.lightHeader}</th>`, `<th class="n">${w.items}</th>`, `<th class="n">${w.completed}</th>`, `<th class="n">${w.rate}</th>`, `<th class="n">${w.overdue}</th>`, `<th class="n">${w.dueSoonShort}</th>`].join("");
  return `<h2 id="lights">${escapeHtml(w.lights)}</h2><table class="lights"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table><p class="note">${escapeHtml(w.lightLegend)}${model.lights.some((l) => l.light === "grey") ? `${phrase("clauseJoin", model.lang)}${escapeHtml(w.greyLegend)}` : ""}</p>`;
}

function notes(model: OverviewModel): string {
  const w = OVERVIEW_WORDS[model.lang];
  const list = phrase("clauseJoin", model.lang);
  const note = (label: string, values: readonly string[]) => `<p class="note">${escapeHtml(phrase("labelValue", model.lang, { label, value: values.join(list) }))}</p>`;
  const parts: string[] = [];
  if (model.renamed.length > 0) parts.push(note(w.renamed, model.renamed.map((r) => `${r.from} → ${r.to}`)));
  if (model.skipped.length > 0) parts.push(note(w.skipped, model.skipped.map((s) => phrase("aside", model.lang, { text: s.file, aside: s.reason }))));
  return parts.join("");
}

function charts(model: OverviewModel, rendered: readonly RenderedChart[]): string {
  if (rendered.length === 0) return "";
  const w = OVERVIEW_WORDS[model.lang];
  return (
    `<h2 id="charts">${escapeHtml(w.charts)}</h2>` +
    rendered
      .map((c) => {
        const img = `<img src="data:image/png;base64,${c.png.toString("base64")}" width="${c.spec.width}" height="${c.spec.height}" alt="${escapeHtml(`${c.spec.title}: ${c.spec.description}`)}">`;
        return `<figure data-chart="${escapeHtml(c.spec.id)}">${img}${c.spec.note ? `<figcaption>${escapeHtml(c.spec.note)}</figcaption>` : ""}</figure>`;
      })
      .join("")
  );
}

export function reportHtml(model: OverviewModel, rendered: readonly RenderedChart[]): string {
  const w = OVERVIEW_WORDS[model.lang];
  const generic = model.title === w.title;
  return `<!doctype html>
<html lang="${model.lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(generic ? model.title : `${model.title} ${w.reportOf}`)}</title>
<style>${style(model)}</style>
</head>
<body>
<h1>${escapeHtml(model.title)}</h1>
${generic ? "" : `<p class="kind">${escapeHtml(w.reportOf)}</p>`}
${meta(model)}
${headline(model)}
${notes(model)}
${overdueTable(model)}
${submissionsTable(model)}
${lightsTable(model)}
${model.previous ? previousHtml(model.previous, model.lang, escapeHtml) : ""}
${charts(model, rendered)}
<footer>${escapeHtml(w.madeBy)}</footer>
</body>
</html>
`;
}
