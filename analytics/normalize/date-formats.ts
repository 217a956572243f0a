/**
 * One date format per deadline column. Text deadlines become date cells shown 2019年6月30日;
 * date cells the clerk typed keep whatever format they had (2019/6/30, 2019-06-30), so one
 * column would show two or three styles of date. Where the column's date cells, as the plan
 * leaves them, show more than one format, every one of them gets the 年月日 format, each change
 * logged with the format it had. A column already in one format is left as the clerk keeps it.
 */
import { normalizeSays } from "../findings/catalogue.normalize.js";
import type { Ledger } from "../ledger.js";
import { a1 } from "../sheet/address.js";
import { cellAt, isDayCell } from "../sheet/sheet-model.js";
import type { PlannedCells } from "./planned-cells.js";
import { DATE_FORMAT, isDayValue, type CellEdit } from "./types.js";

/** Locale tags ([$-804]) and a text section (;@) do not change how a date shows. */
function shape(code: string): string {
  return code.replace(/\[\$[^\]]*\]/gu, "").replace(/;@$/u, "").trim();
}

export function sameDateFormat(a: string, b: string): boolean {
  return shape(a) === shape(b);
}

interface DateCell {
  readonly row: number;
  readonly col: number;
  readonly format: string | undefined;
  readonly edit: CellEdit | undefined;
}

/** The deadline column's date cells as the plan leaves them, with the format each will show. */
function dateCells(ledger: Ledger, cells: PlannedCells, col: number, formats: ReadonlyMap<string, string>): DateCell[] {
  const { sheet } = ledger;
  const out: DateCell[] = [];
  for (const item of ledger.items) {
    if (cells.kept.isCovered(item.row, col)) continue;
    const address = a1(item.row, col);
    if (sheet.formulaCells.has(address)) continue;
    const edit = cells.editAt(item.row, col);
    if (edit !== undefined) {
      if (!isDayValue(edit.after)) continue;
      out.push({ row: item.row, col, format: edit.numFmt ?? formats.get(edit.styleFrom ?? address), edit });
    } else if (isDayCell(cellAt(sheet, item.row, col))) {
      out.push({ row: item.row, col, format: formats.get(address), edit: undefined });
    }
  }
  return out;
}

/** Plans the 年月日 format on every date cell of the deadline column when the column mixes formats. */
export function planDateFormats(ledger: Ledger, cells: PlannedCells): void {
  const col = ledger.header.roles.get("deadline");
  const formats = ledger.sheet.dateFormats;
  if (col === undefined || formats === undefined) return;
  const dates = dateCells(ledger, cells, col, formats);
  // A date whose format the host did not report cannot be said to differ.
  const shown = new Set(dates.flatMap((d) => (d.format === undefined ? [] : [shape(d.format)])));
  if (shown.size <= 1) return;
  for (const d of dates) {
    if (d.format === undefined || sameDateFormat(d.format, DATE_FORMAT)) continue;
    const note = normalizeSays("dateFormatAlike", cells.lang, { format: d.format });
    if (d.edit !== undefined) {
      cells.add({ ...d.edit, numFmt: DATE_FORMAT, reason: normalizeSays("reasonWithNote", cells.lang, { reason: d.edit.reason, note }) });
      continue;
    }
    const value = cellAt(ledger.sheet, d.row, d.col);
    if (!isDayCell(value)) continue;
    cells.add(cells.edit(d.row, d.col, value, value, "deadline-format", note, DATE_FORMAT));
  }
}
