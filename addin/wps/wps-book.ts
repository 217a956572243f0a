/**
 * The workbook interface (addin/host/book.ts) over WPS 表格's `window.Application`: the same
 * primitives as Office.js, through the VBA-like object model. WPS's calls are synchronous and
 * in-process, so there is no request budget to keep to; still, a call costs, so a used range's
 * Value2 comes at once and number formats, merged cells and hidden rows are asked of runs of
 * rows, halved only where the cells differ.
 */
import { a1 } from "../../analytics/sheet/address.js";
import type { CellRange } from "../../analytics/sheet/sheet-model.js";
import { DESKTOP_BUDGET, type RequestBudget } from "../host/request-budget.js";
import { formulaText } from "../host/cell-values.js";
import { ExcelTaskError } from "../host/task-error.js";
import { userMessage } from "../../analytics/findings/user-message.js";
import type { SummaryLayout } from "../../analytics/overview/completion-sheet.js";
import type { BlockCells, CellBlock, CellProperty } from "../host/blocks.js";
import { formulaKey, type Book, type ExistingFormat, type InsertedSummary, type ReadOptions, type WorkbookRead } from "../host/book.js";
import { date1904Error } from "../host/date-system.js";
import { sheetFromGrid } from "../host/sheet-grid.js";
import { cssColor, PROMPT_MAX, TITLE_MAX, type WriteOp } from "../host/write-ops.js";
import { bgr, call, callObj, count, get, grid, has, items, obj, put, type WpsObject } from "./jsapi.js";
import { insertSummaryWps } from "./wps-summary-sheet.js";
import { charactersOfWidth, DEFAULT_DIGIT_WIDTH, digitWidthOf, widthOfCharacters, type ColumnState } from "../../analytics/normalize/column-width.js";

/** VBA enumerations WPS keeps. */
export const XL = {
  sheetVisible: -1,
  expression: 2,
  validateList: 3,
  alertStop: 1,
  alertWarning: 2,
  between: 1,
  shiftDown: -4121,
  pasteFormats: -4122,
  landscape: 2,
  paperA4: 9,
} as const;

/**
 * Error cells: a COM-style bridge gives an error as its HRESULT rather than "#N/A"; read either
 * way as the error. These numbers are no ledger's data.
 */
const ERROR_CODES = new Map<number, string>([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
]);

function cellValue(raw: unknown): unknown {
  if (typeof raw === "number") return ERROR_CODES.get(raw) ?? raw;
  return raw ?? "";
}

function rangeRef(top: number, left: number, rows: number, cols: number): string {
  const from = a1(top, left);
  return rows === 1 && cols === 1 ? from : `${from}:${a1(top + rows - 1, left + cols - 1)}`;
}

export class WpsBook implements Book {
  readonly budget: RequestBudget = DESKTOP_BUDGET;
  private readonly formats: WpsObject[] = [];
  /** Pixels of the Normal font's widest digit, once columnWidths has seen a visible column. */
  private digitWidth = DEFAULT_DIGIT_WIDTH;

  constructor(private readonly app: WpsObject) {}

  private workbook(): WpsObject {
    const wb = get(this.app, "ActiveWorkbook");
    if (typeof wb !== "object" || wb === null) throw new ExcelTaskError(userMessage("pane-no-workbook"));
    return wb;
  }

  private worksheets(): WpsObject[] {
    return items(obj(this.workbook(), "Worksheets"));
  }

  private sheet(name: string): WpsObject {
    const ws = this.worksheets().find((s) => String(get(s, "Name")) === name);
    if (!ws) throw new ExcelTaskError(userMessage("pane-no-sheet", { sheet: name }));
    return ws;
  }

  async readSheets(options: ReadOptions = {}): Promise<WorkbookRead> {
    const wb = this.workbook();
    if (get(wb, "Date1904") === true) throw date1904Error();
    const formulas = new Map<string, Map<string, string>>();
    const sheets = this.worksheets()
      .filter((ws) => options.sheets === undefined || options.sheets.includes(String(get(ws, "Name"))))
      .map((ws) => {
        const name = String(get(ws, "Name"));
        const used = obj(ws, "UsedRange");
        const top = Number(get(used, "Row"));
        const left = Number(get(used, "Column"));
        const rows = count(obj(used, "Rows"));
        const cols = count(obj(used, "Columns"));
        const raw = grid(get(used, "Value2"), rows, cols).map((row) => row.map(cellValue));
        const found = formulaCells(used, top, left, rows, cols);
        if (options.formulas) formulas.set(name, found);
        return sheetFromGrid({
          name,
          hidden: Number(get(ws, "Visible")) !== XL.sheetVisible && get(ws, "Visible") !== true,
          top,
          left,
          rows,
          cols,
          raw,
          formats: numberFormats(ws, top, left, rows, cols),
          merges: options.mergedAreas === false ? [] : mergedAreas(ws, used, top, left, rows, cols),
          hiddenRows: hiddenRows(ws, top, rows),
          hiddenColumns: hiddenColumns(ws, top, left, cols),
          formulaCells: new Set(found.keys()),
        });
      });
    return {
      workbook: { source: String(get(wb, "Name") || "工作簿"), sheets },
      formulaAt: (sheet, row, col) => formulas.get(sheet)?.get(a1(row, col)) ?? null,
    };
  }

