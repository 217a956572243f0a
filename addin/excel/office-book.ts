/// <reference types="office-js" />
/**
 * The workbook interface (addin/host/book.ts) over Office.js: one Book per Excel.run, so the
 * conditional formats a task finds can be deleted in the same context, and every call is a
 * fixed number of context.sync() requests within the platform's budget.
 */
import type { BlockCells, CellBlock, CellProperty } from "../host/blocks.js";
import type { Book, ExistingFormat, InsertedSummary, ReadOptions, WorkbookHost, WorkbookRead, WorkbookSettings } from "../host/book.js";
import type { WriteOp } from "../host/write-ops.js";
import { DEFAULT_DIGIT_WIDTH, widthOfPoints, type ColumnState } from "../../analytics/normalize/column-width.js";
import { normalDigitWidth } from "./digit-width.js";
import type { RequestBudget } from "../host/request-budget.js";
import { customFormats } from "./formats.js";
import type { OfficeHostInfo } from "./office-host.js";
import { readWorkbookFromExcel } from "./read-workbook.js";
import { loadRegions } from "./regions.js";
import { selectCell } from "./select.js";
import { insertSummarySheet } from "./office-summary-sheet.js";
import type { SummaryLayout } from "../../analytics/overview/completion-sheet.js";
import { runOps } from "./writes.js";

export interface OfficeBookOptions {
  readonly budget: RequestBudget;
  /** ExcelApi 1.13: merged areas can be listed. */
  readonly mergedAreas: boolean;
}

export class OfficeBook implements Book {
  private formats: Excel.ConditionalFormat[] = [];
  /** Pixels of the Normal font's widest digit, once columnWidths has read the font. */
  private digitWidth = DEFAULT_DIGIT_WIDTH;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: OfficeBookOptions,
  ) {}

  get budget(): RequestBudget {
    return this.options.budget;
  }

  readSheets(options: ReadOptions = {}): Promise<WorkbookRead> {
    return readWorkbookFromExcel(this.context, {
      budget: this.options.budget,
      mergedAreas: this.options.mergedAreas && options.mergedAreas !== false,
      formulas: options.formulas ?? false,
      source: "工作簿",
      ...(options.sheets ? { sheets: options.sheets } : {}),
    });
  }

  async findSheets(names: readonly string[]): Promise<Set<string>> {
    const sheets = names.map((name) => ({ name, ws: this.context.workbook.worksheets.getItemOrNullObject(name) }));
    for (const s of sheets) s.ws.load("name");
    await this.context.sync();
    return new Set(sheets.filter((s) => !s.ws.isNullObject).map((s) => s.name));
  }

  readBlocks(blocks: readonly CellBlock[], property: CellProperty): Promise<BlockCells[]> {
    const worksheets = this.context.workbook.worksheets;
    return loadRegions(this.context, blocks.map((b) => ({ ...b, sheet: worksheets.getItem(b.sheet) })), property, this.options.budget);
  }

  async wrapsText(cells: readonly { readonly sheet: string; readonly cell: string }[]): Promise<boolean[]> {
    if (cells.length === 0) return [];
    const formats = cells.map(({ sheet, cell }) => {
      const format = this.context.workbook.worksheets.getItem(sheet).getRange(cell).format;
      format.load("wrapText");
      return format;
    });
    await this.context.sync();
    return formats.map((f) => f.wrapText === true);
  }

  /**
   * Widths come in points; the plan counts characters of the Normal font's widest digit, so
   * the font is read in the same request as the widths. A workbook whose Normal style cannot
   * be found by that name is read again without it, on Calibri 11's digit.
   */
  async columnWidths(columns: readonly { readonly sheet: string; readonly col: number }[]): Promise<ColumnState[]> {
    if (columns.length === 0) return [];
    const queue = (withFont: boolean) => {
      const font = withFont ? this.context.workbook.styles.getItem("Normal").font.load("name,size") : null;
      const ranges = columns.map(({ sheet, col }) => {
        const range = this.context.workbook.worksheets.getItem(sheet).getRangeByIndexes(0, col - 1, 1, 1);
        range.load("columnHidden");
        range.format.load("columnWidth");
        return range;
      });
      return { font, ranges };
    };
    let read = queue(true);
    try {
      await this.context.sync();
    } catch {
      read = queue(false);
      await this.context.sync();
    }
    if (read.font) this.digitWidth = normalDigitWidth({ name: read.font.name, size: read.font.size });
    const digitWidth = this.digitWidth;
    return read.ranges.map((r) => ({ hidden: r.columnHidden === true, width: r.columnHidden === true ? 0 : widthOfPoints(r.format.columnWidth, digitWidth), digitWidth }));
  }

  async customFormats(sheets: readonly string[]): Promise<ExistingFormat[]> {
    const found = await customFormats(this.context, sheets);
    const first = this.formats.length;
    for (const f of found) this.formats.push(f.format);
    return found.map((f, i) => ({ sheet: f.sheet, key: f.key, id: first + i }));
  }

  write(ops: readonly WriteOp[]): Promise<number> {
    return runOps(this.context, ops, this.options.budget, this.formats, this.digitWidth);
  }

  insertSummary(layout: SummaryLayout): Promise<InsertedSummary> {
    return insertSummarySheet(this.context, layout);
  }

  select(sheet: string, cell: string): Promise<void> {
    return selectCell(this.context, sheet, cell);
  }
}

/**
 * Settings in the document's own settings store (saved inside the workbook file). Values are
 * JSON; saveAsync writes them into the document, which the clerk then saves as usual.
 */
function documentSettings(): WorkbookSettings {
  return {
    get: async (key) => Office.context.document.settings.get(key) ?? null,
    set: (key, value) =>
      new Promise<void>((resolve, reject) => {
        const settings = Office.context.document.settings;
        settings.set(key, value);
        settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Failed ? reject(new Error(result.error.message)) : resolve()));
      }),
  };
}

/** Excel as a workbook host: each task one Excel.run. */
export function officeHost(info: OfficeHostInfo): WorkbookHost {
  return {
    info,
    run: (task) => Excel.run((context) => task(new OfficeBook(context, info))),
    settings: documentSettings(),
  };
}
