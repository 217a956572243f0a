/**
 * How a day is written for a reader, and that it is written so in one place only: the notices,
 * the change log's reasons, the pane's lists and every 年月日 date cell take it from
 * analytics/written-day.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { chineseDay, DAY_CELL_FORMAT, shortWrittenDay, WRITTEN_DAY_FORMAT, writtenDay } from "../../analytics/written-day.js";

describe("writtenDay", () => {
  it("writes a day as an office does in Chinese, without leading zeros, and as the ISO day in English", () => {
    expect(chineseDay("2019-06-30")).toBe("2019年6月30日");
    expect(writtenDay("2019-11-07", "zh")).toBe("2019年11月7日");
    expect(writtenDay("2019-11-07", "en")).toBe("2019-11-07");
  });

  it("gives a list the year only when it is not the as-of year", () => {
    expect(shortWrittenDay("2019-05-31", "2019-12-31", "zh")).toBe("5月31日");
    expect(shortWrittenDay("2018-05-31", "2019-12-31", "zh")).toBe("2018年5月31日");
    expect(shortWrittenDay("2019-05-31", "2019-12-31", "en")).toBe("May 31");
    expect(shortWrittenDay("2018-12-01", "2019-01-02", "en")).toBe("Dec 1, 2018");
  });

  it("has a date cell format that shows the same words", () => {
    expect(WRITTEN_DAY_FORMAT).toBe('yyyy"年"m"月"d"日"');
    expect(DAY_CELL_FORMAT).toEqual({ zh: WRITTEN_DAY_FORMAT, en: "yyyy-mm-dd" });
  });
});

const root = resolve(import.meta.dirname, "../..");
const HOME = "analytics/written-day.ts";
/** Excel's own table of built-in number formats (id 31 is 年月日), read from workbooks, not Taizhang's wording. */
const EXCEL_BUILT_INS = "analytics/sheet/numfmt.ts";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/**
 * A file that writes a day itself: the 年月日 number format as a literal, or a template that
 * puts numbers between 年, 月 and 日 (`${y}年${m}月${d}日`). A month alone (`${y}年${m}月`) is
 * another concept and is not counted.
 */
function writesADay(path: string, text = readFileSync(path, "utf8")): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.includes('"年"m"月"d"日"')) found = true;
    if (ts.isTemplateExpression(node)) {
      const pieces = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join("\u0000");
      if (/年\u0000月\u0000日/u.test(pieces)) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true));
  return found;
}

describe("the wording of a day", () => {
  it("is recognized in either shape, and a month alone is not it", () => {
    expect(writesADay("a.ts", "const f = 'yyyy\"年\"m\"月\"d\"日\"';")).toBe(true);
    expect(writesADay("b.ts", "const s = `${y}年${m}月${d}日`;")).toBe(true);
    expect(writesADay("c.ts", "const s = `${y}年${m}月`;")).toBe(false);
  });

  it("lives in one file of the product", () => {
    const files = ["analytics", "cli", "addin", "xlsx-patch"].flatMap((dir) => sources(join(root, dir))).map((path) => relative(root, path));
    expect(files.filter((f) => f !== EXCEL_BUILT_INS && writesADay(join(root, f)))).toEqual([HOME]);
  });
});
