/**
 * Reading an Excel 2003 XML spreadsheet (SpreadsheetML 2003, "XML 电子表格 2003") into the sheet
 * model: what many government systems still export under a .xls name, one XML document of
 * <Worksheet>s, each a <Table> of <Row>s of <Cell>s holding a typed <Data>. Positions are
 * implied: a row or cell follows the one before unless its ss:Index says where it is, and a cell
 * merged across (ss:MergeAcross) takes the columns it covers. Read as a stream by the same
 * guarded XML reader as an .xlsx's small parts (xlsx/xml.ts), within the same read budget.
 */
import { isIsoDay } from "../day.js";
import { userMessage } from "../findings/user-message.js";
import { a1 } from "../sheet/address.js";
import type { CellRange, CellValue, Sheet, Workbook } from "../sheet/sheet-model.js";
import { partDecoder } from "../xlsx/encoding.js";
import { ReadBudget } from "../xlsx/read-budget.js";
import { readError } from "../xlsx/read-errors.js";
import { booleanCellValue, clipMerges, decimalOf, trimTrailingEmptyRows } from "../xlsx/worksheet-part.js";
import { attributeByLocalName, checkCellLength, MAX_CELL_CHARACTERS, XmlReader, type Attributes } from "../xlsx/xml.js";

const PART = "Excel 2003 XML";
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Bytes decoded and handed to the XML reader at a time. */
const PIECE = 1 << 20;

/** A number format that shows a percent ("Percent", "0.0%"): the cell is a share, not a count. */
const PERCENT_FORMAT = /%|^percent$/iu;

interface SheetBeingRead {
  readonly name: string;
  readonly rows: (CellValue[] | undefined)[];
  readonly merges: CellRange[];
  readonly hiddenRows: Set<number>;
  readonly formulaCells: Set<string>;
  readonly percentCells: Set<string>;
  hidden: boolean;
}

