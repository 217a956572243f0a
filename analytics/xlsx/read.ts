/**
 * Reading an .xlsx workbook into the core's sheet model, from bytes: no file system, no
 * Node API, so the command line and the add-in's file mode (in a browser) read alike.
 *
 * Why not exceljs for reading: its streaming reader garbles Chinese characters that straddle
 * its 16 KiB chunks (exceljs #2063, #2084, #2316), and its readFile checks every merged range
 * against every earlier one (quadratic: 37 s of 42 s on a 100k-row ledger). The parts a
 * ledger needs are few, so we inflate them with fflate: small parts are decoded whole and read
 * with saxes, worksheets a piece at a time through a streaming TextDecoder (which joins a
 * character split between two pieces, the case exceljs garbles) and a hand-written scanner.
 */
import { userMessage } from "../findings/user-message.js";
import { isLogHeader, isLogSheetName } from "../normalize/log.js";
import type { Sheet, Workbook } from "../sheet/sheet-model.js";
import { ReadBudget } from "./read-budget.js";
import { readError } from "./read-errors.js";
import { XlsxPackage, type HostInflater } from "./package.js";
import { parseSharedStrings } from "./shared-strings.js";
import { fileKind } from "./signature.js";
import { parseCellStyles } from "./styles-part.js";
import { parseRelationships, parseWorkbookPart, resolveTarget, type SheetEntry } from "./workbook-part.js";
import { WorksheetReader, type WorksheetContext } from "./worksheet-part.js";

export interface ReadOptions {
  /** What the user called the workbook, for messages and reports. */
  readonly source: string;
  /** Read only this sheet (by name); the others are listed with no rows. */
  readonly sheet?: string;
  /** A host's native inflater (the command line's zlib); fflate otherwise. */
  readonly inflater?: HostInflater;
  /**
   * The change log normalize keeps beside the ledger (变更记录): "whole", every row (the
   * default: what a reader holds is what the sheet holds); "header", its first row alone, which
   * says it is the log and no ledger: what every command that reads ledgers wants, since the log
   * grows some 2.5 rows a ledger row each run (130 MB of XML for a 100,000-row ledger). Either
   * way its size is guarded apart from the ledgers'.
   */
  readonly changeLog?: "header" | "whole";
}

const DEFAULT_WORKBOOK_PART = "xl/workbook.xml";

export function readWorkbook(bytes: Uint8Array, options: ReadOptions): Workbook {
  refuseNonXlsx(bytes);
  const pkg = XlsxPackage.open(bytes, options.inflater);
  const workbookPath = findWorkbookPart(pkg);
  const workbookXml = pkg.textOf(workbookPath) ?? "";
  const relsPath = resolveTarget(workbookPath, "_rels/" + workbookPath.slice(workbookPath.lastIndexOf("/") + 1) + ".rels");
  const part = parseWorkbookPart(workbookXml, pkg.textOf(relsPath) ?? "", workbookPath);
  if (part.sheets.length === 0) throw readError("empty", userMessage("book-no-sheets"));

  const wanted = part.sheets.filter((s) => s.part !== undefined && (options.sheet === undefined || s.name === options.sheet));
  const sharedStringsPart = part.related.get("sharedStrings");
  const stylesPart = part.related.get("styles");
  // A sheet under a change log's name is sized apart: read whole, it is guarded alone; read for its header, it costs nothing.
  const logNamed = wanted.filter((s) => isLogSheetName(s.name));
  pkg.guardSize([...wanted.filter((s) => !logNamed.includes(s)).map((s) => s.part!), sharedStringsPart ?? "", stylesPart ?? ""]);
  const wholeLog = options.changeLog !== "header";
  if (wholeLog) for (const s of logNamed) pkg.guardSize([s.part!]);

  for (const entry of part.sheets) {
    if (options.sheet !== undefined && entry.name !== options.sheet) continue;
    // A sheet the workbook lists but the zip lacks may be the one holding the ledger: the file
    // is damaged, never read as an empty sheet (which would say "no ledger" or "empty").
    if (entry.unresolved || (entry.part !== undefined && !pkg.has(entry.part))) {
      throw readError("corrupt", userMessage("sheet-part-missing", { sheet: entry.name, part: entry.part ?? "r:id" }));
    }
  }
  const stylesText = stylesPart ? pkg.textOf(stylesPart) : undefined;
  const stringsText = sharedStringsPart ? pkg.textOf(sharedStringsPart) : undefined;
  // A part of zero bytes (some exporters write one) holds nothing: no styles, no strings.
  const styles = stylesText?.trim() ? parseCellStyles(stylesText, stylesPart) : { kinds: [], dateCodes: [] };
  const budget = new ReadBudget();
  const context = {
    budget,
    sharedStrings: stringsText?.trim() ? parseSharedStrings(stringsText, sharedStringsPart, budget) : [],
    styleKinds: styles.kinds,
    styleDateCodes: styles.dateCodes,
    date1904: part.date1904,
  };
  const sheets = part.sheets.map((entry) => {
    if (!wanted.includes(entry)) return emptySheet(entry);
    if (wholeLog || !logNamed.includes(entry)) return readSheet(pkg, entry, context);
    const head = readFirstRow(pkg, entry, context);
    if (isLogHeader(head.rows[0] ?? [])) return head;
    // A clerk's own sheet under the log's name is read like any other, inside the same bound.
    pkg.guardSize([...wanted.filter((s) => !logNamed.includes(s) || s === entry).map((s) => s.part!), sharedStringsPart ?? "", stylesPart ?? ""]);
    return readSheet(pkg, entry, context);
  });
  if (options.sheet === undefined && sheets.every((s) => s.rows.length === 0)) {
    throw readError("empty");
  }
  return { source: options.source, sheets };
}

