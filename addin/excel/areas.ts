/**
 * Addresses as Office.js returns them: "Sheet1!A1:K2", a RangeAreas list such as
 * "'My, Sheet'!A4:A5, 'My, Sheet'!B4:B9", or whole rows and columns ("Sheet1!3:5", "C:D").
 * The sheet part is dropped; the core addresses cells by row and column.
 */
import { a1, columnNumber, GRID_COLUMNS, GRID_ROWS } from "../../analytics/sheet/address.js";
import type { CellRange } from "../../analytics/sheet/sheet-model.js";


/** Splits a list of areas at commas that are not inside a quoted sheet name. */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted; // '' inside a quoted name toggles twice: no effect
    else if (ch === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** The reference after the last "!" (cell references never contain one, sheet names may). */
function withoutSheet(area: string): string {
  return area.slice(area.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
}

const CELL = /^([A-Z]{1,3})(\d+)$/;
const ROW = /^(\d+)$/;
const COLUMN = /^([A-Z]{1,3})$/;

function corner(text: string): { row: number | null; col: number | null } | null {
  let m = CELL.exec(text);
  if (m) return { row: Number(m[2]), col: columnNumber(m[1]!) };
  m = ROW.exec(text);
  if (m) return { row: Number(m[1]), col: null };
  m = COLUMN.exec(text);
  if (m) return { row: null, col: columnNumber(m[1]!) };
  return null;
}

/** One area ("A1", "A1:B5", "3:5", "C:D"), with or without its sheet, as a range; null if unreadable. */
export function parseArea(area: string): CellRange | null {
  const [from, to = from] = withoutSheet(area).split(":");
  const a = corner(from ?? "");
  const b = corner(to ?? "");
  if (!a || !b) return null;
  return {
    top: Math.min(a.row ?? 1, b.row ?? 1),
    bottom: Math.max(a.row ?? GRID_ROWS, b.row ?? GRID_ROWS),
    left: Math.min(a.col ?? 1, b.col ?? 1),
    right: Math.max(a.col ?? GRID_COLUMNS, b.col ?? GRID_COLUMNS),
  };
}

export function parseAreas(address: string): CellRange[] {
  const ranges: CellRange[] = [];
  for (const area of splitAreas(address)) {
    const range = parseArea(area);
    if (range) ranges.push(range);
  }
  return ranges;
}

/** "A1:K2" for a range ("A1" for a single cell). */
export function rangeAddress(range: CellRange): string {
  const from = a1(range.top, range.left);
  return range.top === range.bottom && range.left === range.right ? from : `${from}:${a1(range.bottom, range.right)}`;
}

/** Every A1 cell of the areas, for small sets such as formula cells (capped by the caller's range). */
export function cellsOf(ranges: readonly CellRange[], within: CellRange): Set<string> {
  const cells = new Set<string>();
  for (const r of ranges) {
    const top = Math.max(r.top, within.top);
    const bottom = Math.min(r.bottom, within.bottom);
    const left = Math.max(r.left, within.left);
    const right = Math.min(r.right, within.right);
    for (let row = top; row <= bottom; row++) for (let col = left; col <= right; col++) cells.add(a1(row, col));
  }
  return cells;
}

/** Rows of `within` that no area touches: hidden rows, given the visible areas. */
export function rowsNotCovered(visible: readonly CellRange[], within: CellRange): Set<number> {
  return linesNotCovered(visible.map((r) => [r.top, r.bottom]), within.top, within.bottom);
}

/** Columns of `within` that no area touches: hidden columns, given the visible areas. */
export function columnsNotCovered(visible: readonly CellRange[], within: CellRange): Set<number> {
  return linesNotCovered(visible.map((r) => [r.left, r.right]), within.left, within.right);
}

function linesNotCovered(spans: readonly (readonly [number, number])[], first: number, last: number): Set<number> {
  const covered = new Uint8Array(last - first + 1);
  for (const [from, to] of spans) {
    for (let line = Math.max(from, first); line <= Math.min(to, last); line++) covered[line - first] = 1;
  }
  const hidden = new Set<number>();
  covered.forEach((c, i) => {
    if (c === 0) hidden.add(first + i);
  });
  return hidden;
}
