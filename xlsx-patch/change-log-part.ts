/**
 * The 变更记录 sheet as a worksheet part, in the core's layout (analytics/normalize/log.ts): a
 * new part with its header, widths, frozen header row and A4-landscape print setup, or the rows
 * of this run appended below those of a log already in the workbook (either host's).
 */
import type { Lang } from "../analytics/lang.js";
import { LOG_HEADERS, LOG_PRINT, LOG_WIDTHS, logCellFormat, logRowCells, type LogEntry } from "../analytics/normalize/log.js";
import { columnLetter } from "../analytics/sheet/address.js";
import { XmlScanner } from "../analytics/xlsx/xml-scanner.js";
import { escapeText, serialOf } from "./cell-xml.js";
import type { StylesPatch } from "./styles.js";

/** SpreadsheetML's paper size codes. */
const PAPER_SIZES = { A4: 9 } as const;

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

interface LogStyles {
  readonly header: number;
  readonly date: number;
}

function logStyles(styles: StylesPatch): LogStyles {
  return { header: styles.bold(), date: styles.plain(logCellFormat({ day: "2000-01-01" })!) };
}

/** Where a log's XML goes, a row at a time. */
export interface XmlSink {
  pushText(text: string): void;
}

/**
 * The <is> of a text cell, remembered per column from the row above: the batch, the sheet, the
 * rule and the state repeat down the log, and so do a unit or a status word over a run of rows.
 */
class TextCells {
  private readonly lastText: string[] = [];
  private readonly lastXml: string[] = [];
  constructor(private readonly p: string) {}

  of(column: number, text: string): string {
    if (this.lastText[column] === text) return this.lastXml[column]!;
    const p = this.p;
    const space = needsPreserve(text) ? ' xml:space="preserve"' : "";
    const xml = `<${p}is><${p}t${space}>${escapeText(text)}</${p}t></${p}is>`;
    this.lastText[column] = text;
    this.lastXml[column] = xml;
    return xml;
  }
}

/** JavaScript's \s: white space a reader of the XML could drop at either end of a text. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Text that starts or ends with white space, or holds a line break, is written with xml:space="preserve" (as /^\s|\s$|\n/ tests, without a regular expression per cell). */
function needsPreserve(text: string): boolean {
  return text.length > 0 && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) || text.includes("\n"));
}

const LETTERS = LOG_HEADERS.zh.map((_, c) => columnLetter(c + 1));

/**
 * The rows of `entries` from `firstRow` on. The log is as long as the plan (a 100k-row ledger
 * logs some 200k changes), so its cells carry no more than they need (the reference only after
 * a gap, a style only on dates), and each row is handed on as it is made (one text a row: the
 * sink encodes it in one call), never gathered with the others.
 */
function writeRows(sink: XmlSink, p: string, entries: Iterable<LogEntry>, firstRow: number, lang: Lang, styles: LogStyles, date1904: boolean): void {
  const texts = new TextCells(p);
  const dateStyle = ` s="${styles.date}"`;
  let row = firstRow;
  for (const entry of entries) {
    const cells = logRowCells(entry, lang);
    let xml = `<${p}row r="${row}">`;
    let gap = true;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      if (cell === "") {
        gap = true;
        continue;
      }
      const r = gap ? ` r="${LETTERS[c]}${row}"` : "";
      gap = false;
      if (typeof cell === "string") xml += `<${p}c${r} t="inlineStr">${texts.of(c, cell)}</${p}c>`;
      else if (typeof cell === "object") xml += `<${p}c${r}${dateStyle}><${p}v>${serialOf(cell.day, date1904)}</${p}v></${p}c>`;
      else if (typeof cell === "number") xml += `<${p}c${r}><${p}v>${cell}</${p}v></${p}c>`;
      else xml += `<${p}c${r} t="b"><${p}v>${cell ? 1 : 0}</${p}v></${p}c>`;
    }
    sink.pushText(`${xml}</${p}row>`);
    row++;
  }
}

