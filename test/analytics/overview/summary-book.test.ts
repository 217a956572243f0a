/** The summary workbook as data: what each sheet's cells hold before any renderer writes them. */
import { beforeAll, describe, expect, it } from "vitest";
import { consolidate } from "../../../analytics/consolidate.js";
import { analyzeWorkbook, type Ledger } from "../../../analytics/ledger.js";
import { overviewModel } from "../../../analytics/overview/overview-model.js";
import { summaryBook } from "../../../analytics/overview/summary-book.js";
import { DEFAULT_LIGHT_RULES } from "../../../analytics/lights.js";
import { MAX_CELL_CHARACTERS } from "../../../analytics/xlsx/xml.js";
import { sheetOf } from "../../helpers/sheet.js";

const AS_OF = "2019-12-31";
let ledger: Ledger;
beforeAll(() => {
  // One overdue item whose task text is as long as a cell can hold: the book must not exceed it.
  const long = "整".repeat(MAX_CELL_CHARACTERS);
  const sheet = sheetOf([
    ["序号", "整改任务", "责任单位", "完成时限", "完成情况"],
    [1, long, "区财政局", "2019年6月30日", "推进中"],
  ]);
  ledger = analyzeWorkbook({ source: "长任务.xlsx", sheets: [sheet] }, { asOf: AS_OF }).ledgers[0]!;
});

describe("summaryBook", () => {
  it("keeps every text cell within Excel's 32,767 characters, marking a cut text with …", () => {
    // A file name longer than a cell, too: it reaches the per-file and overdue sheets.
    const model = overviewModel(consolidate([{ file: `${"长".repeat(40_000)}.xlsx`, ledgers: [ledger] }]), { asOf: AS_OF, dueSoonDays: 7, generatedAt: "2019-12-31 09:00", lang: "zh", lights: { rules: DEFAULT_LIGHT_RULES, startOf: () => "2019-01-01" } });
    const texts = summaryBook(model).sheets.flatMap((s) => s.rows.flatMap((row) => row.map((cell) => cell?.value))).filter((v): v is string => typeof v === "string");
    expect(texts.length).toBeGreaterThan(0);
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(MAX_CELL_CHARACTERS);
    expect(texts.some((t) => t.length === MAX_CELL_CHARACTERS && t.endsWith("…"))).toBe(true);
  });
});
