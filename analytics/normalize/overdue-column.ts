/**
 * The days-overdue column (--overdue-column): headed 逾期天数, right of the table, one formula an
 * item. A second run finds the column by its header and rewrites only formulas that differ.
 */
import { normalizeSays } from "../findings/catalogue.normalize.js";
import type { Ledger } from "../ledger.js";
import { a1, GRID_COLUMNS } from "../sheet/address.js";
import { cellAt, isBlank } from "../sheet/sheet-model.js";
import { cellText } from "../text.js";
import { headerColumns, lastItemRow } from "./extent.js";
import type { PlannedCells } from "./planned-cells.js";
import { planNewHeader } from "./new-header.js";
import { DAYS_FORMAT, OVERDUE_HEADER, type NewMerge } from "./types.js";

export interface OverdueColumn {
  readonly col: number;
  readonly isNew: boolean;
  /** The merge its header cell needs over a multi-row header. */
  readonly merge: NewMerge | null;
}

/** The rightmost column any header or item row uses, merges included. */
export function rightEdge(ledger: Ledger): number {
  const { header, sheet } = ledger;
  const last = lastItemRow(ledger);
  let right = 0;
  for (let row = header.firstRow; row <= last; row++) {
    const cells = sheet.rows[row - 1] ?? [];
    for (let c = cells.length; c > right; c--) {
      if (!isBlank(cells[c - 1] ?? null)) {
        right = c;
        break;
      }
    }
  }
  for (const m of sheet.merges) if (m.top <= last && m.bottom >= header.firstRow) right = Math.max(right, m.right);
  return right;
}

/**
 * Where a column normalize appends goes, and the column its header is styled like: right of
 * everything the table's rows use. When that is past Excel's last column (a note typed into XFD
 * on every row), the first column right of the header that no header or item row fills and no
 * merge covers; null when there is none, and the column is not added (the plan says so).
 */
export function newColumnPlace(ledger: Ledger, after: number, taken: readonly number[] = []): { readonly col: number; readonly styleFrom: number } | null {
  const next = Math.max(after, ...taken) + 1;
  if (next <= GRID_COLUMNS) return { col: next, styleFrom: next - 1 };
  const { header, sheet } = ledger;
  const last = lastItemRow(ledger);
  const used = new Uint8Array(GRID_COLUMNS + 1);
  for (const col of taken) used[col] = 1;
  for (let row = header.firstRow; row <= last; row++) {
    const cells = sheet.rows[row - 1] ?? [];
    for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c] ?? null)) used[c + 1] = 1;
  }
  for (const m of sheet.merges) if (m.top <= last && m.bottom >= header.firstRow) used.fill(1, m.left, m.right + 1);
  const headerEnd = headerColumns(ledger).lastCol;
  const col = used.indexOf(0, headerEnd + 1);
  return col < 0 ? null : { col, styleFrom: headerEnd };
}

/** The column headed 逾期天数 from an earlier run, or a new one, its header planned; null when the sheet has no free column. */
export function overdueColumn(ledger: Ledger, cells: PlannedCells): OverdueColumn | null {
  const { header, sheet } = ledger;
  for (let row = header.firstRow; row <= header.lastRow; row++) {
    const at = (sheet.rows[row - 1] ?? []).findIndex((v) => cellText(v ?? null) === OVERDUE_HEADER);
    if (at >= 0) return { col: at + 1, isNew: false, merge: null };
  }
  const place = newColumnPlace(ledger, rightEdge(ledger));
  if (place === null) return null;
  const merge = planNewHeader(ledger, cells, {
    col: place.col,
    rightOf: place.styleFrom,
    text: OVERDUE_HEADER,
    rule: "overdue-header",
    reason: normalizeSays("overdueColumn", cells.lang),
    mergeReason: normalizeSays("overdueHeaderMerge", cells.lang),
  });
  return { col: place.col, isNew: true, merge };
}

/**
 * One item's cell: the formula with the days as of the plan's day cached (or 待核实 where the
 * row's statuses disagree), or nothing where the item has no dated deadline. `existing` is the formula the cell holds now, if any.
 */
export function overdueCell(
  cells: PlannedCells,
  row: number,
  col: number,
  formula: string | null,
  shows: { readonly daysOverdue: number; readonly toCheck: string | null },
  existing: string | null,
): void {
  const before = cellAt(cells.sheet, row, col);
  if (formula === null) {
    if (existing === null && before === null) return;
    cells.add(cells.edit(row, col, before, null, "overdue-column", normalizeSays("overdueNoDate", cells.lang)));
    return;
  }
  if (existing === formula) return;
  const result = shows.toCheck ?? (shows.daysOverdue > 0 ? shows.daysOverdue : "");
  const reason = normalizeSays("overdueFormula", cells.lang);
  const edit = cells.edit(row, col, before, { formula, result }, "overdue-column", reason, DAYS_FORMAT);
  cells.add(col > 1 ? cells.withStyleFrom(edit, a1(row, col - 1)) : edit);
}