  async findSheets(names: readonly string[]): Promise<Set<string>> {
    const present = new Set(this.worksheets().map((ws) => String(get(ws, "Name"))));
    return new Set(names.filter((n) => present.has(n)));
  }

  async readBlocks(blocks: readonly CellBlock[], property: CellProperty): Promise<BlockCells[]> {
    return blocks.map((b) => {
      const ws = this.sheet(b.sheet);
      const range = callObj(ws, "Range", rangeRef(b.top, b.left, b.rows, b.cols));
      const raw = grid(get(range, "Value2"), b.rows, b.cols).map((row) => row.map(cellValue));
      if (property === "formulas" && get(range, "HasFormula") !== false) {
        // Formula gives constants as text ("3"): only formula cells take it, as Office.js's `formulas` does.
        const texts = grid(get(range, "Formula"), b.rows, b.cols);
        texts.forEach((row, r) => row.forEach((f, c) => {
          if (formulaText(f) !== null) raw[r]![c] = f;
        }));
      }
      return { raw, formats: numberFormats(ws, b.top, b.left, b.rows, b.cols) };
    });
  }

  async wrapsText(cells: readonly { readonly sheet: string; readonly cell: string }[]): Promise<boolean[]> {
    return cells.map(({ sheet, cell }) => get(callObj(this.sheet(sheet), "Range", cell), "WrapText") === true);
  }

  /**
   * ColumnWidth counts characters without the padding, Width the same column in points: the two
   * together give the font's digit width (no font to measure), and the plan's unit from that.
   */
  async columnWidths(columns: readonly { readonly sheet: string; readonly col: number }[]): Promise<ColumnState[]> {
    const read = columns.map(({ sheet, col }) => {
      const column = callObj(obj(this.sheet(sheet), "Columns"), "Item", col);
      const hidden = get(column, "Hidden") === true;
      return { hidden, characters: hidden ? 0 : Number(get(column, "ColumnWidth")), points: hidden ? 0 : Number(get(column, "Width")) };
    });
    const measured = read.map((c) => digitWidthOf(c.points, c.characters)).find((d) => d !== null);
    if (measured) this.digitWidth = measured;
    const digitWidth = this.digitWidth;
    return read.map((c) => ({ hidden: c.hidden, width: c.hidden ? 0 : widthOfCharacters(c.characters, digitWidth), digitWidth }));
  }

  async customFormats(sheets: readonly string[]): Promise<ExistingFormat[]> {
    const found: ExistingFormat[] = [];
    for (const sheet of sheets) {
      for (const format of items(obj(obj(this.sheet(sheet), "Cells"), "FormatConditions"))) {
        if (Number(get(format, "Type")) !== XL.expression) continue;
        this.formats.push(format);
        found.push({ sheet, key: formulaKey(String(get(format, "Formula1") ?? "")), id: this.formats.length - 1 });
      }
    }
    return found;
  }

  async write(ops: readonly WriteOp[]): Promise<number> {
    const sheets = new Map<string, WpsObject>();
    const sheetOf = (name: string): WpsObject => {
      let ws = sheets.get(name);
      if (!ws) sheets.set(name, (ws = this.sheet(name)));
      return ws;
    };
    for (const op of ops) {
      if (op.kind === "column-width") {
        put(callObj(obj(sheetOf(op.sheet), "Columns"), "Item", op.col), "ColumnWidth", charactersOfWidth(op.width, this.digitWidth));
        continue;
      }
      if (op.kind === "add-sheet") {
        sheets.set(op.sheet, this.addSheet(op.sheet));
        continue;
      }
      if (op.kind === "delete-format") {
        const format = this.formats[op.id];
        if (format) call(format, "Delete");
        continue;
      }
      writeOp(sheetOf(op.sheet), op);
    }
    // WPS takes each call as it comes: one pass, no requests to count.
    return ops.length > 0 ? 1 : 0;
  }

