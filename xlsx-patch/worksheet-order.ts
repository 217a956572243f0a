/**
 * The order of a worksheet's children (CT_Worksheet in ECMA-376 Part 1, §18.3.1.99): Excel
 * refuses a sheet whose elements are out of this order, so every element the patch adds is put
 * where the schema wants it, and the tests check every sheet written against this list.
 */
export const WORKSHEET_ORDER: readonly string[] = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
];

export interface TopElement {
  /** Local name, without prefix. */
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The elements at the top level of `xml`, a run of sibling elements (the part of a worksheet
 * before or after sheetData), skipping comments, processing instructions and CDATA. An
 * mc:AlternateContent is named by the element its mc:Choice holds (controls, oleObjects).
 */
export function topElements(xml: string): TopElement[] {
  const out: TopElement[] = [];
  let depth = 0;
  let start = 0;
  let name = "";
  let at = xml.indexOf("<");
  while (at >= 0) {
    if (xml.startsWith("<!--", at)) {
      at = xml.indexOf("<", xml.indexOf("-->", at) + 3);
      continue;
    }
    if (xml.startsWith("<![CDATA[", at)) {
      at = xml.indexOf("<", xml.indexOf("]]>", at) + 3);
      continue;
    }
    if (xml.charCodeAt(at + 1) === 63) {
      at = xml.indexOf("<", xml.indexOf("?>", at) + 2);
      continue;
    }
    const gt = xml.indexOf(">", at);
    if (gt < 0) break;
    const closing = xml.charCodeAt(at + 1) === 47;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    if (closing) {
      depth--;
      if (depth === 0) out.push({ name, start, end: gt + 1 });
    } else {
      if (depth === 0) {
        start = at;
        const raw = /^<([^\s/>]+)/u.exec(xml.slice(at, Math.min(gt + 1, at + 100)))![1]!;
        name = raw.slice(raw.indexOf(":") + 1);
        // Excel wraps controls and OLE objects in mc:AlternateContent: it stands where its choice's element does.
        if (name === "AlternateContent") name = /^<(?:\w+:)?Choice\b[^>]*>\s*<(?:\w+:)?([^\s/>:]+)/u.exec(xml.slice(gt + 1, gt + 400).trimStart())?.[1] ?? name;
      }
      if (selfClosing) {
        if (depth === 0) out.push({ name, start, end: gt + 1 });
      } else depth++;
    }
    at = xml.indexOf("<", gt + 1);
  }
  return out;
}

/** Inserts `block` among the siblings of `xml` where an element `name` belongs (after any of its kind). */
export function insertInOrder(xml: string, name: string, block: string): string {
  const rank = WORKSHEET_ORDER.indexOf(name);
  const next = topElements(xml).find((e) => WORKSHEET_ORDER.indexOf(e.name) > rank);
  const at = next === undefined ? lastElementEnd(xml) : next.start;
  return xml.slice(0, at) + block + xml.slice(at);
}

function lastElementEnd(xml: string): number {
  const all = topElements(xml);
  return all.length === 0 ? 0 : all[all.length - 1]!.end;
}

/** Whether the children of a worksheet (names, in document order) follow CT_Worksheet. */
export function inWorksheetOrder(names: readonly string[]): boolean {
  let last = -1;
  for (const name of names) {
    const rank = WORKSHEET_ORDER.indexOf(name);
    if (rank < 0 || rank < last) return false;
    last = rank;
  }
  return true;
}
