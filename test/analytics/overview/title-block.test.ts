/** A ledger's title block: the title row, 填报单位 and 填报日期 as clerks write them. */
import { describe, expect, it } from "vitest";
import { readTitleBlock } from "../../../analytics/overview/title-block.js";

describe("readTitleBlock", () => {
  it("takes the title row, and the unit and date from the 填报 line", () => {
    expect(readTitleBlock(["附件1", "中共娄底市娄星区卫生健康局党组巡察反馈问题整改任务清单", "填报单位：娄星区卫生健康局　　填报日期：2019年10月8日"])).toEqual({
      title: "中共娄底市娄星区卫生健康局党组巡察反馈问题整改任务清单",
      submitter: "娄星区卫生健康局",
      filledOn: "2019年10月8日",
    });
  });

  it("reads a date written alone after the unit, and a numeric date", () => {
    expect(readTitleBlock(["杉山镇中心卫生院巡察整改台账", "填报单位：杉山镇中心卫生院　　　　2019年12月"])).toEqual({
      title: "杉山镇中心卫生院巡察整改台账",
      submitter: "杉山镇中心卫生院",
      filledOn: "2019年12月",
    });
    expect(readTitleBlock(["问题整改台账", "报送单位: 区医保局  填表日期: 2019-11-30"])).toMatchObject({ submitter: "区医保局", filledOn: "2019-11-30" });
  });

  it("says nothing it did not find: no title block at all, or labels only", () => {
    expect(readTitleBlock([])).toEqual({ title: null, submitter: null, filledOn: null });
    expect(readTitleBlock(["附件2", "制表人：张三"])).toEqual({ title: null, submitter: null, filledOn: null });
  });
});
