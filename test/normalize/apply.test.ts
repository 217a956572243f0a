/**
 * Applying a plan with exceljs: all or nothing, and the workbook's own conditional formats and
 * dropdowns kept beside Taizhang's.
 */
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { planNormalization } from "../../analytics/normalize/plan.js";
import { applyPlan, PlanMismatchError } from "../../analytics/xlsx/apply/apply-plan.js";
import { partsOf } from "../../analytics/xlsx/apply/worksheet-parts.js";
import { fixtureBytes } from "../fixtures/build.js";
import { rectification15 } from "../fixtures/ledgers.js";
import { loadExcel, normalizeBytes, readModel } from "./normalized.js";

const SHEET = "整改任务清单";

async function sampleWith(change: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = await loadExcel(await fixtureBytes(rectification15));
  change(wb.getWorksheet(SHEET)!);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function rulesOf(ws: ExcelJS.Worksheet): string[] {
  return partsOf(ws).conditionalFormattings.flatMap((cf) => cf.rules.map((r) => `${cf.ref} ${r.type}`));
}

describe("applying a plan", () => {
  it("changes nothing when a cell no longer holds what the plan read", async () => {
    const bytes = await fixtureBytes(rectification15);
    const { plan } = planNormalization(readModel(bytes), { asOf: "2019-12-31" });
    const wb = await loadExcel(bytes);
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell("H20").value = "2019年11月"; // planned: 2019年10月 -> a date
    expect(() => applyPlan(wb, plan, "zh")).toThrow(PlanMismatchError);
    expect(() => applyPlan(wb, plan, "zh")).toThrow(/整改任务清单!H20 应为“2019年10月”，实为“2019年11月”/u);
    // Verified before anything moved: earlier cells and the merges are as they were.
    expect(ws.getCell("H6").value).toBe("2019年6月底前");
    expect(ws.getCell("B7").isMerged).toBe(true);
    expect(wb.getWorksheet("变更记录")).toBeUndefined();
  });

  it("keeps the workbook's own conditional formats, and replaces only its own on a second run", async () => {
    const bytes = await sampleWith((ws) =>
      ws.addConditionalFormatting({
        ref: "D6:D21",
        rules: [{ type: "containsText", operator: "containsText", text: "制度", priority: 1, style: { font: { bold: true } } }],
      }),
    );
    const once = await normalizeBytes(bytes, "2019-12-31", { baseYear: 2019 });
    const twice = await normalizeBytes(once.output, "2019-12-31", { baseYear: 2019 });
    const first = rulesOf((await loadExcel(once.output)).getWorksheet(SHEET)!);
    expect(first).toContain("D6:D21 containsText");
    expect(first.filter((r) => r.endsWith("expression"))).toHaveLength(once.rewrite.plan.flags.length);
    expect(rulesOf((await loadExcel(twice.output)).getWorksheet(SHEET)!).sort()).toEqual([...first].sort());
  });

  it("keeps a dropdown the clerk put on a status cell, and puts Taizhang's on the others", async () => {
    const bytes = await sampleWith((ws) => {
      ws.getCell("I7").dataValidation = { type: "list", allowBlank: true, formulae: ['"好,坏"'] };
    });
    const n = await normalizeBytes(bytes, "2019-12-31", { baseYear: 2019 });
    const ws = (await loadExcel(n.output)).getWorksheet(SHEET)!;
    expect(ws.getCell("I7").dataValidation.formulae).toEqual(['"好,坏"']);
    for (const cell of ["I6", "I8", "I21"]) {
      expect(ws.getCell(cell).dataValidation).toMatchObject({ type: "list", formulae: ['"未开始,推进中,已完成,已销号,长期坚持"'], errorStyle: "warning" });
    }
    expect(n.rewrite.applied?.validatedCells).toBe(15);
  });
});
