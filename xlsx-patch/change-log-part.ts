/**
 * The 变更记录 sheet as a worksheet part, in the core's layout (analytics/normalize/log.ts): a
 * new part with its header, widths, frozen header row and A4-landscape print setup, or the rows
 * of this run appended below those of a log already in the workbook (either host's).
 */
import type { Lang } from "../analytics/lang.js";
import { LOG_HEADERS, LOG_PRINT, LOG_WIDTHS, logCellFormat, logRowCells, type LogCell, type LogEntry } from "../analytics/normalize/log.js";
import { columnLetter } from "../analytics/sheet/address.js";
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

/**
 * A log cell. The log is as long as the plan (a 100k-row ledger logs some 200k changes), so
 * its cells carry no more than they need: the reference only after a gap, a style only on dates.
 */
function cellOf(p: string, ref: string | null, cell: LogCell, styles: LogStyles, date1904: boolean): string {
  const r = ref === null ? "" : ` r="${ref}"`;
  if (typeof cell === "object") return `<${p}c${r} s="${styles.date}"><${p}v>${serialOf(cell.day, date1904)}</${p}v></${p}c>`;
  if (typeof cell === "number") return `<${p}c${r}><${p}v>${cell}</${p}v></${p}c>`;
  if (typeof cell === "boolean") return `<${p}c${r} t="b"><${p}v>${cell ? 1 : 0}</${p}v></${p}c>`;
  const space = /^\s|\s$|\n/u.test(cell) ? ' xml:space="preserve"' : "";
  return `<${p}c${r} t="inlineStr"><${p}is><${p}t${space}>${escapeText(cell)}</${p}t></${p}is></${p}c>`;
}

const LETTERS = LOG_HEADERS.zh.map((_, c) => columnLetter(c + 1));

/** The rows of `entries` from `firstRow` on, handed to `emit` a few thousand at a time. */
function rowsXml(p: string, entries: readonly LogEntry[], firstRow: number, lang: Lang, styles: LogStyles, date1904: boolean, emit: (xml: string) => void): void {
  const BATCH = 2000;
  for (let start = 0; start < entries.length; start += BATCH) {
    let xml = "";
    for (let i = start; i < Math.min(entries.length, start + BATCH); i++) {
      const row = firstRow + i;
      const cells = logRowCells(entries[i]!, lang);
      xml += `<${p}row r="${row}">`;
      let gap = true;
      for (let c = 0; c < cells.length; c++) {
        if (cells[c] === "") {
          gap = true;
          continue;
        }
        xml += cellOf(p, gap ? `${LETTERS[c]}${row}` : null, cells[c]!, styles, date1904);
        gap = false;
      }
      xml += `</${p}row>`;
    }
    emit(xml);
  }
}

function collect(run: (emit: (xml: string) => void) => void): string {
  const parts: string[] = [];
  run((xml) => parts.push(xml));
  return parts.join("");
}

/** A new log sheet holding `entries` under the header, handed to `emit` in pieces. */
export function newLogSheet(entries: readonly LogEntry[], lang: Lang, stylesPatch: StylesPatch, date1904: boolean, emit: (xml: string) => void): void {
  const styles = logStyles(stylesPatch);
  const width = LOG_HEADERS[lang].length;
  const header = LOG_HEADERS[lang]
    .map((h, c) => `<c r="${columnLetter(c + 1)}1" s="${styles.header}" t="inlineStr"><is><t>${escapeText(h)}</t></is></c>`)
    .join("");
  const cols = LOG_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  emit(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${columnLetter(width)}${entries.length + 1}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData><row r="1">${header}</row>`,
  );
  rowsXml("", entries, 2, lang, styles, date1904, emit);
  emit(
    `</sheetData>` +
    `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="${PAPER_SIZES[LOG_PRINT.paper]}" orientation="${LOG_PRINT.orientation}" fitToWidth="${LOG_PRINT.fitToWidth}" fitToHeight="0"/>` +
    `</worksheet>`
  );
}

/**
 * Appends `entries` to an existing log part's XML, below its last row: the part is small next
 * to a ledger, so it is patched whole.
 */
export function appendToLogSheet(xml: string, entries: readonly LogEntry[], lang: Lang, stylesPatch: StylesPatch, date1904: boolean): string {
  const styles = logStyles(stylesPatch);
  const p = /<(\w+:)?sheetData[\s/>]/u.exec(xml)?.[1] ?? "";
  let last = 0;
  for (const m of xml.matchAll(new RegExp(`<${p}row\\s[^>]*?\\br="(\\d+)"`, "gu"))) last = Math.max(last, Number(m[1]));
  const rows = collect((emit) => rowsXml(p, entries, last + 1, lang, styles, date1904, emit));
  let out = xml;
  const selfClosed = new RegExp(`<${p}sheetData\\s*/>`, "u");
  if (selfClosed.test(out)) out = out.replace(selfClosed, `<${p}sheetData>${rows}</${p}sheetData>`);
  else out = out.replace(`</${p}sheetData>`, `${rows}</${p}sheetData>`);
  const lastRow = last + entries.length;
  return out.replace(new RegExp(`(<${p}dimension\\s+ref=")([A-Z]+\\d+)(?::([A-Z]+)\\d+)?"`, "u"), (_m, open: string, first: string, right: string | undefined) => {
    return `${open}${first}:${right ?? columnLetter(LOG_HEADERS[lang].length)}${lastRow}"`;
  });
}
