/** The --names mapping file: lines of “variant = canonical”, or a JSON object. */
import { describe, expect, it } from "vitest";
import { MappingError, parseNameMapping } from "../../../analytics/normalize/mapping.js";

describe("the names mapping file", () => {
  it("reads one mapping a line, with =, =>, → or a tab, skipping comments and blank lines", () => {
    const text = "\uFEFF# 统一名称\n区人民医院 = 娄星区人民医院\n\n区医保局=>娄星区医疗保障局\r\n张 三 → 张三\n扶贫办\t区扶贫办\n";
    expect([...parseNameMapping(text)]).toEqual([
      ["区人民医院", "娄星区人民医院"],
      ["区医保局", "娄星区医疗保障局"],
      ["张三", "张三"],
      ["扶贫办", "区扶贫办"],
    ]);
  });

  it("reads a JSON object of variant: canonical", () => {
    expect([...parseNameMapping('{"区人民医院": "娄星区人民医院", "（财务股）": "财务股"}')]).toEqual([
      ["区人民医院", "娄星区人民医院"],
      ["（财务股）", "财务股"],
    ]);
  });

  it("refuses, with the line number, a line it cannot read or a name mapped two ways", () => {
    expect(() => parseNameMapping("区人民医院 = 娄星区人民医院\n区财政局\n")).toThrow(/第2行应写作“原名称 = 规范名称”.*\(line 2/u);
    expect(() => parseNameMapping("甲 = 乙\n甲 = 丙\n")).toThrow(/第2行：“甲”已映射为“乙”/u);
    expect(() => parseNameMapping(" = 乙\n")).toThrow(MappingError);
    expect(() => parseNameMapping('{"甲": 1}')).toThrow(/“甲”的值应是文字/u);
    expect(() => parseNameMapping("{not json")).toThrow(/不是有效的 JSON/u);
  });

  it("says the same in English for --lang en", () => {
    const englishOf = (text: string): string => {
      try {
        parseNameMapping(text);
      } catch (error) {
        return (error as MappingError).in("en");
      }
      throw new Error("no error");
    };
    expect(englishOf("区人民医院 = 娄星区人民医院\n区财政局\n")).toBe("line 2: write “variant = canonical”, not “区财政局”");
    expect(englishOf("甲 = 乙\n甲 = 丙\n")).toBe("line 2: “甲” is already mapped to “乙”");
    expect(englishOf('{"甲": 1}')).toBe("the value of “甲” must be a string");
  });
});
