/**
 * The table under a header: which rows are items, which are section titles, where the
 * notes begin. Produces raw rows (what each role's cell shows); meaning comes later.
 */
import type { Header } from "./header.js";
import { MergeIndex } from "./sheet/merge-index.js";
import { filledCells, forEachFilled, isBlank, type CellValue, type Sheet } from "./sheet/sheet-model.js";
import { cellText, compact, compactEquals, tidy } from "./text.js";

export interface TableRow {
  readonly row: number;
  /** The category this row falls under: its own column, or the section row above it. */
  readonly category: string | null;
  readonly hidden: boolean;
}

export interface Table {
  readonly rows: readonly TableRow[];
  /** Section rows met inside the table ("一、党的领导弱化方面"): row -> category. */
  readonly sections: ReadonlyMap<number, string>;
  /** The first row of the notes under the table, if any. */
  readonly notesRow: number | null;
  /** Rows of an export template's placeholders (${data.x}, {{x}}, #{x}): not items (contract §2). */
  readonly templateRows: ReadonlyMap<number, string>;
  /**
   * How often each text shows in the items' deadline column (merges filled in): the base-year
   * vote (contract §4) counts them before any deadline is read, and the walk over the table
   * collects them so no second walk over the rows is needed.
   */
  readonly deadlineTexts: ReadonlyMap<string, number>;
}

const PLACEHOLDER = /\$\{[^}]*\}|\{\{[^}]*\}\}|#\{[^}]*\}/u;

/** The row's first placeholder when at least half its `filled` cells are placeholders; else null. */
function templatePlaceholder(cells: readonly CellValue[] | undefined, filled: number): string | null {
  if (!cells) return null;
  // Every placeholder form holds "{". Once more than half the filled cells are seen without one,
  // half cannot be placeholders, in whatever order they are seen: numbers, dates and short texts
  // (names, deadlines) first, so an item row is passed over before its long texts are searched.
  let withoutBrace = 0;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (value === null || value === undefined) continue;
    if (typeof value === "string") {
      if (value.length > SHORT_CELL) continue;
      if (holdsBrace(value)) return placeholderIfMost(cells);
      if (isBlank(value)) continue;
    }
    if (++withoutBrace * 2 > filled) return null;
  }
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (typeof value !== "string" || value.length <= SHORT_CELL) continue;
    if (value.includes("{")) return placeholderIfMost(cells);
    if (!isBlank(value) && ++withoutBrace * 2 > filled) return null;
  }
  return null;
}

/** Cells this short are searched for "{" by a loop, cheaper than a call on a name or a date. */
const SHORT_CELL = 12;

function holdsBrace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x7b) return true;
  return false;
}

/** The first placeholder, when placeholders are at least half the filled cells. */
function placeholderIfMost(cells: readonly CellValue[]): string | null {
  let filled = 0;
  let placeholders = 0;
  let first: string | null = null;
  for (const value of cells) {
    if (isBlank(value)) continue;
    filled++;
    if (typeof value === "string" && PLACEHOLDER.test(value)) {
      placeholders++;
      first ??= value.trim();
    }
  }
  return placeholders > 0 && placeholders * 2 >= filled ? first : null;
}

/** Rows under the table that are signatures and remarks, not items. */
const NOTE_PREFIX = /^(填报人|填表人|审核人|制表人|联系人|联系电话|签发人|负责人签字|单位负责人|备注|说明|注|附注)[:：]?/u;
const NOTE_NEEDS_COLON = /^(备注|说明|注|附注)$/u;

/** A totals row's first cell: its figures sum the items above, it is none of them. */
const TOTAL_ROW = /^(?:合计|总计|小计|共计|总合计)[:：]?$/u;

/** "一、…", "（二）…", "第三部分 …", "二. …": a section heading inside the table. */
const SECTION_HEADING = /^(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+(?:部分|方面|类|章)[、:：\s]?)/u;

/** What is left of a section title once its number is gone. */
export function sectionCategory(text: string): string {
  return tidy(text).replace(SECTION_HEADING, "").replace(/^[\s、.．:：]+/u, "").trim() || tidy(text);
}

