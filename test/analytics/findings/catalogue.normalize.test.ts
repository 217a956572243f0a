/**
 * normalize's sentences (the reasons in 变更记录 and the command line's summary) come from one
 * table: the type checker holds each to its template's slots, and a clerk's own quotes inside a
 * quoted value read as single quotes, as in every other catalogued message.
 */
import { describe, expect, it } from "vitest";
import { normalizeSays } from "../../../analytics/findings/catalogue.normalize.js";

describe("normalizeSays", () => {
  it("fills a sentence's slots in the language asked for", () => {
    expect(normalizeSays("deadlineNoYear", "zh", { raw: "6月底", year: 2019, day: "2019年6月30日" })).toBe("“6月底”未写年份，按2019年读作2019年6月30日，改为日期格式");
    expect(normalizeSays("deadlineNoYear", "en", { raw: "6月底", year: 2019, day: "2019-06-30" })).toBe("“6月底” names no year; read with 2019 as 2019-06-30, written as a date");
  });

  it("refuses at compile time a sentence without a slot its template shows, or with one it does not", () => {
    // @ts-expect-error: deadlineNoYear shows {raw}, {year} and {day}
    const missing = () => normalizeSays("deadlineNoYear", "zh", { raw: "6月底", day: "2019年6月30日" });
    // @ts-expect-error: idCell shows no slot
    const extra = () => normalizeSays("idCell", "en", { row: 3 });
    expect([missing, extra].map((f) => typeof f)).toEqual(["function", "function"]);
  });

  it("never nests quotes: a clerk's quotes inside a quoted value become single ones", () => {
    expect(normalizeSays("statusWord", "zh", { raw: "“已办结”", word: "已完成" })).toBe("“‘已办结’”统一写作“已完成”");
    expect(normalizeSays("unmerge", "en", { ref: "C3:C5", value: 'the "three majors"' })).toBe("C3:C5 was merged; dissolved, “the ‘three majors’” filled into each row");
  });

  it("leaves a value outside quotes as it is", () => {
    expect(normalizeSays("mergeFillChanged", "zh", { ref: "D4:D6", reason: "“6月底”读作2019年6月30日，改为日期格式" })).toBe("取消合并D4:D6，逐行填入合并值；“6月底”读作2019年6月30日，改为日期格式");
  });
});
