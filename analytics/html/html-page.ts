/**
 * A web page read for what a spreadsheet shows of it: its tables (rows of cells with their
 * spans) and the lines of text around them (a title in <h1> or <p> above the table, a note
 * below), in page order. Parsed as a stream with htmlparser2, which closes what a page leaves
 * open (<td> without </td>) as browsers do.
 *
 * A table whose cells hold tables is a page's layout, not a ledger: its cells are read as
 * their own contents in order (html-sheet.ts), so a ledger nested in a site's layout is read
 * as the table it is.
 */
import { Parser } from "htmlparser2";
import { userMessage } from "../findings/user-message.js";
import type { ReadBudget } from "../xlsx/read-budget.js";
import { readError } from "../xlsx/read-errors.js";
import { MAX_CELL_CHARACTERS, MAX_CHARACTERS_BETWEEN_EVENTS } from "../xlsx/xml.js";

export type PageBlock = { readonly kind: "line"; readonly text: string } | { readonly kind: "table"; readonly table: PageTable };

export interface PageTable {
  /** Lines of its <caption>: a title above the table. */
  readonly caption: string[];
  readonly rows: PageRow[];
}

export interface PageRow {
  readonly cells: PageCell[];
  readonly hidden: boolean;
}

export interface PageCell {
  /** Its one line of text as it is (most cells, and a page has millions), else its lines and tables in order. */
  readonly content: string | readonly PageBlock[];
  readonly rowspan: number;
  readonly colspan: number;
  /** Excel's mso-number-format "@", on the cell or its class: shown as written, never read as a number. */
  readonly text: boolean;
  /**
   * Excel's mso-ignore:colspan: text running over the empty cells beside it, written as a colspan
   * but no merge (Excel reads it back unmerged, each covered cell empty).
   */
  readonly overflow: boolean;
}

export interface Page {
  readonly blocks: PageBlock[];
  /** The sheet name Excel's own web-page export gives (<x:Name> in its <xml> comment). */
  readonly sheetName: string | null;
}

/** Content that is no part of what a page shows. */
const UNSHOWN = new Set(["script", "style", "head", "title", "noscript", "template", "select", "textarea", "object", "svg", "math"]);
/** Elements that begin and end a line of text. */
const BLOCKS = new Set([
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "header",
  "footer", "main", "nav", "aside", "center", "blockquote", "pre", "hr", "address", "figure", "figcaption", "form", "fieldset",
]);
/** The HTML standard's caps on spans (colspan 1000, rowspan 65534). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;
/** Tables nested deeper than this are read as text: no page lays out a ledger thirty tables deep. */
const MAX_TABLE_DEPTH = 32;
/**
 * Elements open at once past which a page is refused. htmlparser2 keeps its open elements in an
 * array it shifts and searches at every tag, so 200,000 nested <div> (a 1 MB file) took 15 s and
 * as many stray close tags 2.5 min; real pages nest a few dozen deep.
 */
export const MAX_PAGE_DEPTH = 512;

/** Where text goes: the page itself, or a cell. */
interface Container {
  readonly blocks: PageBlock[];
  pending: string[];
  /** Characters in `pending`: a line or cell is refused at its first excess, not gathered whole. */
  pendingLength: number;
}

const emptyContainer = (): Container => ({ blocks: [], pending: [], pendingLength: 0 });

interface OpenTable {
  readonly table: PageTable;
  /** The container the table sits in, returned to when it closes. */
  readonly parent: Container;
  row: PageRow | null;
  cell: Container | null;
  /** The open cell as its row holds it, given its content when it closes. */
  pageCell: { content: string | readonly PageBlock[] } | null;
  caption: Container | null;
}