function ownTexts(sheet: Sheet, row: number): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  forEachFilled(sheet.rows[row - 1], (value, col) => void out.push({ col, text: typeof value === "string" ? value : String(value) }));
  return out;
}

/**
 * Whether a row opens a signature block: from it to the sheet's end, two or more rows and each a
 * single cell (an office's name over a date). The sheet's tail of single-cell and blank rows is
 * counted once, from the end, so asking on every row of a long run of headings stays linear.
 */
function signatureBlocks(sheet: Sheet): (row: number) => boolean {
  const last = sheet.rows.length;
  // linesFrom[last - row]: the single-cell rows from `row` to the end, for rows in the tail.
  const linesFrom: number[] = [];
  let lines = 0;
  for (let r = last; r >= 1; r--) {
    const filled = filledCells(sheet.rows[r - 1]);
    if (filled > 1) break;
    if (filled === 1) lines++;
    linesFrom.push(lines);
  }
  return (row) => (linesFrom[last - row] ?? 0) >= 2;
}

function isNoteRow(texts: { text: string }[]): boolean {
  const first = texts[0];
  if (!first) return false;
  const key = compact(first.text);
  const m = NOTE_PREFIX.exec(key);
  if (!m) return false;
  // "备注" alone could be a column caption repeated; a note says something after it.
  return !(NOTE_NEEDS_COLON.test(m[1]!) && key.length === m[0].length && texts.length === 1);
}

/**
 * A row holding one title and nothing in the item columns: either numbered ("一、…",
 * "（二）…") or merged across the table.
 */
function sectionTitle(sheet: Sheet, merges: MergeIndex, header: Header, row: number): string | null {
  const texts = ownTexts(sheet, row);
  if (texts.length === 0 || texts.length > 2) return null;
  for (const role of ["deadline", "status", "unit", "owner", "leader"] as const) {
    const col = header.roles.get(role);
    if (col !== undefined && texts.some((t) => t.col === col)) return null;
  }
  const text = texts[texts.length - 1]!.text;
  const title = tidy(text);
  if (title.length > 60) return null;
  if (texts.length === 2 && !/^[\d一二三四五六七八九十()（）]+[、.．]?$/u.test(tidy(texts[0]!.text))) return null;
  const numbered = SECTION_HEADING.test(title) || (texts.length === 2 && /^[一二三四五六七八九十]+$/u.test(tidy(texts[0]!.text)));
  const range = merges.rangeAt(row, texts[texts.length - 1]!.col);
  const spansTable = range !== undefined && range.right - range.left >= 2;
  if (!numbered && !spansTable) return null;
  return texts.length === 2 && !SECTION_HEADING.test(title) ? title : sectionCategory(title);
}

/**
 * A test for rows whose cells in the role columns read as those columns' own headers (a header
 * repeated mid-sheet, as on a ledger pasted from several pages). The labels are folded once per
 * sheet; a cell is folded only when it might fold to its label.
 */
function headerRepeatTest(header: Header): (cells: readonly CellValue[] | undefined) => boolean {
  const columns = header.columns.map((column) => {
    const label = compact(column.label);
    return { index: column.col - 1, label };
  });
  // Two labels at least, and half of them: an item row is let go once too few columns are left.
  const needed = Math.max(2, Math.ceil(columns.length / 2));
  return (cells) => {
    if (!cells) return false;
    let same = 0;
    for (let i = 0; i < columns.length; i++) {
      if (same + columns.length - i < needed) return false;
      const { index, label } = columns[i]!;
      const value = cells[index];
      if (typeof value === "string" && compactEquals(value, label)) same++;
    }
    return same >= needed;
  };
}

