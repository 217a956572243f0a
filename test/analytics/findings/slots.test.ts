/**
 * Templates and their slots: both languages of every catalogue entry name the same slots, and
 * the type checker holds every message to its template's slots. The `@ts-expect-error` lines are
 * the compile-time half: `npx tsc` fails if one of them ever compiles.
 */
import { describe, expect, it } from "vitest";
import { CYCLE_WORDS, PHRASES, RULES, type RuleParams } from "../../../analytics/findings/catalogue.js";
import { CHECK_VIEW_WORDS } from "../../../analytics/findings/catalogue.check-view.js";
import { ERROR_MESSAGES, type ErrorCode } from "../../../analytics/findings/catalogue.errors.js";
import { NORMALIZE_SENTENCES } from "../../../analytics/findings/catalogue.normalize.js";
import { slotsOf, type SlotsOf } from "../../../analytics/findings/slots.js";
import { renderMessage, userMessage } from "../../../analytics/findings/user-message.js";

/** Every string of a nested word table, by its path ("notice.reply"). */
function leaves(table: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof table === "string") out.set(path, table);
  else if (typeof table === "object" && table !== null) {
    for (const [key, value] of Object.entries(table)) for (const [p, s] of leaves(value, path ? `${path}.${key}` : key)) out.set(p, s);
  }
  return out;
}

describe("slotsOf", () => {
  it("reads the {name} slots of a template, not an example in braces", () => {
    expect(slotsOf("第{row}行的完成时限“{raw}”写的是{year}年")).toEqual(["raw", "row", "year"]);
    expect(slotsOf('应为一个对象，如 {"dueSoonDays": 7}')).toEqual([]);
  });

  it("has a type twin that agrees", () => {
    const slots: SlotsOf<"{part}：</{element}> 与开始标记不配对"> = "element";
    const none: SlotsOf<"JSON 应是 {“原名称”: “规范名称”} 形式的对象">[] = [];
    expect([slots, none]).toEqual(["element", []]);
  });
});

describe("both languages name the same slots", () => {
  it.each(Object.entries(RULES))("rule %s", (_id, rule) => {
    expect(slotsOf(rule.message.en)).toEqual(slotsOf(rule.message.zh));
  });

  it.each(Object.entries(PHRASES))("phrase %s", (_id, phrase) => {
    expect(slotsOf(phrase.en)).toEqual(slotsOf(phrase.zh));
  });

  it.each(Object.entries(ERROR_MESSAGES))("error message %s", (_code, message) => {
    expect(slotsOf(message.en)).toEqual(slotsOf(message.zh));
  });

  it.each(Object.entries(CHECK_VIEW_WORDS))("terminal word %s", (_key, word) => {
    expect(slotsOf(word.en)).toEqual(slotsOf(word.zh));
  });

  it.each(Object.entries(NORMALIZE_SENTENCES))("normalize sentence %s", (_key, sentence) => {
    expect(slotsOf(sentence.en)).toEqual(slotsOf(sentence.zh));
  });

  it("in the words of the 督办 cycle", () => {
    const zh = leaves(CYCLE_WORDS.zh);
    const en = leaves(CYCLE_WORDS.en);
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [path, text] of zh) expect(slotsOf(en.get(path)!), path).toEqual(slotsOf(text));
  });
});

describe("a message filled from its parameters", () => {
  it.each(Object.keys(ERROR_MESSAGES) as ErrorCode[])("%s leaves no slot unfilled in either language", (code) => {
    const params = Object.fromEntries(slotsOf(ERROR_MESSAGES[code].zh).map((slot) => [slot, `<${slot}>`]));
    for (const lang of ["zh", "en"] as const) expect(renderMessage({ code, params }, lang)).not.toMatch(/\{\w+\}/u);
  });

  it("nests messages, joins lists in each language's way and takes words already in both", () => {
    const detail = userMessage("zip-cut-short", { part: "xl/worksheets/sheet1.xml" });
    const said = userMessage("file-problem", { file: "台账.xlsx", problem: userMessage("workbook-reason-detail", { reason: userMessage("workbook-corrupt"), detail }) });
    expect(renderMessage(said, "zh")).toBe("台账.xlsx: 文件已损坏或不完整（可能没有下载或复制完）：xl/worksheets/sheet1.xml：数据不完整");
    expect(renderMessage(said, "en")).toBe("台账.xlsx: the file is damaged or incomplete (perhaps not fully downloaded or copied): xl/worksheets/sheet1.xml: data cut short");
    const sheets = userMessage("no-such-sheet", { file: "a.xlsx", sheet: "汇总", sheets: ["“台账”", "“说明”"] });
    expect(renderMessage(sheets, "zh")).toBe("a.xlsx: 没有名为“汇总”的工作表，现有 “台账”、“说明”");
    expect(renderMessage(sheets, "en")).toBe("a.xlsx: no sheet named “汇总”; the sheets are “台账”, “说明”");
    const rules = userMessage("rules-file-invalid", { file: "r.json", problem: { zh: "不是有效的 JSON", en: "it is not valid JSON" } });
    expect(renderMessage(rules, "en")).toBe("the rules file r.json is not valid: it is not valid JSON");
  });
});

describe("the type checker", () => {
  it("refuses a message without a slot its template shows, or with one it does not", () => {
    // @ts-expect-error: option-day shows {option} and {value}
    const missing = userMessage("option-day", { value: "2019-13-45" });
    // @ts-expect-error: a template without slots takes no parameters
    const extra = userMessage("output-required", { path: "x" });
    // @ts-expect-error: overdue's message shows {unit}
    const rule: RuleParams<"overdue"> = { task: "整改", days: 3, date: "2019-06-30" };
    const whole: RuleParams<"overdue"> = { task: "整改", days: 3, date: "2019-06-30", unit: "办公室" };
    expect([missing.code, extra.code, Object.keys(rule).length, Object.keys(whole).length]).toEqual(["option-day", "output-required", 3, 4]);
  });
});
