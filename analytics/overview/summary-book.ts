/**
 * The summary workbook as data: every sheet's cells (numbers and dates typed, with their number
 * formats), widths, frozen and repeated header rows, page setup and where each chart picture
 * goes. Pure; one exceljs renderer (addin/exceljs/summary-workbook.ts) writes it for the
 * command line and for the pane, so both hand a leader the same workbook.
 */
import { MAX_CELL_CHARACTERS } from "../xlsx/xml.js";
import type { Light } from "../charts/traffic.js";
import { dayToSerial, type Day } from "../day.js";
import { phrase } from "../findings/catalogue.js";
import type { Lang } from "../lang.js";
import { DAY_CELL_FORMAT } from "../written-day.js";
import { isLightCell, type SummaryCell } from "./completion-sheet.js";
import { EMPTY_MARK, type OverviewModel } from "./overview-model.js";
import { previousSheet } from "./previous-sheet.js";
import { OVERVIEW_WORDS } from "./overview-words.js";

export type BookStyle = "title" | "subtitle" | "header" | "note";

export interface BookCell {
  /** A formula is written with its leading "=" left off. */
  readonly value: string | number | { readonly formula: string } | null;
  readonly format?: string;
  readonly style?: BookStyle;
  readonly light?: Light;
  readonly wrap?: boolean;
}

export interface BookPicture {
  /** The chart's id (charts/<id>.png). */
  readonly chart: string;
  /** The 1-based row its top-left corner sits on, in column A. */
  readonly row: number;
  readonly width: number;
  readonly height: number;
}

export interface BookSheet {
  readonly name: string;
  /** Column widths in characters, from column A. */
  readonly widths: readonly number[];
  /** From row 1; null leaves a cell empty. */
  readonly rows: ReadonlyArray<ReadonlyArray<BookCell | null>>;
  /** Rows printed atop every page ([first, last]); also frozen on screen. */
  readonly headerRows: readonly [number, number] | null;
  readonly pictures: readonly BookPicture[];
  /** Rows after which a new page starts. */
  readonly pageBreaksAfter: readonly number[];
}

export interface SummaryBook {
  readonly title: string;
  readonly sheets: readonly BookSheet[];
}

/** Printed on A4 landscape, one page wide; the page height a picture may take, in px at 96 dpi. */
export const PAGE_PICTURE_HEIGHT = 560;
/** exceljs's default row height, in px. */
const ROW_PX = 20;

const PERCENT = "0.0%";
const DAYS_FORMAT: Record<Lang, string> = { zh: '0"天"', en: "0" };

/** A cell holds at most 32,767 characters in Excel: a longer text is cut, and says so with "…". */
const fitCell = (value: string): string => (value.length > MAX_CELL_CHARACTERS ? `${value.slice(0, MAX_CELL_CHARACTERS - 1)}…` : value);
const text = (value: string | null, extra: Partial<BookCell> = {}): BookCell => ({ value: value ?? EMPTY_MARK, ...extra });
const count = (value: number): BookCell => ({ value });
const rate = (value: number): BookCell => ({ value, format: PERCENT });
const day = (value: Day | null, lang: Lang): BookCell => (value === null ? text(null) : { value: dayToSerial(value), format: DAY_CELL_FORMAT[lang] });
const headerRow = (words: readonly string[]): BookCell[] => words.map((w) => ({ value: w, style: "header" as const, wrap: true }));

function fromLayoutCell(cell: SummaryCell, header: boolean): BookCell {
  if (isLightCell(cell)) return { value: cell.text, light: cell.light };
  if (typeof cell === "object") return { value: { formula: cell.formula }, ...(cell.format ? { format: cell.format } : {}) };
  return header ? { value: cell, style: "header" } : { value: cell };
}

function metaLine(model: OverviewModel): string {
  const w = OVERVIEW_WORDS[model.lang];
  const parts = [
    model.submitter !== null ? phrase("labelValue", model.lang, { label: w.submitter, value: model.submitter }) : null,
    model.filledOn !== null ? phrase("labelValue", model.lang, { label: w.filledOn, value: model.filledOn }) : null,
    phrase("labelValue", model.lang, { label: w.generatedAt, value: model.generatedAt }),
  ];
  return parts.filter((p) => p !== null).join("　");
}

