/**
 * Next month's version of a real ledger, made the way clerks make it. A version is a grid of
 * cells with its merges and, for the test's bookkeeping only, which row holds which item of the
 * first month (its key). Each edit below is one thing clerks do between months; tests combine
 * them and name the changes a diff must report, by key, and nothing else.
 *
 * The starting points are the real corpus (test/fixtures/real/) and the seed-based monthly
 * ledger (monthly-ledgers.ts): rows as their sources show them.
 */
import { parseA1 } from "../../../analytics/sheet/address.js";
import type { CellRange, CellValue } from "../../../analytics/sheet/sheet-model.js";
import type { RealLedger, RealSheet } from "../../fixtures/real/corpus-model.js";
import type { Cell, Role } from "../../fixtures/model.js";

export interface MonthVersion {
  readonly rows: readonly (readonly CellValue[])[];
  readonly merges: readonly CellRange[];
  /** Role → 1-based column, as the key of the first month gives it; edits keep it current. */
  readonly columns: Readonly<Partial<Record<Role, number>>>;
  /** The last header row. */
  readonly headerRow: number;
  /** 1-based sheet row → the item's key (its index in the first month, or a new name). */
  readonly items: ReadonlyMap<number, string>;
}

function cellValue(cell: Cell | undefined): CellValue {
  if (cell === undefined || cell === null) return null;
  if (typeof cell !== "object") return cell;
  if ("date" in cell) return { day: cell.date };
  if ("number" in cell) return cell.number;
  if ("formula" in cell) return typeof cell.result === "object" ? { error: cell.result.error } : cell.result;
  if ("error" in cell) return { error: cell.error };
  if ("rich" in cell) return cell.rich.map((r) => r.text).join("");
  return cell.text;
}

function rangeOf(ref: string): CellRange {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from!)!;
  const b = parseA1(to!)!;
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

const colOf = (letter: string): number => parseA1(`${letter}1`)!.col;

/** The first month: a real sheet as its source shows it. */
export function firstMonth(sheet: RealSheet): MonthVersion {
  const width = Math.max(...sheet.rows.flatMap((r) => Object.keys(r.cells).map(colOf)));
  const height = Math.max(...sheet.rows.map((r) => r.r));
  const rows: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  for (const spec of sheet.rows) for (const [letter, cell] of Object.entries(spec.cells)) rows[spec.r - 1]![colOf(letter) - 1] = cellValue(cell);
  const columns: Partial<Record<Role, number>> = {};
  for (const [role, letter] of Object.entries(sheet.key.columns ?? {})) columns[role as Role] = colOf(letter);
  return {
    rows,
    merges: (sheet.merges ?? []).map(rangeOf),
    columns,
    headerRow: sheet.key.header!.last,
    items: new Map((sheet.key.items ?? []).map((item, i) => [item.row, `#${i}`])),
  };
}

/** The first ledger sheet of a corpus workbook with the given id. */
export function corpusSheet(corpus: readonly RealLedger[], id: string): RealSheet {
  const ledger = corpus.find((l) => l.id === id);
  const sheet = ledger?.sheets.find((s) => s.key.isLedger);
  if (!sheet) throw new Error(`no ledger sheet in ${id}`);
  return sheet;
}

/** The first month from plain rows (a header row, then one row per item keyed by the given keys). */
export function monthOfRows(rows: readonly (readonly CellValue[])[], headerRow: number, keys: readonly string[], columns: Partial<Record<Role, number>>): MonthVersion {
  return { rows: rows.map((r) => [...r]), merges: [], columns, headerRow, items: new Map(keys.map((key, i) => [headerRow + 1 + i, key])) };
}

// ---- what a clerk does -------------------------------------------------------------------

const copyRows = (v: MonthVersion): CellValue[][] => v.rows.map((r) => [...r]);

function itemRowOf(v: MonthVersion, key: string): number {
  for (const [row, k] of v.items) if (k === key) return row;
  throw new Error(`no item ${key}`);
}

export function keysOf(v: MonthVersion): string[] {
  return [...v.items.entries()].sort((a, b) => a[0] - b[0]).map(([, key]) => key);
}

/** Writes one cell of an item's row, by role. */
export function setCell(v: MonthVersion, key: string, role: Role, value: CellValue): MonthVersion {
  const rows = copyRows(v);
  const col = v.columns[role];
  if (col === undefined) throw new Error(`no ${role} column`);
  rows[itemRowOf(v, key) - 1]![col - 1] = value;
  return { ...v, rows };
}

