/**
 * How the normalized sheet looks, read back from the file the command line writes: one date
 * format down the deadline column, the 逾期天数 header spanning the two-row header and shaded
 * like it, days with their unit, filled-down categories wrapped, a status conflict left as
 * written and colored 待核实, and each of these on 变更记录 in the clerk's language.
 */
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { LOG_RULE_WORDS } from "../../analytics/normalize/log.js";
import { DATE_FORMAT, DAYS_FORMAT, LOG_SHEET } from "../../analytics/normalize/types.js";
import { loadExcel, normalizeBytes, readModel, type Normalized } from "./normalized.js";
import { FINISH_AS_OF, sheetFinishBytes } from "../analytics/normalize/sheet-finish-cases.js";

/** The log's rows (rule, cell, old value, new value, note) of one kind. */
function logRows(wb: ExcelJS.Workbook, rule: string): string[][] {
  const log = wb.getWorksheet(LOG_SHEET)!;
  const rows: string[][] = [];
  log.eachRow((row, r) => {
    if (r > 1 && row.getCell(4).text === rule) rows.push([row.getCell(3).text, row.getCell(5).text, row.getCell(6).text, row.getCell(7).text]);
  });
  return rows;
}

describe("the normalized sheet, as written", () => {
  let zh: Normalized;
  let en: Normalized;
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  let wbEn: ExcelJS.Workbook;

  beforeAll(async () => {
    const input = await sheetFinishBytes();
    zh = await normalizeBytes(input, FINISH_AS_OF, { overdueColumn: true });
    en = await normalizeBytes(input, FINISH_AS_OF, { overdueColumn: true, lang: "en" });
    wb = await loadExcel(zh.output);
    wbEn = await loadExcel(en.output);
    ws = wb.getWorksheet("整改台账")!;
  });

  it("shows every date of the deadline column in one format, the typed ones included", () => {
    for (const row of [4, 5, 6, 7, 8]) expect({ row, numFmt: ws.getCell(row, 6).numFmt }).toEqual({ row, numFmt: DATE_FORMAT });
    expect(ws.getCell(9, 6).value).toBe("长期坚持");
    expect(logRows(wb, LOG_RULE_WORDS["deadline-format"].zh).map(([cell, , , note]) => [cell, note])).toEqual([
      ["F4", "本列日期统一显示为“2019年6月30日”的格式（原格式 yyyy/m/d）"],
      ["F6", "本列日期统一显示为“2019年6月30日”的格式（原格式 yyyy/m/d）"],
      ["F8", "本列日期统一显示为“2019年6月30日”的格式（原格式 yyyy/m/d）"],
    ]);
    expect(logRows(wbEn, LOG_RULE_WORDS["deadline-format"].en)[0]![3]).toBe("dates in this column shown alike, as 2019年6月30日 (the format was yyyy/m/d)");
  });

  it("heads the days-overdue column across both header rows, shaded like the header, and gives the days their unit", () => {
    expect(ws.getCell("I2").value).toBe("逾期天数");
    expect(ws.model.merges).toContain("I2:I3");
    expect(ws.getCell("I2").fill).toEqual(ws.getCell("H2").fill);
    expect(ws.getCell("I3").fill).toEqual(ws.getCell("H2").fill);
    expect(ws.getCell("I2").font?.bold).toBe(true);
    expect(ws.getCell("I4").numFmt).toBe(DAYS_FORMAT);
    expect(logRows(wb, LOG_RULE_WORDS.merge.zh)).toEqual([["I2:I3", "", "", "逾期天数列的表头上下合并，与两行表头对齐"]]);
    expect(logRows(wbEn, LOG_RULE_WORDS.merge.en)).toEqual([["I2:I3", "", "", "the days-overdue header spans both header rows"]]);
  });

  it("wraps the filled-down category text in its cells", () => {
    for (let row = 4; row <= 9; row++) expect({ row, wrap: ws.getCell(row, 2).alignment?.wrapText }).toEqual({ row, wrap: true });
    // Other cells keep their alignment.
    expect(ws.getCell(4, 3).alignment?.wrapText).toBeUndefined();
    expect(logRows(wb, LOG_RULE_WORDS["wrap-text"].zh).map((r) => r[0])).toEqual(["B4:B6", "B7:B9"]);
    expect(logRows(wbEn, LOG_RULE_WORDS["wrap-text"].en)[0]![3]).toBe("the text filled into B4:B6 wraps within its cells rather than spilling into the next column");
  });

  it("leaves a status conflict as written, colors it 待核实, and says on 变更记录 that a person decides", () => {
    expect(ws.getCell("G6").value).toBe("已办结");
    expect(ws.getCell("H6").value).toBe("否");
    const toCheck = zh.rewrite.plan.flags.filter((f) => f.kind === "to-check");
    // exceljs reads conditional formats into the sheet's model.
    const read = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    const rules = read.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, formula: r.formulae?.[0] })));
    for (const f of toCheck) expect(rules).toContainEqual({ ref: f.sqref, formula: f.formula });
    expect(toCheck.some((f) => f.sqref === "A6:I6")).toBe(true);
    expect(logRows(wb, LOG_RULE_WORDS["status-conflict"].zh)).toEqual([
      [
        "G6 H6",
        "已办结 / 否",
        "待核实",
        "“完成情况”写“已办结”，“是否完成”写“否”，两栏说法不一致。哪一栏对，须由经办人核实后改正，本次未作改动；改正前本行标为“待核实”（淡紫色），改正后自动消失。",
      ],
    ]);
    expect(logRows(wbEn, LOG_RULE_WORDS["status-conflict"].en)[0]!.slice(0, 3)).toEqual(["G6 H6", "已办结 / 否", "to check"]);
  });

  it("changes nothing when it normalizes its own output", async () => {
    const again = await normalizeBytes(zh.output, FINISH_AS_OF, { overdueColumn: true });
    expect(again.output).toEqual(zh.output);
    expect(readModel(again.output).sheets.map((s) => s.name)).toEqual(["整改台账", LOG_SHEET]);
  });
});
