/**
 * Reading a CSV (or tab-separated) file as the one sheet Excel or WPS shows when it opens it:
 * what some systems export, often in GBK. Fields are split by d3-dsv (quotes, quoted line
 * breaks and doubled quotes as RFC 4180 has them); the separator is the one an early line
 * holds most of (comma, tab or semicolon); a plain decimal reads as a number, as in Excel.
 */
import { dsvFormat } from "d3-dsv";
import { userMessage } from "../findings/user-message.js";
import { GRID_COLUMNS, GRID_ROWS } from "../sheet/address.js";
import { sheetNameOfFile } from "../sheet/sheet-name-of-file.js";
import type { CellValue, Workbook } from "../sheet/sheet-model.js";
import { typedText } from "../sheet/typed-text.js";
import { decodeText } from "../text-decoding.js";
import { ReadBudget } from "../xlsx/read-budget.js";
import { readError } from "../xlsx/read-errors.js";
import { MAX_CELL_CHARACTERS } from "../xlsx/xml.js";

/** Past this a text file is no ledger anyone exported: a 100,000-row ledger as CSV is about 25 MB. */
export const MAX_TEXT_FILE_BYTES = 128 * 1024 * 1024;
const SEPARATORS = [",", "\t", ";"] as const;

export function readCsvWorkbook(bytes: Uint8Array, options: { readonly source: string }): Workbook {
  if (bytes.length > MAX_TEXT_FILE_BYTES) throw readError("too-large", userMessage("text-file-too-large", { size: Math.round(bytes.length / 1024 / 1024) }));
  const text = decodeText(bytes);
  const name = sheetNameOfFile(options.source);
  const budget = new ReadBudget();
  budget.spendText(text.length);
  const separator = separatorOf(text);
  // A quote left open takes the rest of the file into one field: the rows after it would be lost
  // without a word (Excel shows them so too), so the file is refused, naming the line.
  const open = openQuoteLine(text, separator);
  if (open !== null) throw readError("corrupt", userMessage("text-file-open-quote", { row: open }));
  const rows: (CellValue[] | undefined)[] = [];
  dsvFormat(separator).parseRows(text, (fields, index) => {
    if (index >= GRID_ROWS || fields.length > GRID_COLUMNS) throw readError("too-large", userMessage("text-file-beyond-grid", { sheet: name }));
    let cells: CellValue[] | undefined;
    fields.forEach((field, c) => {
      // Most often a quote left open, which takes the rest of the file into one field.
      if (field.length > MAX_CELL_CHARACTERS) throw readError("corrupt", userMessage("text-file-long-field", { row: index + 1, field: c + 1, limit: MAX_CELL_CHARACTERS }));
      const value = fieldValue(field.trim());
      if (value === null) return;
      budget.spendCell(0);
      cells ??= [];
      while (cells.length < c) cells.push(null);
      cells[c] = value;
    });
    rows.push(cells);
    return null; // rows are kept here, not by the parser
  });
  while (rows.length > 0 && rows[rows.length - 1] === undefined) rows.pop();
  if (rows.length === 0) throw readError("empty", userMessage("text-file-empty"));
  return { source: options.source, sheets: [{ name, hidden: false, rows, merges: [], hiddenRows: new Set(), formulaCells: new Set() }] };
}

/**
 * A field as Excel shows it: `="007"` (how exports keep a 编号's leading zeros or an ID card's 18
 * digits from Excel) is the text between the quotes, never a number; anything else typed text.
 */
function fieldValue(field: string): CellValue {
  const guarded = /^="(.*)"$/su.exec(field);
  return guarded ? typedText(guarded[1]!.replaceAll('""', '"'), true) : typedText(field);
}

/**
 * The line on which a field opens a quote that the file never closes, read as d3-dsv reads
 * fields (a quote counts only at a field's start; "" inside quotes is one quote); null when every
 * quote closes.
 */
function openQuoteLine(text: string, separator: string): number | null {
  let line = 1;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (fieldStart && ch === '"') {
      const opened = line;
      for (i++; ; i++) {
        if (i >= text.length) return opened;
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        } else if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
      }
      fieldStart = false;
      continue;
    }
    if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) {
      line++;
      fieldStart = true;
    } else fieldStart = ch === separator || ch === "\r";
  }
  return null;
}

/** Lines looked at to tell the separator: a title line above the header holds none. */
const SNIFF_LINES = 20;

/** The separator most early lines hold, outside quotes (the most of it in one line on a tie); a comma when none holds any. */
function separatorOf(text: string): string {
  const lines = new Map<string, number>();
  const most = new Map<string, number>();
  let line = new Map<string, number>();
  let seen = 0;
  let quoted = false;
  const endLine = (): void => {
    for (const [separator, n] of line) {
      lines.set(separator, (lines.get(separator) ?? 0) + 1);
      most.set(separator, Math.max(most.get(separator) ?? 0, n));
    }
    line = new Map();
    seen++;
  };
  for (let i = 0; i < text.length && seen < SNIFF_LINES; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    // A line ends at LF, CR LF, or a lone CR (as older exporters write).
    else if (!quoted && (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n"))) endLine();
    else if (!quoted && (SEPARATORS as readonly string[]).includes(ch)) line.set(ch, (line.get(ch) ?? 0) + 1);
  }
  endLine();
  let best = ",";
  for (const separator of SEPARATORS) {
    const [a, b] = [lines.get(separator) ?? 0, lines.get(best) ?? 0];
    if (a > b || (a === b && (most.get(separator) ?? 0) > (most.get(best) ?? 0))) best = separator;
  }
  return best;
}
