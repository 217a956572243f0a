/**
 * One worksheet part patched as it streams by: rows without an edit pass through untouched,
 * edited rows are rebuilt cell by cell (other cells as they were), rows that did not exist are
 * added in place; after sheetData the dissolved merges are removed and the flags and dropdowns
 * added where CT_Worksheet wants them. Before sheetData, the new column's width and the
 * dimension. Nothing else in the part changes, down to its whitespace.
 */
import type { Lang } from "../analytics/lang.js";
import { CataloguedError, firstItems, userMessage } from "../analytics/findings/user-message.js";
import { readError, WorkbookReadError } from "../analytics/xlsx/read-errors.js";
import { a1, columnLetter, columnNumber, parseA1 } from "../analytics/sheet/address.js";
import { CellMap } from "../analytics/normalize/cell-map.js";
import { widthOfCharacters } from "../analytics/normalize/column-width.js";
import { isFormulaValue, type CellEdit, type ChangePlan, type DateColumnWidth, type NewColumn, type WrapText } from "../analytics/normalize/types.js";
import { cellValueOf, cellXml, holds, type CellContext } from "./cell-xml.js";
import { patchFlags, type AddedFlag } from "./flag-formats.js";
import type { StylesPatch } from "./styles.js";
import { patchValidations, type AddedValidation } from "./validations.js";
import { attrOf, setAttr } from "./tag-attributes.js";
import { AppendedColumns, growFilter } from "./ledger-ranges.js";
import { lineHeightOf, raisedRow, wrappedLines } from "./row-heights.js";
import { insertInOrder, topElements } from "./worksheet-order.js";
import { XmlScanner } from "../analytics/xlsx/xml-scanner.js";

/** The cells of a plan that no longer hold what it read (a plan made from another file). */
export class PlanConflictError extends CataloguedError {
  override readonly name = "PlanConflictError";
  constructor(readonly cells: readonly string[]) {
    super(userMessage("plan-cells-differ", { count: cells.length, cells: firstItems(cells) }));
  }
}

export interface SheetPlan {
  readonly edits: readonly CellEdit[];
  readonly unmergeRefs: ReadonlySet<string>;
  readonly plan: ChangePlan;
  readonly sheet: string;
  readonly newColumns: readonly NewColumn[];
  /** Columns that get dates, and the width each needs. */
  readonly dateColumns: readonly DateColumnWidth[];
  /** Merges to add (A1 ranges), and dissolved merges whose filled text wraps. */
  readonly mergeRefs: readonly string[];
  readonly wraps: readonly WrapText[];
  readonly lang: Lang;
}

export interface SheetPatchResult {
  readonly changed: boolean;
  /** The number format code a cell had before its edit, for edits that set a format. */
  readonly oldFormats: CellMap<string>;
  readonly flags: readonly AddedFlag[];
  readonly validations: readonly AddedValidation[];
  readonly validatedCells: number;
  /** The plan's wraps this patch made (one whose cells already wrapped is left out). */
  readonly wraps: readonly WrapText[];
  /** Whether an edit wrote a formula, or wrote over one: the calculation chain no longer holds. */
  readonly formulasTouched: boolean;
  /** The sheet filter's range when it grew over the appended columns. */
  readonly filterRef?: string;
  /** Date columns made wider, each with its width before and after (characters, as in `<col width>`). */
  readonly widenings: readonly { readonly col: number; readonly from: number; readonly to: number }[];
}

/** A cell element holding a formula (<f>, shared or not). */
const FORMULA = /<(?:\w+:)?f[\s/>]/u;

/**
 * What the patch does at one row, found by one lookup as the row streams by: the row is rebuilt
 * when it has edits or holds a wrapped range's top-left; it is watched (its cells' styles noted)
 * when other cells take their style from it.
 */
interface RowWork {
  /** The row's edits, left to right; undefined when the row is only watched. */
  edits: CellEdit[] | undefined;
  /** Columns whose style filled cells take. */
  sources: Set<number> | undefined;
  /** Wrapped ranges by the column of their top-left in this row. */
  tops: Map<number, WrapText> | undefined;
}

