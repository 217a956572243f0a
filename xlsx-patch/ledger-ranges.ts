/**
 * Ranges laid over the ledger that grow with the columns normalize appends (逾期天数, 编号): an
 * Excel table, the sheet's filter with its sort state and hidden _xlnm._FilterDatabase name, and
 * the print area. Left where they were, a sort by the filter would move every row but the new
 * columns (each 编号 would then sit beside another task), and the printed ledger would leave out
 * the column the leader reads first. A range grows over an appended column only when it ends
 * just left of it and its first row is a header row whose cell in that column normalize writes;
 * a table also needs the header's text in that row for its column's name, and no merge there.
 */
import type { ChangePlan } from "../analytics/normalize/types.js";
import { columnLetter, columnNumber } from "../analytics/sheet/address.js";
import { escapeAttribute } from "./cell-xml.js";
import { attrOf, setAttr } from "./tag-attributes.js";

/** The header cells normalize writes in the columns it appends to one sheet. */
export class AppendedColumns {
  /** Column → row → the text written there (null: a blank header cell under a merge). */
  private readonly headers = new Map<number, Map<number, string | null>>();
  private readonly merged = new Map<number, { readonly top: number; readonly bottom: number }>();

  constructor(plan: ChangePlan, sheet: string) {
    const appended = new Set(plan.newColumns.filter((c) => c.sheet === sheet).map((c) => c.col));
    for (const e of plan.edits) {
      if (e.sheet !== sheet || !appended.has(e.col) || (e.rule !== "overdue-header" && e.rule !== "id-header")) continue;
      let rows = this.headers.get(e.col);
      if (rows === undefined) this.headers.set(e.col, (rows = new Map()));
      rows.set(e.row, typeof e.after === "string" ? e.after : null);
    }
    for (const m of plan.merges) if (m.sheet === sheet && appended.has(m.range.left)) this.merged.set(m.range.left, { top: m.range.top, bottom: m.range.bottom });
  }

  get isEmpty(): boolean {
    return this.headers.size === 0;
  }

  /** The right edge of a range whose first row is `top` and last column `right`, grown over each appended column next to it. */
  grownRight(top: number, right: number): number {
    let edge = right;
    while (this.headers.get(edge + 1)?.has(top) === true) edge++;
    return edge;
  }

  /**
   * The names of the table columns a table with its header in row `top` (and `bottom` its last
   * row) gets right of `right`: each appended column's header text in that row, while that text
   * is there and no merge of the column falls inside the table (a table holds no merges).
   */
  tableColumnsRightOf(top: number, bottom: number, right: number): string[] {
    const names: string[] = [];
    for (let col = right + 1; ; col++) {
      const text = this.headers.get(col)?.get(top);
      const merge = this.merged.get(col);
      if (typeof text !== "string" || text === "" || (merge !== undefined && merge.bottom >= top && merge.top <= bottom)) return names;
      names.push(text);
    }
  }
}

interface Area {
  readonly top: number;
  readonly right: number;
}

const AREA = /^(\$?[A-Z]{1,3}\$?\d+:\$?)([A-Z]{1,3})(\$?\d+)$/u;

/** "A1:F13" (or "$A$1:$F$13") with its right column moved to `grow`'s answer; null when it is no two-corner area. */
export function grownArea(ref: string, grow: (area: Area) => number): string | null {
  const m = AREA.exec(ref);
  if (m === null) return null;
  const top = Number(/\d+/u.exec(m[1]!)![0]);
  const right = columnNumber(m[2]!);
  const edge = grow({ top, right });
  return edge === right ? ref : `${m[1]}${columnLetter(edge)}${m[3]}`;
}

/** An element's start tag with its ref attribute's area grown (the tag itself when nothing grows). */
function withGrownRef(tag: string, grow: (area: Area) => number): string {
  const ref = attrOf(tag, "ref");
  if (ref === undefined) return tag;
  const grown = grownArea(ref, grow);
  return grown === null || grown === ref ? tag : setAttr(tag, "ref", grown);
}

/**
 * The sheet's <autoFilter> (and the <sortState> inside it or beside it) grown over the appended
 * columns: `xml` is the part after sheetData. A sort state grows when it ended where the filter did.
 */
export function growFilter(xml: string, columns: AppendedColumns): string {
  if (columns.isEmpty) return xml;
  const filter = /<(?:\w+:)?autoFilter\b[^>]*>/u.exec(xml);
  if (filter === null) return xml;
  const ref = attrOf(filter[0], "ref") ?? "";
  const grownRef = grownArea(ref, (a) => columns.grownRight(a.top, a.right));
  if (grownRef === null || grownRef === ref) return xml;
  const oldRight = AREA.exec(ref)![2]!;
  const newRight = AREA.exec(grownRef)![2]!;
  let out = xml.slice(0, filter.index) + setAttr(filter[0], "ref", grownRef) + xml.slice(filter.index + filter[0].length);
  out = out.replace(/<(?:\w+:)?sortState\b[^>]*>/gu, (tag) => {
    const sortRef = attrOf(tag, "ref") ?? "";
    const m = AREA.exec(sortRef);
    return m !== null && m[2] === oldRight ? setAttr(tag, "ref", `${m[1]}${newRight}${m[3]}`) : tag;
  });
  return out;
}