function readSheet(pkg: XlsxPackage, entry: SheetEntry, context: Omit<WorksheetContext, "name" | "hidden">): Sheet {
  const reader = new WorksheetReader({ ...context, name: entry.name, hidden: entry.hidden, partName: entry.part });
  // Streamed: a 100k-row sheet is 30–40 MB of XML, never held whole.
  if (!pkg.streamText(entry.part!, (text) => reader.push(text))) return emptySheet(entry);
  return reader.finish();
}

/** The sheet's first row, inflating no more of its part than that row needs. */
function readFirstRow(pkg: XlsxPackage, entry: SheetEntry, context: Omit<WorksheetContext, "name" | "hidden">): Sheet {
  const reader = new WorksheetReader({ ...context, name: entry.name, hidden: entry.hidden, partName: entry.part });
  pkg.streamHead(entry.part!, (text) => {
    reader.push(text);
    return reader.rowReached <= 1;
  });
  return reader.finishFirstRow();
}

function emptySheet(entry: SheetEntry): Sheet {
  return { name: entry.name, hidden: entry.hidden, rows: [], merges: [], hiddenRows: new Set(), formulaCells: new Set() };
}

function refuseNonXlsx(bytes: Uint8Array): void {
  switch (fileKind(bytes)) {
    case "zip":
      return;
    case "empty":
      throw readError("not-xlsx", userMessage("file-zero-bytes"));
    case "legacy-xls":
      throw readError("legacy-xls");
    case "encrypted":
      throw readError("encrypted");
    case "html":
      throw readError("not-xlsx", userMessage("file-html"));
    case "xml-2003":
      throw readError("not-xlsx", userMessage("file-xml-2003"));
    case "text":
      throw readError("not-xlsx", userMessage("file-text"));
    default:
      throw readError("not-xlsx");
  }
}

/** The office document the package's root relationships point at, or the usual place. */
export function findWorkbookPart(pkg: XlsxPackage): string {
  const rootRels = pkg.textOf("_rels/.rels");
  let target: string | undefined;
  if (rootRels !== undefined) {
    for (const rel of parseRelationships(rootRels, "").values()) if (rel.type === "officeDocument") target = rel.target;
  }
  // An .xlsb keeps its workbook and sheets in binary records: nothing here can read them.
  if ((target !== undefined && /\.bin$/iu.test(target)) || pkg.has("xl/workbook.bin")) throw readError("not-xlsx", userMessage("file-xlsb"));
  if (target !== undefined && pkg.has(target)) return target;
  if (pkg.has(DEFAULT_WORKBOOK_PART)) return DEFAULT_WORKBOOK_PART;
  if (pkg.has("content.xml") || pkg.has("mimetype")) throw readError("not-xlsx", userMessage("file-ods"));
  if (pkg.has("word/document.xml")) throw readError("not-xlsx", userMessage("file-word"));
  throw readError("not-xlsx", userMessage("zip-without-workbook"));
}
