/**
 * The one workbook interface: what the pane's tasks (read, apply a change plan, undo, insert
 * the summary sheet, select a cell) need of the spreadsheet, async on every host. Office.js
 * implements it over Excel.run and context.sync() (`addin/excel/office-book.ts`), WPS over the
 * synchronous `window.Application` (`addin/wps/wps-book.ts`). Tasks written against it
 * (`addin/host/apply-plan-to-book.ts`, `undo.ts`) run unchanged on both.
 */
import type { Workbook } from "../../analytics/sheet/sheet-model.js";
import type { RequestBudget } from "./request-budget.js";
import type { SummaryLayout } from "../../analytics/overview/completion-sheet.js";
import type { BlockCells, CellBlock, CellProperty } from "./blocks.js";
import type { HostInfo } from "./host-info.js";
import type { ColumnState } from "../../analytics/normalize/column-width.js";
import type { WriteOp } from "./write-ops.js";

export interface ReadOptions {
  /** Only these sheets; every sheet when absent. */
  readonly sheets?: readonly string[];
  /** Also give the text of formula cells (normalize keeps formula columns as they are). */
  readonly formulas?: boolean;
  /** Read merged areas (default: when the host can). The log sheet has none worth a request. */
  readonly mergedAreas?: boolean;
}

export interface WorkbookRead {
  /** The used range of every sheet as the core's sheet model: values (dates by their number format), merged areas, hidden rows, formula cells, percentages. */
  readonly workbook: Workbook;
  /** The formula of a cell without "=", or null (always null unless `formulas` was asked). */
  readonly formulaAt: (sheet: string, row: number, col: number) => string | null;
}

/** A custom (formula) conditional format already on a sheet. */
export interface ExistingFormat {
  readonly sheet: string;
  /** The formula without "=", spaces removed, upper case. */
  readonly key: string;
  /** What a "delete-format" operation names it by, on the same book. */
  readonly id: number;
}

export interface InsertedSummary {
  readonly sheet: string;
  readonly charts: number;
  readonly replaced: boolean;
}

/** The open workbook, for the length of one task. */
export interface Book {
  /** How much one request may carry: writes are cut into runs that fit it. */
  readonly budget: RequestBudget;
  /**
   * The used ranges as the core's sheet model. Refuses a workbook on the 1904 date system
   * (every date would move four years) with a message the clerk can act on.
   */
  readSheets(options?: ReadOptions): Promise<WorkbookRead>;
  /** Which of these sheets exist. */
  findSheets(names: readonly string[]): Promise<Set<string>>;
  /** The contents and number formats of blocks of cells, in as few requests as the budget allows. */
  readBlocks(blocks: readonly CellBlock[], property: CellProperty): Promise<BlockCells[]>;
  /** Whether each of these cells wraps its text (A1 cells, one answer each). */
  wrapsText(cells: readonly { readonly sheet: string; readonly cell: string }[]): Promise<boolean[]>;
  /**
   * The width (in the plan's unit, analytics/normalize/column-width.ts) and visibility of these columns
   * (1-based), in one request; later "column-width" writes use the digit width found here.
   */
  columnWidths(columns: readonly { readonly sheet: string; readonly col: number }[]): Promise<ColumnState[]>;
  /** The custom conditional formats on these sheets, by formula. */
  customFormats(sheets: readonly string[]): Promise<ExistingFormat[]>;
  /** Values and formats in batches, conditional formats, dropdowns, sheets; returns the requests it took. */
  write(ops: readonly WriteOp[]): Promise<number>;
  /** The 完成情况 sheet: tables and native charts bound to them, replacing an earlier one of ours. */
  insertSummary(layout: SummaryLayout): Promise<InsertedSummary>;
  /** Brings the sheet to the front and selects the cell. */
  select(sheet: string, cell: string): Promise<void>;
}

/** Small settings kept in the workbook itself (they travel with the file): JSON values by key. */
export interface WorkbookSettings {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** A spreadsheet host: what it is, a way to run tasks on its open workbook, and its settings. */
export interface WorkbookHost {
  readonly info: HostInfo;
  run<T>(task: (book: Book) => Promise<T>): Promise<T>;
  readonly settings: WorkbookSettings;
}

export function formulaKey(formula: string): string {
  return formula.replace(/^=/u, "").replace(/\s+/gu, "").toUpperCase();
}
