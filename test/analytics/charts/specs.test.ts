/**
 * Chart specs hold exactly the numbers of the ledger: checked against the fixture's own
 * expected readings (not against the summary code they are built from).
 */
import { itemStarts } from "../../../analytics/ledger-start.js";
import { DEFAULT_LIGHT_RULES } from "../../../analytics/lights.js";
import { beforeAll, describe, expect, it } from "vitest";
import { overdueByAge } from "../../../analytics/charts/aging.js";
import { barChartHeight, groupBars, groupChart } from "../../../analytics/charts/groups.js";
import { reportCharts, unclearCounts } from "../../../analytics/charts/index.js";
import { monthLabel, monthlyCounts } from "../../../analytics/charts/months.js";
import { statusChart } from "../../../analytics/charts/status-chart.js";
import { unitLights } from "../../../analytics/charts/traffic.js";
import { analyzeWorkbook, type Ledger } from "../../../analytics/ledger.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { completedLate, rectification15, type ExpectedItem } from "../../fixtures/ledgers.js";

const COMPLETED = new Set(["done", "closed"]);

async function ledgerOf(fixture: typeof rectification15): Promise<Ledger> {
  const wb = readWorkbook(await fixtureBytes(fixture), { source: fixture.file });
  return analyzeWorkbook(wb, { asOf: fixture.asOf, baseYear: fixture.baseYear }).ledgers[0]!;
}

const expectedItems = (fixture: typeof rectification15): ExpectedItem[] => fixture.sheets.flatMap((s) => s.items ?? []);

let ledger: Ledger;

/** The units' lights of one ledger by the default rules (lights.ts), which order the unit chart. */
const lightsOf = (l: Ledger) => unitLights(l.items, { asOf: l.asOf, startOf: itemStarts(l), rules: DEFAULT_LIGHT_RULES });
beforeAll(async () => {
  ledger = await ledgerOf(rectification15);
});

describe("the status doughnut", () => {
  it("counts every status as the fixture reads it, and puts the completion rate in the middle", () => {
    const spec = statusChart(ledger.summary, "zh");
    const data = spec.config.data.datasets[0]!.data as number[];
    const labels = spec.config.data.labels as string[];
    const expected = expectedItems(rectification15);
    const count = (value: string | null) => expected.filter((i) => i.status === value).length;
    expect(Object.fromEntries(labels.map((l, i) => [l.split(" ")[0], data[i]]))).toEqual({
      已完成: count("done"),
      已销号: count("closed"),
      推进中: count("in_progress"),
      长期坚持: count("ongoing"),
      未填写: count(null),
    });
    const rate = expected.filter((i) => COMPLETED.has(i.status ?? "")).length / expected.length;
    expect((spec.config.options as { plugins: { centerText: { text: string } } }).plugins.centerText.text).toBe(`${(rate * 100).toFixed(1)}%`);
  });
});

