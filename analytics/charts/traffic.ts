/**
 * A traffic light per unit: red when something is overdue, amber when something falls due soon,
 * grey when some of its items cannot be judged (no deadline column): never green for those.
 */
import type { Group } from "../summary.js";

export type Light = "green" | "amber" | "red" | "grey";

export interface UnitLight {
  readonly unit: string;
  readonly light: Light;
  readonly total: number;
  readonly completed: number;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly completionRate: number;
}

export function lightOf(group: Group): Light {
  if (group.overdue > 0) return "red";
  if (group.dueSoon > 0) return "amber";
  if ((group.unjudged ?? 0) > 0) return "grey";
  return "green";
}

const SEVERITY: Record<Light, number> = { red: 0, amber: 1, grey: 2, green: 3 };

/** Red units first, then amber, then green; within a light, the summary's worst-first order. */
export function unitLights(byUnit: readonly Group[]): UnitLight[] {
  return byUnit
    .map((g) => ({ unit: g.name, light: lightOf(g), total: g.total, completed: g.completed, overdue: g.overdue, dueSoon: g.dueSoon, completionRate: g.completionRate }))
    .sort((a, b) => SEVERITY[a.light] - SEVERITY[b.light]);
}
