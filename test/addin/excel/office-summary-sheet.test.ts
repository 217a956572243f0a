/**
 * 插入到工作簿: the 完成情况 sheet with summary tables and native Excel charts bound to them,
 * written through Office.js faked with office-addin-mock.
 */
import { itemStarts } from "../../../analytics/ledger-start.js";
import { DEFAULT_LIGHT_RULES, unitLights, type UnitLight } from "../../../analytics/lights.js";
import { describe, expect, it } from "vitest";
import { insertSummarySheet } from "../../../addin/excel/office-summary-sheet.js";
import { CHART_GROUPS, summaryLayout, type SummaryInput } from "../../../analytics/overview/completion-sheet.js";
import { unclearCounts, unitsInLightOrder } from "../../../analytics/charts/index.js";
import { COMPLETED, OPEN_ON_TIME, OPEN_UNCLEAR, OVERDUE } from "../../../analytics/charts/palette.js";
import { analyzeWorkbook } from "../../../analytics/ledger.js";
import type { Item } from "../../../analytics/item.js";
import type { Summary } from "../../../analytics/summary.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { rectification15 } from "../../fixtures/ledgers.js";
import { FakeExcel, FakeSheet } from "../fake-excel.js";

let sampleItems: readonly Item[] = [];
let sampleLights: readonly UnitLight[] = [];

async function sampleSummary(): Promise<Summary> {
  const workbook = readWorkbook(await fixtureBytes(rectification15), { source: rectification15.file });
  const ledger = analyzeWorkbook(workbook, { asOf: rectification15.asOf }).ledgers[0]!;
  sampleItems = ledger.items;
  sampleLights = unitLights(ledger.items, { asOf: ledger.asOf, startOf: itemStarts(ledger), rules: DEFAULT_LIGHT_RULES });
  return ledger.summary;
}

function input(summary: Summary, lang: "zh" | "en" = "zh"): SummaryInput {
  return { summary, items: sampleItems, asOf: "2019-12-31", dueSoonDays: 7, source: "整改台账.xlsx", lang, lights: sampleLights };
}

/** The rows of a block as the sheet holds them: values, and formulas as "=…". */
function rowsAt(sheet: FakeSheet, top: number, bottom: number, width: number): unknown[][] {
  return Array.from({ length: bottom - top + 1 }, (_, i) => Array.from({ length: width }, (_, j) => sheet.formulaAt(top + i, j + 1)));
}