/** A cell of a row being watched: its column, style, and where its element lies in the part. */
interface CellSpan {
  readonly col: number;
  readonly style: number;
  readonly start: number;
  end: number;
}

/** A row with edits or style sources, from its start tag to its end tag. */
interface WatchedRow {
  readonly number: number;
  readonly start: number;
  readonly openEnd: number;
  readonly selfClosing: boolean;
  readonly cells: CellSpan[];
  readonly work: RowWork;
}

/**
 * The part is read by the project's XML scanner (analytics/xlsx/xml-scanner.ts), so a comment,
 * a processing instruction or CDATA anywhere in it is what XML says it is: never a row, never
 * the end of one, and copied through as it was; attributes are read as XML reads them (either
 * quote, references resolved). The patch keeps the part's own text beside the scanner and
 * copies it, from the scanner's tag positions, wherever nothing changes.
 */
export class WorksheetPatch {
  private phase: "head" | "data" | "tail" = "head";
  private readonly scanner: XmlScanner;
  /** The part's text not yet handed on, from `textStart` (characters into the part). */
  private text = "";
  private textStart = 0;
  /** Everything before this (characters into the part) is handed on or replaced. */
  private copied = 0;
  private out: string[] = [];
  private prefix = "";
  private depth = 0;
  private previousRow = 0;
  private previousCol = 0;
  private row: WatchedRow | null = null;
  /** A row opened without r, not yet known to be which: its text is held until its first child. */
  private unnumbered: { readonly start: number; readonly openEnd: number } | null = null;
  private cell: CellSpan | null = null;
  private readonly rows = new Map<number, RowWork>();
  private readonly pendingRows: number[];
  private pendingAt = 0;
  private readonly sourceStyles = new Map<string, number>();
  private readonly conflicts: string[] = [];
  private changed = false;
  private formulasTouched = false;
  /** A row or a cell came before one it follows (legal XML, which Excel sorts on load; a patch in place cannot). */
  private outOfOrder = false;
  readonly oldFormats = new CellMap<string>();
  /** Each cell of a wrapped range → the range (its top-left is found by row, in RowWork.tops). */
  private readonly wrapOf = new CellMap<WrapText>();
  /** Ranges whose top-left already wraps: its filled cells copy that style, nothing to add. */
  private readonly alreadyWrapped = new Set<WrapText>();
  /** The sheet's column widths after the head's patch (characters), and the height of one line of text. */
  private columnWidth: (col: number) => number = () => Number.POSITIVE_INFINITY;
  private lineHeight = 15;
  /** The most lines a wrapped cell of the row being rebuilt needs. */
  private rowLines = 1;
  private readonly widenings: { col: number; from: number; to: number }[] = [];

  constructor(
    private readonly sheet: SheetPlan,
    private readonly styles: StylesPatch,
    private readonly context: CellContext,
    private readonly emit: (text: string) => void,
    partName = sheet.sheet,
  ) {
    const work = (row: number): RowWork => {
      let r = this.rows.get(row);
      if (r === undefined) this.rows.set(row, (r = { edits: undefined, sources: undefined, tops: undefined }));
      return r;
    };
    // A merge's top-left is the style source of each cell filled from it: read once a merge.
    const sources = new Set<string>();
    for (const e of sheet.edits) {
      const r = work(e.row);
      (r.edits ??= []).push(e);
      if (e.styleFrom !== undefined && !sources.has(e.styleFrom)) {
        const source = parseA1(e.styleFrom)!;
        sources.add(e.styleFrom);
        (work(source.row).sources ??= new Set()).add(source.col);
      }
    }
    for (const w of sheet.wraps) {
      const range = parseRange(w.ref);
      if (range === null) continue;
      for (let row = range.top; row <= range.bottom; row++) for (let col = range.left; col <= range.right; col++) this.wrapOf.set(row, col, w);
      const top = work(range.top);
      (top.tops ??= new Map()).set(range.left, w);
      // The top-left holds the text and no edit: its row is rebuilt for its style alone.
      top.edits ??= [];
    }
    const rebuilt: number[] = [];
    for (const [number, r] of this.rows) {
      if (r.edits === undefined) continue;
      r.edits.sort((a, b) => a.col - b.col);
      rebuilt.push(number);
    }
    this.pendingRows = rebuilt.sort((a, b) => a - b);
    this.scanner = new XmlScanner(partName, {
      open: (name, selfClosing) => this.open(name, selfClosing),
      close: (name) => this.close(name),
      text: () => undefined,
    });
  }

