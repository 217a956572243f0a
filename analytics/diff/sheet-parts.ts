/**
 * Whether the ledger sheets of one workbook are parts of one ledger (split one sheet per unit, or
 * two lists kept side by side) or copies of it (this month's sheet beside last month's). Parts
 * share no item; copies share most. Diffing compares parts as one version, and of copies only one.
 */
import type { ReadLedger } from "../ledger.js";
import { unitKey } from "./match.js";
import { foldTask } from "./similarity.js";

export function sheetsAreParts(ledgers: readonly ReadLedger[]): boolean {
  if (ledgers.length < 2) return false;
  const seen = new Map<string, number>();
  for (let l = 0; l < ledgers.length; l++) {
    for (const item of ledgers[l]!.items) {
      const task = foldTask(item.task);
      if (task === "") continue;
      const key = `${task}\u0000${unitKey(item.unit)}`;
      const sheet = seen.get(key);
      if (sheet !== undefined && sheet !== l) return false;
      seen.set(key, l);
    }
  }
  return true;
}
