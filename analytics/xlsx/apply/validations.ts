/**
 * The status dropdown: a list validation of the canonical words on a status column's item cells.
 * A cell that already has a validation of the clerk's own keeps it; one of Taizhang's (an earlier
 * run) is replaced, so a second run leaves the same validation behind.
 */
import type ExcelJS from "exceljs";
import type { Lang } from "../../findings/catalogue.js";
import type { StatusValidation } from "../../normalize/types.js";
import { partsOf } from "./worksheet-parts.js";

function listFormula(words: readonly string[]): string {
  return `"${words.join(",")}"`;
}

function isTaizhangList(v: ExcelJS.DataValidation, formula: string): boolean {
  return v.type === "list" && v.formulae?.[0] === formula;
}

/** Cells of an "H5:H40" range, as "H5", "H6", … */
function addressesOf(ref: string): string[] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/u.exec(ref);
  if (!m || m[1] !== m[3]) throw new Error(`not a one-column range: ${ref}`);
  const col = m[1]!;
  const out: string[] = [];
  for (let row = Number(m[2]); row <= Number(m[4]); row++) out.push(`${col}${row}`);
  return out;
}

export function applyValidation(ws: ExcelJS.Worksheet, spec: StatusValidation, lang: Lang): number {
  const formula = listFormula(spec.words);
  const validation: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showInputMessage: true,
    promptTitle: lang === "zh" ? "完成情况" : "Status",
    prompt: spec.prompt,
    showErrorMessage: true,
    errorStyle: spec.errorStyle,
    errorTitle: lang === "zh" ? "完成情况" : "Status",
    error: lang === "zh" ? `请使用：${spec.words.join("、")}` : `Use one of: ${spec.words.join(", ")}`,
  };
  const store = partsOf(ws).dataValidations.model;
  const addresses = addressesOf(spec.ref);
  const theirs = new Set(addresses.filter((a) => store[a] !== undefined && !isTaizhangList(store[a]!, formula)));
  if (theirs.size === 0) {
    // One range, one <dataValidation>; exceljs would split per-cell entries at its own whim.
    for (const a of addresses) delete store[a];
    store[spec.ref] = validation;
    return addresses.length;
  }
  const ours = addresses.filter((a) => !theirs.has(a));
  for (const a of ours) store[a] = validation;
  return ours.length;
}