  push(text: string): void {
    this.text = this.text === "" ? text : this.text + text;
    this.scanner.push(text);
    if (this.phase === "data") {
      // Hand on what is done: everything before a watched row still open, or before the scanner's carry.
      this.copyTo(this.row?.start ?? this.unnumbered?.start ?? this.scanner.scannedTo);
      this.flush();
    }
  }

  finish(): SheetPatchResult {
    this.scanner.end();
    if (this.phase === "head") throw readError("corrupt", userMessage("sheet-no-data", { part: this.sheet.sheet }));
    if (this.phase === "data") throw readError("corrupt", userMessage("sheet-cut-short", { part: this.sheet.sheet }));
    if (this.outOfOrder) throw new WorkbookReadError("corrupt", userMessage("sheet-out-of-order", { sheet: this.sheet.sheet }));
    if (this.conflicts.length > 0) throw new PlanConflictError(this.conflicts);
    const result = this.patchTail(this.text.slice(this.copied - this.textStart));
    this.flush();
    this.emit(result.xml);
    return {
      changed: this.changed || result.changed,
      oldFormats: this.oldFormats,
      flags: result.flags,
      validations: result.validations,
      validatedCells: result.validatedCells,
      wraps: this.sheet.wraps.filter((w) => !this.alreadyWrapped.has(w)),
      formulasTouched: this.formulasTouched,
      filterRef: result.filterRef,
      widenings: this.widenings,
    };
  }

  /** The part's own text from `from` to `to` (characters into the part). */
  private slice(from: number, to: number): string {
    return this.text.slice(from - this.textStart, to - this.textStart);
  }

  /** Copies the part's text up to `to` to the output as it is. */
  private copyTo(to: number): void {
    if (to > this.copied) this.out.push(this.slice(this.copied, to));
    this.copied = Math.max(this.copied, to);
  }

  private flush(): void {
    // Handed on piece by piece: joined, a chunk's rows would make one large string.
    for (const piece of this.out) if (piece !== "") this.emit(piece);
    this.out = [];
    // Drop what is handed on; the text kept is bounded by a row and the scanner's carry.
    if (this.copied > this.textStart) {
      this.text = this.text.slice(this.copied - this.textStart);
      this.textStart = this.copied;
    }
  }

  private open(name: string, selfClosing: boolean): void {
    this.depth++;
    if (this.phase === "head") {
      if (name === "sheetData" && this.depth === 2) this.openSheetData(selfClosing);
      return;
    }
    if (this.phase !== "data") return;
    if (name === "row" && this.depth === 3) this.openRow(selfClosing);
    else if (this.depth === 4 && this.unnumbered !== null) this.numberUnnumbered(name === "c" ? this.scanner.attr("r") : undefined);
    if (name === "c" && this.depth === 4 && this.row !== null) {
      const scanner = this.scanner;
      const ref = scanner.attr("r");
      const col = (ref === undefined ? 0 : columnOfRef(ref)) || this.previousCol + 1;
      if (col <= this.previousCol) this.outOfOrder = true;
      this.previousCol = col;
      const s = scanner.attr("s");
      const cell: CellSpan = { col, style: s === undefined ? 0 : Number(s), start: scanner.tagFrom, end: scanner.tagTo };
      this.row.cells.push(cell);
      this.cell = selfClosing ? null : cell;
    }
  }

