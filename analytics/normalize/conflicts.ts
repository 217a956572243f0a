/**
 * A status conflict as normalize leaves it: the row's status cells contradict each other
 * (已办结 beside 是否完成 = 否, 正在推进 beside 是否销号 = 是), and which one is right is a
 * person's call, not normalize's. The cells keep the clerk's words; the mark says which
 * columns disagree, for the change log, and the flags color the row 待核实 while they do.
 */
import { phrase } from "../findings/catalogue.js";
import { normalizeSays } from "../findings/catalogue.normalize.js";
import type { Lang } from "../lang.js";
import type { Item } from "../item.js";
import type { Ledger } from "../ledger.js";
import { a1, columnLetter } from "../sheet/address.js";
import { TO_CHECK_WORD, type StatusConflictMark } from "./types.js";

interface Disagreeing {
  readonly cell: string;
  readonly label: string;
  readonly raw: string;
}

/** The item's status cells that take part in its conflict, with their headers; null without a conflict. */
function disagreeing(ledger: Ledger, item: Item): Disagreeing[] | null {
  const conflict = item.statusConflict;
  if (conflict === null) return null;
  const involved = new Set(conflict.readings);
  const label = (col: number): string => ledger.header.columns.find((c) => c.col === col)?.label.replace(/\s+/gu, "") || columnLetter(col);
  const of = (onlyInvolved: boolean): Disagreeing[] =>
    ledger.header.statusColumns.flatMap(({ col }, i) => {
      const reading = item.statusReadings[i];
      if (reading === undefined || reading.raw === null || (onlyInvolved && !involved.has(reading))) return [];
      return [{ cell: a1(item.row, col), label: label(col), raw: reading.raw }];
    });
  const found = of(true);
  return found.length >= 2 ? found : of(false);
}

/**
 * Whether the conflict leaves open if the item is done at all (已办结 beside 否): then nobody can
 * say whether it is late, and the row is 待核实. A conflict within one side (未开始 beside
 * 未完成) still needs a person, but the item is open either way and its overdue color stands.
 */
export function leavesDoneOpen(item: Item): boolean {
  const readings = item.statusConflict?.readings ?? [];
  const done = readings.some((r) => !r.notClosed && (r.value === "done" || r.value === "closed"));
  const open = readings.some((r) => r.notClosed === true || r.value === "not_started" || r.value === "in_progress");
  return done && open;
}

export function conflictMark(ledger: Ledger, item: Item, lang: Lang): StatusConflictMark | null {
  const cells = disagreeing(ledger, item);
  if (cells === null || cells.length === 0) return null;
  const word = TO_CHECK_WORD[lang];
  const columns = cells.map((c) => normalizeSays("conflictColumnSays", lang, { label: c.label, raw: c.raw })).join(phrase("columnSaysJoin", lang));
  const two = cells.length === 2;
  const reason = leavesDoneOpen(item)
    ? normalizeSays(two ? "conflictToCheckTwo" : "conflictToCheckSeveral", lang, { columns, word })
    : normalizeSays(two ? "conflictOpenTwo" : "conflictOpenSeveral", lang, { columns });
  return {
    sheet: ledger.sheet.name,
    row: item.row,
    cells: cells.map((c) => c.cell).join(" "),
    values: cells.map((c) => c.raw).join(" / "),
    reason,
  };
}