/** A new log sheet holding the `count` entries of `entries` under the header, written to `sink` as it is made. */
export function newLogSheet(entries: Iterable<LogEntry>, count: number, lang: Lang, stylesPatch: StylesPatch, date1904: boolean, sink: XmlSink): void {
  const styles = logStyles(stylesPatch);
  const width = LOG_HEADERS[lang].length;
  const header = LOG_HEADERS[lang]
    .map((h, c) => `<c r="${columnLetter(c + 1)}1" s="${styles.header}" t="inlineStr"><is><t>${escapeText(h)}</t></is></c>`)
    .join("");
  const cols = LOG_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  sink.pushText(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${columnLetter(width)}${count + 1}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData><row r="1">${header}</row>`,
  );
  writeRows(sink, "", entries, 2, lang, styles, date1904);
  sink.pushText(
    `</sheetData>` +
    `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="${PAPER_SIZES[LOG_PRINT.paper]}" orientation="${LOG_PRINT.orientation}" fitToWidth="${LOG_PRINT.fitToWidth}" fitToHeight="0"/>` +
    `</worksheet>`
  );
}

/**
 * Appends `entries` below the last row of a log part already in the workbook, written to `sink`.
 * The part is streamed twice through the project's XML scanner (once for its last row, once to
 * copy it with the dimension grown and the new rows put in before sheetData's end), never held
 * whole: the log of a 100k-row ledger is some 100 MB of XML.
 */
export function appendToLogSheet(
  streamPart: (onText: (text: string) => void) => void,
  partName: string,
  entries: Iterable<LogEntry>,
  count: number,
  lang: Lang,
  stylesPatch: StylesPatch,
  date1904: boolean,
  sink: XmlSink,
): void {
  const last = lastRowOf(streamPart, partName);
  const styles = logStyles(stylesPatch);
  let text = "";
  let textStart = 0;
  let copied = 0;
  let depth = 0;
  const copyTo = (to: number): void => {
    if (to > copied) sink.pushText(text.slice(copied - textStart, to - textStart));
    copied = Math.max(copied, to);
  };
  const tag = (): string => text.slice(scanner.tagFrom - textStart, scanner.tagTo - textStart);
  const rows = (p: string): void => writeRows(sink, p, entries, last + 1, lang, styles, date1904);
  const scanner = new XmlScanner(partName, {
    open: (name, selfClosing) => {
      depth++;
      if (depth !== 2) return;
      if (name === "dimension") {
        const grown = tag().replace(/(\sref\s*=\s*["'])([A-Z]+\d+)(?::([A-Z]+)\d+)?(["'])/u, (_m, open: string, first: string, right: string | undefined, close: string) => {
          return `${open}${first}:${right ?? columnLetter(LOG_HEADERS[lang].length)}${last + count}${close}`;
        });
        copyTo(scanner.tagFrom);
        sink.pushText(grown);
        copied = scanner.tagTo;
      } else if (name === "sheetData" && selfClosing) {
        const p = /^<(\w+:)?/u.exec(tag())?.[1] ?? "";
        copyTo(scanner.tagFrom);
        sink.pushText(`<${p}sheetData>`);
        rows(p);
        sink.pushText(`</${p}sheetData>`);
        copied = scanner.tagTo;
      }
    },
    close: (name) => {
      if (depth-- === 2 && name === "sheetData" && copied <= scanner.tagFrom) {
        copyTo(scanner.tagFrom);
        rows(/^<\/(\w+:)?/u.exec(tag())?.[1] ?? "");
      }
    },
    text: () => undefined,
  });
  streamPart((piece) => {
    text = text === "" ? piece : text + piece;
    scanner.push(piece);
    copyTo(scanner.scannedTo);
    text = text.slice(copied - textStart);
    textStart = copied;
  });
  scanner.end();
  copyTo(textStart + text.length);
}

/** The number of the last row of a worksheet part (a row without r follows the one before). */
function lastRowOf(streamPart: (onText: (text: string) => void) => void, partName: string): number {
  let last = 0;
  let previous = 0;
  let depth = 0;
  const scanner = new XmlScanner(partName, {
    open: (name) => {
      depth++;
      if (depth === 3 && name === "row") {
        const r = scanner.attr("r");
        previous = r !== undefined && /^\d+$/u.test(r) ? Number(r) : previous + 1;
        last = Math.max(last, previous);
      }
    },
    close: () => void depth--,
    text: () => undefined,
  });
  streamPart((piece) => scanner.push(piece));
  scanner.end();
  return last;
}
