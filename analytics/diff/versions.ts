/**
 * Several ledgers as one version, for `report --previous` (the submitted workbooks) and `diff` of
 * a workbook split one sheet per unit (sheet-parts.ts): every ledger's items as
 * their clerks wrote them (unit spellings not unified, so a spelling unified in one month and not
 * the other is no change), with stable ids only when every ledger has an id column, and each item's
 * sheet when there are several.
 */
import type { Day } from "../day.js";
import type { ReadLedger } from "../ledger.js";
import type { Version } from "./diff.js";
import { itemIds } from "./identity.js";

export function combinedVersion(submissions: ReadonlyArray<{ readonly file: string; readonly ledgers: readonly ReadLedger[] }>, asOf: Day): Version {
  const ledgers = submissions.flatMap((s) => s.ledgers);
  const ids = ledgers.map(itemIds);
  return {
    file: submissions.map((s) => s.file).join("、"),
    sheet: [...new Set(ledgers.map((l) => l.sheet.name))].join("、"),
    asOf,
    items: ledgers.flatMap((l) => l.items),
    ids: ids.every((x) => x !== null) ? ids.flatMap((x) => x!.ids) : null,
    ...(ledgers.length > 1 ? { itemSheets: ledgers.flatMap((l) => l.items.map(() => l.sheet.name)) } : {}),
  };
}