describe("completion by unit", () => {
  it("gives each unit its completed, open-on-time, unclear and overdue items, an item naming two units counting for both", () => {
    const bars = groupBars(ledger.summary.byUnit, unclearCounts(ledger.items).byUnit);
    const byUnit = new Map<string, [number, number, number, number]>();
    for (const item of expectedItems(rectification15)) {
      for (const unit of item.units ?? (item.unit ? [item.unit] : [])) {
        const t = byUnit.get(unit) ?? [0, 0, 0, 0];
        if (COMPLETED.has(item.status ?? "")) t[0]++;
        else if (item.daysOverdue !== undefined) t[3]++;
        // 长期坚持, nothing written, or unreadable: not "on time", a segment of its own.
        else if (item.deadline.date === null || item.status === null || item.status === "ongoing" || item.status === "unknown") t[2]++;
        else t[1]++;
        byUnit.set(unit, t);
      }
    }
    const got = new Map(bars.labels.map((name, i) => [name, [bars.completed[i], bars.openOnTime[i], bars.openUnclear[i], bars.overdue[i]]]));
    expect(got).toEqual(byUnit);
    expect(bars.openUnclear.some((n) => n > 0)).toBe(true);
    expect(bars.omitted).toBe(0);
  });

  it("draws up to 40 units, says how many more there are, and keeps bars readable", () => {
    const unit = (i: number) => ({ name: `单位${i}`, total: 2, completed: 1, overdue: 0, dueSoon: 0, completionRate: 0.5, unjudged: 0 });
    const fifty = Array.from({ length: 50 }, (_, i) => unit(i));
    const many = groupChart("by-unit", "各责任单位完成情况", fifty, "zh");
    expect(many.config.data.labels).toHaveLength(40);
    expect(many.note).toBe("另有10个未显示，见下表");
    expect(groupChart("by-unit", "Units", fifty, "en").note).toBe("10 more not shown; see the table");
    const one = groupChart("by-unit", "各责任单位完成情况", [unit(1)], "zh");
    expect(one.note).toBeUndefined();
    expect(one.minBarThickness).toBeGreaterThanOrEqual(18);
    expect(barChartHeight(35)).toBeLessThan(900); // 35 units still fit a printed page
  });

  it("orders the unit chart as the light table: red, amber, grey, then green", () => {
    const spec = reportCharts(ledger.summary, ledger.items, "zh", lightsOf(ledger)).find((c) => c.id === "by-unit")!;
    expect(spec.config.data.labels).toEqual(lightsOf(ledger).map((l) => l.unit));
  });

  it("puts units with overdue items first, and lights them by the one rule set (lights.ts)", () => {
    const bars = groupBars(ledger.summary.byUnit);
    const firstClean = bars.overdue.findIndex((n) => n === 0);
    expect(bars.overdue.slice(firstClean).every((n) => n === 0)).toBe(true);
    const lights = unitLights(ledger.items, { asOf: ledger.asOf, startOf: itemStarts(ledger), rules: DEFAULT_LIGHT_RULES });
    expect(lights.map((l) => l.unit).sort()).toEqual(ledger.summary.byUnit.map((g) => g.name).sort());
    for (const l of lights) if (l.overdue > 0) expect(l.light).toBe("red");
    const order = ["red", "amber", "grey", "green"];
    expect(lights.map((l) => l.light)).toEqual([...lights.map((l) => l.light)].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });
});

describe("overdue by age", () => {
  it("sorts the overdue items into 1–7, 8–30, 31–90 and over 90 days", () => {
    const days = expectedItems(rectification15).flatMap((i) => (i.daysOverdue === undefined ? [] : [i.daysOverdue]));
    const expected = [days.filter((d) => d <= 7).length, days.filter((d) => d > 7 && d <= 30).length, days.filter((d) => d > 30 && d <= 90).length, days.filter((d) => d > 90).length];
    expect(overdueByAge(ledger.items)).toEqual(expected);
    expect(expected.reduce((a, b) => a + b)).toBe(ledger.summary.overdue);
  });

  it("puts the bucket edges where the labels say", () => {
    const item = (daysOverdue: number) => ({ deadline: { date: null }, completedOn: null, status: { value: null }, overdue: true, daysOverdue });
    expect(overdueByAge([7, 8, 30, 31, 90, 91].map(item))).toEqual([1, 2, 2, 1]);
  });
});

describe("due and completed per month", () => {
  it("counts the items falling due in each month, and of them the completed and the overdue", () => {
    const counts = monthlyCounts(ledger.items);
    const expected = expectedItems(rectification15).filter((i) => i.deadline.date !== null);
    for (const [i, month] of counts.months.entries()) {
      const inMonth = expected.filter((e) => e.deadline.date!.startsWith(month));
      expect(counts.due[i], month).toBe(inMonth.length);
      expect(counts.dueCompleted[i], month).toBe(inMonth.filter((e) => COMPLETED.has(e.status ?? "")).length);
      expect(counts.dueOverdue[i], month).toBe(inMonth.filter((e) => e.daysOverdue !== undefined).length);
    }
    expect(counts.due.reduce((a, b) => a + b)).toBe(expected.length);
    expect(counts.hasCompletionDates).toBe(false);
  });

  it("becomes a burn-up of cumulative due and completed when completion dates exist", async () => {
    const late = await ledgerOf(completedLate);
    const spec = reportCharts(late.summary, late.items, "zh", lightsOf(late)).find((c) => c.id === "by-month")!;
    expect(spec.config.type).toBe("line");
    const [due, done] = spec.config.data.datasets.map((d) => d.data as number[]);
    expect(due!.at(-1)).toBe(late.items.filter((i) => i.deadline.date !== null).length);
    expect(done!.at(-1)).toBe(late.items.filter((i) => i.completedOn !== null && COMPLETED.has(i.status.value ?? "")).length);
    expect(due!.every((v, i) => i === 0 || v >= due![i - 1]!)).toBe(true);
  });
});

describe("month labels", () => {
  it("read as a person says them", () => {
    expect(monthLabel("2019-05", "zh")).toBe("2019年5月");
    expect(monthLabel("2019-12", "en")).toBe("Dec 2019");
    const spec = reportCharts(ledger.summary, ledger.items, "zh", lightsOf(ledger)).find((c) => c.id === "by-month")!;
    expect((spec.config.data.labels as string[]).every((l) => /^\d{4}年\d{1,2}月$/u.test(l))).toBe(true);
  });
});

describe("the report's charts", () => {
  it("size the aging chart to its four bars, not half a page", () => {
    const aging = reportCharts(ledger.summary, ledger.items, "zh", lightsOf(ledger)).find((c) => c.id === "aging")!;
    expect(aging.height).toBeLessThanOrEqual(240);
  });

  it("are all there for a full ledger, in reading order, in either language", () => {
    expect(reportCharts(ledger.summary, ledger.items, "zh", lightsOf(ledger)).map((c) => c.id)).toEqual(["status", "by-unit", "by-leader", "by-category", "by-month", "aging"]);
    const en = reportCharts(ledger.summary, ledger.items, "en", lightsOf(ledger));
    expect(en.map((c) => c.title).join(" ")).not.toMatch(/[\u4e00-\u9fff]/u);
  });
});