  /** A new sheet after the last one. */
  addSheet(name: string): WpsObject {
    const collection = obj(this.workbook(), "Worksheets");
    const last = callObj(collection, "Item", count(collection));
    const ws = callObj(collection, "Add", undefined, last);
    put(ws, "Name", name);
    return ws;
  }

  async insertSummary(layout: SummaryLayout): Promise<InsertedSummary> {
    return insertSummaryWps(this.app, layout, {
      find: (name) => this.worksheets().find((s) => String(get(s, "Name")) === name) ?? null,
      add: (name) => this.addSheet(name),
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    const ws = this.sheet(sheet);
    call(ws, "Activate");
    call(callObj(ws, "Range", cell), "Select");
  }
}

function writeOp(ws: WpsObject, op: Exclude<WriteOp, { kind: "add-sheet" | "delete-format" | "column-width" }>): void {
  switch (op.kind) {
    case "cells": {
      const rows = op.inputs.length;
      const cols = op.inputs[0]?.length ?? 0;
      const range = callObj(ws, "Range", rangeRef(op.top, op.left, rows, cols));
      if (op.styleFrom) {
        call(callObj(ws, "Range", op.styleFrom), "Copy");
        call(range, "PasteSpecial", XL.pasteFormats);
      }
      if (op.formats) setFormats(ws, op.top, op.left, op.formats);
      // Formula parses its input as typing does ("'3" stays text, "=…" is a formula), like Office.js's `formulas`.
      put(range, "Formula", rows === 1 && cols === 1 ? op.inputs[0]![0] : op.inputs);
      return;
    }
    case "flag": {
      const target = callObj(ws, "Range", op.sqref.trim().split(/\s+/u).join(","));
      const format = callObj(obj(target, "FormatConditions"), "Add", XL.expression, undefined, `=${op.formula}`);
      put(obj(format, "Interior"), "Color", bgr(op.fill));
      put(obj(format, "Font"), "Color", bgr(op.font));
      // Office.js puts a new format first; so does this, whatever order WPS adds in.
      if (has(format, "SetFirstPriority")) call(format, "SetFirstPriority");
      return;
    }
    case "validation": {
      const validation = obj(callObj(ws, "Range", op.ref), "Validation");
      call(validation, "Delete");
      call(validation, "Add", XL.validateList, op.errorStyle === "stop" ? XL.alertStop : XL.alertWarning, XL.between, op.words.join(","));
      put(validation, "InCellDropdown", true);
      put(validation, "ShowError", true);
      put(validation, "ErrorTitle", op.title.slice(0, TITLE_MAX));
      put(validation, "ErrorMessage", op.error.slice(0, PROMPT_MAX));
      put(validation, "ShowInput", true);
      put(validation, "InputTitle", op.title.slice(0, TITLE_MAX));
      put(validation, "InputMessage", op.prompt.slice(0, PROMPT_MAX));
      return;
    }
    case "unmerge":
      call(callObj(ws, "Range", op.ref), "UnMerge");
      return;
    case "merge":
      call(callObj(ws, "Range", op.ref), "Merge", false);
      return;
    case "clear-validation":
      call(obj(callObj(ws, "Range", op.ref), "Validation"), "Delete");
      return;
    case "wrap":
      put(callObj(ws, "Range", op.ref), "WrapText", op.on);
      return;
    case "insert-rows":
      call(obj(callObj(ws, "Range", `${op.top}:${op.top + op.count - 1}`), "EntireRow"), "Insert", XL.shiftDown);
      return;
    case "print-wide": {
      // LOG_PRINT: A4 landscape, all columns on one page's width, as many pages tall as it takes.
      const setup = obj(ws, "PageSetup");
      put(setup, "Orientation", XL.landscape);
      put(setup, "PaperSize", XL.paperA4);
      put(setup, "Zoom", false);
      put(setup, "FitToPagesWide", 1);
      put(setup, "FitToPagesTall", false);
      return;
    }
    case "header-style": {
      const range = callObj(ws, "Range", op.ref);
      put(obj(range, "Font"), "Bold", true);
      put(obj(range, "Interior"), "Color", bgr(cssColor("FFF3F2F1")));
      return;
    }
  }
}

/**
 * Splits rows [top, top + count) in halves until `probe` answers for a whole run: WPS gives one
 * value for a range whose cells agree (a number format, MergeCells, Hidden) and null when they
 * differ. A column of 10,000 cells with three formats takes a few dozen calls, not 10,000.
 */
function bisect(top: number, count: number, probe: (top: number, count: number) => unknown, run: (top: number, count: number, value: unknown) => void): void {
  const value = probe(top, count);
  if ((value !== null && value !== undefined) || count === 1) {
    run(top, count, value);
    return;
  }
  const half = Math.ceil(count / 2);
  bisect(top, half, probe, run);
  bisect(top + half, count - half, probe, run);
}

/** Number formats of a block, column by column, in runs of rows that share one. */
function numberFormats(ws: WpsObject, top: number, left: number, rows: number, cols: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: rows }, () => new Array<unknown>(cols));
  for (let c = 0; c < cols; c++) {
    bisect(
      top,
      rows,
      (from, n) => get(callObj(ws, "Range", rangeRef(from, left + c, n, 1)), "NumberFormat"),
      (from, n, format) => {
        for (let r = from; r < from + n; r++) out[r - top]![c] = format ?? "General";
      },
    );
  }
  return out;
}

