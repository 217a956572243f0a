/**
 * A web page laid out as the one sheet Excel or WPS shows when it opens it: lines of text one
 * to a row in column A, each table's rows below, a cell spanning rows or columns a merged range
 * (rowspans kept from pushing later cells of those rows aside), a row styled display:none hidden.
 */
import { userMessage } from "../findings/user-message.js";
import { GRID_COLUMNS, GRID_ROWS } from "../sheet/address.js";
import type { CellRange, CellValue, Sheet } from "../sheet/sheet-model.js";
import { typedText } from "../sheet/typed-text.js";
import { readError } from "../xlsx/read-errors.js";
import type { PageBlock, PageCell, PageTable } from "./html-page.js";


export function pageSheet(blocks: readonly PageBlock[], name: string): Sheet {
  const rows: CellValue[][] = [];
  const merges: CellRange[] = [];
  const hiddenRows = new Set<number>();

  const addRow = (): CellValue[] => {
    if (rows.length >= GRID_ROWS) throw readError("too-large", userMessage("page-beyond-grid", { sheet: name }));
    const row: CellValue[] = [];
    rows.push(row);
    return row;
  };

  const placeTable = (table: PageTable): void => {
    for (const line of table.caption) addRow().push(line);
    // Per column, the last row a rowspan above still covers.
    const coveredTo: number[] = [];
    const tableMerges: CellRange[] = [];
    for (const tr of table.rows) {
      const row = addRow();
      const r = rows.length;
      if (tr.hidden) hiddenRows.add(r);
      let col = 1;
      for (const cell of tr.cells) {
        while ((coveredTo[col] ?? 0) >= r) col++;
        const right = col + cell.colspan - 1;
        if (right > GRID_COLUMNS) throw readError("too-large", userMessage("page-beyond-grid", { sheet: name }));
        const value = cellValue(cell);
        if (value !== null) {
          while (row.length < col - 1) row.push(null);
          row[col - 1] = value;
        }
        const mergedTo = cell.overflow ? col : right;
        if (cell.rowspan > 1 || mergedTo > col) tableMerges.push({ top: r, left: col, bottom: r + cell.rowspan - 1, right: mergedTo });
        for (let c = col; c <= right; c++) coveredTo[c] = r + cell.rowspan - 1;
        col = right + 1;
      }
    }
    // A rowspan past the table's last row ends with the table, as a browser draws it.
    const last = rows.length;
    for (const m of tableMerges) {
      const bottom = Math.min(m.bottom, last);
      if (bottom > m.top || m.right > m.left) merges.push(bottom === m.bottom ? m : { ...m, bottom });
    }
  };

  const place = (list: readonly PageBlock[]): void => {
    for (const block of list) {
      if (block.kind === "line") addRow().push(block.text);
      else if (isLayout(block.table)) {
        for (const line of block.table.caption) addRow().push(line);
        for (const tr of block.table.rows) for (const cell of tr.cells) place(blocksOf(cell));
      } else placeTable(block.table);
    }
  };
  place(blocks);
  return { name, hidden: false, rows, merges, hiddenRows, formulaCells: new Set() };
}

/** A table some cell of which holds a table: the page's frame, not a ledger. */
function isLayout(table: PageTable): boolean {
  return table.rows.some((tr) => tr.cells.some((cell) => typeof cell.content !== "string" && cell.content.some((b) => b.kind === "table")));
}

function blocksOf(cell: PageCell): readonly PageBlock[] {
  if (typeof cell.content !== "string") return cell.content;
  return cell.content === "" ? [] : [{ kind: "line", text: cell.content }];
}

/** What the cell shows: its lines, a plain decimal as a number unless the cell is marked text. */
function cellValue(cell: PageCell): CellValue {
  if (typeof cell.content === "string") return typedText(cell.content, cell.text);
  return typedText(cell.content.map((b) => (b.kind === "line" ? b.text : "")).filter((t) => t !== "").join("\n"), cell.text);
}
