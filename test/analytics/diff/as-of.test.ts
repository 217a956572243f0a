/** The day a version speaks for, which the old version is judged at (contract §8). */
import { describe, expect, it } from "vitest";
import { oldVersionAsOf, statedDay, versionDay } from "../../../analytics/diff/as-of.js";
import { ledgerOf } from "./version-ledgers.js";

const AS_OF = "2019-10-31";
const items = [[1, "规范发展党员档案资料", "党建办", "2019年10月15日", "推进中"]];

describe("statedDay", () => {
  it("reads 截至 a day or a month's end, the year the ledger's when not written", () => {
    expect(statedDay(["2022年度市县民生实事未完成项目进度表(截至10月31日)"], 2022)).toBe("2022-10-31");
    expect(statedDay(["进展情况（截至9月底）"], 2019)).toBe("2019-09-30");
    expect(statedDay(["截止2019年2月"], 2021)).toBe("2019-02-28");
    expect(statedDay(["区卫生健康局巡察反馈问题整改落实台账", "完成情况"], 2019)).toBeNull();
    expect(statedDay(["截至13月底"], 2019)).toBeNull();
  });
});

describe("versionDay", () => {
  it("takes the title's 填报日期 first", () => {
    const ledger = ledgerOf([["填报日期：2019年9月30日（截至9月底）"], ["序号", "存在问题", "责任单位", "完成时限", "完成情况"], ...items], AS_OF);
    expect(versionDay(ledger)).toBe("2019-09-30");
  });

  it("else a 截至 day in the title or over the progress column", () => {
    const titled = ledgerOf([["2019年整改落实台账（截至9月20日）"], ["序号", "存在问题", "责任单位", "完成时限", "完成情况"], ...items], AS_OF);
    expect(versionDay(titled)).toBe("2019-09-20");
    const headed = ledgerOf([["序号", "存在问题", "责任单位", "完成时限", "进展情况（截至9月底）"], ...items], AS_OF);
    expect(versionDay(headed)).toBe("2019-09-30");
    expect(oldVersionAsOf(null, versionDay(headed), AS_OF)).toBe("2019-09-30");
    expect(versionDay(ledgerOf([["序号", "存在问题", "责任单位", "完成时限", "完成情况"], ...items], AS_OF))).toBeNull();
  });
});