export function parsePage(html: string, budget: ReadBudget): Page {
  const page = emptyContainer();
  let into = page;
  const tables: OpenTable[] = [];
  let unshown = 0;
  let deepTables = 0;
  let openElements = 0;
  let sheetName: string | null = null;
  /** The page's <style> text, and the classes it formats as text (Excel's export: .xl65 {mso-number-format:"\@";}). */
  let styleText: string[] | null = null;
  const textClasses = new Set<string>();

  const endLine = (line: Container): void => {
    if (line.pending.length === 0) return;
    const text = collapse(line.pending.length === 1 ? line.pending[0]! : line.pending.join(""));
    line.pending = [];
    line.pendingLength = 0;
    if (text.length > MAX_CELL_CHARACTERS) throw longText();
    if (text !== "") line.blocks.push({ kind: "line", text });
  };
  const top = (): OpenTable | undefined => tables[tables.length - 1];
  const closeCell = (open: OpenTable): void => {
    if (open.cell === null) return;
    endLine(open.cell);
    const blocks = open.cell.blocks;
    // Else copied to its length: an array grown by pushes keeps room for 17.
    open.pageCell!.content = blocks.length === 0 ? "" : blocks.length === 1 && blocks[0]!.kind === "line" ? blocks[0]!.text : blocks.slice();
    open.pageCell = null;
    open.cell = null;
    into = open.parent;
  };
  const closeCaption = (open: OpenTable): void => {
    if (open.caption === null) return;
    endLine(open.caption);
    for (const block of open.caption.blocks) if (block.kind === "line") open.table.caption.push(block.text);
    open.caption = null;
    into = open.parent;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (++openElements > MAX_PAGE_DEPTH) throw readError("too-large", userMessage("page-nested-too-deep", { limit: MAX_PAGE_DEPTH }));
        if (UNSHOWN.has(name)) {
          unshown++;
          if (name === "style") styleText = [];
          return;
        }
        if (unshown > 0) return;
        if (name === "br") {
          into.pending.push("\n");
          return;
        }
        if (BLOCKS.has(name)) {
          endLine(into);
          return;
        }
        if (name === "table") {
          if (tables.length >= MAX_TABLE_DEPTH) {
            deepTables++;
            return;
          }
          endLine(into);
          const open: OpenTable = { table: { caption: [], rows: [] }, parent: into, row: null, cell: null, pageCell: null, caption: null };
          into.blocks.push({ kind: "table", table: open.table });
          tables.push(open);
          return;
        }
        const open = top();
        if (open === undefined || deepTables > 0) return;
        if (name === "caption") {
          closeCell(open);
          open.caption = emptyContainer();
          into = open.caption;
        } else if (name === "tr") {
          closeCell(open);
          closeCaption(open);
          open.row = { cells: [], hidden: isHidden(attributes) };
          open.table.rows.push(open.row);
        } else if (name === "td" || name === "th") {
          closeCell(open);
          closeCaption(open);
          if (open.row === null) open.table.rows.push((open.row = { cells: [], hidden: false }));
          budget.spendCell(0);
          const cell = emptyContainer();
          const pageCell = {
            content: "" as string | readonly PageBlock[],
            rowspan: span(attributes["rowspan"], MAX_ROWSPAN),
            colspan: span(attributes["colspan"], MAX_COLSPAN),
            text: isTextFormat(attributes["style"]) || classesOf(attributes["class"]).some((c) => textClasses.has(c)),
            overflow: /mso-ignore\s*:\s*colspan/iu.test(attributes["style"] ?? ""),
          };
          open.row.cells.push(pageCell);
          open.pageCell = pageCell;
          open.cell = cell;
          into = cell;
        }
      },
      ontext(text) {
        if (styleText !== null) {
          budget.spendText(text.length);
          styleText.push(text);
        }
        if (unshown > 0) return;
        // The white space a page's source puts between rows and cells is no cell's text: gathered
        // into the text around the table it ran a 480,000-row page past a cell's length.
        const open = top();
        if (open !== undefined && open.cell === null && open.caption === null && deepTables === 0 && !/\S/u.test(text)) return;
        budget.spendText(text.length);
        // A run of entities or spaces may still collapse to a cell's worth; past this bound no cell could.
        if ((into.pendingLength += text.length) > MAX_CHARACTERS_BETWEEN_EVENTS) throw longText();
        into.pending.push(text);
      },
      onclosetag(name) {
        openElements--;
        if (UNSHOWN.has(name)) {
          if (unshown > 0) unshown--;
          if (name === "style" && styleText !== null) {
            for (const c of classesFormattedAsText(styleText.join(""))) textClasses.add(c);
            styleText = null;
          }
          return;
        }
        if (unshown > 0) return;
        if (BLOCKS.has(name)) {
          endLine(into);
          return;
        }
        if (name === "table") {
          if (deepTables > 0) {
            deepTables--;
            return;
          }
          const open = tables.pop();
          if (open === undefined) return;
          closeCell(open);
          closeCaption(open);
          into = open.parent;
          return;
        }
        const open = top();
        if (open === undefined || deepTables > 0) return;
        if (name === "td" || name === "th") closeCell(open);
        else if (name === "caption") closeCaption(open);
        else if (name === "tr") {
          closeCell(open);
          open.row = null;
        }
      },
      oncomment(data) {
        sheetName ??= excelSheetName(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // Whatever the page left open is closed where it ends.
  while (tables.length > 0) {
    const open = tables.pop()!;
    closeCell(open);
    closeCaption(open);
    into = open.parent;
  }
  endLine(page);
  return { blocks: page.blocks, sheetName };
}

const longText = (): Error => readError("too-large", userMessage("page-long-text", { limit: MAX_CELL_CHARACTERS }));

/** White space as a page shows it: runs made one space, line breaks (<br>) kept, each line trimmed. */
function collapse(text: string): string {
  // Most cells hold a word or a sentence with nothing to collapse.
  if (!/[\s\u00a0]/u.test(text)) return text;
  return text
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/gu, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Excel's number format "@" (text), however quoted or escaped: mso-number-format:"\@", '\@', \@ or @. */
function isTextFormat(css: string | undefined): boolean {
  return css !== undefined && /mso-number-format\s*:\s*["']?\\?@/iu.test(css);
}

function classesOf(attribute: string | undefined): string[] {
  return attribute === undefined ? [] : attribute.split(/\s+/u).filter((c) => c !== "");
}

/**
 * The classes a stylesheet gives the text format, by rules of class selectors (".xl65", "td.xl65").
 * Cut at braces, not matched by a pattern: a pattern retried at every brace-less character is
 * quadratic on a stylesheet that never closes.
 */
function classesFormattedAsText(css: string): string[] {
  const classes: string[] = [];
  for (const rule of css.split("}")) {
    const open = rule.lastIndexOf("{");
    if (open < 0 || !isTextFormat(rule.slice(open + 1))) continue;
    for (const selector of rule.slice(0, open).split(",")) {
      const m = /^\s*(?:td|th)?\.([\w-]+)\s*$/iu.exec(selector);
      if (m) classes.push(m[1]!);
    }
  }
  return classes;
}

function span(value: string | undefined, max: number): number {
  const n = value === undefined ? 1 : Number.parseInt(value, 10);
  // rowspan="0" (to the end of the table) and nonsense count as one row or column.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

function isHidden(attributes: Record<string, string>): boolean {
  return "hidden" in attributes || /display\s*:\s*none/iu.test(attributes["style"] ?? "");
}

/** The first <x:Name> of the <x:ExcelWorksheets> block Excel writes in a conditional comment. */
function excelSheetName(comment: string): string | null {
  if (!comment.includes("ExcelWorksheet")) return null;
  let name: string | null = null;
  let inName = false;
  const xml = new Parser(
    {
      onopentag: (tag) => void (inName = tag === "x:name" && name === null),
      ontext: (text) => void (inName && (name = (name ?? "") + text)),
      onclosetag: () => void (inName = false),
    },
    { xmlMode: true, lowerCaseTags: true, decodeEntities: true },
  );
  xml.end(comment);
  const trimmed = (name as string | null)?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}
