/**
 * What normalize leaves in the file itself, read from the .xlsx package's XML: the conditional
 * formats with their formulas and colors, the status dropdown, real date cells with the
 * 年月日 format, the days-overdue formulas. (libreoffice.test.ts checks what they evaluate to.)
 */
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { dayToSerial } from "../../analytics/day.js";
import { DATE_FORMAT, isDayValue, isFormulaValue } from "../../analytics/normalize/types.js";
import { parseWorkbookPart } from "../../analytics/xlsx/workbook-part.js";
import { multiSheet, rectification15 } from "../fixtures/ledgers.js";
import { normalizeFixture, type Normalized } from "./normalized.js";

interface Package {
  readonly sheetXml: (name: string) => string;
  readonly stylesXml: string;
}

function openPackage(bytes: Uint8Array): Package {
  const files = unzipSync(bytes);
  const text = (path: string): string => strFromU8(files[path]!);
  const part = parseWorkbookPart(text("xl/workbook.xml"), text("xl/_rels/workbook.xml.rels"), "xl/workbook.xml");
  return {
    sheetXml: (name) => text(part.sheets.find((s) => s.name === name)!.part!),
    stylesXml: text("xl/styles.xml"),
  };
}

const escapeXml = (s: string): string => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

/** The <xf> of cellXfs at a style index, and the number format code it points at. */
function numFmtOfStyle(styles: string, index: number): string {
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/u.exec(styles)![1]!.match(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/gu)!;
  const id = /numFmtId="(\d+)"/u.exec(xfs[index]!)![1];
  const fmt = new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`, "u").exec(styles);
  return fmt ? fmt[1]!.replace(/&quot;/gu, '"') : `builtin ${id}`;
}

describe("the written XML of the normalized sample, with --overdue-column", () => {
  let n: Normalized;
  let pkg: Package;
  let sheet: string;

  beforeAll(async () => {
    n = await normalizeFixture(rectification15, { overdueColumn: true });
    pkg = openPackage(n.output);
    sheet = pkg.sheetXml("整改任务清单");
  });

  it("holds one conditional format per flag rule, with the planned range and formula", () => {
    const blocks = [...sheet.matchAll(/<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/gu)];
    expect(blocks.map((b) => b[1])).toEqual(n.rewrite.plan.flags.map((f) => f.sqref));
    n.rewrite.plan.flags.forEach((flag, i) => {
      const body = blocks[i]![2]!;
      expect(body).toMatch(/<cfRule type="expression" dxfId="\d+" priority="\d+">/u);
      expect(body).toContain(`<formula>${escapeXml(flag.formula)}</formula>`);
    });
    // The shared rule covers the item rows; the overdue rows of text deadlines have their own.
    expect(n.rewrite.plan.flags.map((f) => f.formula)).toContainEqual(expect.stringMatching(/^IF\(ISNUMBER\(\$H6\),AND\(INT\(\$H6\)<TODAY\(\)/u));
    expect(n.rewrite.plan.flags.map((f) => f.formula)).toContainEqual(expect.stringMatching(/^AND\(DATE\(2019,5,31\)<TODAY\(\)/u));
  });

  it("colors overdue rows red and due-soon rows amber (differential formats)", () => {
    const dxfs = /<dxfs[^>]*>([\s\S]*?)<\/dxfs>/u.exec(pkg.stylesXml)![1]!.match(/<dxf>[\s\S]*?<\/dxf>/gu)!;
    const colorsOf = (kind: string): string[] => {
      const at = [...sheet.matchAll(/<cfRule type="expression" dxfId="(\d+)"/gu)].map((m) => Number(m[1]));
      return n.rewrite.plan.flags.flatMap((f, i) => (f.kind === kind ? [dxfs[at[i]!]!] : []));
    };
    for (const dxf of colorsOf("overdue")) expect(dxf).toMatch(/<font>[\s\S]*rgb="FF9C0006"[\s\S]*<bgColor rgb="FFFFC7CE"/u);
    for (const dxf of colorsOf("due-soon")) expect(dxf).toMatch(/<font>[\s\S]*rgb="FF9C5700"[\s\S]*<bgColor rgb="FFFFEB9C"/u);
  });

  it("holds the status dropdown of the canonical words on the status column's item rows", () => {
    const dv = /<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/u.exec(sheet)!;
    expect(dv[1]).toContain('type="list"');
    expect(dv[1]).toContain('sqref="I6:I21"');
    expect(dv[1]).toContain('errorStyle="warning"');
    expect(dv[2]).toContain("<formula1>&quot;未开始,推进中,已完成,已销号,长期坚持&quot;</formula1>");
  });

  it("writes deadlines as date serials with the 年月日 format", () => {
    const dates = n.rewrite.plan.edits.filter((e) => e.rule === "deadline-date");
    expect(dates.length).toBeGreaterThan(0);
    for (const e of dates) {
      const cell = new RegExp(`<c r="${e.cell}" s="(\\d+)"(?: t="n")?><v>(\\d+)</v></c>`, "u").exec(sheet)!;
      expect(isDayValue(e.after) && Number(cell[2]) === dayToSerial(e.after.day)).toBe(true);
      expect(numFmtOfStyle(pkg.stylesXml, Number(cell[1]))).toBe(DATE_FORMAT);
    }
  });

  it("writes the days-overdue column as formulas, with the days as of the as-of day cached", () => {
    const cells = n.rewrite.plan.edits.filter((e) => e.rule === "overdue-column");
    expect(cells.length).toBe(15);
    for (const e of cells) {
      if (!isFormulaValue(e.after)) throw new Error("a days-overdue cell holds a formula");
      const xml = new RegExp(`<c r="${e.cell}"[^>]*><f>([^<]*)</f>(?:<v>([^<]*)</v>)?</c>`, "u").exec(sheet)!;
      expect(xml[1]).toBe(escapeXml(e.after.formula));
      expect(xml[2] ?? "").toBe(String(e.after.result));
    }
    expect(cells.filter((e) => isFormulaValue(e.after) && e.after.result !== "").map((e) => [e.cell, isFormulaValue(e.after) && e.after.result])).toEqual([
      ["L10", 214],
      ["L14", 92],
      ["L16", "待核实"], // 正在推进 beside 是否销号 = 是: a person decides, the sheet does not
      ["L20", 61],
    ]);
  });
});

describe("the written XML of a multi-sheet workbook", () => {
  it("gives every ledger sheet its own flags and dropdown, and leaves the empty sheet bare", async () => {
    const n = await normalizeFixture(multiSheet);
    const pkg = openPackage(n.output);
    for (const name of n.rewrite.plan.sheets) {
      expect(pkg.sheetXml(name)).toContain("<conditionalFormatting");
      expect(pkg.sheetXml(name)).toContain("<dataValidation ");
    }
    expect(pkg.sheetXml("Sheet4")).not.toContain("<conditionalFormatting");
    expect(n.rewrite.plan.sheets).toEqual(["区人民医院", "杉山镇中心卫生院", "区疾控中心"]);
  });
});
