/// <reference types="office-js" />
/**
 * The open workbook into the core's sheet model, in a fixed number of requests:
 *   1. the sheet list;
 *   2. each sheet's used range, merged areas, visible cells (hidden rows are the rows left
 *      out) and formula cells, all sheets together;
 *   3. values and number formats of every used range, together, in row chunks packed into as
 *      few requests as the budget allows (one on desktop for a 100,000-row ledger).
 * Nothing is loaded per row or per cell.
 */
import { a1 } from "../../analytics/sheet/address.js";
import type { CellRange, Sheet, Workbook } from "../../analytics/sheet/sheet-model.js";
import type { WorkbookRead } from "../host/book.js";
import { date1904Error } from "../host/date-system.js";
import { sheetFromGrid } from "../host/sheet-grid.js";
import { cellsOf, parseAreas, columnsNotCovered, rowsNotCovered } from "./areas.js";
import type { RequestBudget } from "../host/request-budget.js";
import { formulaText } from "../host/cell-values.js";
import { loadRegions, type Region, type RegionCells } from "./regions.js";

export interface ExcelReadOptions {
  readonly budget: RequestBudget;
  /** ExcelApi 1.13 (getMergedAreasOrNullObject). Without it merges are not read; the pane says so. */
  readonly mergedAreas: boolean;
  /** Only these sheets; every sheet when absent. */
  readonly sheets?: readonly string[];
  /** What to call the workbook in reports when Excel does not say. */
  readonly source?: string;
  /** Also load the text of formula cells (normalize keeps formula columns as they are). */
  readonly formulas?: boolean;
}

interface SheetShape {
  readonly worksheet: Excel.Worksheet;
  readonly name: string;
  readonly hidden: boolean;
  readonly used: Excel.Range;
  readonly merged: Excel.RangeAreas | null;
  readonly visible: Excel.RangeAreas;
  readonly formulas: Excel.RangeAreas;
}

export async function readWorkbookFromExcel(context: Excel.RequestContext, options: ExcelReadOptions): Promise<WorkbookRead> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  workbook.load("name");
  const epoch = queueDateSystemProbe(workbook);
  await context.sync();
  refuse1904(epoch);

  const wanted = worksheets.items.filter((ws) => options.sheets === undefined || options.sheets.includes(ws.name));
  const shapes = wanted.map((ws) => queueShape(ws, options.mergedAreas));
  await context.sync();

  const regions: Region[] = shapes.map((s) => ({
    sheet: s.worksheet,
    top: s.used.rowIndex + 1,
    left: s.used.columnIndex + 1,
    rows: s.used.rowCount,
    cols: s.used.columnCount,
  }));
  // Formula texts ride in the same requests as the values: only formula cells, area by area.
  const formulaRegions: Region[] = options.formulas
    ? shapes.flatMap((s) =>
        parseAreas(addressOf(s.formulas)).map((r) => ({
          sheet: s.worksheet, top: r.top, left: r.left, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1, property: "formulas" as const,
        })),
      )
    : [];
  const cells = await loadRegions(context, [...regions, ...formulaRegions], "values", options.budget);
  const sheets = shapes.map((shape, i) => toSheet(shape, regions[i]!, cells[i]!));
  return {
    workbook: { source: workbook.name || options.source || "", sheets },
    formulaAt: formulaLookup(shapes, formulaRegions, cells.slice(regions.length)),
  };
}

/**
 * DATE(1904,1,1) is 1462 in a workbook on the 1900 date system and 0 on the 1904 one (an old
 * Mac setting). Office.js does not say which a workbook uses, and the pane reads and writes
 * 1900 serials, so it asks Excel, rather than move every date by four years.
 */
function queueDateSystemProbe(workbook: Excel.Workbook): Excel.FunctionResult<number> {
  const probe = workbook.functions.date(1904, 1, 1);
  probe.load("value");
  return probe;
}

function refuse1904(probe: Excel.FunctionResult<number>): void {
  if (probe.value === 0) throw date1904Error();
}

function formulaLookup(shapes: readonly SheetShape[], regions: readonly Region[], cells: readonly RegionCells[]): WorkbookRead["formulaAt"] {
  const bySheet = new Map<string, Map<string, string>>();
  regions.forEach((region, i) => {
    const name = shapes.find((s) => s.worksheet === region.sheet)!.name;
    const map = bySheet.get(name) ?? new Map<string, string>();
    bySheet.set(name, map);
    cells[i]!.raw.forEach((row, r) =>
      row.forEach((raw, c) => {
        const text = formulaText(raw);
        if (text !== null) map.set(a1(region.top + r, region.left + c), text);
      }),
    );
  });
  return (sheet, row, col) => bySheet.get(sheet)?.get(a1(row, col)) ?? null;
}

function queueShape(worksheet: Excel.Worksheet, mergedAreas: boolean): SheetShape {
  // valuesOnly: a border drawn down to row 1000 does not make 1000 rows to read. An empty
  // sheet gives A1, never an error.
  const used = worksheet.getUsedRange(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const merged = mergedAreas ? used.getMergedAreasOrNullObject() : null;
  merged?.load("address");
  const visible = used.getSpecialCellsOrNullObject("Visible");
  visible.load("address");
  const formulas = used.getSpecialCellsOrNullObject("Formulas");
  formulas.load("address");
  return { worksheet, name: worksheet.name, hidden: worksheet.visibility !== "Visible", used, merged, visible, formulas };
}

function addressOf(areas: Excel.RangeAreas | null): string {
  return areas === null || areas.isNullObject ? "" : areas.address;
}

function toSheet(shape: SheetShape, region: Region, cells: RegionCells): Sheet {
  const bounds: CellRange = { top: region.top, left: region.left, bottom: region.top + region.rows - 1, right: region.left + region.cols - 1 };
  // A sheet with every row hidden has no visible cells at all; that is rarer than a sheet
  // whose visible-cell lookup found nothing to say, so read it as "nothing hidden".
  const visible = parseAreas(addressOf(shape.visible));
  return sheetFromGrid({
    name: shape.name,
    hidden: shape.hidden,
    top: region.top,
    left: region.left,
    rows: region.rows,
    cols: region.cols,
    raw: cells.raw,
    formats: cells.formats,
    merges: parseAreas(addressOf(shape.merged)),
    hiddenRows: visible.length === 0 ? new Set() : rowsNotCovered(visible, bounds),
    // A column an old deadline or status sits in, hidden by the clerk: header evidence weighs it less.
    hiddenColumns: visible.length === 0 ? new Set() : columnsNotCovered(visible, bounds),
    formulaCells: cellsOf(parseAreas(addressOf(shape.formulas)), bounds),
  });
}
