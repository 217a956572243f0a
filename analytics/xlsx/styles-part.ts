/** xl/styles.xml: for each cell style index, whether its number format is a date or a percent. */
import { dateFormatCode, isDateFormat, isPercentFormat } from "../sheet/numfmt.js";
import { readXml } from "./xml.js";

export const NumberKind = { Plain: 0, Date: 1, Percent: 2 } as const;
export type NumberKind = (typeof NumberKind)[keyof typeof NumberKind];

/** kinds[s] is the kind of the cell style with index s (the `s` attribute of a cell). */
export function parseCellStyleKinds(xml: string | undefined, partName = "xl/styles.xml"): NumberKind[] {
  return parseCellStyles(xml, partName).kinds;
}

export interface CellStyles {
  readonly kinds: NumberKind[];
  /** dateCodes[s] is the format code of style s when it shows a date, else undefined. */
  readonly dateCodes: (string | undefined)[];
}

/** Each cell style's kind, and the format code of the date styles. */
export function parseCellStyles(xml: string | undefined, partName = "xl/styles.xml"): CellStyles {
  if (xml === undefined) return { kinds: [], dateCodes: [] };
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  readXml(xml, partName, {
    open(name, attributes) {
      if (name === "numFmt") {
        const id = Number(attributes["numFmtId"]);
        const code = attributes["formatCode"];
        if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
      } else if (name === "cellXfs") {
        inCellXfs = true;
      } else if (name === "xf" && inCellXfs) {
        formatIds.push(Number(attributes["numFmtId"] ?? "0"));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  const kinds = formatIds.map((id) => {
    const code = codes.get(id);
    if (isDateFormat(id, code)) return NumberKind.Date;
    if (isPercentFormat(id, code)) return NumberKind.Percent;
    return NumberKind.Plain;
  });
  const dateCodes = formatIds.map((id, s) => (kinds[s] === NumberKind.Date ? dateFormatCode(id, codes.get(id)) : undefined));
  return { kinds, dateCodes };
}