/**
 * A table part grown over the appended columns right of it: its ref, its filter's ref, and one
 * <tableColumn> each, named as the header cell normalize writes. Null when it does not grow.
 */
export function growTable(xml: string, columns: AppendedColumns): string | null {
  const open = /<(?:\w+:)?table\b[^>]*>/u.exec(xml);
  if (open === null) return null;
  const ref = attrOf(open[0], "ref") ?? "";
  const m = AREA.exec(ref);
  // A table without a header row has no cell to name a column by; one fed by a query or an XML
  // map lists its columns in another part too (queryTableFields), which Excel checks against it.
  const kind = attrOf(open[0], "tableType");
  if (m === null || attrOf(open[0], "headerRowCount") === "0" || (kind !== undefined && kind !== "worksheet")) return null;
  const top = Number(/\d+/u.exec(m[1]!)![0]);
  const bottom = Number(m[3]!.replace("$", ""));
  const right = columnNumber(m[2]!);
  const names = columns.tableColumnsRightOf(top, bottom, right);
  const columnsBlock = /<((?:\w+:)?)tableColumns\b[^>]*>([\s\S]*?)<\/(?:\w+:)?tableColumns>/u.exec(xml);
  if (names.length === 0 || columnsBlock === null) return null;
  const taken = new Set([...columnsBlock[2]!.matchAll(/<(?:\w+:)?tableColumn\b[^>]*>/gu)].map((t) => (attrOf(t[0], "name") ?? "").toLowerCase()));
  // Excel names table columns uniquely; a name already there would need another header text.
  if (names.some((n) => taken.has(n.toLowerCase()))) return null;
  const ids = [...columnsBlock[2]!.matchAll(/<(?:\w+:)?tableColumn\b[^>]*>/gu)].map((t) => Number(attrOf(t[0], "id") ?? 0));
  let nextId = Math.max(0, ...ids) + 1;
  const p = columnsBlock[1]!;
  const added = names.map((n) => `<${p}tableColumn id="${nextId++}" name="${escapeAttribute(n)}"/>`).join("");
  const grow = (a: Area): number => (a.right === right ? right + names.length : a.right);
  const count = ids.length + names.length;
  const columnsOpen = /<(?:\w+:)?tableColumns\b[^>]*>/u.exec(columnsBlock[0])![0];
  const grownColumns = columnsBlock[0].replace(columnsOpen, () => setAttr(columnsOpen, "count", String(count))).replace(/<\/(?:\w+:)?tableColumns>$/u, (close) => added + close);
  let out = xml.slice(0, columnsBlock.index) + grownColumns + xml.slice(columnsBlock.index + columnsBlock[0].length);
  out = out.replace(open[0], () => withGrownRef(open[0], grow));
  out = out.replace(/<(?:\w+:)?(?:autoFilter|sortState)\b[^>]*>/gu, (tag) => withGrownRef(tag, grow));
  return out;
}

/**
 * workbook.xml with the sheet's _xlnm._FilterDatabase and _xlnm.Print_Area names grown as the
 * filter and the printed ledger grow. `index` is the sheet's place among <sheets> (localSheetId);
 * each print area grown is added to `printAreas` (its last area, as the user reads it).
 */
export function growDefinedNames(workbookXml: string, index: number, columns: AppendedColumns, printAreas: string[] = []): string {
  if (columns.isEmpty) return workbookXml;
  return workbookXml.replace(/(<(?:\w+:)?definedName\b[^>]*>)([^<]*)(<\/(?:\w+:)?definedName>)/gu, (whole, tag: string, value: string, close: string) => {
    const name = attrOf(tag, "name");
    if ((name !== "_xlnm._FilterDatabase" && name !== "_xlnm.Print_Area") || attrOf(tag, "localSheetId") !== String(index)) return whole;
    // Each area of the name ("整改台账!$A$1:$F$13", several for a print area), its sheet kept.
    const grown = value.replace(/(!)(\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+)(?=,|$)/gu, (_m, bang: string, area: string) => bang + (grownArea(area, (a) => columns.grownRight(a.top, a.right)) ?? area));
    if (grown === value) return whole;
    if (name === "_xlnm.Print_Area") printAreas.push(grown.replace(/^.*!/u, "").replace(/\$/gu, ""));
    return tag + grown + close;
  });
}
