/**
 * A worksheet reader built on saxes, for the benchmark only: what the shipped reader
 * (analytics/xlsx/worksheet-part.ts, a hand-written scanner) would be if it used a maintained,
 * conforming streaming parser. bench/xml-parsers.ts measures both on the same sheet and checks
 * they read it alike; the scanner is kept because it takes about half the time.
 */
import { serialToDay } from "../analytics/day.js";
import { a1 } from "../analytics/sheet/address.js";
import type { CellRange, CellValue, Sheet } from "../analytics/sheet/sheet-model.js";
import { GRID_COLUMNS, GRID_ROWS } from "../analytics/sheet/address.js";
import { readError } from "../analytics/xlsx/read-errors.js";
import { StringItemText } from "../analytics/xlsx/shared-strings.js";
import { NumberKind } from "../analytics/xlsx/styles-part.js";
import {
  addHiddenColumns,
  clipMerges,
  columnOfRef,
  emptyToNull,
  isoDateCell,
  numberCellValue,
  outOfGrid,
  parseCellRange,
  rowOfRef,
  trimTrailingEmptyRows,
  type WorksheetContext,
} from "../analytics/xlsx/worksheet-part.js";
import { checkCellLength, MAX_CELL_CHARACTERS, unescapeOoxml, XmlReader, type Attributes } from "../analytics/xlsx/xml.js";

/** The same reading as the shipped worksheet reader, on saxes events. */
export class SaxesWorksheetReader {
  private readonly rows: (CellValue[] | undefined)[] = [];
  private readonly merges: CellRange[] = [];
  private readonly hiddenRows = new Set<number>();
  private readonly hiddenColumns = new Set<number>();
  private readonly formulaCells = new Set<string>();
  private readonly percentCells = new Set<string>();
  private readonly dateFormats = new Map<string, string>();
  private readonly xml: XmlReader;
  private readonly partName: string;

  private inSheetData = false;
  private rowNumber = 0;
  private colNumber = 0;
  private inCell = false;
  private cellType: string | undefined;
  private cellStyle: string | undefined;
  /** Text of the cell's <v>, gathered while `inValue`. */
  private value = "";
  private inValue = false;
  /** The cell's inline string (<is>), when it has one. */
  private inline: StringItemText | undefined;
  private width = 0;
  /** Notes the current cell as a percentage (its style says so). */
  private readonly markPercent = (): void => void this.percentCells.add(a1(this.rowNumber, this.colNumber));
  private readonly markDate = (code: string): void => void this.dateFormats.set(a1(this.rowNumber, this.colNumber), code);

  constructor(private readonly context: WorksheetContext) {
    this.partName = context.partName ?? "worksheet";
    this.xml = new XmlReader(this.partName, {
      open: (name, attributes) => this.open(name, attributes),
      close: (name) => this.close(name),
      text: (text) => {
        if (this.inValue) this.value += text;
        else this.inline?.text(text);
      },
    });
  }

  push(text: string): void {
    this.xml.push(text);
  }

  finish(): Sheet {
    this.xml.end();
    trimTrailingEmptyRows(this.rows);
    const { rows, hiddenRows, hiddenColumns, formulaCells, percentCells, dateFormats } = this;
    const merges = clipMerges(this.merges, rows.length, this.width);
    return { name: this.context.name, hidden: this.context.hidden, rows, merges, hiddenRows, hiddenColumns, formulaCells, percentCells, dateFormats };
  }

  private open(name: string, attributes: Attributes): void {
    if (this.inCell) {
      if (name === "v") {
        this.inValue = true;
        this.value = "";
      } else if (name === "f") {
        this.formulaCells.add(a1(this.rowNumber, this.colNumber));
      } else if (name === "is") {
        this.inline = new StringItemText();
      } else {
        this.inline?.open(name);
      }
      return;
    }
    switch (name) {
      case "sheetData":
        this.inSheetData = true;
        break;
      case "row":
        if (this.inSheetData) this.startRow(attributes);
        break;
      case "c":
        if (this.inSheetData) this.startCell(attributes);
        break;
      case "col":
        if (!this.inSheetData) addHiddenColumns(this.hiddenColumns, attributes["hidden"], attributes["min"], attributes["max"]);
        break;
      case "mergeCell": {
        const range = parseCellRange(this.partName, attributes["ref"]);
        if (range) this.merges.push(range);
        break;
      }
    }
  }

  private close(name: string): void {
    if (!this.inCell) {
      if (name === "sheetData") this.inSheetData = false;
      return;
    }
    if (name === "v") this.inValue = false;
    else if (name === "c") this.endCell();
    else this.inline?.close(name);
  }

  private startRow(attributes: Attributes): void {
    const r = attributes["r"];
    this.rowNumber = r === undefined ? this.rowNumber + 1 : rowOfRef(this.partName, r, r);
    if (this.rowNumber > GRID_ROWS) outOfGrid(this.partName, String(this.rowNumber));
    this.colNumber = 0;
    const hidden = attributes["hidden"];
    if (hidden === "1" || hidden === "true") this.hiddenRows.add(this.rowNumber);
  }

  private startCell(attributes: Attributes): void {
    const ref = attributes["r"];
    if (ref === undefined) {
      this.colNumber++;
      if (this.colNumber > GRID_COLUMNS) outOfGrid(this.partName, `${this.rowNumber}:${this.colNumber}`);
    } else {
      this.colNumber = columnOfRef(this.partName, ref);
    }
    if (this.rowNumber === 0) this.rowNumber = 1; // a cell outside any <row>: LibreOffice never, but be safe
    this.inCell = true;
    this.cellType = attributes["t"];
    this.cellStyle = attributes["s"];
    this.inline = undefined;
    this.value = "";
  }

  private endCell(): void {
    this.inCell = false;
    this.inValue = false;
    let value: CellValue;
    if (this.inline !== undefined) {
      value = emptyToNull(this.inline.finish(this.partName, () => a1(this.rowNumber, this.colNumber)));
      this.inline = undefined;
    } else {
      const raw = this.value;
      if (raw.length > MAX_CELL_CHARACTERS) checkCellLength(raw, this.partName, a1(this.rowNumber, this.colNumber));
      value = this.cellValue(raw, this.cellType, this.cellStyle);
    }
    if (value === null) return;
    let row = this.rows[this.rowNumber - 1];
    if (row === undefined) {
      row = [];
      this.rows[this.rowNumber - 1] = row;
    }
    row[this.colNumber - 1] = value;
    if (this.colNumber > this.width) this.width = this.colNumber;
  }

  private cellValue(raw: string, type: string | undefined, style: string | undefined): CellValue {
    if (raw === "" && type !== "str" && type !== "inlineStr") return null;
    switch (type) {
      case "s":
        return emptyToNull(this.context.sharedStrings[Number(raw)] ?? "");
      case "str":
      case "inlineStr":
        return emptyToNull(unescapeOoxml(raw));
      case "b":
        return raw === "1" || raw === "true";
      case "e":
        return { error: raw };
      case "d":
        return isoDateCell(raw);
      default:
        return numberCellValue(raw, style, this.context, this.markPercent, this.markDate);
    }
  }
}
