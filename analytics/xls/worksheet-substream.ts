/**
 * One worksheet's substream ([MS-XLS], the worksheet substream): from the BOF its BOUNDSHEET points at to
 * the matching EOF, read into the core's sheet model as the .xlsx reader reads a worksheet
 * part: the values (shared and inline strings, numbers, RK and MULRK numbers, booleans and
 * errors, formulas as their cached results), which cells hold formulas, merged ranges, hidden
 * rows and columns, and which numbers are dates or percentages by their cell format.
 *
 * An embedded chart keeps its own BOF … EOF inside the sheet's; its records are passed over
 * by depth, not by recursion. BLANK and MULBLANK (formatted empty cells) hold nothing.
 */
import { serialToDay } from "../day.js";
import { userMessage } from "../findings/user-message.js";
import { a1 } from "../sheet/address.js";
import type { CellRange, CellValue, Sheet } from "../sheet/sheet-model.js";
import type { ReadBudget } from "../xlsx/read-budget.js";
import { readError } from "../xlsx/read-errors.js";
import { NumberKind } from "../xlsx/styles-part.js";
import { clipMerges, emptyToNull, trimTrailingEmptyRows } from "../xlsx/worksheet-part.js";
import { badRecord, Rec, requireLength, type BiffRecord, type BiffStream } from "./biff-records.js";
import { ContinuedRecord, readUnicodeString } from "./continued-record.js";
import { rkNumber } from "./rk-number.js";
import type { BoundSheet, WorkbookGlobals } from "./workbook-globals.js";

/** An .xls sheet has 256 columns (A to IV); its 65,536 rows are all a 2-byte row number can say. */
export const XLS_COLUMNS = 256;

/** BoolErr and FORMULA's error codes ([MS-XLS] Bes). */
const ERROR_CODES: ReadonlyMap<number, string> = new Map([
  [0x00, "#NULL!"],
  [0x07, "#DIV/0!"],
  [0x0f, "#VALUE!"],
  [0x17, "#REF!"],
  [0x1d, "#NAME?"],
  [0x24, "#NUM!"],
  [0x2a, "#N/A"],
  [0x2b, "#GETTING_DATA"],
]);

/** ROW's fDyZero: the row's height is zero, that is, it is hidden. */
const ROW_HIDDEN = 0x20;
/** COLINFO's fHidden. */
const COLUMN_HIDDEN = 0x01;

export function readWorksheet(stream: BiffStream, entry: BoundSheet, globals: WorkbookGlobals, budget: ReadBudget): Sheet {
  return new WorksheetSubstream(stream, entry, globals, budget).read();
}

class WorksheetSubstream {
  private readonly rows: (CellValue[] | undefined)[] = [];
  private readonly merges: CellRange[] = [];
  private readonly hiddenRows = new Set<number>();
  /** Marks, not a set: a stream of COLINFO records each hiding all 256 columns costs a byte a column. */
  private readonly columnHidden = new Uint8Array(XLS_COLUMNS);
  private readonly formulaCells = new Set<string>();
  private readonly percentCells = new Set<string>();
  private readonly dateFormats = new Map<string, string>();
  private width = 0;
  /** The cell whose formula's text result comes in the next STRING record. */
  private pendingString: { row: number; col: number } | undefined;

  constructor(
    private readonly stream: BiffStream,
    private readonly entry: BoundSheet,
    private readonly globals: WorkbookGlobals,
    private readonly budget: ReadBudget,
  ) {}