  private close(name: string): void {
    const depth = this.depth--;
    if (this.phase !== "data") return;
    if (depth === 4 && name === "c" && this.cell !== null) {
      this.cell.end = this.scanner.tagTo;
      this.cell = null;
    } else if (depth === 3 && name === "row" && this.unnumbered !== null) {
      // A row with no cells.
      this.numberUnnumbered(undefined);
      if (this.row !== null) this.closeRow(this.row, this.scanner.tagFrom, this.scanner.tagTo);
    } else if (depth === 3 && name === "row" && this.row !== null && !this.row.selfClosing) {
      this.closeRow(this.row, this.scanner.tagFrom, this.scanner.tagTo);
    } else if (depth === 2 && name === "sheetData") {
      this.copyTo(this.scanner.tagFrom);
      this.rowsBefore(Infinity);
      this.copyTo(this.scanner.tagTo);
      this.phase = "tail";
    }
  }

  // ─── sheetData ───────────────────────────────────────────────────────────────────────────────

  private openSheetData(selfClosing: boolean): void {
    const { tagFrom, tagTo } = this.scanner;
    const tag = this.slice(tagFrom, tagTo);
    this.prefix = /^<(\w+:)?/u.exec(tag)?.[1] ?? "";
    this.out.push(this.patchHead(this.slice(this.textStart, tagFrom)));
    this.copied = tagFrom;
    if (selfClosing) {
      // An empty sheetData: opened and closed around the rows the plan adds.
      this.out.push(`<${this.prefix}sheetData>`);
      this.rowsBefore(Infinity);
      this.out.push(`</${this.prefix}sheetData>`);
      if (this.pendingRows.length > 0) this.changed = true;
      this.copied = tagTo;
      this.phase = "tail";
      return;
    }
    this.copyTo(tagTo);
    this.phase = "data";
  }

  private openRow(selfClosing: boolean): void {
    const scanner = this.scanner;
    const r = scanner.attr("r");
    this.previousCol = 0;
    if (r === undefined && !selfClosing) {
      // Which row this is waits for its first cell, as the reader reads it (worksheet-part.ts).
      this.unnumbered = { start: scanner.tagFrom, openEnd: scanner.tagTo };
      return;
    }
    this.beginRow(r === undefined || !/^\d+$/u.test(r) ? this.previousRow + 1 : Number(r), scanner.tagFrom, scanner.tagTo, selfClosing);
  }

  /**
   * An unnumbered row is the one its first cell's reference names (writers that leave rows
   * unnumbered still number cells, and skip empty rows), else the row after the last.
   */
  private numberUnnumbered(cellRef: string | undefined): void {
    const row = this.unnumbered!;
    this.unnumbered = null;
    const digits = cellRef === undefined ? undefined : /^[A-Za-z]+(\d+)$/u.exec(cellRef)?.[1];
    this.beginRow(digits === undefined ? this.previousRow + 1 : Number(digits), row.start, row.openEnd, false);
  }

  private beginRow(number: number, start: number, openEnd: number, selfClosing: boolean): void {
    if (number <= this.previousRow) this.outOfOrder = true;
    this.previousRow = number;
    if (this.pendingAt < this.pendingRows.length && this.pendingRows[this.pendingAt]! <= number) {
      this.copyTo(start);
      this.rowsBefore(number);
    }
    const work = this.rows.get(number);
    if (work === undefined) return;
    const row: WatchedRow = { number, start, openEnd, selfClosing, cells: [], work };
    if (selfClosing) this.closeRow(row, openEnd, openEnd);
    else this.row = row;
  }

  private closeRow(row: WatchedRow, closeStart: number, end: number): void {
    this.row = null;
    const { sources, edits, tops } = row.work;
    if (sources !== undefined) {
      for (const cell of row.cells) if (sources.has(cell.col)) this.sourceStyles.set(a1(row.number, cell.col), cell.style);
    }
    if (edits === undefined) return;
    this.copyTo(row.start);
    const openTag = this.slice(row.start, row.openEnd);
    const content = row.selfClosing ? "" : this.slice(row.openEnd, closeStart);
    this.rebuildRow(openTag, content, edits, tops, row.cells, row.openEnd);
    this.copied = end;
  }

  /** New rows for the plan's rows before `rowNumber` that the file does not have, handed on. */
  private rowsBefore(rowNumber: number): void {
    while (this.pendingAt < this.pendingRows.length && this.pendingRows[this.pendingAt]! < rowNumber) {
      const row = this.pendingRows[this.pendingAt++]!;
      const work = this.rows.get(row)!;
      this.rebuildRow(`<${this.prefix}row r="${row}">`, "", work.edits!, work.tops, [], 0);
    }
    if (this.pendingRows[this.pendingAt] === rowNumber) this.pendingAt++;
  }

