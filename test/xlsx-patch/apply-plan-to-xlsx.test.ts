/**
 * Applying a plan to an .xlsx file as a patch: all or nothing, and the workbook's own
 * conditional formats and dropdowns kept beside Taizhang's.
 */
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { planNormalization } from "../../analytics/normalize/plan.js";
import { strFromU8, unzipSync } from "fflate";
import { applyPlanToXlsx, PlanConflictError } from "../../xlsx-patch/apply-plan-to-xlsx.js";
import { fixtureBytes } from "../fixtures/build.js";
import { rectification15 } from "../fixtures/ledgers.js";
import { loadExcel, normalizeBytes, readModel } from "./normalized.js";

const SHEET = "整改任务清单";

async function sampleWith(change: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = await loadExcel(await fixtureBytes(rectification15));
  change(wb.getWorksheet(SHEET)!);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** "D6:D21 containsText" for each rule of the sample's ledger sheet (sheet1), read from its XML. */
function rulesOf(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!);
  return [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/gu)].flatMap((cf) =>
    [...cf[2]!.matchAll(/<cfRule type="(\w+)"/gu)].map((r) => `${cf[1]} ${r[1]}`),
  );
}

describe("applying a plan", () => {
  it("changes nothing when a cell no longer holds what the plan read", async () => {
    const bytes = await fixtureBytes(rectification15);
    const { plan } = planNormalization(readModel(bytes), { asOf: "2019-12-31" });
    const changed = await sampleWith((ws) => {
      ws.getCell("H20").value = "2019年11月"; // planned: 2019年10月 -> a date
    });
    const apply = () => applyPlanToXlsx(changed, plan, { lang: "zh", batch: "b" });
    expect(apply).toThrow(PlanConflictError);
    expect(apply).toThrow(/1 个单元格与变更计划读到的值不同（整改任务清单!H20）/u);
    try {
      apply();
    } catch (error) {
      expect((error as PlanConflictError).cells).toEqual(["整改任务清单!H20"]);
    }
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
    const first = rulesOf(once.output);
    expect(first).toContain("D6:D21 containsText");
    expect(first.filter((r) => r.endsWith("expression"))).toHaveLength(once.rewrite.plan.flags.length);
    expect(rulesOf(twice.output).sort()).toEqual([...first].sort());
    // Nothing left to do the second time: the copy is the input, byte for byte.
    expect(twice.output).toEqual(once.output);
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
