/** The units' lights: one rule set, its numbers from the rules file. */
import { describe, expect, it } from "vitest";
import { detectHeader } from "../../analytics/header.js";
import { itemStarts } from "../../analytics/ledger-start.js";
import { analyzeSheet } from "../../analytics/ledger.js";
import { reasonsText } from "../../analytics/light-reasons.js";
import { DEFAULT_LIGHT_RULES, unitLights, type LightRules } from "../../analytics/lights.js";
import { parseLightRules } from "../../analytics/rules.js";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";
import { sheetOf } from "../helpers/sheet.js";

const AS_OF = "2019-10-31";
const HEADER = ["工作任务", "责任单位", "完成时限", "完成情况"];

function lights(rows: CellValue[][], rules: LightRules = DEFAULT_LIGHT_RULES) {
  const sheet = sheetOf([["2019年整改台账"], HEADER, ...rows]);
  const ledger = analyzeSheet(sheet, detectHeader(sheet)!, { asOf: AS_OF });
  return new Map(unitLights(ledger.items, { asOf: AS_OF, startOf: itemStarts(ledger), rules }).map((l) => [l.unit, l]));
}

describe("unit lights", () => {
  const rows: CellValue[][] = [
    ["逾期事项", "甲局", "2019年10月15日", "推进中"],
    ["到期事项", "乙局", "2019年11月5日", "已完成"],
    ["快到期事项", "乙局", "2019年11月5日", "推进中"],
    ["全年事项", "丙局", "2019年12月31日", "推进中"],
    ["完成事项", "丁局", "2019年12月31日", "已完成"],
    ["未填状态", "戊局", "2019年12月31日", null],
    ["无时限", "己局", null, "推进中"],
    ["多单位事项", "丁局、庚局", "2019年12月31日", "已完成"],
  ];
  const got = lights(rows);

  it("red for anything overdue", () => expect(got.get("甲局")).toMatchObject({ light: "red", overdue: 1 }));
  it("amber for an item due within N days", () => expect(got.get("乙局")).toMatchObject({ light: "amber", dueSoon: 1 }));
  it("amber for a unit behind 序时 by more than P points", () => {
    // Ten months of twelve gone and nothing done: about 83 points behind.
    expect(got.get("丙局")!.light).toBe("amber");
    expect(got.get("丙局")!.pace.behindPoints).toBeGreaterThan(80);
  });
  it("green when neither", () => expect(got.get("丁局")!.light).toBe("green"));
  it("grey when it cannot tell: no status, or no deadline", () => {
    expect(got.get("戊局")).toMatchObject({ light: "grey", reasons: [{ kind: "noStatuses" }] });
    expect(got.get("己局")).toMatchObject({ light: "grey", reasons: [{ kind: "noDeadlines" }] });
  });
  it("is never green for items whose ledger lacked the column to judge them by", () => {
    const sheet = sheetOf([HEADER, ["完成事项", "丁局", "2019年12月31日", "已完成"], ["未判断事项", "丁局", "2019年12月31日", "推进中"]]);
    const ledger = analyzeSheet(sheet, detectHeader(sheet)!, { asOf: AS_OF });
    const items = ledger.items.map((item, i) => (i === 1 ? { ...item, unjudged: "deadline" as const } : item));
    const [light] = unitLights(items, { asOf: AS_OF, startOf: () => "2019-10-01", rules: DEFAULT_LIGHT_RULES });
    expect(light).toMatchObject({ light: "grey", reasons: [{ kind: "noDeadlines" }] });
  });

  it("counts an item naming several units for each", () => expect(got.get("庚局")).toMatchObject({ light: "green", total: 1 }));
  it("says why in the catalogue's words", () => {
    // One of two items done, nearly all of their period gone: 48.4 points behind, and one falls due.
    expect(reasonsText(got.get("乙局")!.reasons, "zh")).toBe("落后序时进度48.4个百分点；1项7天内到期");
    expect(reasonsText(got.get("丁局")!.reasons, "zh")).toBe("按序时推进");
    expect(reasonsText(got.get("甲局")!.reasons, "en")).toContain("1 overdue");
  });

  it("takes N and P from the rules", () => {
    const loose = lights(rows, { dueSoonDays: 3, behindPoints: 90, redBehindPoints: null });
    expect(loose.get("乙局")!.light).toBe("green");
    expect(loose.get("丙局")!.light).toBe("green");
    const strict = lights(rows, { dueSoonDays: 7, behindPoints: 10, redBehindPoints: 30 });
    expect(strict.get("丙局")!.light).toBe("red");
  });
});

describe("the rules file", () => {
  it("fills what it leaves out from the defaults", () => {
    expect(parseLightRules("{}")).toEqual({ ok: true, rules: DEFAULT_LIGHT_RULES });
    expect(parseLightRules('{"dueSoonDays": 3, "redBehindPoints": 30}')).toEqual({ ok: true, rules: { dueSoonDays: 3, behindPoints: 10, redBehindPoints: 30 } });
  });

  it.each([
    ["not json", "不是有效的 JSON"],
    ["[1]", "应为一个对象"],
    ['{"dueSoonDay": 3}', "不认识的设置“dueSoonDay”"],
    ['{"behindPoints": 120}', "“behindPoints”应为 0–100 之间的数，收到 120"],
    ['{"dueSoonDays": "7"}', "收到 \"7\""],
    ['{"dueSoonDays": 2.5}', "整数"],
    ['{"behindPoints": 20, "redBehindPoints": 10}', "不能小于"],
  ])("refuses %s with one sentence", (text, says) => {
    const parsed = parseLightRules(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem.zh).toContain(says);
      expect(parsed.problem.en).not.toBe("");
    }
  });
});
