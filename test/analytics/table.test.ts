import { describe, expect, it } from "vitest";
import { detectHeader } from "../../analytics/header.js";
import { readTable, sectionCategory } from "../../analytics/table.js";
import { _, sheetOf } from "../helpers/sheet.js";

const HEADER = ["序号", "问题类别", "存在问题", "责任单位", "完成时限", "完成情况"];

function tableOf(rows: Parameters<typeof sheetOf>[0], spec?: Parameters<typeof sheetOf>[1]) {
  const sheet = sheetOf(rows, spec);
  return readTable(sheet, detectHeader(sheet)!);
}

describe("table reading", () => {
  it("fills a merged category into every row it spans", () => {
    const table = tableOf(
      [HEADER, [1, "党的领导弱化方面", "学习不深入", "办公室", "2019年6月底", "已完成"], [2, _, "改革不有力", "政工股", "2019年9月底", "推进中"]],
      { merges: ["B2:B3"] },
    );
    expect(table.rows.map((r) => [r.row, r.category])).toEqual([
      [2, "党的领导弱化方面"],
      [3, "党的领导弱化方面"],
    ]);
  });

  it("takes section rows inside the table as categories", () => {
    const table = tableOf([
      ["序号", "存在问题", "责任单位", "完成时限", "完成情况"],
      ["一、党的领导弱化方面", _, _, _, _],
      [1, "学习不深入", "办公室", "2019年6月底", "已完成"],
      ["（二）党的建设缺失方面", _, _, _, _],
      [1, "组织设置不规范", "党建办", "2019年12月", "推进中"],
      ["三", "全面从严治党不力方面", _, _, _],
      [1, "两个责任意识不强", "纪检组", "长期坚持", "推进中"],
    ]);
    expect(table.rows.map((r) => r.category)).toEqual(["党的领导弱化方面", "党的建设缺失方面", "全面从严治党不力方面"]);
    expect([...table.sections.keys()]).toEqual([2, 4, 6]);
  });

  it("stops at the notes under the table and skips blank rows", () => {
    const table = tableOf([
      HEADER,
      [1, "A类", "问题一", "办公室", "2019年6月底", "已完成"],
      [_, _, _, _, _, _],
      [2, "A类", "问题二", "财务股", "2019年6月底", "已完成"],
      ["填报人：张三　审核人：李四", _, _, _, _, _],
      ["备注：本表一式两份。", _, _, _, _, _],
    ]);
    expect(table.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(table.notesRow).toBe(5);
  });

  it("takes a lone unnumbered cell under a gap, below numbered items, for the note or signature under the table", () => {
    const table = tableOf([
      HEADER,
      [1, "A类", "问题一", "办公室", "2019年6月底", "已完成"],
      [2, "A类", "问题二", "财务股", "2019年6月底", "推进中"],
      [_, _, _, _, _, _],
      [_, _, "截至目前，反馈问题2个，已完成整改1个。", _, _, _],
      [_, _, _, "XX县河湖管理中心", _, _],
      [_, _, _, "2019年12月13日", _, _],
    ]);
    expect(table.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(table.notesRow).toBe(5);
    // The office's name over the date right under the last item is a signature too.
    const signed = tableOf([HEADER, [1, "A类", "问题一", "办公室", "2019年6月底", "已完成"], [_, _, _, "XX市民生工作办公室", _, _], [_, _, _, "20171011", _, _]]);
    expect(signed.rows.map((r) => r.row)).toEqual([2]);
  });

  it("keeps a lone cell as an item where the items carry no numbers, or no gap sets it apart", () => {
    const unnumbered = tableOf([HEADER, [_, "A类", "问题一", "办公室", "2019年6月底", "已完成"], [_, _, _, _, _, _], [_, _, "问题二", _, _, _]]);
    expect(unnumbered.rows.map((r) => r.row)).toEqual([2, 4]);
    const adjoining = tableOf([HEADER, [1, "A类", "问题一", "办公室", "2019年6月底", "已完成"], [_, _, "问题二", _, _, _]]);
    expect(adjoining.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it("skips a totals row: its figures sum the items, it is none of them", () => {
    const table = tableOf([
      ["序号", "问题类别", "整改责任单位", "问题数", "整改情况"],
      ["一", "财政部门预算执行问题", "财政部门", "6项", "部分整改4项,已整改2项"],
      ["合计", "涉及4个方面", "29个单位(部门)", "50项", "已整改40项,正在整改10项"],
    ]);
    expect(table.rows.map((r) => r.row)).toEqual([2]);
  });

  it("counts the items' deadline texts for the base-year vote, a merged deadline once for each row it spans, and no other row's", () => {
    const table = tableOf(
      [
        HEADER,
        [1, "党的领导弱化方面", "学习不深入", "办公室", "6月底", "已完成"],
        [2, _, "改革不有力", "政工股", _, "推进中"],
        [3, _, "制度不健全", "财务股", " 2019年12月 ", "推进中"],
        ["合计", _, _, _, "3项", _],
        ["填报人：张三", _, _, _, "2019年1月", _],
      ],
      { merges: ["E2:E3"] },
    );
    expect([...table.deadlineTexts]).toEqual([
      ["6月底", 2],
      ["2019年12月", 1],
    ]);
  });

  it("marks hidden rows and keeps them", () => {
    const table = tableOf([HEADER, [1, "A", "问题一", "办公室", "2019年6月底", "已完成"], [2, "A", "问题二", "办公室", "2019年6月底", "已完成"]], {
      hiddenRows: [3],
    });
    expect(table.rows.map((r) => r.hidden)).toEqual([false, true]);
  });

  it("drops the numbering from section titles", () => {
    expect(sectionCategory("一、党的领导弱化方面")).toBe("党的领导弱化方面");
    expect(sectionCategory("（二）党的建设缺失方面")).toBe("党的建设缺失方面");
    expect(sectionCategory("第三部分 全面从严治党")).toBe("全面从严治党");
  });
});