  read(): Sheet {
    const { stream } = this;
    if (this.entry.offset + 4 > stream.length || stream.typeAt(this.entry.offset) !== Rec.BOF) {
      throw readError("corrupt", userMessage("xls-sheet-missing", { sheet: this.entry.name }));
    }
    let at = stream.recordAt(this.entry.offset).end;
    let depth = 0;
    for (;;) {
      const record = stream.recordAt(at);
      at = record.end;
      if (record.type === Rec.BOF) depth++;
      else if (record.type === Rec.EOF) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0) this.record(record);
    }
    trimTrailingEmptyRows(this.rows);
    const hiddenColumns = new Set<number>();
    this.columnHidden.forEach((hidden, col) => void (hidden && hiddenColumns.add(col + 1)));
    const { rows, hiddenRows, formulaCells, percentCells, dateFormats } = this;
    const merges = clipMerges(this.merges, rows.length, this.width, this.entry.name);
    return { name: this.entry.name, hidden: this.entry.hidden, rows, merges, hiddenRows, hiddenColumns, formulaCells, percentCells, dateFormats };
  }

  private record(record: BiffRecord): void {
    const { stream } = this;
    const s = record.start;
    switch (record.type) {
      case Rec.LABELSST: {
        requireLength(record, 10, "LABELSST");
        const index = stream.u32(s + 6);
        const text = this.globals.sharedStrings[index];
        if (text === undefined) {
          const where = a1(stream.u16(s) + 1, stream.u16(s + 2) + 1);
          throw readError("corrupt", userMessage("xls-missing-shared-string", { sheet: this.entry.name, where, index }));
        }
        this.put(stream.u16(s), stream.u16(s + 2), emptyToNull(text), 0);
        break;
      }
      case Rec.LABEL:
      case Rec.RSTRING: {
        requireLength(record, 9, record.type === Rec.LABEL ? "LABEL" : "RSTRING");
        // RSTRING's formatting runs follow its text and are no part of it.
        const text = readUnicodeString(new ContinuedRecord(stream, record, s + 6));
        this.put(stream.u16(s), stream.u16(s + 2), emptyToNull(text), text.length);
        break;
      }
      case Rec.NUMBER:
        requireLength(record, 14, "NUMBER");
        this.putNumber(stream.u16(s), stream.u16(s + 2), stream.u16(s + 4), stream.f64(s + 6));
        break;
      case Rec.RK:
        requireLength(record, 10, "RK");
        this.putNumber(stream.u16(s), stream.u16(s + 2), stream.u16(s + 4), rkNumber(stream.u32(s + 6)));
        break;
      case Rec.MULRK:
        this.mulRk(record);
        break;
      case Rec.BOOLERR: {
        requireLength(record, 8, "BOOLERR");
        const value = stream.u8(s + 6);
        this.put(stream.u16(s), stream.u16(s + 2), stream.u8(s + 7) === 1 ? errorCell(value) : value !== 0, 0);
        break;
      }
      case Rec.FORMULA:
        this.formula(record);
        break;
      case Rec.STRING:
        this.formulaString(record);
        break;
      case Rec.MERGECELLS:
        this.mergeCells(record);
        break;
      case Rec.ROW:
        requireLength(record, 16, "ROW");
        if ((stream.u16(s + 12) & ROW_HIDDEN) !== 0) this.hiddenRows.add(stream.u16(s) + 1);
        break;
      case Rec.COLINFO: {
        requireLength(record, 10, "COLINFO");
        if ((stream.u16(s + 8) & COLUMN_HIDDEN) === 0) break;
        // Excel writes 256 as the last column of a trailing range: one past the grid, cut to it.
        const last = Math.min(stream.u16(s + 2), XLS_COLUMNS - 1);
        for (let col = stream.u16(s); col <= last; col++) this.columnHidden[col] = 1;
        break;
      }
      default:
        break;
    }
  }

  /** MULRK ([MS-XLS] 2.4.175): a run of RK numbers along one row, colFirst to colLast. */
  private mulRk(record: BiffRecord): void {
    const { stream } = this;
    const s = record.start;
    const length = record.end - s;
    if (length < 12 || (length - 6) % 6 !== 0) throw badRecord(record, "MULRK");
    const row = stream.u16(s);
    const first = stream.u16(s + 2);
    const count = (length - 6) / 6;
    // The last column it names must agree with the cells it holds; a reversed range is damage.
    if (stream.u16(record.end - 2) !== first + count - 1) throw badRecord(record, "MULRK");
    for (let i = 0; i < count; i++) {
      const at = s + 4 + i * 6;
      this.putNumber(row, first + i, stream.u16(at), rkNumber(stream.u32(at + 2)));
    }
  }

  /** FORMULA ([MS-XLS]): the cell holds a formula; its value is the cached result. */
  private formula(record: BiffRecord): void {
    const { stream } = this;
    const s = record.start;
    requireLength(record, 20, "FORMULA");
    const row = stream.u16(s);
    const col = stream.u16(s + 2);
    this.checkGrid(col, row);
    this.formulaCells.add(a1(row + 1, col + 1));
    this.pendingString = undefined;
    if (stream.u16(s + 12) !== 0xffff) {
      this.putNumber(row, col, stream.u16(s + 4), stream.f64(s + 6));
      return;
    }
    switch (stream.u8(s + 6)) {
      case 0: // text: in the STRING record that follows
        this.pendingString = { row, col };
        return;
      case 1:
        this.put(row, col, stream.u8(s + 8) !== 0, 0);
        return;
      case 2:
        this.put(row, col, errorCell(stream.u8(s + 8)), 0);
        return;
      case 3: // the empty string
        return;
      default:
        throw badRecord(record, "FORMULA");
    }
  }

  private formulaString(record: BiffRecord): void {
    const target = this.pendingString;
    this.pendingString = undefined;
    if (target === undefined) return;
    requireLength(record, 3, "STRING");
    const text = readUnicodeString(new ContinuedRecord(this.stream, record));
    this.put(target.row, target.col, emptyToNull(text), text.length);
  }

  /** MERGECELLS ([MS-XLS]): a count, then each range's first and last row and column. */
  private mergeCells(record: BiffRecord): void {
    const { stream } = this;
    const s = record.start;
    requireLength(record, 2, "MERGECELLS");
    const count = stream.u16(s);
    requireLength(record, 2 + count * 8, "MERGECELLS");
    for (let i = 0; i < count; i++) {
      const at = s + 2 + i * 8;
      const top = stream.u16(at);
      const bottom = stream.u16(at + 2);
      const left = stream.u16(at + 4);
      const right = stream.u16(at + 6);
      if (bottom < top || right < left) throw badRecord(record, "MERGECELLS");
      this.checkGrid(right, bottom);
      this.merges.push({ top: top + 1, left: left + 1, bottom: bottom + 1, right: right + 1 });
    }
  }

  /** A number, a calendar day when its cell format shows a date (the time of day never moves it). */
  private putNumber(row: number, col: number, xf: number, n: number): void {
    const kind = this.globals.formats.kinds[xf];
    if (kind === NumberKind.Date) {
      const day = serialToDay(Math.floor(n), this.globals.date1904);
      if (day !== null) {
        this.put(row, col, { day }, 0);
        const code = this.globals.formats.dateCodes[xf];
        if (code !== undefined) this.dateFormats.set(a1(row + 1, col + 1), code);
        return;
      }
    } else if (kind === NumberKind.Percent) {
      this.percentCells.add(a1(row + 1, col + 1));
    }
    this.put(row, col, n, 0);
  }

  /** Row and column are 0-based, as the records store them. */
  private put(row: number, col: number, value: CellValue, characters: number): void {
    this.checkGrid(col, row);
    if (value === null) return;
    this.budget.spendCell(characters);
    let cells = this.rows[row];
    if (cells === undefined) {
      cells = [];
      this.rows[row] = cells;
    }
    cells[col] = value;
    if (col + 1 > this.width) this.width = col + 1;
  }

  private checkGrid(col: number, row: number): void {
    if (col >= XLS_COLUMNS) throw readError("corrupt", userMessage("xls-out-of-grid", { sheet: this.entry.name, row: row + 1, column: col + 1 }));
  }
}

function errorCell(code: number): CellValue {
  return { error: ERROR_CODES.get(code) ?? "#N/A" };
}
