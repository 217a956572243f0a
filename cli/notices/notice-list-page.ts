/** One printable A4 page listing every notice: number, unit, light, items, reply day. */
import { CYCLE_WORDS, formatMessage } from "../../analytics/findings/catalogue.js";
import type { Lang } from "../../analytics/lang.js";
import { lightLabel, reasonsText } from "../../analytics/light-reasons.js";
import { daysText, replyEstimateNote, type Notice } from "../../analytics/notices/notice.js";
import { writtenDay } from "../../analytics/written-day.js";
import { PRINT_STYLE } from "../diff/style.js";
import { escapeHtml } from "../report/report-page.js";

function noticeSection(notice: Notice, lang: Lang): string {
  const w = CYCLE_WORDS[lang].notice;
  const t = w.table;
  const rows = notice.items
    .map((i, n) => `<tr><td class="n">${n + 1}</td><td>${escapeHtml(i.task)}</td><td>${escapeHtml(i.leader ?? "")}</td><td>${escapeHtml(i.owner ?? "")}</td><td>${escapeHtml(i.deadline)}</td><td>${escapeHtml(daysText(i, lang))}</td><td>${escapeHtml(i.status ?? "")}</td></tr>`)
    .join("");
  const light = `<span class="light ${notice.light.light}">${escapeHtml(lightLabel(notice.light.light, lang))}</span>`;
  return `<section class="notice"><h2>${escapeHtml(notice.number)} · ${escapeHtml(notice.unit)} ${light}</h2>
<p class="meta">${escapeHtml(reasonsText(notice.light.reasons, lang))} · ${escapeHtml(formatMessage(w.reply, { date: writtenDay(notice.replyBy, lang), issuer: notice.issuer }))}</p>
<table><thead><tr><th></th><th>${t.task}</th><th>${t.leader}</th><th>${t.owner}</th><th>${t.deadline}</th><th>${t.days}</th><th>${t.status}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function noticesHtml(notices: readonly Notice[], context: { readonly asOf: string; readonly issuer: string }, lang: Lang): string {
  const w = CYCLE_WORDS[lang].notice;
  const items = notices.reduce((n, x) => n + x.items.length, 0);
  const estimate = replyEstimateNote(notices, lang);
  const summary = notices.length === 0 ? formatMessage(w.none, { asOf: writtenDay(context.asOf, lang) }) : formatMessage(w.listSummary, { asOf: writtenDay(context.asOf, lang), units: notices.length, items });
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${escapeHtml(w.listTitle)}</title><style>${PRINT_STYLE}</style></head>
<body><h1>${escapeHtml(w.listTitle)}</h1><p class="meta">${escapeHtml(context.issuer)} · ${escapeHtml(summary)}</p>${estimate === null ? "" : `\n<p class="meta">${escapeHtml(estimate)}</p>`}
${notices.map((n) => noticeSection(n, lang)).join("\n")}
</body></html>
`;
}
