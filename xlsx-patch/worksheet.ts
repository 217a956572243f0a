/**
 * One worksheet part patched as it streams by: rows without an edit pass through untouched,
 * edited rows are rebuilt cell by cell (other cells as they were), rows that did not exist are
 * added in place; after sheetData the dissolved merges are removed and the flags and dropdowns
 * added where CT_Worksheet wants them. Before sheetData, the new column's width and the
 * dimension. Nothing else in the part changes, down to its whitespace.
 */
import type { Lang } from "../analytics/lang.js";
import { CataloguedError, firstItems, userMessage } from "../analytics/findings/user-message.js";
import { readError } from "../analytics/xlsx/read-errors.js";
import { a1, columnLetter, columnNumber, parseA1 } from "../analytics/sheet/address.js";
import type { CellEdit, ChangePlan, NewColumn, WrapText } from "../analytics/normalize/types.js";
import { cellValueOf, cellXml, holds, type CellContext } from "./cell-xml.js";
import { patchFlags, type AddedFlag } from "./flag-formats.js";
import type { StylesPatch } from "./styles.js";
import { patchValidations, type AddedValidation } from "./validations.js";
import { insertInOrder, topElements } from "./worksheet-order.js";

/** The cells of a plan that no longer hold what it read (a plan made from another file). */
export class PlanConflictError extends CataloguedError {
  override readonly name = "PlanConflictError";
  constructor(readonly cells: readonly string[]) {
    super(userMessage("plan-cells-differ", { count: cells.length, cells: firstItems(cells) }));
  }
}

export interface SheetPlan {
  readonly edits: readonly CellEdit[];
  readonly unmergeRefs: ReadonlySet<string>;
  readonly plan: ChangePlan;
  readonly sheet: string;
  readonly newColumns: readonly NewColumn[];
  /** Merges to add (A1 ranges), and dissolved merges whose filled text wraps. */
  readonly mergeRefs: readonly string[];
  readonly wraps: readonly WrapText[];
  readonly lang: Lang;
}

export interface SheetPatchResult {
  readonly changed: boolean;
  /** "Sheet!A1" → number format code before the edit, for edits that set a format. */
  readonly oldFormats: Map<string, string>;
  readonly flags: readonly AddedFlag[];
  readonly validations: readonly AddedValidation[];
  readonly validatedCells: number;
  /** The plan's wraps this patch made (one whose cells already wrapped is left out). */
  readonly wraps: readonly WrapText[];
}

interface RowEdits {
  readonly edits: CellEdit[];
}

export class WorksheetPatch {
  private phase: "head" | "data" | "tail" = "head";
  private buffer = "";
  private prefix = "";
  private previousRow = 0;
  private readonly rows = new Map<number, RowEdits>();
  private readonly pendingRows: number[];
  private pendingAt = 0;
  private readonly styleSources = new Map<number, Map<number, number>>();
  private readonly sourceStyles = new Map<string, number>();
  private readonly conflicts: string[] = [];
  private changed = false;
  readonly oldFormats = new Map<string, string>();
  /** Each cell of a wrapped range → the range; its top-left's row and column by range. */
  private readonly wrapOf = new Map<string, WrapText>();
  private readonly wrapTops = new Map<number, Map<number, WrapText>>();
  /** Ranges whose top-left already wraps: its filled cells copy that style, nothing to add. */
  private readonly alreadyWrapped = new Set<WrapText>();

