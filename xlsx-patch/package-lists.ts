/**
 * The two lists a package keeps of its parts: the workbook's relationships (which part is its
 * styles, which its sheets) and the content types. A part the patch adds is entered in both,
 * each as text, nothing else in them changing.
 */
export interface PackageLists {
  readonly relsXml: string;
  readonly contentTypesXml: string;
}

const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * The relationship type `kind` ("worksheet", "styles") spelled as the file spells its own
 * relationships: Strict files use another namespace than transitional ones.
 */
export function relationshipType(relsXml: string, kind: string): string {
  const base = /\sType\s*=\s*["']([^"']*)\/(?:worksheet|styles|sharedStrings|theme)["']/u.exec(relsXml)?.[1] ?? RELATIONSHIPS;
  return `${base}/${kind}`;
}

/** The lists with `partName` (from the package root) added: a relationship of `type` and a content-type override. */
export function addPart(lists: PackageLists, partName: string, type: string, contentType: string): { lists: PackageLists; id: string } {
  const ids = [...lists.relsXml.matchAll(/\sId\s*=\s*["']([^"']*)["']/gu)].map((m) => m[1]!);
  let n = ids.length + 1;
  while (ids.includes(`rId${n}`)) n++;
  const id = `rId${n}`;
  const relsXml = insertBeforeClose(lists.relsXml, "Relationships", `<Relationship Id="${id}" Type="${type}" Target="/${partName}"/>`);
  return { lists: { relsXml, contentTypesXml: withOverride(lists.contentTypesXml, partName, contentType) }, id };
}

/** The content types with an override for `partName`, unless they already have one (OPC names compare without case). */
export function withOverride(contentTypesXml: string, partName: string, contentType: string): string {
  const name = `/${partName}`.toLowerCase();
  for (const m of contentTypesXml.matchAll(/<(?:\w+:)?Override\s[^>]*?PartName\s*=\s*["']([^"']*)["']/gu)) if (m[1]!.toLowerCase() === name) return contentTypesXml;
  return insertBeforeClose(contentTypesXml, "Types", `<Override PartName="/${partName}" ContentType="${contentType}"/>`);
}

/** `child` put last in the first `element` (`prefix:name` or `name`, any prefix), opening one written self-closed. */
export function insertBeforeClose(xml: string, element: string, child: string): string {
  const close = new RegExp(`</(\\w+:)?${element.replace(/^\w+:/u, "")}>`, "u");
  const m = close.exec(xml);
  if (m !== null) return xml.slice(0, m.index) + child + xml.slice(m.index);
  const selfClosed = new RegExp(`<((?:\\w+:)?${element.replace(/^\w+:/u, "")})(\\s[^>]*)?/>`, "u");
  return xml.replace(selfClosed, (_w, name: string, attrs: string | undefined) => `<${name}${attrs ?? ""}>${child}</${name}>`);
}

const RELATIONSHIPS_CONTENT_TYPE = "application/vnd.openxmlformats-package.relationships+xml";

/**
 * The root relationships of a package that has none, naming its workbook part: Excel's reader
 * finds the workbook without them, LibreOffice's does not open the file at all.
 */
export function rootRelationships(workbookPath: string, officeDocumentType: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${officeDocumentType}" Target="/${workbookPath}"/></Relationships>`;
}

/** The content types with a default for .rels parts, unless they already have one. */
export function withRelationshipsDefault(contentTypesXml: string): string {
  if (/<(?:\w+:)?Default\s[^>]*?Extension\s*=\s*["']rels["']/iu.test(contentTypesXml)) return contentTypesXml;
  return insertBeforeClose(contentTypesXml, "Types", `<Default Extension="rels" ContentType="${RELATIONSHIPS_CONTENT_TYPE}"/>`);
}
