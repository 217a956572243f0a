import { describe, expect, it } from "vitest";
import { isDateFormat, isDateFormatCode, isPercentFormatCode } from "../../../analytics/sheet/numfmt.js";

describe("number formats", () => {
  it.each([
    'yyyy"年"m"月"d"日"',
    "yyyy/m/d",
    "m/d/yy",
    "yyyy-mm-dd h:mm",
    "[$-804]yyyy年m月d日",
    "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"",
    "mmm-yy",
    "d-mmm",
    "[Red]yyyy-mm-dd",
  ])("reads %s as a date", (code) => {
    expect(isDateFormatCode(code)).toBe(true);
  });

  it.each(["General", "0", "0.00%", "#,##0.00", "h:mm", "mm:ss", "[h]:mm:ss", '0"天"', "@", "0.00E+00", '"完成"0'])(
    "does not read %s as a date",
    (code) => {
      expect(isDateFormatCode(code)).toBe(false);
    },
  );

  it("knows the built-in date ids, including the Chinese ones, and that a custom code wins", () => {
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(31, undefined)).toBe(true); // yyyy"年"m"月"d"日" in zh-CN Excel
    expect(isDateFormat(57, undefined)).toBe(true);
    expect(isDateFormat(0, undefined)).toBe(false);
    expect(isDateFormat(20, undefined)).toBe(false); // h:mm
    expect(isDateFormat(180, "0.0")).toBe(false);
  });

  it("finds percent formats but not a quoted percent sign", () => {
    expect(isPercentFormatCode("0%")).toBe(true);
    expect(isPercentFormatCode("0.0%;[Red]-0.0%")).toBe(true);
    expect(isPercentFormatCode('0"%"')).toBe(false);
  });
});
