/** What the charts over time need of an item; the core's Item has all of it. */
import type { StatusValue } from "../status.js";

export interface ChartItem {
  readonly deadline: { readonly date: string | null };
  readonly completedOn: string | null;
  readonly status: { readonly value: StatusValue | null };
  readonly overdue: boolean;
  readonly daysOverdue: number;
}
