/**
 * One rule set for the units' lights, wherever they are shown (terminal, report page, summary
 * workbook, pane, 督办通知单):
 * - grey: cannot tell: no status filled in, or no deadline to judge by (and not all done), or,
 *   where nothing else lights it, items whose ledger lacks the column to judge them by;
 * - red: anything overdue, or (when the rules say so) behind 序时 by more than redBehindPoints;
 * - amber: something due within dueSoonDays, behind 序时 by more than behindPoints, or an item
 *   that says it is behind (欠进度, 滞后…);
 * - green: none of these.
 * The numbers come from a rules file (rules.ts); offices publish their own.
 */
import type { Day } from "./day.js";
import type { Item } from "./item.js";
import { namesInCell } from "./names.js";
import { isCompleted } from "./overdue.js";
import { tallyPace, type PaceTally } from "./pace.js";
import { UNNAMED } from "./summary.js";

export type Light = "red" | "amber" | "green" | "grey";

export interface LightRules {
  /** Amber when an open item falls due within this many days (0 = only today). */
  readonly dueSoonDays: number;
  /** Amber when the unit's completion is more than this many points behind its 序时进度. */
  readonly behindPoints: number;
  /** Red when more than this many points behind; null: being behind is never more than amber. */
  readonly redBehindPoints: number | null;
}

export const DEFAULT_LIGHT_RULES: LightRules = { dueSoonDays: 7, behindPoints: 10, redBehindPoints: null };

export type LightReason =
  | { readonly kind: "overdue"; readonly n: number }
  | { readonly kind: "dueSoon"; readonly n: number; readonly days: number }
  | { readonly kind: "behind"; readonly points: number }
  | { readonly kind: "paceBehind"; readonly n: number }
  | { readonly kind: "noStatuses" }
  | { readonly kind: "noDeadlines" };

export interface UnitLight {
  readonly unit: string;
  readonly light: Light;
  /** Why, most serious first; empty for green. */
  readonly reasons: readonly LightReason[];
  readonly total: number;
  readonly completed: number;
  readonly overdue: number;
  /** Open items due within the rules' window. */
  readonly dueSoon: number;
  readonly completionRate: number;
  readonly pace: PaceTally;
}

/** What the rules need to know of one item beyond the item itself. */
export interface LightContext {
  readonly asOf: Day;
  readonly startOf: (item: Item) => Day;
  readonly rules: LightRules;
}

export function isDueWithin(item: Item, days: number): boolean {
  return !item.overdue && !isCompleted(item.status.value) && item.daysLeft !== null && item.daysLeft >= 0 && item.daysLeft <= days;
}

/** The light of one group of items (a unit's, or a whole ledger's). */
export function lightOf(items: readonly Item[], ctx: LightContext): Omit<UnitLight, "unit"> {
  const { rules } = ctx;
  const completed = items.filter((i) => isCompleted(i.status.value)).length;
  const overdue = items.filter((i) => i.overdue).length;
  const dueSoon = items.filter((i) => isDueWithin(i, rules.dueSoonDays)).length;
  const pace = tallyPace(items, ctx.startOf, ctx.asOf);
  const counts = { total: items.length, completed, overdue, dueSoon, completionRate: items.length === 0 ? 0 : completed / items.length, pace };

  const hasStatus = items.some((i) => i.status.value !== null && i.status.value !== "unknown");
  if (!hasStatus) return { ...counts, light: "grey", reasons: [{ kind: "noStatuses" }] };
  const reasons: LightReason[] = [];
  if (overdue > 0) reasons.push({ kind: "overdue", n: overdue });
  const behind = pace.behindPoints;
  const redBehind = behind !== null && rules.redBehindPoints !== null && behind > rules.redBehindPoints;
  if (behind !== null && behind > rules.behindPoints) reasons.push({ kind: "behind", points: behind });
  if (reasons.length > 0 && (overdue > 0 || redBehind)) return { ...counts, light: "red", reasons: withRest(reasons, dueSoon, pace, rules) };
  const allDone = completed === items.length;
  const judged = items.some((i) => i.deadline.date !== null || i.deadline.kind === "ongoing" || i.status.value === "ongoing");
  if (!judged && !allDone) return { ...counts, light: "grey", reasons: [{ kind: "noDeadlines" }] };
  const all = withRest(reasons, dueSoon, pace, rules);
  if (all.length > 0) return { ...counts, light: "amber", reasons: all };
  // Never green for items that could not be judged: a missing column is not "on time".
  const lacking = items.map((i) => i.unjudged).find((by) => by !== null);
  if (lacking) return { ...counts, light: "grey", reasons: [{ kind: lacking === "status" ? "noStatuses" : "noDeadlines" }] };
  return { ...counts, light: "green", reasons: [] };
}

function withRest(reasons: LightReason[], dueSoon: number, pace: PaceTally, rules: LightRules): LightReason[] {
  const out = [...reasons];
  if (dueSoon > 0) out.push({ kind: "dueSoon", n: dueSoon, days: rules.dueSoonDays });
  if (pace.saidBehind > 0) out.push({ kind: "paceBehind", n: pace.saidBehind });
  return out;
}

/** Items by the units they name; an item naming several units counts for each (contract §5). */
export function itemsByUnit(items: readonly Item[]): Map<string, Item[]> {
  const byUnit = new Map<string, Item[]>();
  // A few dozen unit cells repeat over the rows: each is split once.
  const namesOf = new Map<string, string[]>();
  let named = false;
  for (const item of items) {
    const cell = item.unit;
    let names = cell === null ? [] : namesOf.get(cell);
    if (names === undefined) namesOf.set(cell!, (names = namesInCell(cell!)));
    if (names.length > 0) named = true;
    for (const name of names.length === 0 ? [UNNAMED] : names) {
      let list = byUnit.get(name);
      if (!list) byUnit.set(name, (list = []));
      list.push(item);
    }
  }
  // A ledger without a unit column has no breakdown, not one big unnamed group.
  return named ? byUnit : new Map();
}

const SEVERITY: Record<Light, number> = { red: 0, amber: 1, grey: 2, green: 3 };

/** Red units first, then amber, grey, green; within a light the most overdue, then the least complete. */
export function compareLights(a: UnitLight, b: UnitLight): number {
  return SEVERITY[a.light] - SEVERITY[b.light] || b.overdue - a.overdue || a.completionRate - b.completionRate || b.total - a.total || a.unit.localeCompare(b.unit, "zh-CN");
}

export function unitLights(items: readonly Item[], ctx: LightContext): UnitLight[] {
  return [...itemsByUnit(items)].map(([unit, list]) => ({ unit, ...lightOf(list, ctx) })).sort(compareLights);
}
