/** The overview model: titles, the ranked submissions and the overdue list as the page and the workbook show them. */
import { DEFAULT_LIGHT_RULES } from "../../../analytics/lights.js";
import { beforeAll, describe, expect, it } from "vitest";
import { consolidate } from "../../../analytics/consolidate.js";
import { analyzeWorkbook, type Ledger } from "../../../analytics/ledger.js";
import { overviewModel } from "../../../analytics/overview/overview-model.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { rectification15, variantsA, type Fixture } from "../../fixtures/ledgers.js";

async function ledgersOf(fixture: Fixture): Promise<Ledger[]> {
  const wb = readWorkbook(await fixtureBytes(fixture), { source: fixture.file });
  return [...analyzeWorkbook(wb, { asOf: rectification15.asOf }).ledgers];
}

// Every ledger here is dated from 1 January of its base year; the lights' rules are the defaults.
const options = { asOf: rectification15.asOf, dueSoonDays: 7, generatedAt: "2019-12-31 09:00", lang: "zh" as const, lights: { rules: DEFAULT_LIGHT_RULES, startOf: () => "2019-01-01" } };
let rect: Ledger[];
let variants: Ledger[];
beforeAll(async () => {
  rect = await ledgersOf(rectification15);
  variants = await ledgersOf(variantsA);
});

describe("overviewModel", () => {
  it("titles a single ledger by its own title row, with its 填报单位 and 填报日期", () => {
    const model = overviewModel(consolidate([{ file: rectification15.file, ledgers: rect }]), options);
    expect(model).toMatchObject({ title: "中共娄底市娄星区卫生健康局党组巡察反馈问题整改任务清单", submitter: "娄星区卫生健康局", filledOn: "2019年10月8日", generatedAt: "2019-12-31 09:00" });
  });

  it("ranks submissions by completion and names each by its submitter; different titles give the generic heading", () => {
    const model = overviewModel(consolidate([{ file: variantsA.file, ledgers: variants }, { file: rectification15.file, ledgers: rect }]), options);
    expect(model.title).toBe("台账完成情况报告");
    expect(model.submitter).toBeNull();
    expect(model.submissions.map((s) => [s.rank, s.titleBlock.submitter])).toEqual([
      [1, "娄星区卫生健康局"],
      [2, "医政医管股"],
    ]);
    expect(model.overdue.every((o) => o.submitter !== null)).toBe(true);
  });

  it("lists overdue items with their leader, and no owner where the ledger has no owner column", () => {
    const withoutOwners = rect.map((l) => ({ ...l, items: l.items.map((i) => ({ ...i, owner: null })) }));
    const model = overviewModel(consolidate([{ file: rectification15.file, ledgers: withoutOwners }]), options);
    expect(model.overdue.length).toBeGreaterThan(0);
    for (const o of model.overdue) {
      expect(o.owner).toBeNull();
      expect(o.leader).not.toBeNull();
    }
    expect(model.overdue.map((o) => o.daysOverdue)).toEqual([...model.overdue.map((o) => o.daysOverdue)].sort((a, b) => b - a));
  });
});
