/** What every check sees, and how it reports. */
import { phrase, type RuleId, type RuleParams, type RuleParamsArgument } from "../findings/catalogue.js";
import type { Lang } from "../lang.js";
import type { ParamsFrom, Where } from "../findings/finding.js";
import type { Header } from "../header.js";
import type { Item } from "../item.js";
import type { Role } from "../roles.js";
import { a1 } from "../sheet/address.js";
import type { MergeIndex } from "../sheet/merge-index.js";
import type { Sheet } from "../sheet/sheet-model.js";
import type { Table } from "../table.js";

export interface CheckContext {
  readonly sheet: Sheet;
  readonly header: Header;
  readonly table: Table;
  readonly items: readonly Item[];
  readonly merges: MergeIndex;
  readonly lang: Lang;
  /**
   * A finding of a rule, with exactly the parameters its message's slots name (a missing one does
   * not compile), or those parameters worded from `where.about` when the message is read.
   * `where` is read during the call and not kept: a check may fill one Place and pass it again.
   */
  report<R extends RuleId>(rule: R, where: Where, ...params: RuleParamsArgument<R> | [ParamsFrom<RuleParams<R>>]): void;
}

export type Check = (ctx: CheckContext) => void;

/** The A1 address of an item's cell in a role's column, or undefined if the column is absent. */
export function roleCell(ctx: CheckContext, row: number, role: Role): string | undefined {
  const col = ctx.header.roles.get(role);
  return col === undefined ? undefined : a1(row, col);
}

/** Long task texts are cut for messages; the cell itself is one click away. */
export function shortTask(task: string | null, lang: Lang): string {
  if (task === null) return phrase("noTask", lang);
  return task.length > 24 ? `${task.slice(0, 24)}…` : task;
}
