/**
 * Each check declares the rules it reports (analytics/checks/index.ts): run on the fixture
 * ledgers and on one untidy sheet, every check reports only rules on its list, and every rule
 * of the catalogue is on some check's list or named by another producer.
 */
import { describe, expect, it } from "vitest";
import { CHECKS, OTHER_PRODUCERS, type CheckContext } from "../../../analytics/checks/index.js";
import { RULES, type RuleId } from "../../../analytics/findings/catalogue.js";
import { detectHeader } from "../../../analytics/header.js";
import { readLedger } from "../../../analytics/ledger.js";
import { MergeIndex } from "../../../analytics/sheet/merge-index.js";
import type { CellValue, Sheet } from "../../../analytics/sheet/sheet-model.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { empty, FIXTURES } from "../../fixtures/ledgers.js";
import { sheetOf } from "../../helpers/sheet.js";

/** An untidy ledger: a duplicate, a gap in numbering, a slip of a year, columns that disagree, an #N/A. */
function untidySheet(): Sheet {
  const rows: CellValue[][] = [
    ["序号", "存在问题", "整改措施", "责任单位", "责任人", "完成时限", "完成情况", "是否销号", "佐证材料"],
    [1, "制度执行不严格", "建立台账", "办公室", "张三", "2019年6月底前", "已完成", "是", null],
    [2, "会议记录不全", "补齐记录", "办公室 ", "李四", "2019年13月", "正在推进", "是", "记录"],
    [4, "经费使用不规范", "清理账目", "财务股", "王五", "6月底", "进度滞后", "否", { error: "#N/A" }],
    [5, "制度执行不严格", "建立台账", "办公室", "张三", "2019年6月底前", "已完成", "是", null],
    [6, "培训覆盖面窄", "扩大培训", "财政局", "赵六", "2018年12月", "未开始", "否", null],
    [7, "宣传不到位", "加强宣传", "财政局", null, "2020年1月5日", "推进中", "否", null],
    [8, "台账更新滞后", "每月更新", "区财政局", "钱七", "2999年6月", "看情况", "否", null],
    [9, null, null, null, null, null, "已完成", null, null],
  ];
  return sheetOf(rows, { name: "整改台账", hiddenRows: [3], merges: [] });
}

async function sheets(): Promise<Sheet[]> {
  const fromFixtures = await Promise.all(FIXTURES.filter((f) => f !== empty).map(async (f) => readWorkbook(await fixtureBytes(f), { source: f.file }).sheets));
  return [...fromFixtures.flat(), untidySheet()];
}

describe("the rules each check declares", () => {
  it("holds every check to its list", async () => {
    const seen = new Set<RuleId>();
    for (const sheet of await sheets()) {
      const header = detectHeader(sheet);
      if (header === null) continue;
      const merges = new MergeIndex(sheet);
      const ledger = readLedger(sheet, header, { asOf: "2019-12-31" }, merges);
      for (const { check, emits } of CHECKS) {
        const reported: RuleId[] = [];
        const ctx: CheckContext = { sheet, header, table: ledger.table, items: ledger.items, merges, lang: "zh", report: (rule, _where, ..._params) => void reported.push(rule) };
        check(ctx);
        expect(reported.filter((rule) => !emits.includes(rule)), `${check.name} on ${sheet.name}`).toEqual([]);
        for (const rule of reported) seen.add(rule);
      }
    }
    // The inputs exercise most rules, so the lists above were really put to the test.
    expect(seen.size).toBeGreaterThanOrEqual(15);
  });

  it("names a reporter for every rule of the catalogue, and no rule twice", () => {
    const declared = [...CHECKS.flatMap((c) => c.emits), ...Object.values(OTHER_PRODUCERS).flat()];
    expect([...declared].sort()).toEqual(Object.keys(RULES).sort());
  });
});
