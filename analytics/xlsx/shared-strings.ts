/** xl/sharedStrings.xml: the workbook's string table, rich text flattened to its plain text. */
import { closingTag, isSelfClosing, stringItemText, tags } from "./xml.js";

export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const [start, end] of tags(xml, "si")) {
    if (isSelfClosing(xml, end)) {
      strings.push("");
      continue;
    }
    const close = closingTag(xml, end, "si");
    strings.push(stringItemText(xml, end, close));
  }
  return strings;
}