export function cellOf(v: MonthVersion, key: string, role: Role): CellValue {
  return v.rows[itemRowOf(v, key) - 1]![v.columns[role]! - 1] ?? null;
}

/**
 * Merged cells of the body written out into every cell they cover (what 取消合并并填充 does to
 * a category merged down its items); a section row merged across the table stays merged.
 */
export function unmergeBody(v: MonthVersion): MonthVersion {
  const rows = copyRows(v);
  const kept: CellRange[] = [];
  for (const m of v.merges) {
    if (m.top <= v.headerRow || m.top === m.bottom) {
      kept.push(m);
      continue;
    }
    const value = rows[m.top - 1]?.[m.left - 1] ?? null;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) rows[r - 1]![c - 1] = value;
  }
  return { ...v, rows, merges: kept };
}

/**
 * The items re-sorted (stably) by a key of their row, each run of consecutive item rows on its
 * own (section rows stay where they are), and the 序号 re-filled 1, 2, 3… as clerks do.
 */
export function sortItems(v: MonthVersion, by: (row: readonly CellValue[]) => string): MonthVersion {
  const flat = unmergeBody(v);
  const rows = copyRows(flat);
  const items = new Map<number, string>();
  const itemRows = [...flat.items.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < itemRows.length) {
    let end = start;
    while (end + 1 < itemRows.length && itemRows[end + 1] === itemRows[end]! + 1) end++;
    const run = itemRows.slice(start, end + 1);
    const sorted = [...run].sort((a, b) => by(flat.rows[a - 1]!).localeCompare(by(flat.rows[b - 1]!), "zh"));
    sorted.forEach((from, i) => {
      rows[run[i]! - 1] = [...flat.rows[from - 1]!];
      items.set(run[i]!, flat.items.get(from)!);
    });
    start = end + 1;
  }
  return refillSeq({ ...flat, rows, items });
}

/** 序号 re-filled 1, 2, 3… down the items. */
export function refillSeq(v: MonthVersion): MonthVersion {
  const col = v.columns.seq;
  if (col === undefined) return v;
  const rows = copyRows(v);
  [...v.items.keys()].sort((a, b) => a - b).forEach((row, i) => (rows[row - 1]![col - 1] = i + 1));
  return { ...v, rows };
}

const shiftRange = (m: CellRange, at: number, axis: "row" | "col"): CellRange =>
  axis === "row"
    ? { ...m, top: m.top >= at ? m.top + 1 : m.top, bottom: m.bottom >= at ? m.bottom + 1 : m.bottom }
    : { ...m, left: m.left >= at ? m.left + 1 : m.left, right: m.right >= at ? m.right + 1 : m.right };

/** A row inserted at `at` (1-based), the rows below moving down. */
export function insertRow(v: MonthVersion, at: number, cells: readonly CellValue[], key: string | null): MonthVersion {
  const rows = copyRows(v);
  rows.splice(at - 1, 0, [...cells]);
  const items = new Map<number, string>();
  for (const [row, k] of v.items) items.set(row >= at ? row + 1 : row, k);
  if (key !== null) items.set(at, key);
  return { ...v, rows, merges: v.merges.map((m) => shiftRange(m, at, "row")), headerRow: v.headerRow >= at ? v.headerRow + 1 : v.headerRow, items };
}

/** A copy of an item's row with some cells changed, inserted just below it, the 序号 re-filled. */
export function insertItemAfter(v: MonthVersion, afterKey: string, key: string, cells: Partial<Record<Role, CellValue>>): MonthVersion {
  const flat = unmergeBody(v);
  const after = itemRowOf(flat, afterKey);
  const row = [...flat.rows[after - 1]!];
  for (const [role, value] of Object.entries(cells)) row[flat.columns[role as Role]! - 1] = value;
  return refillSeq(insertRow(flat, after + 1, row, key));
}

/** An item's row taken out, the rows below moving up. */
export function deleteItem(v: MonthVersion, key: string): MonthVersion {
  const flat = unmergeBody(v);
  const at = itemRowOf(flat, key);
  const rows = copyRows(flat);
  rows.splice(at - 1, 1);
  const items = new Map<number, string>();
  for (const [row, k] of flat.items) if (row !== at) items.set(row > at ? row - 1 : row, k);
  const merges = flat.merges.map((m) => ({ ...m, top: m.top > at ? m.top - 1 : m.top, bottom: m.bottom >= at ? m.bottom - 1 : m.bottom }));
  return refillSeq({ ...flat, rows, merges, items });
}