  constructor(
    private readonly sheet: SheetPlan,
    private readonly styles: StylesPatch,
    private readonly context: CellContext,
    private readonly emit: (text: string) => void,
  ) {
    for (const e of sheet.edits) {
      let r = this.rows.get(e.row);
      if (r === undefined) this.rows.set(e.row, (r = { edits: [] }));
      r.edits.push(e);
      if (e.styleFrom !== undefined) {
        const m = /^([A-Z]+)(\d+)$/u.exec(e.styleFrom)!;
        const row = Number(m[2]);
        let cols = this.styleSources.get(row);
        if (cols === undefined) this.styleSources.set(row, (cols = new Map()));
        cols.set(columnNumber(m[1]!), 0);
      }
    }
    for (const w of sheet.wraps) {
      const range = parseRange(w.ref);
      if (range === null) continue;
      for (let row = range.top; row <= range.bottom; row++) for (let col = range.left; col <= range.right; col++) this.wrapOf.set(a1(row, col), w);
      let tops = this.wrapTops.get(range.top);
      if (tops === undefined) this.wrapTops.set(range.top, (tops = new Map()));
      tops.set(range.left, w);
      // The top-left holds the text and no edit: its row is rebuilt for its style alone.
      if (!this.rows.has(range.top)) this.rows.set(range.top, { edits: [] });
    }
    for (const r of this.rows.values()) r.edits.sort((a, b) => a.col - b.col);
    this.pendingRows = [...this.rows.keys()].sort((a, b) => a - b);
  }

  push(text: string): void {
    this.buffer += text;
    if (this.phase === "head") this.readHead();
    if (this.phase === "data") this.readRows();
  }

  finish(): SheetPatchResult {
    if (this.phase === "head") throw readError("corrupt", userMessage("sheet-no-data", { part: this.sheet.sheet }));
    if (this.phase === "data") throw readError("corrupt", userMessage("sheet-cut-short", { part: this.sheet.sheet }));
    if (this.conflicts.length > 0) throw new PlanConflictError(this.conflicts);
    const result = this.patchTail(this.buffer);
    this.emit(result.xml);
    return {
      changed: this.changed || result.changed,
      oldFormats: this.oldFormats,
      flags: result.flags,
      validations: result.validations,
      validatedCells: result.validatedCells,
      wraps: this.sheet.wraps.filter((w) => !this.alreadyWrapped.has(w)),
    };
  }

  // ─── Before sheetData ────────────────────────────────────────────────────────────────────────

  private readHead(): void {
    const m = /<(\w+:)?sheetData(?=[\s/>])[^>]*?(\/?)>/u.exec(this.buffer);
    if (m === null) return;
    this.prefix = m[1] ?? "";
    let head = this.buffer.slice(0, m.index);
    let open = m[0];
    const rest = this.buffer.slice(m.index + m[0].length);
    head = this.patchHead(head);
    if (m[2] === "/") {
      // An empty sheetData: opened and closed around the rows the plan adds.
      open = `<${this.prefix}sheetData>`;
      this.buffer = `</${this.prefix}sheetData>${rest}`;
      if (this.pendingRows.length > 0) this.changed = true;
    } else {
      this.buffer = rest;
    }
    this.emit(head + open);
    this.phase = "data";
  }

  private patchHead(head: string): string {
    const p = this.prefix;
    let out = head;
    const columns = this.sheet.newColumns;
    for (const c of columns) out = this.withColumnWidth(out, c);
    // The dimension grows to the cells the plan writes.
    const dim = new RegExp(`<${p}dimension\\s+ref="([^"]*)"`, "u").exec(out);
    if (dim !== null && this.sheet.edits.length > 0) {
      const ref = dim[1]!;
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/u.exec(ref);
      if (m !== null) {
        const left = columnNumber(m[1]!);
        const top = Number(m[2]);
        let right = m[3] ? columnNumber(m[3]) : left;
        let bottom = m[4] ? Number(m[4]) : top;
        for (const e of this.sheet.edits) {
          right = Math.max(right, e.col);
          bottom = Math.max(bottom, e.row);
        }
        const grown = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
        if (grown !== ref) {
          out = out.slice(0, dim.index) + dim[0].replace(ref, grown) + out.slice(dim.index + dim[0].length);
          this.changed = true;
        }
      }
    }
    return out;
  }

