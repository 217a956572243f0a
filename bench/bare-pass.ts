/**
 * A yardstick for the core's throughput on this machine: the least any ledger analysis must do,
 * as the bare streaming read is for `taizhang check`. It visits every cell of every row and keys
 * each row's task text, folded, into a map (what finding duplicate tasks needs at the least), and
 * makes no item, no finding and no summary. Absolute rows/s vary with the machine; the core's
 * ratio to this pass says how much of its time is its own work.
 */
import type { Sheet } from "../analytics/sheet/sheet-model.js";
import { compact } from "../analytics/text.js";

/** Counts what it visited (filled cells, distinct tasks), so the work cannot be optimized away. */
export function barePass(sheet: Sheet, firstRow: number, taskColumn: number): { filled: number; tasks: number } {
  const tasks = new Map<string, number>();
  let filled = 0;
  for (let r = firstRow - 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    for (const value of cells) if (value !== null) filled++;
    const task = cells[taskColumn - 1];
    if (typeof task === "string") tasks.set(compact(task), r);
  }
  return { filled, tasks: tasks.size };
}
