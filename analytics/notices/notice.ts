/**
 * 督办通知单 as data: one per unit that has overdue, due-soon or behind items, each with its
 * number (督办〔2019〕第N号), the unit as the ledger names it, its items, the reply day (the
 * as-of day plus N working days) and the issuing office. Writers (Word, the printable page,
 * the register workbook, the pane) render these; none decides who gets a notice.
 */
import { yearOf, type Day } from "../day.js";
import { CYCLE_WORDS, formatMessage, phrase } from "../findings/catalogue.js";
import type { Lang } from "../lang.js";
import type { Item } from "../item.js";
import { compareLights, itemsByUnit, isDueWithin, lightOf, type LightContext, type UnitLight } from "../lights.js";
import { isCompleted } from "../overdue.js";
import { expectedShare, isPaced, paceOf } from "../pace.js";
import { UNNAMED } from "../summary.js";
import { addWorkingDays } from "../working-days.js";


export type NoticeReason = "overdue" | "dueSoon" | "behind";

export interface NoticeItem {
  readonly row: number;
  /** The file the item came from, when several were read. */
  readonly file: string | null;
  readonly task: string;
  readonly measure: string | null;
  readonly leader: string | null;
  readonly owner: string | null;
  /** The deadline as the ledger wrote it, else its day. */
  readonly deadline: string;
  readonly reason: NoticeReason;
  /** Days overdue (overdue) or days left (due soon, behind with a date). */
  readonly days: number | null;
  readonly status: string | null;
}

export interface Notice {
  /** 1, 2, 3… in the order the notices are issued (red units first). */
  readonly seq: number;
  /** 督办〔2019〕第3号 */
  readonly number: string;
  readonly unit: string;
  readonly light: UnitLight;
  readonly items: readonly NoticeItem[];
  readonly issuer: string;
  readonly issued: Day;
  readonly replyBy: Day;
  /** Years the reply day was counted through Monday to Friday, their holiday schedule unknown. */
  readonly replyEstimatedYears: readonly number[];
}

export interface NoticeOptions extends LightContext {
  readonly issuer: string;
  readonly replyDays: number;
  readonly lang: Lang;
  /** The number of the first notice (offices number a year's notices on). */
  readonly firstNumber?: number;
}

/** Why one of a unit's items belongs on its notice, or null. */
function reasonFor(item: Item, ctx: LightContext, unitBehind: boolean): NoticeReason | null {
  if (isCompleted(item.status.value)) return null;
  if (item.overdue) return "overdue";
  if (isDueWithin(item, ctx.rules.dueSoonDays)) return "dueSoon";
  if (paceOf(item) === "behind") return "behind";
  // A unit behind 序时 is sent the open items that should be further along than the rules allow.
  if (unitBehind && isPaced(item) && expectedShare(ctx.startOf(item), item.deadline.date!, ctx.asOf) * 100 > ctx.rules.behindPoints) return "behind";
  return null;
}

const REASON_ORDER: Record<NoticeReason, number> = { overdue: 0, dueSoon: 1, behind: 2 };

function noticeItem(item: Item & { readonly file?: string }, reason: NoticeReason): NoticeItem {
  return {
    row: item.row,
    file: item.file ?? null,
    task: item.task ?? item.measure ?? "",
    measure: item.task === null ? null : item.measure,
    leader: item.leader,
    owner: item.owner,
    deadline: item.deadline.raw ?? item.deadline.date ?? "",
    reason,
    days: reason === "overdue" ? item.daysOverdue : item.daysLeft,
    status: item.status.raw,
  };
}

export function buildNotices(items: readonly Item[], options: NoticeOptions): Notice[] {
  const reply = addWorkingDays(options.asOf, options.replyDays);
  const year = yearOf(options.asOf);
  const units = [...itemsByUnit(items)]
    .filter(([unit]) => unit !== UNNAMED)
    .map(([unit, list]) => ({ unit, list, light: { unit, ...lightOf(list, options) } }))
    .sort((a, b) => compareLights(a.light, b.light));
  const notices: Notice[] = [];
  for (const { unit, list, light } of units) {
    const unitBehind = light.reasons.some((r) => r.kind === "behind");
    const listed = list
      .flatMap((item) => {
        const reason = reasonFor(item, options, unitBehind);
        return reason === null ? [] : [noticeItem(item, reason)];
      })
      .sort((a, b) => REASON_ORDER[a.reason] - REASON_ORDER[b.reason] || (b.reason === "overdue" ? (b.days ?? 0) - (a.days ?? 0) : (a.days ?? 0) - (b.days ?? 0)) || a.row - b.row);
    if (listed.length === 0) continue;
    const seq = (options.firstNumber ?? 1) + notices.length;
    notices.push({
      seq,
      number: formatMessage(CYCLE_WORDS[options.lang].notice.number, { year, n: seq }),
      unit,
      light,
      items: listed,
      issuer: options.issuer,
      issued: options.asOf,
      replyBy: reply.day,
      replyEstimatedYears: reply.estimatedYears,
    });
  }
  return notices;
}

/** Said to the 督查 office when a reply day was counted without the year's holiday schedule; else null. */
export function replyEstimateNote(notices: readonly Notice[], lang: Lang): string | null {
  const years = [...new Set(notices.flatMap((n) => n.replyEstimatedYears))].sort((a, b) => a - b);
  if (years.length === 0) return null;
  return formatMessage(CYCLE_WORDS[lang].notice.replyEstimated, { years: years.join(phrase("listJoin", lang)) });
}

/** "逾期16天", "剩余3天", "进度滞后": the days column of a notice's table. */
export function daysText(item: NoticeItem, lang: Lang): string {
  const w = CYCLE_WORDS[lang].notice;
  if (item.reason === "overdue") return formatMessage(w.overdueDays, { days: item.days ?? 0 });
  if (item.reason === "dueSoon") return item.days === 0 ? w.dueToday : formatMessage(w.daysLeft, { days: item.days ?? 0 });
  if (item.days === null) return w.behind;
  const left = formatMessage(w.daysLeft, { days: item.days });
  return phrase("aside", lang, { text: w.behind, aside: left });
}


/** What the notice's items have in common, in words: "逾期未完成", "逾期未完成或即将到期"… */
export function reasonsPhrase(notice: Notice, lang: Lang): string {
  const w = CYCLE_WORDS[lang].notice;
  const present = (["overdue", "dueSoon", "behind"] as const).filter((r) => notice.items.some((i) => i.reason === r)).map((r) => w.reasons[r]);
  if (present.length <= 1) return present.join("");
  return `${present.slice(0, -1).join(phrase("listJoin", lang))}${w.or}${present[present.length - 1]}`;
}
