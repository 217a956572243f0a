/** xl/workbook.xml and its relationships: which sheets there are, in order, and where. */
import { attributeByLocalName, readXml } from "./xml.js";

export interface SheetEntry {
  readonly name: string;
  readonly hidden: boolean;
  /** The worksheet part's name inside the package, e.g. "xl/worksheets/sheet1.xml". */
  readonly part: string | undefined;
  /** The sheet's r:id names no relationship: its part cannot be found (a damaged workbook). */
  readonly unresolved?: boolean;
}

export interface WorkbookPart {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  /** Relationship targets of the workbook by type suffix ("sharedStrings", "styles"). */
  readonly related: ReadonlyMap<string, string>;
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const folder = ownerPart.includes("/") ? ownerPart.slice(0, ownerPart.lastIndexOf("/") + 1) : "";
  const segments: string[] = [];
  for (const segment of (folder + target).split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

export function parseRelationships(xml: string, ownerPart: string): Map<string, Relationship> {
  const byId = new Map<string, Relationship>();
  readXml(xml, ownerPart + " (rels)", {
    open(name, attributes) {
      if (name !== "Relationship") return;
      const { Id: id, Target: target, Type: type = "", TargetMode: mode } = attributes;
      if (id === undefined || target === undefined || mode === "External") return;
      byId.set(id, { type: type.slice(type.lastIndexOf("/") + 1), target: resolveTarget(ownerPart, target) });
    },
  });
  return byId;
}

export function parseWorkbookPart(workbookXml: string, relsXml: string, workbookPath: string): WorkbookPart {
  const rels = parseRelationships(relsXml, workbookPath);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  readXml(workbookXml, workbookPath, {
    open(name, attributes) {
      if (name === "sheet") {
        const state = attributes["state"];
        // r:id is usually prefixed "r:", but any prefix bound to the relationships namespace works.
        const relId = attributeByLocalName(attributes, "id");
        const rel = relId === undefined ? undefined : rels.get(relId);
        // Chart sheets and dialog sheets hold no cells.
        const isWorksheet = rel !== undefined && rel.type === "worksheet";
        sheets.push({
          name: attributes["name"] ?? `Sheet${sheets.length + 1}`,
          hidden: state === "hidden" || state === "veryHidden",
          part: isWorksheet ? rel.target : undefined,
          ...(rel === undefined ? { unresolved: true } : {}),
        });
      } else if (name === "workbookPr") {
        const value = attributes["date1904"];
        date1904 = value === "1" || value === "true";
      }
    },
  });
  const related = new Map<string, string>();
  for (const rel of rels.values()) related.set(rel.type, rel.target);
  return { sheets, date1904, related };
}
