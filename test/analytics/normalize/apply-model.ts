/**
 * A plan applied to the sheet model itself, with no workbook file: what a host's apply does,
 * as the core will read it back. Formulas read as their cached result, as the reader gives them.
 */
import { a1 } from "../../../analytics/sheet/address.js";
import type { CellValue, Sheet, Workbook } from "../../../analytics/sheet/sheet-model.js";
import { isFormulaValue, type ChangePlan } from "../../../analytics/normalize/types.js";

export interface Applied {
  readonly workbook: Workbook;
  /** sheet -> A1 -> formula text, for the plan's formulaAt. */
  readonly formulas: Map<string, Map<string, string>>;
}

export function applyToModel(workbook: Workbook, plan: ChangePlan, formulas = new Map<string, Map<string, string>>()): Applied {
  const sheets = workbook.sheets.map((sheet): Sheet => {
    const edits = plan.edits.filter((e) => e.sheet === sheet.name);
    const unmerged = new Set(plan.unmerges.filter((u) => u.sheet === sheet.name).map((u) => u.ref));
    if (edits.length === 0 && unmerged.size === 0) return sheet;
    const rows: CellValue[][] = sheet.rows.map((r) => [...(r ?? [])]);
    const formulaCells = new Set(sheet.formulaCells);
    const own = new Map(formulas.get(sheet.name) ?? []);
    for (const e of edits) {
      while (rows.length < e.row) rows.push([]);
      const row = rows[e.row - 1]!;
      while (row.length < e.col) row.push(null);
      row[e.col - 1] = isFormulaValue(e.after) ? (e.after.result === "" ? null : e.after.result) : e.after;
      if (isFormulaValue(e.after)) {
        formulaCells.add(e.cell);
        own.set(e.cell, e.after.formula);
      } else {
        formulaCells.delete(e.cell);
        own.delete(e.cell);
      }
    }
    formulas.set(sheet.name, own);
    const merges = sheet.merges.filter((m) => !unmerged.has(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`));
    return { ...sheet, rows, merges, formulaCells };
  });
  return { workbook: { ...workbook, sheets }, formulas };
}

export function formulaAtOf(formulas: Map<string, Map<string, string>>): (sheet: string, row: number, col: number) => string | null {
  return (sheet, row, col) => formulas.get(sheet)?.get(a1(row, col)) ?? null;
}
