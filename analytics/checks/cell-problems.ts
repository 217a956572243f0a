/** Empty cells where an item needs a value, error values, hidden rows. */
import { a1, columnLetter } from "../sheet/address.js";
import { cellText } from "../text.js";
import { isErrorCell } from "../sheet/sheet-model.js";
import { phrase } from "../findings/catalogue.js";
import { Place } from "../findings/finding.js";
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

export const checkMissingValues: Check = (ctx) => {
  const { roles } = ctx.header;
  // The columns are the sheet's, not the row's: looked up once.
  const hasTask = roles.has("task");
  const hasOwnerColumn = roles.has("unit") || roles.has("owner");
  const ownerRole = roles.has("unit") ? "unit" : "owner";
  const hasDeadline = roles.has("deadline");
  const hasStatus = roles.has("status");
  const place = new Place();
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    if (hasTask && item.task === null && item.measure === null) {
      ctx.report("missing-task", place.at(item.row, roleCell(ctx, item.row, "task")));
    }
    if (hasOwnerColumn && item.unit === null && item.owner === null) {
      ctx.report("missing-owner", place.at(item.row, roleCell(ctx, item.row, ownerRole)));
    }
    if (hasDeadline && item.deadline.kind === "none") {
      ctx.report("missing-deadline", place.at(item.row, roleCell(ctx, item.row, "deadline")));
    }
    if (hasStatus && item.status.value === null) {
      ctx.report("missing-status", place.at(item.row, roleCell(ctx, item.row, "status")));
    }
  }
};

/** #N/A, #REF! and friends anywhere in the table, including columns Taizhang does not read. */
export const checkFormulaErrors: Check = (ctx) => {
  const labels = new Map(ctx.header.columns.map((c) => [c.col, c.label]));
  // A column Taizhang does not read still has its header text, in the lower or the upper header row.
  const headerText = (col: number): string =>
    labels.get(col) ?? cellText(ctx.merges.shownValue(ctx.header.lastRow, col)) ?? cellText(ctx.merges.shownValue(ctx.header.firstRow, col)) ?? phrase("columnByLetter", ctx.lang, { column: columnLetter(col) });
  const rows = ctx.table.rows;
  const place = new Place();
  for (let index = 0; index < rows.length; index++) {
    const { row } = rows[index]!;
    const cells = ctx.sheet.rows[row - 1];
    if (!cells) continue;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i];
      // Text and numbers are most cells: only an object can be an error value.
      if (typeof value === "object" && value !== null && isErrorCell(value)) {
        const cell = a1(row, i + 1);
        ctx.report("formula-error", place.at(row, cell, value.error), { error: value.error, column: headerText(i + 1) });
      }
    }
  }
};

export const checkHiddenRows: Check = (ctx) => {
  const place = new Place();
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    if (item.hidden) ctx.report("hidden-row", place.at(item.row, undefined));
  }
};

export const checkTemplateRows: Check = (ctx) => {
  const place = new Place();
  for (const [row, value] of ctx.table.templateRows) ctx.report("template-row", place.at(row, undefined, value), { value });
};
