/** A1 addresses: column letters and back. Columns and rows are 1-based, as in Excel. */

/** Excel's grid: 1,048,576 rows, 16,384 columns (A to XFD). */
export const GRID_ROWS = 1_048_576;
export const GRID_COLUMNS = 16_384;

export function columnLetter(col: number): string {
  let n = col;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return columnLetter(col) + String(row);
}

const A1_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** "C12" -> { row: 12, col: 3 }; null for anything that is not a single A1 cell. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = A1_PATTERN.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]!) };
}
