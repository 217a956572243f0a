/** xl/styles.xml: for each cell style index, whether its number format is a date or a percent. */
import { isDateFormat, isPercentFormat } from "../sheet/numfmt.js";
import { attr, closingTag, tags } from "./xml.js";

export const NumberKind = { Plain: 0, Date: 1, Percent: 2 } as const;
export type NumberKind = (typeof NumberKind)[keyof typeof NumberKind];

/** kinds[s] is the kind of the cell style with index s (the `s` attribute of a cell). */
export function parseCellStyleKinds(xml: string | undefined): NumberKind[] {
  if (xml === undefined) return [];
  const codes = new Map<number, string>();
  for (const [start, end] of tags(xml, "numFmt")) {
    const id = Number(attr(xml, start, end, "numFmtId"));
    const code = attr(xml, start, end, "formatCode");
    if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
  }
  const kinds: NumberKind[] = [];
  const cellXfs = tags(xml, "cellXfs").next();
  if (cellXfs.done) return kinds;
  const [, xfsStart] = cellXfs.value;
  const xfsEnd = closingTag(xml, xfsStart, "cellXfs");
  const section = xml.slice(xfsStart, xfsEnd);
  for (const [start, end] of tags(section, "xf")) {
    const id = Number(attr(section, start, end, "numFmtId") ?? "0");
    const code = codes.get(id);
    if (isDateFormat(id, code)) kinds.push(NumberKind.Date);
    else if (isPercentFormat(id, code)) kinds.push(NumberKind.Percent);
    else kinds.push(NumberKind.Plain);
  }
  return kinds;
}
