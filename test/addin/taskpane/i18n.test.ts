/**
 * The pane's word table: one entry per thing the pane says, in both languages. Lists of names
 * (sheets, cells) are joined by the table too, so an English pane never shows 甲、乙.
 */
import { describe, expect, it } from "vitest";
import { stringsFor } from "../../../addin/taskpane/i18n.js";

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u;

describe("the pane's words", () => {
  it("joins a list as each language writes one", () => {
    expect(stringsFor("zh").list(["整改台账", "问题清单"])).toBe("整改台账、问题清单");
    expect(stringsFor("en").list(["Sheet1", "Sheet2"])).toBe("Sheet1, Sheet2");
    expect(stringsFor("zh").skipped(["说明", "统计"])).toBe("未识别为台账的工作表：说明、统计");
    expect(stringsFor("en").skipped(["Notes", "Totals"])).toBe("Sheets that are not ledgers: Notes, Totals");
    expect(stringsFor("en").undoSkipped(["B3", "C4"])).toBe("Edited again since, not restored: B3, C4");
  });

  it("has the same entries in both languages", () => {
    expect(Object.keys(stringsFor("en")).sort()).toEqual(Object.keys(stringsFor("zh")).sort());
  });

  it("adds no Chinese punctuation of its own to an English list or sentence", () => {
    const en = stringsFor("en");
    expect(en.list(["a", "b", "c"])).not.toMatch(CJK);
    expect(en.skipped(["a", "b"])).not.toMatch(CJK);
  });
});

describe("a ledger's heading", () => {
  it("is the terminal's sheet line, a sentence on its own in English", () => {
    expect(stringsFor("zh").sheetLine("整改台账", "2019-12-31", 2019)).toBe("工作表“整改台账” · 截至 2019-12-31 · 未写年份的时限按2019年计");
    expect(stringsFor("en").sheetLine("Tasks", "2019-12-31", 2019)).toBe("Sheet “Tasks” · as of 2019-12-31 · deadlines without a year read as 2019");
  });
});