/** A title row above everything ("2019年11月…台账"). */
export function addTitleRow(v: MonthVersion, title: string): MonthVersion {
  return insertRow(v, 1, [title], null);
}

/** A column inserted at `at` (1-based) with a header and, per item key, a value. */
export function insertColumn(v: MonthVersion, at: number, header: string, values: (key: string, row: readonly CellValue[]) => CellValue, role?: Role): MonthVersion {
  const rows = copyRows(v).map((r, i) => {
    const out = [...r];
    while (out.length < at - 1) out.push(null);
    const key = v.items.get(i + 1);
    out.splice(at - 1, 0, i + 1 === v.headerRow ? header : key !== undefined ? values(key, r) : null);
    return out;
  });
  const columns: Partial<Record<Role, number>> = {};
  for (const [r, c] of Object.entries(v.columns)) columns[r as Role] = c >= at ? c + 1 : c;
  if (role) columns[role] = at;
  // A header merged across its rows widens; a title merged across the table widens too.
  const merges = v.merges.map((m) => (m.left < at && m.right >= at ? { ...m, right: m.right + 1 } : shiftRange(m, at, "col")));
  return { ...v, rows, merges, columns };
}

const CHINESE_NUMBER = "一二三四五六七八九十";

/** Section rows numbered another way, as a new template does: "一、" → "（一）", "（一）" → "1.". */
export function renumberSections(v: MonthVersion): MonthVersion {
  const rows = copyRows(v);
  for (let r = v.headerRow + 1; r <= rows.length; r++) {
    if (v.items.has(r)) continue;
    const cells = rows[r - 1]!;
    const c = cells.findIndex((x) => typeof x === "string");
    if (c < 0) continue;
    const text = cells[c] as string;
    cells[c] = text
      .replace(/^[(（]([一二三四五六七八九十])[)）]/u, (_m, n: string) => `${CHINESE_NUMBER.indexOf(n) + 1}.`)
      .replace(/^([一二三四五六七八九十])、/u, "（$1）");
  }
  return { ...v, rows };
}

/** The header cell of a role's column rewritten (完成情况 → 整改进展情况). */
export function renameColumn(v: MonthVersion, role: Role, header: string): MonthVersion {
  const rows = copyRows(v);
  const col = v.columns[role]!;
  // A two-row header: the label sits in the first header row when the lower one is empty.
  let r = v.headerRow;
  while (r > 1 && (rows[r - 1]![col - 1] ?? null) === null) r--;
  rows[r - 1]![col - 1] = header;
  return { ...v, rows };
}

/** A role's column moved to column `to` (the others close up / make room). */
export function moveColumn(v: MonthVersion, role: Role, to: number): MonthVersion {
  const from = v.columns[role]!;
  const width = Math.max(...v.rows.map((r) => r.length));
  const order = Array.from({ length: width }, (_, i) => i + 1).filter((c) => c !== from);
  order.splice(to - 1, 0, from);
  const rows = v.rows.map((r) => order.map((c) => r[c - 1] ?? null));
  const place = new Map(order.map((c, i) => [c, i + 1]));
  const columns: Partial<Record<Role, number>> = {};
  for (const [r, c] of Object.entries(v.columns)) columns[r as Role] = place.get(c)!;
  // Merges across the moved column would tear; only single-column merges move with it.
  const merges = v.merges.filter((m) => m.left === m.right || m.top <= v.headerRow - 1).map((m) => (m.left === m.right ? { ...m, left: place.get(m.left)!, right: place.get(m.left)! } : m));
  return { ...v, rows, merges, columns };
}

/** Every filled cell of a role's column under the header rewritten by `write` (names spelled out, abbreviated). */
export function rewriteColumn(v: MonthVersion, role: Role, write: (text: string) => string): MonthVersion {
  const col = v.columns[role];
  if (col === undefined) return v;
  const rows = copyRows(v);
  for (let r = v.headerRow; r < rows.length; r++) {
    const value = rows[r]![col - 1];
    if (typeof value === "string") rows[r]![col - 1] = write(value);
  }
  return { ...v, rows };
}
