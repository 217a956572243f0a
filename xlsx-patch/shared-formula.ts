/**
 * The formula a follower of a shared formula holds. Excel writes a formula filled down a column
 * once, on its first cell (`<f t="shared" ref="G2:G13" si="0">…`), and each other cell as
 * `<f t="shared" si="0"/>`: the follower's formula is the first one with every relative
 * reference moved by the distance between the two cells ($-anchored parts stay).
 */
import { columnLetter, columnNumber, GRID_COLUMNS, GRID_ROWS } from "../analytics/sheet/address.js";

/** A cell reference token: not part of a longer name, not a function (LOG10( is no cell). */
const REFERENCE = /(?<![A-Za-z0-9_.$\u0080-\uffff])(\$?)([A-Z]{1,3})(\$?)([1-9]\d{0,6})(?![A-Za-z0-9_(\u0080-\uffff])/gu;

/** `formula` (without "=") moved `rows` down and `cols` right; string literals are left as they are. */
export function shiftedFormula(formula: string, rows: number, cols: number): string {
  // Between double quotes is text ("已完成"), even pieces are formula.
  return formula
    .split('"')
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(REFERENCE, (whole, colAnchor: string, letters: string, rowAnchor: string, digits: string) => {
            const col = colAnchor === "" ? columnNumber(letters) + cols : columnNumber(letters);
            const row = rowAnchor === "" ? Number(digits) + rows : Number(digits);
            if (col < 1 || col > GRID_COLUMNS || row < 1 || row > GRID_ROWS) return whole;
            return `${colAnchor}${columnLetter(col)}${rowAnchor}${row}`;
          }),
    )
    .join('"');
}
