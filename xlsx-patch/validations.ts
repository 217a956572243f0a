/**
 * The status dropdown as a <dataValidation> of the worksheet. Cells that already have a
 * validation of the clerk's own (in <dataValidations>, or a cross-sheet list Excel stores as an
 * x14 extension) keep it; Taizhang's goes on the others, so no cell ends up under two. One of an
 * earlier run on the same cells is left as it is; one on other cells of the column is replaced.
 */
import type { Lang } from "../analytics/lang.js";
import { statusDropdownTexts } from "../analytics/normalize/status-dropdown.js";
import type { StatusValidation } from "../analytics/normalize/types.js";
import { columnNumber, columnLetter } from "../analytics/sheet/address.js";
import { unescapeXml } from "../analytics/xlsx/xml.js";
import { escapeAttribute, escapeText } from "./cell-xml.js";
import { insertInOrder, topElements } from "./worksheet-order.js";

export interface AddedValidation {
  readonly validation: StatusValidation;
  /** The ranges it went on: the planned ref less the cells with a validation of their own. */
  readonly sqref: string;
}

interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function rangesOf(sqref: string): Range[] {
  return sqref.split(/\s+/u).flatMap((ref) => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/u.exec(ref);
    if (m === null) return [];
    const left = columnNumber(m[1]!.toUpperCase());
    const top = Number(m[2]);
    return [{ top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3].toUpperCase()) : left }];
  });
}

function listFormula(words: readonly string[]): string {
  return `"${words.join(",")}"`;
}

interface Existing {
  readonly start: number;
  readonly end: number;
  readonly sqref: string;
  readonly ours: boolean;
}

/** Every validation on the sheet, classic and x14, with whether it is a Taizhang status list. */
function existingValidations(body: string, p: string, formula: string): Existing[] {
  const out: Existing[] = [];
  const classic = new RegExp(`<${p}dataValidation\\s[^>]*?(?:/>|>[\\s\\S]*?</${p}dataValidation>)`, "gu");
  for (const m of body.matchAll(classic)) {
    const sqref = /\ssqref\s*=\s*["']([^"']*)["']/u.exec(m[0])?.[1] ?? "";
    const f1 = new RegExp(`<${p}formula1>([\\s\\S]*?)</${p}formula1>`, "u").exec(m[0])?.[1];
    const ours = /\stype\s*=\s*["']list["']/u.test(m[0]) && f1 !== undefined && unescapeXml(f1) === formula;
    out.push({ start: m.index, end: m.index + m[0].length, sqref, ours });
  }
  for (const m of body.matchAll(/<(\w+:)?dataValidation\s[^>]*>[\s\S]*?<\/\1dataValidation>/gu)) {
    if ((m[1] ?? "") === p) continue;
    const sqref = /<(?:\w+:)?sqref>([^<]*)<\/(?:\w+:)?sqref>/u.exec(m[0])?.[1] ?? "";
    out.push({ start: m.index, end: m.index + m[0].length, sqref, ours: false });
  }
  return out;
}

export function patchValidations(
  body: string,
  p: string,
  validations: readonly StatusValidation[],
  lang: Lang,
): { xml: string; changed: boolean; added: AddedValidation[]; cells: number } {
  let xml = body;
  let changed = false;
  const added: AddedValidation[] = [];
  let cells = 0;
  for (const v of validations) {
    const formula = listFormula(v.words);
    const [target] = rangesOf(v.ref);
    if (target === undefined) continue;
    const existing = existingValidations(xml, p, formula);
    const taken = new Uint8Array(target.bottom - target.top + 1);
    for (const e of existing) {
      if (e.ours) continue;
      for (const r of rangesOf(e.sqref)) {
        if (r.left > target.left || r.right < target.left) continue;
        for (let row = Math.max(r.top, target.top); row <= Math.min(r.bottom, target.bottom); row++) taken[row - target.top] = 1;
      }
    }
    const letter = columnLetter(target.left);
    const runs: string[] = [];
    let count = 0;
    for (let i = 0; i < taken.length; i++) {
      if (taken[i]) continue;
      let j = i;
      while (j + 1 < taken.length && !taken[j + 1]) j++;
      runs.push(i === j ? `${letter}${target.top + i}` : `${letter}${target.top + i}:${letter}${target.top + j}`);
      count += j - i + 1;
      i = j;
    }
    const sqref = runs.join(" ");
    cells += count;
    // An earlier run's dropdown on these very cells stays; one elsewhere in the column goes.
    const ours = existing.filter((e) => e.ours && rangesOf(e.sqref).some((r) => r.left <= target.left && target.left <= r.right));
    if (ours.length === 1 && ours[0]!.sqref === sqref) continue;
    for (const e of [...ours].sort((a, b) => b.start - a.start)) xml = xml.slice(0, e.start) + xml.slice(e.end);
    if (ours.length > 0) changed = true;
    if (sqref === "") continue;
    const { title, error } = statusDropdownTexts(v.words, lang);
    const element =
      `<${p}dataValidation type="list" errorStyle="${v.errorStyle}" allowBlank="1" showInputMessage="1" showErrorMessage="1" ` +
      `errorTitle="${escapeAttribute(title)}" error="${escapeAttribute(error)}" promptTitle="${escapeAttribute(title)}" prompt="${escapeAttribute(v.prompt.slice(0, 255))}" sqref="${sqref}">` +
      `<${p}formula1>${escapeText(formula)}</${p}formula1></${p}dataValidation>`;
    xml = withValidation(xml, p, element);
    added.push({ validation: v, sqref });
    changed = true;
  }
  return { xml, changed, added, cells };
}

/** Adds a <dataValidation> to the sheet's <dataValidations> (made where CT_Worksheet wants it if missing). */
function withValidation(body: string, p: string, element: string): string {
  const block = topElements(body).find((e) => e.name === "dataValidations");
  if (block === undefined) return insertInOrder(body, "dataValidations", `<${p}dataValidations count="1">${element}</${p}dataValidations>`);
  let text = body.slice(block.start, block.end);
  const count = (text.match(new RegExp(`<${p}dataValidation\\s`, "gu")) ?? []).length + 1;
  text = text.endsWith("/>") ? `${text.slice(0, -2).trimEnd()}>${element}</${p}dataValidations>` : text.replace(new RegExp(`</${p}dataValidations>$`, "u"), `${element}</${p}dataValidations>`);
  text = /\scount\s*=/u.test(text) ? text.replace(/(\scount\s*=\s*["'])\d+(["'])/u, `$1${count}$2`) : text.replace(/^<([\w:]+)/u, `<$1 count="${count}"`);
  return body.slice(0, block.start) + text + body.slice(block.end);
}