  /**
   * The row with its edits written in, handed on piece by piece (its start tag, written last,
   * goes in a slot kept first): `cells` lie at their positions in the part, `content` starts at `offset`.
   */
  private rebuildRow(openTag: string, content: string, edits: readonly CellEdit[], tops: ReadonlyMap<number, WrapText> | undefined, cells: readonly CellSpan[], offset: number): void {
    this.changed = true;
    const parts = this.out;
    const openSlot = parts.length;
    parts.push("");
    let at = 0;
    let e = 0;
    this.rowLines = 1;
    if (tops !== undefined) {
      for (const cell of cells) {
        const top = tops.get(cell.col);
        if (top !== undefined && this.styles.wraps(cell.style)) this.alreadyWrapped.add(top);
      }
    }
    let grew = false;
    for (const cell of cells) {
      const start = cell.start - offset;
      while (e < edits.length && edits[e]!.col < cell.col) {
        parts.push(content.slice(at, start), this.written(edits[e]!, undefined, 0));
        grew = true;
        at = start;
        e++;
      }
      if (e < edits.length && edits[e]!.col === cell.col) {
        const end = cell.end - offset;
        parts.push(content.slice(at, start), this.written(edits[e]!, content.slice(start, end), cell.style));
        at = end;
        e++;
      } else if (tops?.has(cell.col)) {
        // A wrapped range's top-left keeps its value and gets the wrapping style (unless it wraps already).
        const end = cell.end - offset;
        const xml = content.slice(start, end);
        const text = cellValueOf(xml, this.context);
        if (typeof text === "string") this.rowLines = Math.max(this.rowLines, wrappedLines(text, this.columnWidth(cell.col)));
        if (!this.alreadyWrapped.has(tops.get(cell.col)!)) {
          parts.push(content.slice(at, start), withStyle(xml, this.styles.withWrap(cell.style)));
          at = end;
        }
      }
    }
    // Cells after the last one, before anything else the row holds (extLst).
    const lastEnd = cells.length === 0 ? 0 : cells[cells.length - 1]!.end - offset;
    parts.push(content.slice(at, lastEnd));
    if (e < edits.length) grew = true;
    while (e < edits.length) parts.push(this.written(edits[e++]!, undefined, 0));
    parts.push(content.slice(lastEnd));
    // spans is a hint of the row's columns; a row that grew drops it rather than lie.
    let open = grew ? openTag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/u, "") : openTag;
    if (open.endsWith("/>")) open = `${open.slice(0, -2).trimEnd()}>`;
    open = raisedRow(open, this.rowLines, this.lineHeight);
    // Closed as it was opened: a sheet may spell the main namespace x:row here and row there.
    const name = /^<([^\s/>]+)/u.exec(open)![1]!;
    parts[openSlot] = open;
    parts.push(`</${name}>`);
  }

  /**
   * An edit's cell element, checked against the cell it replaces (`ownXml`, of style
   * `ownStyle`; undefined where the row has no such cell), noting the lines wrapped text needs.
   */
  private written(edit: CellEdit, ownXml: string | undefined, ownStyle: number): string {
    if (ownXml !== undefined && edit.rule !== "merge-fill") {
      const actual = cellValueOf(ownXml, this.context);
      if (!holds(actual, edit.before)) this.conflicts.push(`${edit.sheet}!${edit.cell}`);
    } else if (ownXml === undefined && edit.rule !== "merge-fill" && !holds(null, edit.before)) {
      this.conflicts.push(`${edit.sheet}!${edit.cell}`);
    }
    if (isFormulaValue(edit.after) || (ownXml !== undefined && FORMULA.test(ownXml))) this.formulasTouched = true;
    const base = edit.styleFrom !== undefined ? (this.sourceStyles.get(edit.styleFrom) ?? ownStyle) : ownStyle;
    if (edit.numFmt !== undefined || edit.styleFrom !== undefined) this.oldFormats.set(edit.row, edit.col, this.styles.formatOf(ownStyle));
    const formatted = this.styles.withFormat(base, edit.numFmt);
    const wrap = this.wrapOf.get(edit.row, edit.col);
    const wraps = wrap !== undefined && !this.alreadyWrapped.has(wrap);
    // Filled text wraps in its cell, by the style added or the one its top-left already had.
    if (wrap !== undefined && typeof edit.after === "string") this.rowLines = Math.max(this.rowLines, wrappedLines(edit.after, this.columnWidth(edit.col)));
    const style = wraps ? this.styles.withWrap(formatted) : formatted;
    return cellXml(this.prefix, edit.cell, style, edit.after, this.context.date1904);
  }

  // ─── Before sheetData ────────────────────────────────────────────────────────────────────────

  private patchHead(head: string): string {
    const p = this.prefix;
    let out = head;
    const columns = this.sheet.newColumns;
    for (const c of columns) out = this.withColumnWidth(out, c);
    for (const c of this.sheet.dateColumns) out = this.withWidthAtLeast(out, c);
    // The dimension grows to the cells the plan writes.
    // Attributes in either quote, as XML allows (some writers use single quotes throughout).
    const dim = new RegExp(`<${p}dimension\\s+ref\\s*=\\s*["']([^"']*)["']`, "u").exec(out);
    if (dim !== null && this.sheet.edits.length > 0) {
      const ref = dim[1]!;
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/u.exec(ref);
      if (m !== null) {
        const left = columnNumber(m[1]!);
        const top = Number(m[2]);
        let right = m[3] ? columnNumber(m[3]) : left;
        let bottom = m[4] ? Number(m[4]) : top;
        for (const e of this.sheet.edits) {
          right = Math.max(right, e.col);
          bottom = Math.max(bottom, e.row);
        }
        const grown = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
        if (grown !== ref) {
          out = out.slice(0, dim.index) + dim[0].replace(ref, grown) + out.slice(dim.index + dim[0].length);
          this.changed = true;
        }
      }
    }
    this.measure(out);
    return out;
  }

  /** Notes the widths of the patched head's columns and its line height, for the rows wrapped text needs. */
  private measure(head: string): void {
    const p = this.prefix;
    const format = new RegExp(`<${p}sheetFormatPr\\b[^>]*>`, "u").exec(head)?.[0] ?? "";
    this.lineHeight = lineHeightOf(format);
    const fallback = defaultColumnWidth(head);
    const cols = new RegExp(`<${p}cols>([\\s\\S]*?)</${p}cols>`, "u").exec(head)?.[1] ?? "";
    const entries = [...cols.matchAll(new RegExp(`<${p}col\\b[^>]*>`, "gu"))].map((m) => {
      const width = Number(attrOf(m[0], "width") ?? Number.NaN);
      return { min: Number(attrOf(m[0], "min")), max: Number(attrOf(m[0], "max")), width: Number.isFinite(width) && width > 0 ? width : fallback };
    });
    // Asked once for each wrapped cell (80,000 on a 100k-row ledger): the tags are read once, here.
    this.columnWidth = (col) => entries.find((e) => e.min <= col && col <= e.max)?.width ?? fallback;
  }

  /**
   * Widens a column that gets dates to `atLeast` characters: its own <col> widened, or cut out of
   * the range it shares (the rest of the range kept as it was), or a <col> added where the
   * sheet's default width is too narrow. A hidden column, or one already wide enough, is left alone.
   */
  private withWidthAtLeast(head: string, column: DateColumnWidth): string {
    const p = this.prefix;
    const cols = new RegExp(`<${p}cols>([\\s\\S]*?)</${p}cols>`, "u").exec(head);
    const entries = cols === null ? [] : [...cols[1]!.matchAll(new RegExp(`<${p}col\\b[^>]*>`, "gu"))];
    const covering = entries.find((e) => Number(attrOf(e[0], "min")) <= column.col && column.col <= Number(attrOf(e[0], "max")));
    const fallback = defaultColumnWidth(head);
    if (covering === undefined) {
      if (fallback >= column.atLeast) return head;
      this.widenings.push({ col: column.col, from: defaultColumnFileWidth(head), to: column.atLeast });
      return this.withColumnWidth(head, { sheet: column.sheet, col: column.col, width: column.atLeast });
    }
    const tag = covering[0];
    const hidden = attrOf(tag, "hidden");
    if (hidden === "1" || hidden === "true" || !tag.endsWith("/>")) return head;
    const width = Number(attrOf(tag, "width") ?? Number.NaN);
    if (width >= column.atLeast) return head;
    this.widenings.push({ col: column.col, from: Number.isFinite(width) ? width : fallback, to: column.atLeast });
    const min = Number(attrOf(tag, "min"));
    const max = Number(attrOf(tag, "max"));
    const range = (from: number, to: number): string => setAttr(setAttr(tag, "min", String(from)), "max", String(to));
    const pieces = [
      min < column.col ? range(min, column.col - 1) : "",
      setAttr(setAttr(range(column.col, column.col), "width", String(column.atLeast)), "customWidth", "1"),
      column.col < max ? range(column.col + 1, max) : "",
    ];
    this.changed = true;
    const inner = cols![1]!;
    const patched = inner.slice(0, covering.index) + pieces.join("") + inner.slice(covering.index + tag.length);
    return head.slice(0, cols!.index) + `<${p}cols>${patched}</${p}cols>` + head.slice(cols!.index + cols![0].length);
  }

  private withColumnWidth(head: string, column: NewColumn): string {
    const p = this.prefix;
    const cols = new RegExp(`<${p}cols>([\\s\\S]*?)</${p}cols>`, "u").exec(head);
    const col = `<${p}col min="${column.col}" max="${column.col}" width="${column.width}" customWidth="1"/>`;
    if (cols === null) {
      this.changed = true;
      const at = head.length;
      return head.slice(0, at) + `<${p}cols>${col}</${p}cols>` + head.slice(at);
    }
    const entries = [...cols[1]!.matchAll(new RegExp(`<${p}col\\s[^>]*?min\\s*=\\s*["'](\\d+)["'][^>]*?max\\s*=\\s*["'](\\d+)["'][^>]*>`, "gu"))];
    if (entries.some((e) => Number(e[1]) <= column.col && column.col <= Number(e[2]))) return head;
    this.changed = true;
    const after = entries.find((e) => Number(e[1]) > column.col);
    const inner = cols[1]!;
    const at = after === undefined ? inner.length : after.index;
    const patched = inner.slice(0, at) + col + inner.slice(at);
    return head.slice(0, cols.index) + `<${p}cols>${patched}</${p}cols>` + head.slice(cols.index + cols[0].length);
  }

  // ─── After sheetData ─────────────────────────────────────────────────────────────────────────

  private patchTail(tail: string): { xml: string; changed: boolean; flags: AddedFlag[]; validations: AddedValidation[]; validatedCells: number; filterRef: string | undefined } {
    const p = this.prefix;
    const rootClose = tail.lastIndexOf("</");
    let body = tail.slice(0, rootClose);
    const end = tail.slice(rootClose);
    let changed = false;
    if (this.sheet.unmergeRefs.size > 0) {
      const merges = topElements(body).find((x) => x.name === "mergeCells");
      if (merges !== undefined) {
        const block = body.slice(merges.start, merges.end);
        let kept = 0;
        const inner = block.replace(new RegExp(`<${p}mergeCell\\s[^>]*?ref\\s*=\\s*["']([^"']+)["'][^>]*>(?:</${p}mergeCell>)?`, "gu"), (whole, ref: string) => {
          if (this.sheet.unmergeRefs.has(ref.toUpperCase().replace(/\$/gu, ""))) return "";
          kept++;
          return whole;
        });
        const patched = kept === 0 ? "" : inner.replace(/(<(?:\w+:)?mergeCells\s[^>]*?count\s*=\s*["'])\d+(["'])/u, `$1${kept}$2`);
        body = body.slice(0, merges.start) + patched + body.slice(merges.end);
        changed = true;
      }
    }
    if (this.sheet.mergeRefs.length > 0) {
      const added = addMerges(body, p, this.sheet.mergeRefs);
      changed ||= added !== body;
      body = added;
    }
    const filtered = growFilter(body, new AppendedColumns(this.sheet.plan, this.sheet.sheet));
    const filterRef = filtered === body ? undefined : attrOf(/<(?:\w+:)?autoFilter\b[^>]*>/u.exec(filtered)![0], "ref");
    changed ||= filtered !== body;
    body = filtered;
    const flags = patchFlags(body, p, this.sheet.plan.flags.filter((f) => f.sheet === this.sheet.sheet), this.styles);
    body = flags.xml;
    const validations = patchValidations(body, p, this.sheet.plan.validations.filter((v) => v.sheet === this.sheet.sheet), this.sheet.lang);
    body = validations.xml;
    return {
      xml: body + end,
      changed: changed || flags.changed || validations.changed,
      flags: flags.added,
      validations: validations.added,
      validatedCells: validations.cells,
      filterRef,
    };
  }
}

/** A cell element with its style attribute set to `style`. */
function withStyle(xml: string, style: number): string {
  const open = /^<[^>]*?(\/?)>/u.exec(xml)![0];
  const stripped = open.replace(/\ss\s*=\s*("[^"]*"|'[^']*')/u, "");
  const tag = stripped.replace(/^<([\w:]+)/u, `<$1 s="${style}"`);
  return tag + xml.slice(open.length);
}

/** The merges to add in <mergeCells> (made when the sheet has none); one already there is not added twice. */
function addMerges(body: string, p: string, refs: readonly string[]): string {
  const block = topElements(body).find((x) => x.name === "mergeCells");
  const existing = block === undefined ? "" : body.slice(block.start, block.end);
  const present = new Set([...existing.matchAll(/\sref\s*=\s*["']([^"']+)["']/gu)].map((m) => m[1]!.toUpperCase().replace(/\$/gu, "")));
  const added = refs.filter((r) => !present.has(r));
  if (added.length === 0) return body;
  const cells = added.map((r) => `<${p}mergeCell ref="${r}"/>`).join("");
  if (block === undefined) return insertInOrder(body, "mergeCells", `<${p}mergeCells count="${added.length}">${cells}</${p}mergeCells>`);
  const count = present.size + added.length;
  const close = existing.lastIndexOf("</");
  const patched =
    close < 0
      ? existing.replace(/\/>$/u, `>${cells}</${p}mergeCells>`)
      : existing.slice(0, close) + cells + existing.slice(close);
  const counted = /\scount\s*=/u.test(patched) ? patched.replace(/(\scount\s*=\s*["'])\d+(["'])/u, `$1${count}$2`) : patched;
  return body.slice(0, block.start) + counted + body.slice(block.end);
}

/** The column of a cell reference ("AB12" → 28), by its letters; 0 when it has none. */
function columnOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  return col;
}

/** "B5:B9" (or "B5") as its corners. */
function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from ?? "");
  const b = parseA1(to ?? "");
  return a === null || b === null ? null : { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/**
 * The width of a column the sheet does not list as a `<col width>` would say it, for the log:
 * its defaultColWidth, else Excel's default column (8.43 in the 列宽 dialog) in Calibri 11's digits.
 */
function defaultColumnFileWidth(head: string): number {
  const format = /<(?:\w+:)?sheetFormatPr\b[^>]*>/u.exec(head)?.[0] ?? "";
  const given = Number(attrOf(format, "defaultColWidth") ?? Number.NaN);
  return Number.isFinite(given) ? given : widthOfCharacters(defaultColumnWidth(head));
}

/** The width of a column the sheet does not list: its defaultColWidth, else Excel's 8.43 (baseColWidth 8 and padding). */
function defaultColumnWidth(head: string): number {
  const format = /<(?:\w+:)?sheetFormatPr\b[^>]*>/u.exec(head)?.[0] ?? "";
  const given = Number(attrOf(format, "defaultColWidth") ?? Number.NaN);
  if (Number.isFinite(given)) return given;
  const base = Number(attrOf(format, "baseColWidth") ?? Number.NaN);
  return (Number.isFinite(base) ? base : 8) + 0.43;
}
