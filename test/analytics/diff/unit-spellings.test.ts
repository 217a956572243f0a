/** Units written several ways across versions are one unit to the diff (unit-spellings.ts). */
import { describe, expect, it } from "vitest";
import { unitSpellings } from "../../../analytics/diff/unit-spellings.js";
import type { Item } from "../../../analytics/item.js";

/** Items reduced to their unit cells: all unitSpellings reads. */
const version = (...units: Array<string | null>): Item[] => units.map((unit) => ({ unit }) as Item);

describe("unitSpellings", () => {
  it("keys a unit alike however the versions write it", () => {
    const spellings = unitSpellings([version("区人民医院", "县发展和改革局", "办公室（牵头）"), version("娄星区人民医院", "县发改局", "办公室")]);
    expect(spellings.cellKey("区人民医院")).toBe(spellings.cellKey("娄星区人民医院"));
    expect(spellings.cellKey("县发展和改革局")).toBe(spellings.cellKey("县发改局"));
    expect(spellings.cellKey("办公室（牵头）")).toBe(spellings.cellKey("办公室"));
  });

  it("keeps a renamed unit apart, and a short name that two places could mean", () => {
    const spellings = unitSpellings([version("区卫计局", "区人民医院"), version("区卫健局", "娄星区人民医院", "雨花区人民医院")]);
    expect(spellings.cellKey("区卫计局")).not.toBe(spellings.cellKey("区卫健局"));
    expect(spellings.cellKey("区人民医院")).not.toBe(spellings.cellKey("娄星区人民医院"));
    expect(spellings.cellKey("区人民医院")).not.toBe(spellings.cellKey("雨花区人民医院"));
  });

  it("keys a cell of several units by the units, in any order, each once", () => {
    const spellings = unitSpellings([version("区医保局、扶贫办"), version("扶贫办，娄星区医保局、区医保局")]);
    expect(spellings.cellKey("扶贫办，娄星区医保局、区医保局")).toBe(spellings.cellKey("区医保局、扶贫办"));
    expect(spellings.unitsIn("扶贫办，娄星区医保局、区医保局").map((u) => u.name)).toEqual(["扶贫办", "娄星区医保局"]);
    expect(spellings.cellKey(null)).toBe("");
  });

  it("answers for a cell no version held, as its names read", () => {
    const spellings = unitSpellings([version("区财政局")]);
    expect(spellings.unitsIn("区审计局")).toEqual([{ name: "区审计局", key: "区审计局" }]);
  });
});