/** Number formats written column by column, one call per run of rows that share one. */
function setFormats(ws: WpsObject, top: number, left: number, formats: readonly (readonly string[])[]): void {
  const cols = formats[0]?.length ?? 0;
  for (let c = 0; c < cols; c++) {
    let start = 0;
    for (let r = 1; r <= formats.length; r++) {
      if (r < formats.length && formats[r]![c] === formats[start]![c]) continue;
      put(callObj(ws, "Range", rangeRef(top + start, left + c, r - start, 1)), "NumberFormat", formats[start]![c]);
      start = r;
    }
  }
}

/** A1 → formula text of the formula cells of the used range (none asked when it has none). */
function formulaCells(used: WpsObject, top: number, left: number, rows: number, cols: number): Map<string, string> {
  const found = new Map<string, string>();
  if (get(used, "HasFormula") === false) return found;
  grid(get(used, "Formula"), rows, cols).forEach((row, r) =>
    row.forEach((f, c) => {
      const text = formulaText(f);
      if (text !== null) found.set(a1(top + r, left + c), text);
    }),
  );
  return found;
}

/**
 * Merged areas, column by column: a run of rows none of which is merged is passed over at once,
 * a run all merged is read from its first cell's MergeArea (which says how far it goes), and a
 * mixed run is halved. A 400-row merged category costs a few calls, not 400.
 */
function mergedAreas(ws: WpsObject, used: WpsObject, top: number, left: number, rows: number, cols: number): CellRange[] {
  if (get(used, "MergeCells") === false) return [];
  const merges = new Map<string, CellRange>();
  const scan = (col: number, from: number, n: number): void => {
    if (n <= 0) return;
    const merged = get(callObj(ws, "Range", rangeRef(from, col, n, 1)), "MergeCells");
    if (merged === false) return;
    if (merged === true) {
      const area = obj(callObj(ws, "Range", a1(from, col)), "MergeArea");
      const m = { top: Number(get(area, "Row")), left: Number(get(area, "Column")) };
      const bottom = m.top + count(obj(area, "Rows")) - 1;
      merges.set(`${m.top},${m.left}`, { ...m, bottom, right: m.left + count(obj(area, "Columns")) - 1 });
      scan(col, bottom + 1, from + n - (bottom + 1));
      return;
    }
    const half = Math.ceil(n / 2);
    scan(col, from, half);
    scan(col, from + half, n - half);
  };
  for (let c = left; c < left + cols; c++) scan(c, top, rows);
  return [...merges.values()];
}

/** Hidden columns of the used range, in runs of columns hidden or shown alike (asked of its first row). */
function hiddenColumns(ws: WpsObject, top: number, left: number, cols: number): Set<number> {
  const hidden = new Set<number>();
  bisect(
    left,
    cols,
    (from, n) => get(obj(callObj(ws, "Range", rangeRef(top, from, 1, n)), "EntireColumn"), "Hidden"),
    (from, n, value) => {
      if (value === true) for (let c = from; c < from + n; c++) hidden.add(c);
    },
  );
  return hidden;
}

/** Hidden rows of the used range, in runs of rows hidden or shown alike. */
function hiddenRows(ws: WpsObject, top: number, rows: number): Set<number> {
  const hidden = new Set<number>();
  bisect(
    top,
    rows,
    (from, n) => get(obj(callObj(ws, "Range", `${from}:${from + n - 1}`), "EntireRow"), "Hidden"),
    (from, n, value) => {
      if (value === true) for (let r = from; r < from + n; r++) hidden.add(r);
    },
  );
  return hidden;
}
