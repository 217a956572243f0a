/**
 * The units' lights of one ledger. A unit written several ways in it (区人民医院 and
 * 娄星区人民医院, linked by the name-variant check) is one unit with one light, counted under
 * one name, as the consolidated view counts it: the pane's 检查 tab and `taizhang check` read
 * the same table as 汇总 and the report.
 */
import { itemsUnderOneSpelling } from "./consolidate.js";
import type { Ledger } from "./ledger.js";
import { itemStarts } from "./ledger-start.js";
import { unitLights, type LightRules, type UnitLight } from "./lights.js";

export function ledgerUnitLights(ledger: Ledger, rules: LightRules): UnitLight[] {
  return unitLights(itemsUnderOneSpelling(ledger.items), { asOf: ledger.asOf, startOf: itemStarts(ledger), rules });
}
