/**
 * The one-page HTML report: self-contained (charts inlined as PNG data, styles inline, no
 * script, no network), printable on A4. Every piece of text from a workbook is escaped.
 */
import { percent } from "../../analytics/charts/words.js";
import type { Group } from "../../analytics/summary.js";
import type { ReportModel } from "./model.js";
import type { RenderedChart } from "./render-png.js";
import { overdueUnknowable, unjudgedLines } from "../../analytics/unjudged.js";
import { REPORT_WORDS } from "./words.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/gu, (ch) => ESCAPES[ch]!);
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans SC", "Noto Sans CJK SC", sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 186mm; padding: 8mm 0; font-size: 10.5pt; line-height: 1.45; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1.5pt solid #111; padding-bottom: 1mm; }
.meta { color: #444; margin: 0 0 4mm; }
.headline { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2mm; }
.figure { border: 1pt solid #999; border-radius: 2mm; padding: 2mm 3mm; }
.figure b { display: block; font-size: 18pt; }
.figure.bad b { color: #b71c1c; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0; }
th, td { border: 0.75pt solid #888; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.light { display: inline-block; min-width: 5.5em; padding: 0 1.5mm; border: 1pt solid #111; border-radius: 1mm; font-weight: bold; }
.light.red { background: #c62828; color: #fff; }
.light.amber { background: #f9a825; color: #111; }
.light.green { background: #2e7d32; color: #fff; }
.light.grey { background: #9e9e9e; color: #111; }
.unjudged { border-left: 2mm solid #9e9e9e; padding-left: 2mm; font-weight: bold; }
figure { margin: 3mm 0; break-inside: avoid; }
figure img { max-width: 100%; height: auto; display: block; }
tr { break-inside: avoid; }
.note { color: #444; font-size: 9.5pt; }
footer { margin-top: 6mm; color: #666; font-size: 8.5pt; }
`;

function headline(model: ReportModel): string {
  const w = REPORT_WORDS[model.lang];
  const s = model.summary;
  const figure = (label: string, value: string, bad = false) => `<div class="figure${bad ? " bad" : ""}">${escapeHtml(label)}<b>${escapeHtml(value)}</b></div>`;
  // No deadline column: "0 overdue" would be a false green.
  const unknowable = overdueUnknowable(s);
  const cannotTell = w.light.grey;
  const lines = unjudgedLines(s, model.lang).map((line) => `<p class="unjudged">${escapeHtml(line)}</p>`).join("");
  return `<div class="headline">${[
    figure(w.total, String(s.total)),
    figure(w.completed, String(s.completed)),
    figure(w.rate, percent(s.completionRate)),
    figure(w.overdue, unknowable ? cannotTell : String(s.overdue), s.overdue > 0),
    figure(w.dueSoon, unknowable ? cannotTell : String(s.dueSoon)),
  ].join("")}</div>${lines}`;
}

function lightsTable(model: ReportModel): string {
  const w = REPORT_WORDS[model.lang];
  if (model.lights.length === 0) return "";
  const rows = model.lights
    .map((l) => `<tr><td>${escapeHtml(l.unit)}</td><td><span class="light ${l.light}">${escapeHtml(w.light[l.light])}</span></td><td class="n">${l.total}</td><td class="n">${l.completed}</td><td class="n">${percent(l.completionRate)}</td><td class="n">${l.light === "grey" ? "—" : l.overdue}</td><td class="n">${l.light === "grey" ? "—" : l.dueSoon}</td></tr>`)
    .join("");
  return `<h2>${escapeHtml(w.lights)}</h2><table><thead><tr><th>${w.unit}</th><th></th><th>${w.items}</th><th>${w.completed}</th><th>${w.rate}</th><th>${w.overdue}</th><th>${w.dueSoon}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function overdueTable(model: ReportModel): string {
  const w = REPORT_WORDS[model.lang];
  if (model.overdue.length === 0) return `<h2>${w.overdueList}</h2><p>${w.none}</p>`;
  const several = model.files.length > 1;
  const rows = model.overdue
    .map((o) => `<tr>${several ? `<td>${escapeHtml(o.file)}</td>` : ""}<td class="n">${o.row}</td><td>${escapeHtml(o.task)}</td><td>${escapeHtml(o.unit)}</td><td>${escapeHtml(o.owner)}</td><td>${escapeHtml(o.deadline)}</td><td class="n">${o.daysOverdue}</td></tr>`)
    .join("");
  return `<h2>${w.overdueList}（${model.overdue.length}）</h2><table><thead><tr>${several ? `<th>${w.file}</th>` : ""}<th>${w.row}</th><th>${w.task}</th><th>${w.unit}</th><th>${w.owner}</th><th>${w.deadline}</th><th>${w.days}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function perFileTable(model: ReportModel): string {
  const w = REPORT_WORDS[model.lang];
  if (model.perFile.length < 2) return "";
  const row = (file: string, g: Pick<Group, "total" | "completed" | "completionRate" | "overdue" | "dueSoon">) =>
    `<tr><td>${escapeHtml(file)}</td><td class="n">${g.total}</td><td class="n">${g.completed}</td><td class="n">${percent(g.completionRate)}</td><td class="n">${g.overdue}</td><td class="n">${g.dueSoon}</td></tr>`;
  return `<h2>${w.perFile}</h2><table><thead><tr><th>${w.file}</th><th>${w.items}</th><th>${w.completed}</th><th>${w.rate}</th><th>${w.overdue}</th><th>${w.dueSoon}</th></tr></thead><tbody>${model.perFile.map((f) => row(f.file, f.summary)).join("")}</tbody></table>`;
}

function notes(model: ReportModel): string {
  const w = REPORT_WORDS[model.lang];
  const parts: string[] = [];
  if (model.renamed.length > 0) parts.push(`<p class="note">${w.renamed}：${model.renamed.map((r) => `${escapeHtml(r.from)} → ${escapeHtml(r.to)}`).join("；")}</p>`);
  if (model.skipped.length > 0) parts.push(`<p class="note">${w.skipped}：${model.skipped.map((s) => `${escapeHtml(s.file)}（${escapeHtml(s.reason)}）`).join("；")}</p>`);
  return parts.join("");
}

function charts(rendered: readonly RenderedChart[]): string {
  return rendered
    .map((c) => `<figure><img src="data:image/png;base64,${c.png.toString("base64")}" width="${c.spec.width}" height="${c.spec.height}" alt="${escapeHtml(`${c.spec.title}: ${c.spec.description}`)}"></figure>`)
    .join("");
}

export function reportHtml(model: ReportModel, rendered: readonly RenderedChart[]): string {
  const w = REPORT_WORDS[model.lang];
  const fileLine = model.files.length === 1 ? escapeHtml(model.files[0]!) : `${model.files.length} ${w.files}`;
  return `<!doctype html>
<html lang="${model.lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(w.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(w.title)}</h1>
<p class="meta">${escapeHtml(w.asOf)} ${escapeHtml(model.asOf)} · ${fileLine}</p>
${headline(model)}
${notes(model)}
${lightsTable(model)}
${charts(rendered)}
${overdueTable(model)}
${perFileTable(model)}
<footer>${escapeHtml(w.generated)}</footer>
</body>
</html>
`;
}