describe("the 完成情况 sheet", () => {
  it("holds the summary tables, rates as formulas, and four native charts bound to them", async () => {
    const summary = await sampleSummary();
    const excel = new FakeExcel([new FakeSheet("整改任务清单")]);
    const inserted = await insertSummarySheet(excel.context, summaryLayout(input(summary)));
    expect(inserted).toEqual({ sheet: "完成情况", charts: 4, replaced: false });
    expect(excel.syncs).toBe(2); // is there one already? then everything in one request
    const sheet = excel.sheet("完成情况");
    expect(excel.active).toBe("完成情况");

    expect(sheet.formulaAt(1, 1)).toBe("整改事项完成情况");
    expect(rowsAt(sheet, 4, 9, 2)).toEqual([
      ["指标", "数值"],
      ["事项总数", summary.total],
      ["已完成（含销号）", summary.completed],
      ["完成率", "=IF(B5=0,0,B6/B5)"],
      ["逾期", summary.overdue],
      ["即将到期", summary.dueSoon],
    ]);
    expect(sheet.format(7, 2)).toBe("0.0%");

    const [status, ...bars] = sheet.charts;
    expect(status).toMatchObject({ type: "Doughnut", seriesBy: "Columns", title: "总体完成情况", from: "J4" });
    // The doughnut is bound to the status table: header row, then one row per status present.
    const statusTop = Number(/^A(\d+)/.exec(status!.source)![1]);
    const present = Object.values(summary.byStatus).filter((n) => (n ?? 0) > 0).length;
    expect(status!.source).toBe(`A${statusTop}:B${statusTop + present}`);
    expect(sheet.formulaAt(statusTop, 1)).toBe("完成情况");
    expect(status!.pointColors.length).toBe(present);

    const unclear = unclearCounts(sampleItems);
    const groups = [
      ["责任单位", unitsInLightOrder(summary.byUnit, sampleLights), unclear.byUnit],
      ["责任领导", summary.byLeader, unclear.byLeader],
      ["问题类别", summary.byCategory, unclear.byCategory],
    ] as const;
    // Titled as the report's PNGs are.
    expect(bars.map((c) => c.title)).toEqual(["各责任单位完成情况", "各责任领导分管事项完成情况", "各类别完成情况"]);
    bars.forEach((chart, i) => {
      const [what, list, other] = groups[i]!;
      const top = Number(/^A(\d+)/.exec(chart.source)![1]);
      expect(chart).toMatchObject({ type: "BarStacked", seriesBy: "Columns", reversePlotOrder: true, seriesColors: [COMPLETED, OPEN_ON_TIME, OPEN_UNCLEAR, OVERDUE] });
      // Bound to name | completed | open on time | open, unclear | overdue, at most CHART_GROUPS rows, in the chart's order.
      expect(chart.source).toBe(`A${top}:E${top + Math.min(list.length, CHART_GROUPS)}`);
      expect(rowsAt(sheet, top, top + list.length, 7)).toEqual([
        [what, "已完成", "未到期", "长期坚持/未填写/无法识别", "逾期", "合计", "完成率"],
        ...list.map((g, k) => {
          const r = top + 1 + k;
          const u = other.get(g.name) ?? 0;
          return [g.name, g.completed, g.total - g.completed - g.overdue - u, u, g.overdue, `=SUM(B${r}:E${r})`, `=IF(F${r}=0,0,B${r}/F${r})`];
        }),
      ]);
      expect(chart.from).toBe(`J${top}`);
      // The unit table ends in each unit's light, filled with its color.
      if (what === "责任单位") expect(rowsAt(sheet, top, top + 1, 8).map((r) => r[7])).toEqual(["灯号", "红灯"]);
    });
    // Charts never overlap: each starts below the one before.
    const starts = sheet.charts.map((c) => Number(c.from!.slice(1)));
    const ends = sheet.charts.map((c) => Number(c.to!.slice(1)));
    for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThan(ends[i - 1]!);
  });

  it("replaces its own earlier sheet, but keeps a clerk's sheet that happens to be called 完成情况", async () => {
    const summary = await sampleSummary();
    const excel = new FakeExcel([new FakeSheet("整改任务清单")]);
    await insertSummarySheet(excel.context, summaryLayout(input(summary)));
    const again = await insertSummarySheet(excel.context, summaryLayout(input(summary)));
    expect(again).toEqual({ sheet: "完成情况", charts: 4, replaced: true });
    expect(excel.sheets.map((s) => s.name)).toEqual(["整改任务清单", "完成情况"]);

    const clerk = new FakeSheet("完成情况");
    clerk.write(1, 1, "各单位完成情况（手工统计）");
    const other = new FakeExcel([clerk]);
    const ours = await insertSummarySheet(other.context, summaryLayout(input(summary)));
    expect(ours.sheet).toBe("完成情况（台账）");
    expect(other.sheet("完成情况").formulaAt(1, 1)).toBe("各单位完成情况（手工统计）");
  });

  it("speaks English when Office does", async () => {
    const layout = summaryLayout(input(await sampleSummary(), "en"));
    expect(layout.sheet).toBe("Completion");
    expect(layout.charts.map((c) => c.title)).toEqual(["Overall status", "Completion by unit", "Completion by leader", "Completion by category"]);
    expect(layout.blocks[0]!.rows[0]).toEqual(["Measure", "Value"]);
  });
});
