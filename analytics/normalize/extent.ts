/** Where a ledger's table sits: its last item row and the columns its header spans. */
import type { Ledger } from "../ledger.js";
import { isBlank } from "../sheet/sheet-model.js";

export function lastItemRow(ledger: Ledger): number {
  return ledger.items.reduce((last, item) => Math.max(last, item.row), 0);
}

/** The header's columns, recognized or not, merged group labels included. */
export function headerColumns(ledger: Ledger): { firstCol: number; lastCol: number } {
  const { header, sheet } = ledger;
  let firstCol = Number.POSITIVE_INFINITY;
  let lastCol = 0;
  const take = (col: number): void => {
    firstCol = Math.min(firstCol, col);
    lastCol = Math.max(lastCol, col);
  };
  for (const c of header.columns) take(c.col);
  for (let row = header.firstRow; row <= header.lastRow; row++) {
    (sheet.rows[row - 1] ?? []).forEach((v, i) => {
      if (!isBlank(v)) take(i + 1);
    });
  }
  for (const m of sheet.merges) {
    if (m.top >= header.firstRow && m.bottom <= header.lastRow) {
      take(m.left);
      take(m.right);
    }
  }
  return { firstCol, lastCol };
}
