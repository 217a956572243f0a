/** finding.ts: a finding is worded when its message is first read, and reads and serializes as it always has. */
import { describe, expect, it } from "vitest";
import { formatMessage, RULES } from "../../../analytics/findings/catalogue.js";
import { makeFinding, paramsFrom, Place } from "../../../analytics/findings/finding.js";

describe("a finding", () => {
  const made = () =>
    makeFinding("overdue", "zh", "整改台账", { cell: "H11", row: 11, value: "2019年6月底前" }, { task: "“三重一大”制度执行不严格", days: 3, date: "2019-06-30", unit: "办公室" });

  it("says the catalogue's words, its slots filled from the parameters and its place", () => {
    const finding = made();
    const expected = formatMessage(RULES.overdue.message.zh, { task: "“三重一大”制度执行不严格", days: 3, date: "2019-06-30", unit: "办公室" }, { sheet: "整改台账", row: 11, cell: "H11" });
    expect(finding.message).toBe(expected);
    expect(finding.message).toBe("第11行“‘三重一大’制度执行不严格”已逾期3天（时限2019-06-30，责任单位办公室）");
  });

  it("is the report's object in JSON: the schema's keys in their order, the message in its place, no absent key", () => {
    expect(Object.keys(JSON.parse(JSON.stringify(made())) as object)).toEqual(["rule", "severity", "sheet", "message", "cell", "row", "value"]);
    const sheetWide = makeFinding("no-ledger-found", "en", "说明");
    expect(JSON.parse(JSON.stringify(sheetWide))).toEqual({ rule: "no-ledger-found", severity: "error", sheet: "说明", message: sheetWide.message });
    expect("cell" in sheetWide).toBe(false);
  });

  it("keeps its wording's inputs out of its own keys, so a listing or a comparison sees only the report's fields", () => {
    expect(Object.keys(made())).toEqual(["rule", "severity", "sheet", "cell", "row", "value"]);
  });

  it("words parameters taken from what it is about only when its message is read, and says what given ones would", () => {
    const item = { task: "“三重一大”制度执行不严格", days: 3, date: "2019-06-30", unit: "办公室" };
    let worded = 0;
    const fromItem = paramsFrom((about: typeof item, lang, finding) => {
      worded++;
      return { task: about.task, days: about.days, date: finding.value === "2019年6月底前" ? about.date : "?", unit: lang === "zh" ? about.unit : "office" };
    });
    const finding = makeFinding("overdue", "zh", "整改台账", { cell: "H11", row: 11, value: "2019年6月底前", about: item }, fromItem);
    expect(worded).toBe(0);
    expect(finding.message).toBe(made().message);
    expect(finding.message).toBe(made().message);
    expect(worded).toBe(1);
    expect(JSON.stringify(finding)).toBe(JSON.stringify(made()));
    expect(Object.keys(finding)).toEqual(Object.keys(made()));
  });

  it("keeps nothing of a Place, so one Place serves every finding a check reports", () => {
    const place = new Place();
    const item = { task: "“三重一大”制度执行不严格", days: 3, date: "2019-06-30", unit: "办公室" };
    const fromItem = paramsFrom((about: typeof item) => about);
    const first = makeFinding("overdue", "zh", "整改台账", place.at(11, "H11", "2019年6月底前").of(item), fromItem);
    const second = makeFinding("missing-status", "zh", "整改台账", place.at(12, "I12"));
    expect(JSON.stringify(first)).toBe(JSON.stringify(made()));
    expect(first.message).toBe(made().message);
    // What the second place leaves unset is absent from its finding, not carried over from the first.
    expect(Object.keys(second)).toEqual(["rule", "severity", "sheet", "cell", "row"]);
    expect(second.message).toBe(makeFinding("missing-status", "zh", "整改台账", { row: 12, cell: "I12" }).message);
  });
});
