/**
 * The summary workbook written with exceljs, from the core's SummaryBook: the command line
 * imports it, the pane loads it (and exceljs with it) only when a clerk asks for the download.
 * Every sheet prints on A4 landscape, one page wide, its header rows on every page.
 */
import ExcelJS from "exceljs";
import { LIGHT_COLORS } from "../../analytics/charts/palette.js";
import type { BookCell, BookSheet, BookStyle, SummaryBook } from "../../analytics/overview/summary-book.js";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F2F1" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBDBDBD" } };

const STYLE_FONT: Record<BookStyle, Partial<ExcelJS.Font>> = {
  title: { bold: true, size: 16 },
  subtitle: { color: { argb: "FF605E5C" } },
  header: { bold: true },
  note: { italic: true, color: { argb: "FF605E5C" } },
};

function writeCell(target: ExcelJS.Cell, cell: BookCell): void {
  const v = cell.value;
  target.value = v === null ? null : typeof v === "object" ? { formula: v.formula, date1904: false } as ExcelJS.CellFormulaValue : v;
  if (cell.format) target.numFmt = cell.format;
  if (cell.style) target.font = STYLE_FONT[cell.style];
  if (cell.style === "header") {
    target.fill = HEADER_FILL;
    target.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  }
  if (cell.light) {
    target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(LIGHT_COLORS[cell.light]) } };
    target.font = { bold: true, color: { argb: cell.light === "amber" || cell.light === "grey" ? "FF111111" : "FFFFFFFF" } };
    target.alignment = { horizontal: "center" };
  }
  if (cell.wrap) target.alignment = { ...target.alignment, wrapText: true, vertical: "top" };
}

function writeSheet(wb: ExcelJS.Workbook, sheet: BookSheet, pictures: ReadonlyMap<string, Uint8Array>): void {
  const ws = wb.addWorksheet(sheet.name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as it takes
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(sheet.headerRows ? { printTitlesRow: `${sheet.headerRows[0]}:${sheet.headerRows[1]}` } : {}),
    },
    headerFooter: { oddFooter: "&C&P / &N" },
  });
  sheet.widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  sheet.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell) writeCell(ws.getCell(r + 1, c + 1), cell);
    });
  });
  if (sheet.headerRows) ws.views = [{ state: "frozen", ySplit: sheet.headerRows[1] }];
  for (const picture of sheet.pictures) {
    const png = pictures.get(picture.chart);
    if (!png) continue;
    const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(image, { tl: { col: 0, row: picture.row - 1 }, ext: { width: picture.width, height: picture.height } });
  }
  for (const row of sheet.pageBreaksAfter) ws.getRow(row).addPageBreak();
}

/**
 * The mark put in the summary workbook's keywords, so that `report` over a folder that holds
 * it never reads its own output as a submitted ledger (cli/report/inputs.ts).
 */
export const SUMMARY_MARKER = "taizhang-report-summary";

/** The workbook's bytes; `pictures` holds each chart's PNG by chart id (a chart without one is left out). */
export async function renderSummaryBook(book: SummaryBook, pictures: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Taizhang";
  wb.keywords = SUMMARY_MARKER;
  wb.title = book.title;
  for (const sheet of book.sheets) writeSheet(wb, sheet, pictures);
  return new Uint8Array(await wb.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
}
