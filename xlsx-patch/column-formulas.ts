/**
 * The formulas one column of a worksheet part holds, as Excel shows them (without "="): what
 * normalize asks of the days-overdue column, to tell the formulas it wrote on an earlier run
 * from a clerk's own. Read with the reader's XML scanner, so a formula is found however
 * well-formed XML spells it (CDATA, character references, either quote, any prefix, comments
 * anywhere) and a cell in a comment is no cell; places follow the reader's rules, rows and
 * cells without `r` included. The part streams through in pieces and only the asked column is
 * kept, with the few formulas other cells lend it: a shared formula's first cell, an array's.
 */
import { GRID_COLUMNS, GRID_ROWS } from "../analytics/sheet/address.js";
import type { CellRange } from "../analytics/sheet/sheet-model.js";
import { columnOfRef, outOfGrid, parseCellRange, rowOfCellRef, rowOfRef } from "../analytics/xlsx/worksheet-part.js";
import type { XlsxPackage } from "../analytics/xlsx/package.js";
import { XmlScanner } from "../analytics/xlsx/xml-scanner.js";
import { unescapeOoxml } from "../analytics/xlsx/xml.js";
import { shiftedFormula } from "./shared-formula.js";

/** Excel's longest formula: text beyond it is no formula Excel (or normalize) wrote, and is not gathered. */
const MAX_FORMULA_CHARACTERS = 8_192;

export interface ColumnFormulas {
  /** The formula the column's cell in `row` holds, or null. */
  at(row: number): string | null;
}

/** A formula whose text lies on one cell and reaches others: a shared formula's first cell, an array's or a data table's range. */
interface Lender {
  readonly row: number;
  readonly col: number;
  readonly kept: Kept;
}

interface RangeFormula {
  readonly top: number;
  readonly bottom: number;
  readonly formula: string;
}

export const NO_FORMULAS: ColumnFormulas = { at: () => null };

/** The formulas of column `col` of a worksheet part of the package, streamed through the scanner; none when the part is missing. */
export function readColumnFormulas(pkg: XlsxPackage, part: string, col: number): ColumnFormulas {
  const reader = new ColumnFormulaReader(part, col);
  return pkg.streamText(part, (text) => reader.push(text)) ? reader.finish() : NO_FORMULAS;
}

/** Reads a worksheet part handed over in pieces, keeping the formulas of column `col`. */
export class ColumnFormulaReader {
  private readonly scanner: XmlScanner;
  /** Formulas written on the column's cells, by row, as row templates (one text for a column filled down). */
  private readonly own = new Map<number, Kept>();
  private readonly templates = new RowTemplates();
  /** The column's followers of shared formulas: row → the group's si. */
  private readonly followers = new Map<number, string>();
  /** Each shared group's first cell (the one with the text), when its range reaches the column. */
  private readonly sharedFirsts = new Map<string, Lender>();
  /** Array formulas and data tables whose range takes in rows of the column. */
  private readonly ranges: RangeFormula[] = [];

  private inSheetData = false;
  private rowNumber = 0;
  private rowUnnumbered = false;
  private colNumber = 0;
  /** Elements open inside the current cell, the <c> itself counted: 0 outside a cell. */
  private cellDepth = 0;
  /** The <f> being read, when its text is wanted. */
  private formula: { kind: string | undefined; si: string | undefined; range: CellRange | null; reaches: boolean; text: string } | null = null;

  constructor(
    private readonly partName: string,
    private readonly col: number,
  ) {
    this.scanner = new XmlScanner(partName, {
      open: (name) => this.open(name),
      close: (name) => this.close(name),
      text: (text) => {
        const f = this.formula;
        if (f !== null && f.text.length <= MAX_FORMULA_CHARACTERS) f.text += text;
      },
    });
  }

  push(text: string): void {
    this.scanner.push(text);
  }

  finish(): ColumnFormulas {
    this.scanner.end();
    const { own, templates, followers, sharedFirsts, col } = this;
    const covering = rangeFinder(this.ranges);
    return {
      at(row) {
        const written = own.get(row);
        if (written !== undefined) return templates.formulaAt(written, row);
        const si = followers.get(row);
        const first = si === undefined ? undefined : sharedFirsts.get(si);
        if (first !== undefined) return shiftedFormula(templates.formulaAt(first.kept, first.row), row - first.row, col - first.col);
        return covering(row);
      },
    };
  }

