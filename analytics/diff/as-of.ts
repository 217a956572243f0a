/**
 * The day the old version is judged at (contract §8): --old-as-of, else the day its title rows
 * give (填报日期, 报送日期, 截至…), else the new version's day. Overdue in the old version means
 * overdue when it was filed, so "newly overdue" compares like with like.
 */
import type { Day } from "../day.js";

export function oldVersionAsOf(option: Day | null, titleDate: Day | null, newAsOf: Day): Day {
  return option ?? titleDate ?? newAsOf;
}
