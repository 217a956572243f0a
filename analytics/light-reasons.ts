/** A unit's light and why, in words from the catalogue: the same sentence everywhere. */
import { CYCLE_WORDS, formatMessage, phrase } from "./findings/catalogue.js";
import type { Lang } from "./lang.js";
import type { Light, LightReason } from "./lights.js";

export function lightLabel(light: Light, lang: Lang): string {
  return CYCLE_WORDS[lang].light[light];
}

/** Percentage points to one decimal, without a needless ".0": 100 个百分点, 12.5 个百分点. */
function pointsShown(points: number): number {
  return Math.round(points * 10) / 10;
}

export function reasonText(reason: LightReason, lang: Lang): string {
  const w = CYCLE_WORDS[lang].lightReason;
  switch (reason.kind) {
    case "overdue":
      return formatMessage(w.overdue, { n: reason.n });
    case "dueSoon":
      return formatMessage(w.dueSoon, { n: reason.n, days: reason.days });
    case "behind":
      return formatMessage(w.behind, { points: pointsShown(reason.points) });
    case "paceBehind":
      return formatMessage(w.paceBehind, { n: reason.n });
    case "noStatuses":
      return w.noStatuses;
    case "noDeadlines":
      return w.noDeadlines;
  }
}

/** "有2项逾期；1项7天内到期", or "按序时推进" for green. */
export function reasonsText(reasons: readonly LightReason[], lang: Lang): string {
  if (reasons.length === 0) return CYCLE_WORDS[lang].lightReason.fine;
  return reasons.map((r) => reasonText(r, lang)).join(phrase("clauseJoin", lang));
}