/** The 完成情况 sheet, exactly as the pane inserts it (its native charts become pictures on 图表). */
function completionSheet(model: OverviewModel): BookSheet {
  const layout = model.completion;
  const rows: Array<Array<BookCell | null>> = [[{ value: model.title, style: "title" }], [{ value: layout.subtitle, style: "subtitle" }], [{ value: metaLine(model), style: "subtitle" }]];
  for (const block of layout.blocks) {
    block.rows.forEach((r, i) => {
      rows[block.top - 1 + i] = r.map((cell) => fromLayoutCell(cell, i === 0));
    });
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name: layout.sheet, widths: layout.columnWidths, rows, headerRows: [1, 2], pictures: [], pageBreaksAfter: [] };
}

function overdueSheet(model: OverviewModel): BookSheet {
  const w = OVERVIEW_WORDS[model.lang];
  const rows: BookCell[][] = [headerRow([w.submitter, w.file, w.sheet, w.row, w.task, w.unit, w.leader, w.owner, w.deadline, w.days])];
  for (const o of model.overdue) {
    rows.push([text(o.submitter), text(o.file), text(o.sheet), count(o.row), text(o.task, { wrap: true }), text(o.unit, { wrap: true }), text(o.leader), text(o.owner), day(o.deadline, model.lang), { value: o.daysOverdue, format: DAYS_FORMAT[model.lang] }]);
  }
  return { name: w.overdueSheet, widths: [18, 18, 12, 6, 44, 18, 10, 10, 15, 10], rows, headerRows: [1, 1], pictures: [], pageBreaksAfter: [] };
}

function submissionsSheet(model: OverviewModel): BookSheet {
  const w = OVERVIEW_WORDS[model.lang];
  const rows: BookCell[][] = [headerRow([w.rank, w.submitter, w.ledgerTitle, w.file, w.filledOn, w.items, w.completed, w.rate, w.overdue, w.dueSoonShort])];
  for (const s of model.submissions) {
    rows.push([count(s.rank), text(s.titleBlock.submitter), text(s.titleBlock.title, { wrap: true }), text(s.file), text(s.titleBlock.filledOn), count(s.total), count(s.completed), rate(s.completionRate), count(s.overdue), count(s.dueSoon)]);
  }
  return { name: w.perFileSheet, widths: [6, 20, 36, 24, 14, 8, 10, 9, 8, 10], rows, headerRows: [1, 1], pictures: [], pageBreaksAfter: [] };
}

/** One chart per printed page: each picture scaled to the page's height, a page break after it. */
function chartsSheet(model: OverviewModel): BookSheet {
  const w = OVERVIEW_WORDS[model.lang];
  const pictures: BookPicture[] = [];
  const rows: BookCell[][] = [];
  const pageBreaksAfter: number[] = [];
  let row = 1;
  for (const chart of model.charts) {
    const scale = Math.min(1, PAGE_PICTURE_HEIGHT / chart.height);
    const height = Math.round(chart.height * scale);
    rows[row - 1] = chart.note ? [text(chart.note, { style: "note" })] : [];
    pictures.push({ chart: chart.id, row: row + 1, width: Math.round(chart.width * scale), height });
    row += 1 + Math.ceil(height / ROW_PX) + 1;
    pageBreaksAfter.push(row - 1);
  }
  for (let i = 0; i < row - 1; i++) rows[i] ??= [];
  pageBreaksAfter.pop();
  return { name: w.chartsSheet, widths: [12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12], rows, headerRows: null, pictures, pageBreaksAfter };
}

/** Every text of a sheet made to fit its cell, whichever part of the model it came from (titles, file names, tasks). */
function fitted(sheet: BookSheet): BookSheet {
  const fit = (cell: BookCell | null): BookCell | null => (cell !== null && typeof cell.value === "string" && cell.value.length > MAX_CELL_CHARACTERS ? { ...cell, value: fitCell(cell.value) } : cell);
  return { ...sheet, rows: sheet.rows.map((row) => row.map(fit)) };
}

export function summaryBook(model: OverviewModel): SummaryBook {
  const sheets = [completionSheet(model), overdueSheet(model), submissionsSheet(model), chartsSheet(model)];
  if (model.previous) sheets.push(previousSheet(model.previous, model.lang));
  return { title: model.title, sheets: sheets.map(fitted) };
}
