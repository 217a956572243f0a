import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeFinding } from "../../analytics/findings/finding.js";
import { writeJson } from "../../cli/print/json.js";

function written(value: unknown, indent?: string, end?: string): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeJson(value, (t) => pieces.push(t), indent, end);
  return { text: pieces.join(""), pieces: pieces.length };
}

describe("writeJson", () => {
  it("writes exactly what JSON.stringify(value, null, 2) writes, plus a newline", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(written(value).text).toBe(JSON.stringify(value, null, 2) + "\n");
      }),
    );
  });

  it("drops undefined properties and writes undefined array slots as null, as JSON does", () => {
    const value = { a: undefined, b: [undefined, 1], c: "中文" };
    expect(written(value).text).toBe(JSON.stringify(value, null, 2) + "\n");
  });

  it("writes an object that has toJSON (a finding, a Date) as JSON.stringify does, indented like the rest", () => {
    const finding = makeFinding("missing-owner", "zh", "整改台账", { cell: "F5", row: 5 });
    const value = { findings: [finding], madeAt: new Date(Date.UTC(2019, 11, 31)) };
    expect(written(value).text).toBe(JSON.stringify(value, null, 2) + "\n");
    expect(written(value).text).toContain('"message": "第5行没有填写责任单位或责任人"');
  });

  it("writes a big array in many small pieces", () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ row: i, task: `第${i}项问题` }));
    const out = written({ items });
    expect(out.pieces).toBeGreaterThan(10);
    expect(JSON.parse(out.text)).toEqual({ items });
  });

  it("nests inside an enclosing array when given its indent", () => {
    const value = { a: [1, 2] };
    expect("[\n  " + written(value, "  ", "").text + "\n]").toBe(JSON.stringify([value], null, 2));
  });
});