  private open(name: string): void {
    if (this.cellDepth > 0) {
      this.cellDepth++;
      if (name === "f" && this.cellDepth === 2) this.startFormula();
      return;
    }
    if (name === "sheetData") this.inSheetData = true;
    else if (this.inSheetData && name === "row") this.startRow();
    else if (this.inSheetData && name === "c") this.startCell();
  }

  private close(name: string): void {
    if (this.cellDepth === 0) {
      if (name === "sheetData") this.inSheetData = false;
      return;
    }
    if (name === "f" && this.cellDepth === 2) this.endFormula();
    this.cellDepth--;
  }

  /** As the worksheet reader numbers rows: `r`, else the row after the last. */
  private startRow(): void {
    const written = this.scanner.attr("r");
    this.rowNumber = written === undefined ? this.rowNumber + 1 : rowOfRef(this.partName, written, written);
    if (this.rowNumber > GRID_ROWS) outOfGrid(this.partName, String(this.rowNumber));
    this.rowUnnumbered = written === undefined;
    this.colNumber = 0;
  }

  /** As the worksheet reader places cells: `r`, else the column after the last; a row without `r` is its first cell's. */
  private startCell(): void {
    const ref = this.scanner.attr("r");
    if (ref === undefined) {
      this.colNumber++;
      if (this.colNumber > GRID_COLUMNS) outOfGrid(this.partName, `R${this.rowNumber}C${this.colNumber}`);
    } else {
      this.colNumber = columnOfRef(this.partName, ref);
      if (this.rowUnnumbered) this.rowNumber = rowOfCellRef(this.partName, ref) ?? this.rowNumber;
    }
    this.rowUnnumbered = false;
    if (this.rowNumber === 0) this.rowNumber = 1;
    this.cellDepth = 1;
    // A value right after the start tag is taken whole: no events for what is never kept.
    this.scanner.takeTextChild("v");
  }

  /**
   * An <f> of the column is read; one elsewhere only when it lends the column its text (a shared
   * formula's first cell, an array over several columns). Everything else is skipped unread.
   */
  private startFormula(): void {
    const scanner = this.scanner;
    const kind = scanner.attr("t");
    const lends = kind === "shared" || kind === "array" || kind === "dataTable";
    const ref = lends ? scanner.attr("ref") : undefined;
    const range = ref === undefined ? null : rangeOf(this.partName, ref);
    // A shared formula's first cell gives its range; one without (no writer's) lends only to its own column.
    const reaches = range === null ? kind === "shared" && this.colNumber === this.col : range.left <= this.col && this.col <= range.right;
    if (this.colNumber !== this.col && !reaches) return;
    const si = kind === "shared" ? scanner.attr("si") : undefined;
    // A data table's cells hold no text: Excel shows TABLE() with its input cells.
    const text = kind === "dataTable" ? dataTableFormula(scanner.attr("dt2D"), scanner.attr("dtr"), scanner.attr("r1"), scanner.attr("r2")) : "";
    this.formula = { kind, si, range, reaches, text };
    scanner.captureText = kind !== "dataTable";
  }

  private endFormula(): void {
    const f = this.formula;
    if (f === null) return;
    this.formula = null;
    this.scanner.captureText = false;
    const inColumn = this.colNumber === this.col;
    if (f.text === "") {
      // A follower of a shared formula: the first cell's text, moved here.
      if (inColumn && f.kind === "shared" && f.si !== undefined) this.followers.set(this.rowNumber, f.si);
      return;
    }
    const formula = f.kind === "dataTable" ? f.text : unescapeOoxml(f.text.slice(0, MAX_FORMULA_CHARACTERS + 1));
    const kept = this.templates.of(formula, this.rowNumber);
    if (inColumn) this.own.set(this.rowNumber, kept);
    if (!f.reaches) return;
    if (f.kind === "shared" && f.si !== undefined && !this.sharedFirsts.has(f.si)) this.sharedFirsts.set(f.si, { row: this.rowNumber, col: this.colNumber, kept });
    // A one-cell array (Ctrl+Shift+Enter on one cell) lends nothing: its cell holds the text.
    const oneCell = f.range !== null && f.range.top === f.range.bottom && f.range.left === f.range.right;
    if ((f.kind === "array" || f.kind === "dataTable") && f.range !== null && !oneCell) {
      this.ranges.push({ top: f.range.top, bottom: f.range.bottom, formula });
    }
  }
}