export function readSpreadsheet2003(bytes: Uint8Array, options: { readonly source: string; readonly sheet?: string }): Workbook {
  const budget = new ReadBudget();
  const sheets: SheetBeingRead[] = [];
  /** Style id → whether its number format is a percent. */
  const percentStyles = new Set<string>();
  let style: string | null = null;
  let sheet: SheetBeingRead | null = null;
  let row = 0;
  let col = 0;
  /** The cell being read: its place, and its <Data>'s type and text. */
  let cell: { row: number; col: number; type: string | null; text: string[]; percent: boolean } | null = null;
  let inData = 0;
  /** Inside a cell's <Comment>: its <Data> is the note, not the cell's value. */
  let inComment = 0;
  let inVisible = false;
  let visible = "";

  const fail = (reference: string): never => {
    throw readError("corrupt", userMessage("spreadsheet-2003-bad-index", { sheet: sheet?.name ?? "", index: reference }));
  };
  const index = (attributes: Attributes, after: number, max: number): number => {
    const given = attributeByLocalName(attributes, "Index");
    if (given === undefined) return after + 1;
    const n = Number(given);
    // Positions only move on: an index at or before the last one would lay two cells in one place.
    if (!Number.isInteger(n) || n <= after || n > max) fail(given);
    return n;
  };
  const span = (attributes: Attributes, name: string, from: number, max: number): number => {
    const n = Number(attributeByLocalName(attributes, name) ?? 0);
    if (!Number.isInteger(n) || n < 0) return from;
    return Math.min(from + n, max);
  };

  const reader = new XmlReader(PART, {
    open(name, attributes) {
      switch (name) {
        case "Style":
          style = attributeByLocalName(attributes, "ID") ?? null;
          return;
        case "NumberFormat":
          if (style !== null && sheet === null && PERCENT_FORMAT.test(attributeByLocalName(attributes, "Format") ?? "")) percentStyles.add(style);
          return;
        case "Worksheet": {
          const own = attributeByLocalName(attributes, "Name")?.trim() || `Sheet${sheets.length + 1}`;
          sheet = { name: own, rows: [], merges: [], hiddenRows: new Set(), formulaCells: new Set(), percentCells: new Set(), hidden: false };
          sheets.push(sheet);
          row = 0;
          return;
        }
        case "Row":
          if (sheet === null) return;
          row = index(attributes, row, MAX_ROWS);
          col = 0;
          if (attributeByLocalName(attributes, "Hidden") === "1") sheet.hiddenRows.add(row);
          return;
        case "Cell": {
          if (sheet === null || row === 0) return;
          col = index(attributes, col, MAX_COLUMNS);
          const right = span(attributes, "MergeAcross", col, MAX_COLUMNS);
          const bottom = span(attributes, "MergeDown", row, MAX_ROWS);
          if (right > col || bottom > row) sheet.merges.push({ top: row, left: col, bottom, right });
          if (attributeByLocalName(attributes, "Formula") !== undefined) sheet.formulaCells.add(a1(row, col));
          const styleId = attributeByLocalName(attributes, "StyleID");
          cell = { row, col, type: null, text: [], percent: styleId !== undefined && percentStyles.has(styleId) };
          // The next cell starts after the columns this one covers.
          col = right;
          return;
        }
        case "Comment":
          inComment++;
          return;
        case "Data":
          if (cell === null || inComment > 0) return;
          if (inData++ === 0) cell.type = attributeByLocalName(attributes, "Type") ?? "String";
          return;
        case "Visible":
          inVisible = true;
          visible = "";
          return;
      }
    },
    text(text) {
      if (cell !== null && inData > 0 && inComment === 0) {
        cell.text.push(text);
        budget.spendText(text.length);
      } else if (inVisible) visible += text;
    },
    close(name) {
      switch (name) {
        case "Style":
          style = null;
          return;
        case "Comment":
          if (inComment > 0) inComment--;
          return;
        case "Data":
          if (inData > 0 && inComment === 0) inData--;
          return;
        case "Cell":
          if (sheet !== null && cell !== null) place(sheet, cell.row, cell.col, cellValue(cell.type, cell.text.join(""), cell.row, cell.col), cell.percent);
          cell = null;
          inData = 0;
          inComment = 0;
          return;
        case "Visible":
          inVisible = false;
          // SheetHidden or SheetVeryHidden, in <WorksheetOptions> after the table.
          if (sheet !== null && /hidden/iu.test(visible)) sheet.hidden = true;
          return;
        case "Worksheet":
          sheet = null;
          return;
      }
    },
  });

  function place(into: SheetBeingRead, r: number, c: number, value: CellValue, percent: boolean): void {
    if (value === null) return;
    budget.spendCell(0);
    const cells = (into.rows[r - 1] ??= []);
    while (cells.length < c - 1) cells.push(null);
    cells[c - 1] = value;
    if (percent && typeof value === "number") into.percentCells.add(a1(r, c));
  }

  function cellValue(type: string | null, raw: string, r: number, c: number): CellValue {
    if (raw.length > MAX_CELL_CHARACTERS) checkCellLength(raw, PART, a1(r, c));
    if (type === null || raw === "") return null;
    switch (type) {
      case "Number":
        return decimalOf(raw) ?? raw;
      case "DateTime": {
        // "2019-06-30T00:00:00.000": the calendar day as written, no time zone to move it.
        const day = raw.trim().slice(0, 10);
        return isIsoDay(day) ? { day } : raw;
      }
      case "Boolean":
        return booleanCellValue(raw);
      case "Error":
        return { error: raw.trim() };
      default:
        return raw;
    }
  }

  const decoder = partDecoder(bytes.subarray(0, 200), PART);
  for (let at = 0; at < bytes.length; at += PIECE) reader.push(decoder.decode(bytes.subarray(at, at + PIECE), { stream: true }));
  reader.push(decoder.decode());
  reader.end();

  if (sheets.length === 0) throw readError("empty", userMessage("book-no-sheets"));
  const wanted = sheets.filter((s) => options.sheet === undefined || s.name === options.sheet);
  const done: Sheet[] = sheets.map((s): Sheet => {
    trimTrailingEmptyRows(s.rows);
    const width = s.rows.reduce((w, cells) => Math.max(w, cells?.length ?? 0), 0);
    const read = wanted.includes(s);
    return {
      name: s.name,
      hidden: s.hidden,
      rows: read ? s.rows : [],
      merges: read ? clipMerges(s.merges, s.rows.length, width, `${PART}“${s.name}”`) : [],
      hiddenRows: read ? s.hiddenRows : new Set(),
      formulaCells: read ? s.formulaCells : new Set(),
      percentCells: read ? s.percentCells : new Set(),
    };
  });
  if (options.sheet === undefined && done.every((s) => s.rows.length === 0)) throw readError("empty");
  return { source: options.source, sheets: done };
}
