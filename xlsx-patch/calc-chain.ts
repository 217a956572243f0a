/**
 * xl/calcChain.xml lists the workbook's formula cells in the order Excel last calculated them.
 * A patch that writes a formula into a cell, or a value over a formula, leaves that list wrong,
 * and Excel then reports the file damaged and repairs it. Rather than keep the list exact, the
 * patch drops it, with its relationship and its content type, as Excel allows: Excel rebuilds
 * the chain at its next calculation. A patch that touches no formula keeps it byte for byte.
 */
import { normalizePartName } from "../analytics/xlsx/package.js";
import type { PackageLists } from "./package-lists.js";

/** The workbook's relationships and content types without the calculation chain at `partName`. */
export function withoutCalcChain(lists: PackageLists, partName: string): PackageLists {
  const relsXml = lists.relsXml.replace(
    /<(\w+:)?Relationship\s[^>]*?\bType\s*=\s*["'][^"']*\/calcChain["'][^>]*?(?:\/>|>\s*<\/(?:\w+:)?Relationship>)/gu,
    "",
  );
  const part = normalizePartName(partName);
  const contentTypesXml = lists.contentTypesXml.replace(/<(?:\w+:)?Override\s[^>]*?>(?:\s*<\/(?:\w+:)?Override>)?/gu, (override) => {
    const name = /\sPartName\s*=\s*["']([^"']*)["']/u.exec(override)?.[1];
    return name !== undefined && normalizePartName(name) === part ? "" : override;
  });
  return { relsXml, contentTypesXml };
}
