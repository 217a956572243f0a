/**
 * The overdue and due-soon colors as <conditionalFormatting> elements of a worksheet. A flag
 * already on the sheet (same range, same formula) is left as it is, so normalizing twice adds
 * nothing; a flag of an earlier run that the plan no longer has (recognised by its formula's
 * shape) is removed. The workbook's own conditional formats are never touched, and Taizhang's
 * come after them in priority, those stored as Excel 2010 extensions included (two rules of
 * one priority leave their order to the reader).
 */
import type { FlagFormat } from "../analytics/normalize/types.js";
import { unescapeXml } from "../analytics/xlsx/xml.js";
import { escapeText } from "./cell-xml.js";
import type { StylesPatch } from "./styles.js";
import { insertInOrder, topElements } from "./worksheet-order.js";

/**
 * How every flag formula starts (analytics/normalize/flags.ts): a deadline cell or a day against
 * TODAY(); or, for 待核实, status cells read through TRIM(IFERROR(…)).
 */
const TAIZHANG_FLAG =
  /^(?:IF\(ISNUMBER\(\$[A-Z]+\$?\d+\),AND\(INT\(\$[A-Z]+\$?\d+\)(?:<|>=)TODAY\(\)|AND\(DATE\(\d+,\d+,\d+\)(?:<|>=)TODAY\(\)|AND\((?:OR\()?(?:LEFT\()?TRIM\(IFERROR\(\$[A-Z]+\$?\d+,""\)\))/u;

export type AddedFlag = FlagFormat;

function key(sqref: string, formula: string): string {
  return `${sqref}\u0000${formula}`;
}

export function patchFlags(
  body: string,
  p: string,
  flags: readonly FlagFormat[],
  styles: StylesPatch,
): { xml: string; changed: boolean; added: AddedFlag[] } {
  const wanted = new Map(flags.map((f) => [key(f.sqref, f.formula), f]));
  const present = new Set<string>();
  let changed = false;
  let maxPriority = 0;
  // Existing blocks: keep the workbook's own rules and the flags still planned; drop stale flags.
  const blocks = topElements(body).filter((e) => e.name === "conditionalFormatting").reverse();
  let xml = body;
  for (const block of blocks) {
    const text = xml.slice(block.start, block.end);
    const sqref = /\ssqref\s*=\s*["']([^"']*)["']/u.exec(text)?.[1] ?? "";
    let removed = 0;
    let rules = 0;
    const patched = text.replace(new RegExp(`<${p}cfRule\\s[^>]*?(?:/>|>[\\s\\S]*?</${p}cfRule>)`, "gu"), (rule) => {
      rules++;
      const formula = new RegExp(`<${p}formula>([\\s\\S]*?)</${p}formula>`, "u").exec(rule)?.[1];
      const text = formula === undefined ? "" : unescapeXml(formula);
      if (/type\s*=\s*["']expression["']/u.test(rule) && TAIZHANG_FLAG.test(text)) {
        if (wanted.has(key(sqref, text)) && !present.has(key(sqref, text))) {
          present.add(key(sqref, text));
          return rule;
        }
        removed++;
        return "";
      }
      const priority = Number(/\spriority\s*=\s*["'](\d+)["']/u.exec(rule)?.[1] ?? 0);
      maxPriority = Math.max(maxPriority, priority);
      return rule;
    });
    if (removed === 0) continue;
    changed = true;
    xml = xml.slice(0, block.start) + (removed === rules ? "" : patched) + xml.slice(block.end);
  }
  const added = flags.filter((f) => !present.has(key(f.sqref, f.formula)));
  if (added.length === 0) return { xml, changed, added };
  // Rules Excel 2010 keeps in the sheet's extLst (icon sets, data bars) share the sheet's priorities.
  for (const ext of topElements(xml).filter((e) => e.name === "extLst")) {
    for (const m of xml.slice(ext.start, ext.end).matchAll(/<(?:\w+:)?cfRule\s[^>]*?priority\s*=\s*["'](\d+)["']/gu)) maxPriority = Math.max(maxPriority, Number(m[1]));
  }
  const blocksXml = added
    .map((f) => {
      const dxfId = styles.dxf({ fill: f.fill, font: f.font });
      return `<${p}conditionalFormatting sqref="${f.sqref}"><${p}cfRule type="expression" dxfId="${dxfId}" priority="${maxPriority + f.priority}"><${p}formula>${escapeText(f.formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
    })
    .join("");
  return { xml: insertInOrder(xml, "conditionalFormatting", blocksXml), changed: true, added };
}
