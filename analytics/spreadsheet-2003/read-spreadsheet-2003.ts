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
import { a1, GRID_COLUMNS, GRID_ROWS } from "../sheet/address.js";
import type { CellRange, CellValue, Sheet, Workbook } from "../sheet/sheet-model.js";
import { partDecoder } from "../xlsx/encoding.js";
import { ReadBudget } from "../xlsx/read-budget.js";
import { readError } from "../xlsx/read-errors.js";
import { booleanCellValue, clipMerges, decimalOf, trimTrailingEmptyRows } from "../xlsx/worksheet-part.js";
import { checkCellLength, MAX_CELL_CHARACTERS, XmlReader, type Attributes } from "../xlsx/xml.js";

const PART = "Excel 2003 XML";
/** Bytes decoded and handed to the XML reader at a time. */
const PIECE = 1 << 20;
/** Past this a document is no ledger any system exported: a 100,000-row ledger of eight columns in this form is 46 MB. */
export const MAX_SPREADSHEET_2003_BYTES = 128 * 1024 * 1024;
const NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet";

/** A number format that shows a percent ("Percent", "0.0%"): the cell is a share, not a count. */
const PERCENT_FORMAT = /%|^percent$/iu;

/** The attributes of the spreadsheet namespace read here. */
const ATTRIBUTE_NAMES = ["Index", "Span", "MergeAcross", "MergeDown", "Hidden", "Formula", "StyleID", "Type", "ID", "Format", "Name"] as const;
type AttributeName = (typeof ATTRIBUTE_NAMES)[number];

/** Each name with the document's prefix, made once: a key built at every look-up is hashed anew. */
function prefixedNames(prefix: string): Record<AttributeName, string> {
  return Object.fromEntries(ATTRIBUTE_NAMES.map((name) => [name, prefix + name])) as Record<AttributeName, string>;
}

interface SheetBeingRead {
  readonly name: string;
  readonly rows: (CellValue[] | undefined)[];
  readonly merges: CellRange[];
  readonly hiddenRows: Set<number>;
  /** Rows hidden by a row's ss:Span (Excel hides every unused row below a table so): laid out once the used rows are known. */
  readonly hiddenSpans: { readonly from: number; readonly to: number }[];
  readonly formulaCells: Set<string>;
  readonly percentCells: Set<string>;
  hidden: boolean;
}

export function readSpreadsheet2003(bytes: Uint8Array, options: { readonly source: string; readonly sheet?: string }): Workbook {
  if (bytes.length > MAX_SPREADSHEET_2003_BYTES) throw readError("too-large", userMessage("spreadsheet-2003-too-large", { size: Math.round(bytes.length / 1024 / 1024) }));
  const budget = new ReadBudget();
  /**
   * An attribute of the spreadsheet namespace: Excel writes "ss:Index", a Java exporter often a
   * bare "Index". The prefix is the one the <Workbook> binds, so each look-up is two reads of
   * the attributes, never a walk through them (five per cell made a third of the reading).
   */
  let prefixed = prefixedNames("ss:");
  const attribute = (attributes: Attributes, name: AttributeName): string | undefined => attributes[prefixed[name]] ?? attributes[name];
  /** The last row the one before covers (its ss:Span repeats it over the rows after). */
  let rowEnd = 0;
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
    const given = attribute(attributes, "Index");
    if (given === undefined) return after + 1;
    const n = Number(given);
    // Positions only move on: an index at or before the last one would lay two cells in one place.
    if (!Number.isInteger(n) || n <= after || n > max) fail(given);
    return n;
  };
  const span = (attributes: Attributes, name: AttributeName, from: number, max: number): number => {
    const n = Number(attribute(attributes, name) ?? 0);
    if (!Number.isInteger(n) || n < 0) return from;
    return Math.min(from + n, max);
  };

  const reader = new XmlReader(PART, {
    open(name, attributes) {
      switch (name) {
        case "Workbook":
          for (const key in attributes) if (key.startsWith("xmlns:") && attributes[key] === NAMESPACE) prefixed = prefixedNames(key.slice("xmlns:".length) + ":");
          return;
        case "Style":
          style = attribute(attributes, "ID") ?? null;
          return;
        case "NumberFormat":
          if (style !== null && sheet === null && PERCENT_FORMAT.test(attribute(attributes, "Format") ?? "")) percentStyles.add(style);
          return;
        case "Worksheet": {
          const own = attribute(attributes, "Name")?.trim() || `Sheet${sheets.length + 1}`;
          sheet = { name: own, rows: [], merges: [], hiddenRows: new Set(), hiddenSpans: [], formulaCells: new Set(), percentCells: new Set(), hidden: false };
          sheets.push(sheet);
          rowEnd = 0;
          return;
        }
        case "Row": {
          if (sheet === null) return;
          row = index(attributes, rowEnd, GRID_ROWS);
          rowEnd = span(attributes, "Span", row, GRID_ROWS);
          col = 0;
          if (attribute(attributes, "Hidden") === "1") sheet.hiddenSpans.push({ from: row, to: rowEnd });
          return;
        }
        case "Cell": {
          if (sheet === null || row === 0) return;
          col = index(attributes, col, GRID_COLUMNS);
          const right = span(attributes, "MergeAcross", col, GRID_COLUMNS);
          const bottom = span(attributes, "MergeDown", row, GRID_ROWS);
          if (right > col || bottom > row) sheet.merges.push({ top: row, left: col, bottom, right });
          if (attribute(attributes, "Formula") !== undefined) sheet.formulaCells.add(a1(row, col));
          const styleId = attribute(attributes, "StyleID");
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
          if (inData++ === 0) cell.type = attribute(attributes, "Type") ?? "String";
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
  const wanted = new Set(sheets.filter((s) => options.sheet === undefined || s.name === options.sheet));
  const done: Sheet[] = sheets.map((s): Sheet => {
    trimTrailingEmptyRows(s.rows);
    for (const { from, to } of s.hiddenSpans) for (let r = from; r <= Math.min(to, s.rows.length); r++) s.hiddenRows.add(r);
    const width = s.rows.reduce((w, cells) => Math.max(w, cells?.length ?? 0), 0);
    const read = wanted.has(s);
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