/** Marks a formula's own row in a row template: a private-use character no formula Excel writes needs. */
const OWN_ROW = "\uE000";

/** A formula as kept: its row template, or (holding the mark itself) the formula as it is. */
type Kept = string | { readonly verbatim: string };

/**
 * Formulas kept as row templates: each digit run of a reference that names the formula's own
 * row ("$H3" on row 3) becomes a mark, so the formulas of a column filled down (normalize's
 * days-overdue column: 1,500 characters a row on a wide ledger) are one text, kept once, and
 * each row's formula is made again from it when asked.
 */
class RowTemplates {
  private readonly interned = new Map<string, string>();

  /** What to keep for `formula` on `row`. */
  of(formula: string, row: number): Kept {
    if (formula.includes(OWN_ROW)) return { verbatim: formula };
    const template = rowTemplate(formula, String(row));
    const known = this.interned.get(template);
    if (known !== undefined) return known;
    this.interned.set(template, template);
    return template;
  }

  /** The formula on `row` that `kept` stands for. */
  formulaAt(kept: Kept, row: number): string {
    if (typeof kept !== "string") return kept.verbatim;
    return kept.includes(OWN_ROW) ? kept.split(OWN_ROW).join(String(row)) : kept;
  }
}

/** `formula` with each run of digits that follows a letter or "$" and reads `row` replaced by the mark. */
function rowTemplate(formula: string, row: string): string {
  let out = "";
  let from = 0;
  for (let at = formula.indexOf(row); at >= 0; at = formula.indexOf(row, at + 1)) {
    const before = formula.charCodeAt(at - 1);
    const after = formula.charCodeAt(at + row.length);
    const follows = before === 36 || (before >= 65 && before <= 90) || (before >= 97 && before <= 122);
    if (!follows || (after >= 48 && after <= 57)) continue;
    out += formula.slice(from, at) + OWN_ROW;
    from = at + row.length;
  }
  return from === 0 ? formula : out + formula.slice(from);
}

/**
 * A range written on a formula; null when it is none. A shared formula's range is not read by
 * the worksheet reader, so one past the grid is no reason to refuse the part here either.
 */
function rangeOf(partName: string, ref: string): CellRange | null {
  try {
    return parseCellRange(partName, ref);
  } catch {
    return null;
  }
}

/** TABLE() as Excel shows a data table's cells: a two-way table's two input cells, else its row or column input. */
function dataTableFormula(twoWay: string | undefined, rowInput: string | undefined, r1: string | undefined, r2: string | undefined): string {
  const on = (flag: string | undefined): boolean => flag === "1" || flag === "true";
  if (on(twoWay)) return `TABLE(${r1 ?? ""},${r2 ?? ""})`;
  return on(rowInput) ? `TABLE(${r1 ?? ""},)` : `TABLE(,${r1 ?? ""})`;
}

/**
 * The formula of the range covering a row, found by halving: ranges sorted by their top, each
 * with the farthest-reaching range up to it (Excel's arrays never overlap; a crafted file's may,
 * and still costs a lookup, not a walk of every range).
 */
function rangeFinder(ranges: RangeFormula[]): (row: number) => string | null {
  if (ranges.length === 0) return () => null;
  const sorted = [...ranges].sort((a, b) => a.top - b.top);
  const reach: RangeFormula[] = [];
  for (const range of sorted) {
    const before = reach.at(-1);
    reach.push(before !== undefined && before.bottom >= range.bottom ? before : range);
  }
  return (row) => {
    let low = 0;
    let high = sorted.length - 1;
    let at = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]!.top <= row) {
        at = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (at < 0) return null;
    const range = reach[at]!;
    return range.bottom >= row ? range.formula : null;
  };
}
