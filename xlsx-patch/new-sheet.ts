/**
 * A new worksheet in the package: its <sheet> in workbook.xml (last, so every defined name's
 * sheet index still points where it did), its relationship, and its content type. Each of the
 * three parts is patched as text; nothing else in them changes.
 */
import { escapeAttribute } from "./cell-xml.js";
import { addPart, insertBeforeClose, relationshipType, type PackageLists } from "./package-lists.js";

export interface NewSheetParts extends PackageLists {
  readonly workbookXml: string;
}

/** xmlns:PREFIX bound to the relationships namespace, transitional or Strict. */
const RELATIONSHIPS_BINDING = /xmlns:(\w+)\s*=\s*["'](http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships|http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships)["']/u;

const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** The first part name in `folder` of `nth` (n = 1, 2, …) not used by any part (OPC names compare without case). */
export function freePartName(folder: string, taken: ReadonlySet<string>, nth: (n: number) => string = (n) => `sheet${n}.xml`): string {
  for (let n = 1; ; n++) {
    const name = `${folder}${nth(n)}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export function addSheet(parts: NewSheetParts, sheetName: string, partName: string): NewSheetParts {
  const { lists, id } = addPart(parts, partName, relationshipType(parts.relsXml, "worksheet"), WORKSHEET_CONTENT_TYPE);

  const p = /<(\w+:)?workbook[\s>]/u.exec(parts.workbookXml)?.[1] ?? "";
  const sheetIds = [...parts.workbookXml.matchAll(/\ssheetId\s*=\s*["'](\d+)["']/gu)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  // A prefix bound on the root is in scope for the new <sheet>; one bound elsewhere (openpyxl binds
  // it on each <sheet>) is not, and the new element then binds its own, to the namespace the file uses.
  const root = /<(?![?!])[^>]*>/u.exec(parts.workbookXml)?.[0] ?? "";
  const rootPrefix = RELATIONSHIPS_BINDING.exec(root)?.[1];
  const namespace = RELATIONSHIPS_BINDING.exec(parts.workbookXml)?.[2] ?? "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const idAttr = rootPrefix === undefined ? `xmlns:r="${namespace}" r:id="${id}"` : `${rootPrefix}:id="${id}"`;
  const sheet = `<${p}sheet name="${escapeAttribute(sheetName)}" sheetId="${sheetId}" ${idAttr}/>`;
  const workbookXml = insertBeforeClose(parts.workbookXml, `${p}sheets`, sheet);
  return { workbookXml, ...lists };
}