export function readTable(sheet: Sheet, header: Header, merges = new MergeIndex(sheet)): Table {
  const rows: TableRow[] = [];
  const sections = new Map<number, string>();
  const categoryCol = header.roles.get("category");
  const repeatsHeader = headerRepeatTest(header);
  const itemColumns = [...header.roles].filter(([role]) => role !== "seq" && role !== "category").map(([, col]) => col);
  const holdsItem = (cells: readonly CellValue[] | undefined): boolean => {
    if (!cells) return false;
    for (let i = 0; i < itemColumns.length; i++) if (!isBlank(cells[itemColumns[i]! - 1] ?? null)) return true;
    return false;
  };
  let sectionCategoryNow: string | null = null;
  let lastCategory: string | null = null;
  // A merged category shows one text down many rows: tidy it once.
  let lastCategoryText: string | null = null;
  let notesRow: number | null = null;
  const templateRows = new Map<number, string>();
  const seqCol = header.roles.get("seq");
  // Whether every item so far carries its number: then a lone unnumbered cell under a gap is a note.
  let allNumbered = seqCol !== undefined;
  let opensSignature: ((row: number) => boolean) | null = null;
  const deadlineCol = header.roles.get("deadline");
  // Each text's count in a box of its own: a row's count is one lookup, not a lookup and a store.
  const deadlineCounts = new Map<string, [number]>();
  const anyHidden = sheet.hiddenRows.size > 0;

  for (let row = header.lastRow + 1; row <= sheet.rows.length; row++) {
    const cells = sheet.rows[row - 1];
    if (!cells) continue;
    // One look at each cell: how many are filled, and the first of them.
    let filled = 0;
    let first: CellValue = null;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i]!;
      if (isBlank(value)) continue;
      if (filled++ === 0) first = value;
    }
    if (filled === 0) continue;
    // Notes and section titles hold a few cells; item rows skip these tests.
    if (filled <= 4 && isNoteRow(ownTexts(sheet, row))) {
      notesRow = row;
      break;
    }
    // One cell and no number, below numbered items, under a blank row or opening a block of such
    // rows to the end: the note or the signature under the table (公示时间…, (联系人:…), the
    // office's name over the date), not an item.
    if (filled === 1 && allNumbered && rows.length > 0 && isBlank(cells[seqCol! - 1] ?? null)
      && (filledCells(sheet.rows[row - 2]) === 0 || (opensSignature ??= signatureBlocks(sheet))(row))) {
      notesRow = row;
      break;
    }
    const title = filled <= 2 ? sectionTitle(sheet, merges, header, row) : null;
    if (title !== null) {
      sections.set(row, title);
      sectionCategoryNow = title;
      continue;
    }
    // Rows holding only a number or a category are unused template rows, not items.
    if (!holdsItem(cells)) continue;
    if (typeof first === "string" && first.length <= 12 && TOTAL_ROW.test(compact(first))) continue;
    // The header repeated down the sheet (printed pages) is no item.
    if (repeatsHeader(cells)) continue;
    const placeholder = templatePlaceholder(cells, filled);
    if (placeholder !== null) {
      templateRows.set(row, placeholder);
      continue;
    }
    let category: string | null = sectionCategoryNow;
    if (categoryCol !== undefined) {
      const own = cellText(merges.shownValue(row, categoryCol));
      // A category written once and left blank below means "same as above".
      if (own === null) category = lastCategory ?? sectionCategoryNow;
      else category = own === lastCategoryText ? lastCategory : tidy(own);
      lastCategoryText = own;
      lastCategory = category;
    }
    if (allNumbered && isBlank(cells[seqCol! - 1] ?? null)) allNumbered = false;
    rows.push({ row, category, hidden: anyHidden && sheet.hiddenRows.has(row) });
    if (deadlineCol !== undefined) {
      const deadline = cellText(merges.shownValue(row, deadlineCol));
      if (deadline !== null) {
        const count = deadlineCounts.get(deadline);
        if (count === undefined) deadlineCounts.set(deadline, [1]);
        else count[0]++;
      }
    }
  }
  const deadlineTexts = new Map<string, number>();
  for (const [text, [count]] of deadlineCounts) deadlineTexts.set(text, count);
  return { rows, sections, notesRow, templateRows, deadlineTexts };
}
