/**
 * A new worksheet in the package: its <sheet> in workbook.xml (last, so every defined name's
 * sheet index still points where it did), its relationship, and its content type. Each of the
 * three parts is patched as text; nothing else in them changes.
 */
import { escapeAttribute } from "./cell-xml.js";

export interface NewSheetParts {
  readonly workbookXml: string;
  readonly relsXml: string;
  readonly contentTypesXml: string;
}

const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** A part name in `folder` not used by any part (OPC names compare without case). */
export function freePartName(folder: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const name = `${folder}sheet${n}.xml`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export function addSheet(parts: NewSheetParts, sheetName: string, partName: string): NewSheetParts {
  // Relationship id and type: the type spelled as the file's other worksheets have it (Strict or transitional).
  const ids = [...parts.relsXml.matchAll(/\sId\s*=\s*["']([^"']*)["']/gu)].map((m) => m[1]!);
  let n = ids.length + 1;
  while (ids.includes(`rId${n}`)) n++;
  const id = `rId${n}`;
  const type =
    /\sType\s*=\s*["']([^"']*\/worksheet)["']/u.exec(parts.relsXml)?.[1] ?? "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
  const relsXml = insertBeforeClose(parts.relsXml, "Relationships", `<Relationship Id="${id}" Type="${type}" Target="/${partName}"/>`);

  const relNs = /xmlns:(\w+)\s*=\s*["'](?:http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships|http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships)["']/u.exec(parts.workbookXml);
  const p = /<(\w+:)?workbook[\s>]/u.exec(parts.workbookXml)?.[1] ?? "";
  const sheetIds = [...parts.workbookXml.matchAll(/\ssheetId\s*=\s*["'](\d+)["']/gu)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  const idAttr = relNs === null ? `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"` : `${relNs[1]}:id="${id}"`;
  const sheet = `<${p}sheet name="${escapeAttribute(sheetName)}" sheetId="${sheetId}" ${idAttr}/>`;
  const workbookXml = insertBeforeClose(parts.workbookXml, `${p}sheets`, sheet);

  const override = `<Override PartName="/${partName}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`;
  const contentTypesXml = insertBeforeClose(parts.contentTypesXml, "Types", override);
  return { workbookXml, relsXml, contentTypesXml };
}

function insertBeforeClose(xml: string, element: string, child: string): string {
  const close = new RegExp(`</(\\w+:)?${element.replace(/^\w+:/u, "")}>`, "u");
  const m = close.exec(xml);
  if (m !== null) return xml.slice(0, m.index) + child + xml.slice(m.index);
  const selfClosed = new RegExp(`<((?:\\w+:)?${element.replace(/^\w+:/u, "")})(\\s[^>]*)?/>`, "u");
  return xml.replace(selfClosed, (_w, name: string, attrs: string | undefined) => `<${name}${attrs ?? ""}>${child}</${name}>`);
}
