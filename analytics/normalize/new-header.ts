/**
 * The header cell of a column normalize appends (逾期天数, 编号). Over a one-row header it is one
 * cell styled like its left neighbour. Over a two-row header it spans both rows, as the table's
 * own single headers do (序号, 备注 merged down): the text in the top row, every cell of it styled
 * like the header cells beside it, and a merge to add, so no blank, unshaded cell sits above it.
 */
import type { Ledger } from "../ledger.js";
import { a1, columnLetter } from "../sheet/address.js";
import { cellAt } from "../sheet/sheet-model.js";
import type { PlannedCells } from "./planned-cells.js";
import type { EditRule, NewMerge } from "./types.js";

export interface NewHeader {
  readonly col: number;
  /** The column whose header cells the new one is styled like (0: none). */
  readonly rightOf: number;
  readonly text: string;
  readonly rule: EditRule;
  readonly reason: string;
  /** Why the header cells are merged, in the plan's language. */
  readonly mergeReason: string;
}

/** Plans the header cells; returns the merge to add over a multi-row header, else null. */
export function planNewHeader(ledger: Ledger, cells: PlannedCells, h: NewHeader): NewMerge | null {
  const { header, sheet } = ledger;
  const top = header.firstRow;
  for (let row = top; row <= header.lastRow; row++) {
    const text = row === top ? h.text : null;
    const before = cellAt(sheet, row, h.col);
    if (row !== top && before === null && h.rightOf < 1) continue;
    const edit = cells.edit(row, h.col, before, text, h.rule, h.reason);
    // A neighbour covered by a header merge (责任主体 over three columns) is styled by its top-left.
    const source = h.rightOf >= 1 ? cells.sourceOf(row, h.rightOf) : null;
    cells.add(source === null ? edit : cells.withStyleFrom(edit, a1(source.row, source.col)));
  }
  if (header.lastRow === top) return null;
  const letter = columnLetter(h.col);
  return {
    sheet: cells.name,
    range: { top, left: h.col, bottom: header.lastRow, right: h.col },
    ref: `${letter}${top}:${letter}${header.lastRow}`,
    reason: h.mergeReason,
  };
}
