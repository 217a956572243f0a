/** `diff -o OUT.html`: one self-contained, printable page of the comparison. */
import { percent } from "../../analytics/charts/chart-words.js";
import { changeDetail, changePlace, rankChange, withDelta } from "../../analytics/diff/describe.js";
import { CHANGE_KINDS } from "../../analytics/diff/changes.js";
import type { LedgerDiff } from "../../analytics/diff/diff.js";
import { CYCLE_WORDS, formatMessage } from "../../analytics/findings/catalogue.js";
import type { Lang } from "../../analytics/lang.js";
import { escapeHtml } from "../report/report-page.js";
import { PRINT_STYLE } from "./style.js";

export function diffSections(diff: LedgerDiff, lang: Lang): string {
  const w = CYCLE_WORDS[lang];
  const parts: string[] = [];
  for (const kind of CHANGE_KINDS) {
    const changes = diff.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    const rows = changes
      .map((c) => `<tr><td class="n">${escapeHtml(changePlace(c))}</td><td>${escapeHtml(c.task ?? "—")}</td><td>${escapeHtml(c.unit ?? "—")}</td><td>${escapeHtml(changeDetail(c, lang))}</td></tr>`)
      .join("");
    parts.push(`<h3>${escapeHtml(w.change[kind])} ${changes.length}</h3><table><thead><tr><th>${w.row}</th><th>${w.task}</th><th>${w.unit}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  if (diff.changes.length === 0) parts.push(`<p>${escapeHtml(w.diffNone)}</p>`);
  if (diff.toConfirm.length > 0) {
    const rows = diff.toConfirm.map((m) => `<tr><td>${m.oldRow}→${m.newRow}</td><td>${escapeHtml(m.oldTask ?? "—")}</td><td>${escapeHtml(m.newTask ?? "—")}</td><td class="n">${m.confidence.toFixed(2)}</td></tr>`).join("");
    parts.push(`<h3>${escapeHtml(w.toConfirm)}</h3><table><thead><tr><th>${w.row}</th><th>${w.before}</th><th>${w.after}</th><th>${w.confidence}</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  return parts.join("\n");
}

export function unitTable(diff: LedgerDiff, lang: Lang): string {
  const w = CYCLE_WORDS[lang];
  const rows = diff.units
    .map((u) => `<tr><td class="n">${u.rank ?? "—"}</td><td>${escapeHtml(rankChange(u, lang))}</td><td>${escapeHtml(u.unit)}</td><td class="n">${escapeHtml(withDelta(u.total, u.totalDelta, lang))}</td><td class="n">${escapeHtml(withDelta(u.completed, u.completedDelta, lang))}</td><td class="n">${escapeHtml(withDelta(u.overdue, u.overdueDelta, lang))}</td><td class="n">${percent(u.completionRate)}</td></tr>`)
    .join("");
  return `<table><thead><tr><th>${w.rank}</th><th></th><th>${w.unit}</th><th>${w.total}</th><th>${w.completed}</th><th>${w.overdue}</th><th>${w.rate}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function diffHtml(diff: LedgerDiff, lang: Lang): string {
  const w = CYCLE_WORDS[lang];
  const versions = formatMessage(w.diffVersions, { oldFile: diff.old.file, oldAsOf: diff.old.asOf, newFile: diff.new.file, newAsOf: diff.new.asOf });
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${escapeHtml(w.diffTitle)}</title><style>${PRINT_STYLE}</style></head>
<body><h1>${escapeHtml(w.diffTitle)}</h1><p class="meta">${escapeHtml(versions)}</p>
<h2>${escapeHtml(w.unitsTitle)}</h2>${unitTable(diff, lang)}
${diffSections(diff, lang)}
</body></html>
`;
}