  private withColumnWidth(head: string, column: NewColumn): string {
    const p = this.prefix;
    const cols = new RegExp(`<${p}cols>([\\s\\S]*?)</${p}cols>`, "u").exec(head);
    const col = `<${p}col min="${column.col}" max="${column.col}" width="${column.width}" customWidth="1"/>`;
    if (cols === null) {
      this.changed = true;
      const at = head.length;
      return head.slice(0, at) + `<${p}cols>${col}</${p}cols>` + head.slice(at);
    }
    const entries = [...cols[1]!.matchAll(new RegExp(`<${p}col\\s[^>]*?min="(\\d+)"[^>]*?max="(\\d+)"[^>]*>`, "gu"))];
    if (entries.some((e) => Number(e[1]) <= column.col && column.col <= Number(e[2]))) return head;
    this.changed = true;
    const after = entries.find((e) => Number(e[1]) > column.col);
    const inner = cols[1]!;
    const at = after === undefined ? inner.length : after.index;
    const patched = inner.slice(0, at) + col + inner.slice(at);
    return head.slice(0, cols.index) + `<${p}cols>${patched}</${p}cols>` + head.slice(cols.index + cols[0].length);
  }

  // ─── sheetData ───────────────────────────────────────────────────────────────────────────────

  private readRows(): void {
    const p = this.prefix;
    const xml = this.buffer;
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    const dataClose = `</${p}sheetData>`;
    let at = 0;
    const out: string[] = [];
    for (;;) {
      const next = xml.indexOf("<", at);
      if (next < 0) break;
      if (xml.startsWith(dataClose, next)) {
        out.push(xml.slice(at, next), this.rowsBefore(Infinity), dataClose);
        this.phase = "tail";
        at = next + dataClose.length;
        break;
      }
      if (!xml.startsWith(rowOpen, next) || !/[\s/>]/u.test(xml[next + rowOpen.length] ?? "")) {
        // Comments and anything else between rows pass through; an incomplete tag waits.
        const gt = xml.indexOf(">", next);
        if (gt < 0) break;
        out.push(xml.slice(at, gt + 1));
        at = gt + 1;
        continue;
      }
      const gt = xml.indexOf(">", next);
      if (gt < 0) break;
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      let end = gt + 1;
      if (!selfClosing) {
        const close = xml.indexOf(rowClose, gt);
        if (close < 0) break;
        end = close + rowClose.length;
      }
      const openTag = xml.slice(next, gt + 1);
      const r = /\sr\s*=\s*["'](\d+)["']/u.exec(openTag);
      const rowNumber = r === null ? this.previousRow + 1 : Number(r[1]);
      this.previousRow = rowNumber;
      out.push(xml.slice(at, next), this.rowsBefore(rowNumber));
      const sources = this.styleSources.get(rowNumber);
      if (sources !== undefined) this.noteSources(rowNumber, xml.slice(next, end), sources);
      const edits = this.rows.get(rowNumber);
      out.push(edits === undefined ? xml.slice(next, end) : this.rebuildRow(rowNumber, openTag, selfClosing ? "" : xml.slice(gt + 1, end - rowClose.length), edits.edits));
      at = end;
    }
    this.buffer = xml.slice(at);
    this.emit(out.join(""));
  }

  /** New rows for the plan's rows before `rowNumber` that the file does not have. */
  private rowsBefore(rowNumber: number): string {
    let out = "";
    while (this.pendingAt < this.pendingRows.length && this.pendingRows[this.pendingAt]! < rowNumber) {
      const row = this.pendingRows[this.pendingAt++]!;
      out += this.rebuildRow(row, `<${this.prefix}row r="${row}">`, "", this.rows.get(row)!.edits);
    }
    if (this.pendingRows[this.pendingAt] === rowNumber) this.pendingAt++;
    return out;
  }

  private noteSources(row: number, rowXml: string, cols: Map<number, number>): void {
    for (const cell of this.cellsOf(rowXml.slice(rowXml.indexOf(">") + 1))) {
      if (cols.has(cell.col)) this.sourceStyles.set(a1(row, cell.col), cell.style);
    }
  }

  private *cellsOf(content: string): Generator<{ col: number; start: number; end: number; style: number; xml: string }> {
    const p = this.prefix;
    const open = `<${p}c`;
    const close = `</${p}c>`;
    let col = 0;
    let at = content.indexOf(open);
    while (at >= 0) {
      const after = content[at + open.length];
      if (after !== " " && after !== ">" && after !== "/" && after !== "\t" && after !== "\n" && after !== "\r") {
        at = content.indexOf(open, at + 1);
        continue;
      }
      const gt = content.indexOf(">", at);
      const tag = content.slice(at, gt + 1);
      const end = tag.endsWith("/>") ? gt + 1 : content.indexOf(close, gt) + close.length;
      const ref = /\sr\s*=\s*["']([A-Za-z]+)\d+["']/u.exec(tag);
      col = ref === null ? col + 1 : columnNumber(ref[1]!.toUpperCase());
      const s = /\ss\s*=\s*["'](\d+)["']/u.exec(tag);
      yield { col, start: at, end, style: s === null ? 0 : Number(s[1]), xml: content.slice(at, end) };
      at = content.indexOf(open, end);
    }
  }

  private rebuildRow(row: number, openTag: string, content: string, edits: readonly CellEdit[]): string {
    this.changed = true;
    const p = this.prefix;
    const cells = [...this.cellsOf(content)];
    const parts: string[] = [];
    let at = 0;
    let e = 0;
    const write = (edit: CellEdit, own: { style: number; xml: string } | undefined): string => {
      if (own !== undefined && edit.rule !== "merge-fill") {
        const actual = cellValueOf(own.xml, this.context);
        if (!holds(actual, edit.before)) this.conflicts.push(`${edit.sheet}!${edit.cell}`);
      } else if (own === undefined && edit.rule !== "merge-fill" && !holds(null, edit.before)) {
        this.conflicts.push(`${edit.sheet}!${edit.cell}`);
      }
      const ownStyle = own?.style ?? 0;
      const base = edit.styleFrom !== undefined ? (this.sourceStyles.get(edit.styleFrom) ?? ownStyle) : ownStyle;
      if (edit.numFmt !== undefined || edit.styleFrom !== undefined) this.oldFormats.set(`${edit.sheet}!${edit.cell}`, this.styles.formatOf(ownStyle));
      const formatted = this.styles.withFormat(base, edit.numFmt);
      const wrap = this.wrapOf.get(edit.cell);
      const style = wrap !== undefined && !this.alreadyWrapped.has(wrap) ? this.styles.withWrap(formatted) : formatted;
      return cellXml(p, edit.cell, style, edit.after, this.context.date1904);
    };
    const tops = this.wrapTops.get(row);
    for (const cell of cells) {
      const top = tops?.get(cell.col);
      if (top === undefined) continue;
      if (this.styles.wraps(cell.style)) this.alreadyWrapped.add(top);
    }
    for (const cell of cells) {
      while (e < edits.length && edits[e]!.col < cell.col) {
        parts.push(content.slice(at, cell.start), write(edits[e]!, undefined));
        at = cell.start;
        e++;
      }
      if (e < edits.length && edits[e]!.col === cell.col) {
        parts.push(content.slice(at, cell.start), write(edits[e]!, cell));
        at = cell.end;
        e++;
      } else if (tops?.has(cell.col) && !this.alreadyWrapped.has(tops.get(cell.col)!)) {
        // A wrapped range's top-left keeps its value and gets the wrapping style.
        parts.push(content.slice(at, cell.start), withStyle(cell.xml, this.styles.withWrap(cell.style)));
        at = cell.end;
      }
    }
    // Cells after the last one, before anything else the row holds (extLst).
    const lastEnd = cells.length === 0 ? 0 : cells[cells.length - 1]!.end;
    parts.push(content.slice(at, lastEnd));
    while (e < edits.length) parts.push(write(edits[e++]!, undefined));
    parts.push(content.slice(lastEnd));
    // spans is a hint of the row's columns; a row that grew drops it rather than lie.
    const grew = edits.some((x) => !cells.some((c) => c.col === x.col));
    let open = grew ? openTag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/u, "") : openTag;
    if (open.endsWith("/>")) open = `${open.slice(0, -2).trimEnd()}>`;
    return `${open}${parts.join("")}</${p}row>`;
  }

  // ─── After sheetData ─────────────────────────────────────────────────────────────────────────

  private patchTail(tail: string): { xml: string; changed: boolean; flags: AddedFlag[]; validations: AddedValidation[]; validatedCells: number } {
    const p = this.prefix;
    const rootClose = tail.lastIndexOf("</");
    let body = tail.slice(0, rootClose);
    const end = tail.slice(rootClose);
    let changed = false;
    if (this.sheet.unmergeRefs.size > 0) {
      const merges = topElements(body).find((x) => x.name === "mergeCells");
      if (merges !== undefined) {
        const block = body.slice(merges.start, merges.end);
        let kept = 0;
        const inner = block.replace(new RegExp(`<${p}mergeCell\\s[^>]*?ref\\s*=\\s*["']([^"']+)["'][^>]*>(?:</${p}mergeCell>)?`, "gu"), (whole, ref: string) => {
          if (this.sheet.unmergeRefs.has(ref.toUpperCase().replace(/\$/gu, ""))) return "";
          kept++;
          return whole;
        });
        const patched = kept === 0 ? "" : inner.replace(/(<(?:\w+:)?mergeCells\s[^>]*?count\s*=\s*["'])\d+(["'])/u, `$1${kept}$2`);
        body = body.slice(0, merges.start) + patched + body.slice(merges.end);
        changed = true;
      }
    }
    if (this.sheet.mergeRefs.length > 0) {
      const added = addMerges(body, p, this.sheet.mergeRefs);
      changed ||= added !== body;
      body = added;
    }
    const flags = patchFlags(body, p, this.sheet.plan.flags.filter((f) => f.sheet === this.sheet.sheet), this.styles);
    body = flags.xml;
    const validations = patchValidations(body, p, this.sheet.plan.validations.filter((v) => v.sheet === this.sheet.sheet), this.sheet.lang);
    body = validations.xml;
    return {
      xml: body + end,
      changed: changed || flags.changed || validations.changed,
      flags: flags.added,
      validations: validations.added,
      validatedCells: validations.cells,
    };
  }
}

/** A cell element with its style attribute set to `style`. */
function withStyle(xml: string, style: number): string {
  const open = /^<[^>]*?(\/?)>/u.exec(xml)![0];
  const stripped = open.replace(/\ss\s*=\s*("[^"]*"|'[^']*')/u, "");
  const tag = stripped.replace(/^<([\w:]+)/u, `<$1 s="${style}"`);
  return tag + xml.slice(open.length);
}

/** The merges to add in <mergeCells> (made when the sheet has none); one already there is not added twice. */
function addMerges(body: string, p: string, refs: readonly string[]): string {
  const block = topElements(body).find((x) => x.name === "mergeCells");
  const existing = block === undefined ? "" : body.slice(block.start, block.end);
  const present = new Set([...existing.matchAll(/\sref\s*=\s*["']([^"']+)["']/gu)].map((m) => m[1]!.toUpperCase().replace(/\$/gu, "")));
  const added = refs.filter((r) => !present.has(r));
  if (added.length === 0) return body;
  const cells = added.map((r) => `<${p}mergeCell ref="${r}"/>`).join("");
  if (block === undefined) return insertInOrder(body, "mergeCells", `<${p}mergeCells count="${added.length}">${cells}</${p}mergeCells>`);
  const count = present.size + added.length;
  const close = existing.lastIndexOf("</");
  const patched =
    close < 0
      ? existing.replace(/\/>$/u, `>${cells}</${p}mergeCells>`)
      : existing.slice(0, close) + cells + existing.slice(close);
  const counted = /\scount\s*=/u.test(patched) ? patched.replace(/(\scount\s*=\s*["'])\d+(["'])/u, `$1${count}$2`) : patched;
  return body.slice(0, block.start) + counted + body.slice(block.end);
}

/** "B5:B9" (or "B5") as its corners. */
function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from ?? "");
  const b = parseA1(to ?? "");
  return a === null || b === null ? null : { top: a.row, left: a.col, bottom: b.row, right: b.col };
}
