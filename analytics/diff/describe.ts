/**
 * A change and a unit's standing in words, for every place that shows a diff (terminal, page,
 * workbook, pane): one wording, from the catalogue.
 */
import { CYCLE_WORDS, formatMessage, phrase } from "../findings/catalogue.js";
import type { Lang } from "../lang.js";
import type { Change } from "./changes.js";
import type { UnitStanding } from "./standings.js";

/** A row of one side, with its sheet when the version spans several ("东街道!12"). */
export function changeRowOf(change: Change, side: "old" | "new"): string | number | null {
  const [row, sheet] = side === "old" ? [change.oldRow, change.oldSheet] : [change.newRow, change.newSheet];
  return row === null || sheet === undefined || sheet === null ? row : `${sheet}!${row}`;
}

/** Where a change reads: its new row, else its old row in brackets (a removed item). */
export function changePlace(change: Change): string {
  return change.newRow !== null ? String(changeRowOf(change, "new")) : `(${changeRowOf(change, "old")})`;
}

export function changeLabel(change: Change, lang: Lang): string {
  return CYCLE_WORDS[lang].change[change.kind];
}

/** "推进中 → 已完成", "2019-11-30 → 2019-12-31（延后31天）"; empty for added/removed. */
export function changeDetail(change: Change, lang: Lang): string {
  const w = CYCLE_WORDS[lang];
  if (change.kind === "added" || change.kind === "removed") return "";
  if (change.kind === "newly-overdue") return formatMessage(w.notice.overdueDays, { days: change.days ?? 0 });
  const shown = (v: Change["before"]): string => (v === null ? "—" : String(v));
  const arrow = `${shown(change.before)} → ${shown(change.after)}`;
  if (change.kind === "deadline-moved" && typeof change.days === "number" && change.days !== 0) {
    const moved = formatMessage(change.days > 0 ? w.movedLater : w.movedEarlier, { days: Math.abs(change.days) });
    return phrase("aside", lang, { text: arrow, aside: moved });
  }
  return arrow;
}

/** "↑2", "↓1", "—", or "新增" for a unit ranked only now. */
export function rankChange(unit: UnitStanding, lang: Lang): string {
  const w = CYCLE_WORDS[lang];
  if (unit.rank === null) return "—";
  if (unit.rankDelta === null) return w.rankNew;
  if (unit.rankDelta > 0) return `↑${unit.rankDelta}`;
  if (unit.rankDelta < 0) return `↓${-unit.rankDelta}`;
  return "—";
}

/** A count with its change: "5（+2）", "3 (−1)", "4". */
export function withDelta(value: number, delta: number, lang: Lang): string {
  if (delta === 0) return String(value);
  const signed = delta > 0 ? `+${delta}` : `−${-delta}`;
  return phrase("aside", lang, { text: value, aside: signed });
}
