/**
 * A web page read as the sheet Excel or WPS shows when it opens it: a system's "导出 Excel" that
 * writes HTML under a .xls name, or a published 整改清单 saved from a site. Pages here are written
 * the ways such exports and sites write them: GB2312 with a <meta>, no charset at all, Excel's
 * own export with its <x:Name>, spans, line breaks, hidden rows, a layout table around the ledger.
 */
import { describe, expect, it } from "vitest";
import { readHtmlWorkbook } from "../../../analytics/html/read-html.js";
import { analyzeWorkbook } from "../../../analytics/ledger.js";
import { readSpreadsheet } from "../../../analytics/spreadsheet-file.js";
import { cellAt, type Sheet } from "../../../analytics/sheet/sheet-model.js";
import { WorkbookReadError } from "../../../analytics/xlsx/read-errors.js";
import { ReadBudget } from "../../../analytics/xlsx/read-budget.js";
import { MAX_PAGE_DEPTH, parsePage } from "../../../analytics/html/html-page.js";
import { gb18030 } from "../xlsx/hostile-workbooks.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
const sheetOf = (html: string | Uint8Array, source = "督办台账.xls"): Sheet => readHtmlWorkbook(typeof html === "string" ? utf8(html) : html, { source }).sheets[0]!;

/** A system's export: a title across the table, a two-row header, a category spanning its rows. */
const EXPORT = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>导出</title>
<style>td { mso-number-format:"\\@"; }</style></head><body>
<table border="1">
  <tr><td colspan="7" align="center"><b>2019年巡察反馈问题整改台账</b></td></tr>
  <tr><th rowspan="2">序号</th><th rowspan="2">问题类别</th><th rowspan="2">存在问题</th><th colspan="2">责任</th><th rowspan="2">完成时限</th><th rowspan="2">完成情况</th></tr>
  <tr><th>责任单位</th><th>责任人</th></tr>
  <tr><td>1</td><td rowspan="2">党的建设方面</td><td>学习制度落实不到位<br>中心组学习不经常</td><td>办公室</td><td>张三&nbsp;</td><td>2019年6月底前</td><td>已完成</td></tr>
  <tr><td>2</td><td>基层党组织建设薄弱</td><td>党建办</td><td>李四</td><td>2019-09-30</td><td>正在推进</td></tr>
  <tr style="display:none"><td>3</td><td>作风建设方面</td><td>公车管理不规范</td><td>财务股</td><td>王五</td><td>2019年12月</td><td>未开始</td></tr>
</table>
<p>填报人：赵六　　联系电话：12345678</p>
</body></html>`;

describe("a system's export under a .xls name", () => {
  const sheet = sheetOf(gb18030(EXPORT));

  it("is decoded from the GB2312 its <meta> names, one sheet named after the file", () => {
    expect(sheet.name).toBe("督办台账");
    expect(cellAt(sheet, 1, 1)).toBe("2019年巡察反馈问题整改台账");
    expect(cellAt(sheet, 4, 3)).toBe("学习制度落实不到位\n中心组学习不经常");
  });

  it("places each cell under the spans above it, and keeps the spans as merged ranges", () => {
    expect([2, 3].map((r) => [1, 2, 3, 4, 5, 6, 7].map((c) => cellAt(sheet, r, c)))).toEqual([
      ["序号", "问题类别", "存在问题", "责任", null, "完成时限", "完成情况"],
      [null, null, null, "责任单位", "责任人", null, null],
    ]);
    expect(cellAt(sheet, 5, 3)).toBe("基层党组织建设薄弱");
    expect(cellAt(sheet, 5, 2)).toBeNull();
    expect(sheet.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 7 });
    expect(sheet.merges).toContainEqual({ top: 2, left: 4, bottom: 2, right: 5 });
    expect(sheet.merges).toContainEqual({ top: 4, left: 2, bottom: 5, right: 2 });
  });

  it("reads plain whole numbers as numbers, trims the page's spaces, and keeps a hidden row hidden", () => {
    expect(cellAt(sheet, 4, 1)).toBe(1);
    expect(cellAt(sheet, 4, 5)).toBe("张三");
    expect([...sheet.hiddenRows]).toEqual([6]);
    expect(cellAt(sheet, 7, 1)).toBe("填报人：赵六 联系电话：12345678");
  });

  it("is a ledger to the core: items, categories from the span, deadlines, statuses, the note below left out", () => {
    const { ledgers } = analyzeWorkbook({ source: "督办台账.xls", sheets: [sheet] }, { asOf: "2019-10-31" });
    expect(ledgers).toHaveLength(1);
    const items = ledgers[0]!.items;
    expect(items.map((i) => [i.row, i.category, i.unit, i.deadline.date, i.status.value, i.hidden])).toEqual([
      [4, "党的建设方面", "办公室", "2019-06-30", "done", false],
      [5, "党的建设方面", "党建办", "2019-09-30", "in_progress", false],
      [6, "作风建设方面", "财务股", "2019-12-31", "not_started", true],
    ]);
    expect(ledgers[0]!.summary.overdue).toBe(1);
  });
});

/** Excel's own "Save as Web Page" (另存为 网页), cut to what it writes of a small ledger. */
const EXCEL_WEB_PAGE = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=ProgId content=Excel.Sheet><meta name=Generator content="Microsoft Excel 15">
<style>
<!--table
\t{mso-displayed-decimal-separator:"\\.";
\tmso-displayed-thousand-separator:"\\,";}
@page
\t{margin:.75in .7in .75in .7in;}
td
\t{mso-style-parent:style0;
\tmso-number-format:General;}
.xl65
\t{mso-style-parent:style0;
\tmso-number-format:"\\@";}
.xl66
\t{mso-style-parent:style0;
\tmso-number-format:"yyyy\\/m\\/d\\;\\@";}
.xl67
\t{mso-style-parent:style0;
\tmso-number-format:0%;}
-->
</style>
<!--[if gte mso 9]><xml>
 <x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>整改清单</x:Name><x:WorksheetOptions><x:Selected/></x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook>
</xml><![endif]-->
</head>
<body link=blue vlink=purple>
<table border=0 cellpadding=0 cellspacing=0 width=432 style='border-collapse:collapse;table-layout:fixed;width:324pt'>
 <col width=72 span=6 style='width:54pt'>
 <tr height=19 style='height:14.25pt'>
  <td height=19 colspan=4 width=288 style='height:14.25pt;mso-ignore:colspan;width:216pt'>2019年第三季度巡察整改清单（截至9月30日）</td>
  <td width=72 style='width:54pt'></td><td width=72 style='width:54pt'></td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 style='height:14.25pt'>编号</td><td>存在问题</td><td>责任单位</td><td>完成时限</td><td>完成情况</td><td>进度</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 class=xl65 style='height:14.25pt'>2019.10</td><td>学习制度落实不到位</td><td>办公室</td><td class=xl66 x:num="43646">2019/6/30</td><td>已完成</td><td class=xl67 align=right x:num="1">100%</td>
 </tr>
 <![if supportMisc]>
 <tr height=0 style='display:none'>
  <td height=0 class=xl65>0012</td><td>公车管理不规范</td><td>财务股</td><td class=xl66 x:num="43830">2019/12/31</td><td>正在推进</td><td class=xl67 align=right x:num="0.6">60%</td>
 </tr>
 <![endif]>
</table>
</body>
</html>`;

describe("Excel's own Save as Web Page", () => {
  const sheet = sheetOf(gb18030(EXCEL_WEB_PAGE), "整改清单.htm");

  it("keeps a cell its stylesheet class formats as text as written: 编号 2019.10 is not the number 2019.1", () => {
    expect(sheet.name).toBe("整改清单");
    expect(cellAt(sheet, 3, 1)).toBe("2019.10");
    expect(cellAt(sheet, 4, 1)).toBe("0012");
  });

  it("lays a title that only runs over the empty cells beside it (mso-ignore:colspan) unmerged, as Excel reads it back", () => {
    expect(cellAt(sheet, 1, 1)).toBe("2019年第三季度巡察整改清单（截至9月30日）");
    expect(sheet.merges).toEqual([]);
    expect(cellAt(sheet, 2, 6)).toBe("进度");
  });

  it("reads the rest as shown: dates and percents as their text, the hidden row hidden", () => {
    expect([4, 5, 6].map((c) => cellAt(sheet, 3, c))).toEqual(["2019/6/30", "已完成", "100%"]);
    expect(cellAt(sheet, 4, 6)).toBe("60%");
    expect([...sheet.hiddenRows]).toEqual([4]);
  });
});

describe("the text of a page", () => {
  const table = "<table><tr><td>存在问题</td><td>责任单位</td></tr><tr><td>整改不到位</td><td>区财政局</td></tr></table>";

  it("is UTF-8 when no charset is said and the bytes are UTF-8, else GBK as Chinese systems write it", () => {
    expect(cellAt(sheetOf(utf8(table)), 2, 2)).toBe("区财政局");
    expect(cellAt(sheetOf(gb18030(table)), 2, 2)).toBe("区财政局");
  });

  it("reads a <meta> naming UTF-16 on bytes of one to a letter as UTF-8, as browsers do", () => {
    expect(cellAt(sheetOf(utf8(`<meta charset="utf-16">${table}`)), 2, 2)).toBe("区财政局");
    expect(cellAt(sheetOf(utf8(`<meta http-equiv="Content-Type" content="text/html; charset=unicode">${table}`)), 2, 2)).toBe("区财政局");
  });

  it("keeps a UTF-8 page with a character cut mid-way as UTF-8, that one character shown broken", () => {
    const cut = utf8("<table><tr><td>存在问题</td><td>责任单位</td></tr><tr><td>整改不到位</td><td>区财政局</td></tr><tr><td>资金拨付</td><td>县发改");
    const bytes = new Uint8Array([...cut, ...utf8("局").subarray(0, 2), ...utf8("</td></tr></table>")]);
    expect(cellAt(sheetOf(bytes), 2, 2)).toBe("区财政局");
    expect(cellAt(sheetOf(bytes), 3, 2)).toBe("县发改\uFFFD");
  });

  it("reads a GBK page's rare characters, written in GB18030's four bytes", () => {
    const rare = new Uint8Array([0x95, 0x32, 0x82, 0x36]); // 𠀀 (U+20000), as in a person's name
    const bytes = new Uint8Array([...gb18030("<table><tr><td>责任人</td></tr><tr><td>王"), ...rare, ...gb18030("</td></tr></table>")]);
    expect(cellAt(sheetOf(bytes), 2, 1)).toBe("王\u{20000}");
  });

  it("follows a byte-order mark over any <meta>", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`<meta charset="gbk">${table}`)]);
    expect(cellAt(sheetOf(bom), 2, 1)).toBe("整改不到位");
  });

  it("decodes character references, and keeps 编号 with a leading zero, long numbers and a cell marked text as written", () => {
    const page = `<table><tr><td>&#25972;&#x6539; &amp; 销号</td><td>007</td><td>430102198001011234</td><td style="mso-number-format:'\\@'">12</td><td>3.5</td></tr></table>`;
    const sheet = sheetOf(page);
    expect([1, 2, 3, 4, 5].map((c) => cellAt(sheet, 1, c))).toEqual(["整改 & 销号", "007", "430102198001011234", "12", 3.5]);
  });

  it("takes the sheet's name from Excel's own export", () => {
    const page = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>整改台账</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head><body>${table}</body></html>`;
    expect(sheetOf(page).name).toBe("整改台账");
  });

  it("leaves out scripts, styles and the <head>", () => {
    const sheet = sheetOf(`<head><title>标题</title><script>var a = "<td>x</td>";</script></head><body>${table}<script>document.write("y")</script></body>`);
    expect(sheet.rows.map((r) => r?.filter((v) => v !== null))).toEqual([["存在问题", "责任单位"], ["整改不到位", "区财政局"]]);
  });
});

describe("a page's tables", () => {
  it("closes what the page leaves open, as a browser does", () => {
    const sheet = sheetOf("<table><tr><td>存在问题<td>完成情况<tr><td>整改不到位<td>已完成</table>");
    expect(sheet.rows).toEqual([["存在问题", "完成情况"], ["整改不到位", "已完成"]]);
  });

  it("reads a ledger nested in a site's layout table as the table it is, the page's title above it", () => {
    const ledger = "<table><tr><td>序号</td><td>存在问题</td></tr><tr><td>1</td><td>整改不到位</td></tr></table>";
    const page = `<table width="100%"><tr><td><h2>关于巡察整改情况的公示</h2></td></tr><tr><td>${ledger}</td></tr><tr><td>发布日期：2019-10-31</td></tr></table>`;
    expect(sheetOf(page).rows).toEqual([["关于巡察整改情况的公示"], ["序号", "存在问题"], [1, "整改不到位"], ["发布日期：2019-10-31"]]);
  });

  it("stacks several tables as Excel does, each caption a row above its table", () => {
    const sheet = sheetOf("<table><caption>一、党的建设</caption><tr><td>甲</td></tr></table><table><tr><td>乙</td></tr></table>");
    expect(sheet.rows).toEqual([["一、党的建设"], ["甲"], ["乙"]]);
  });

  it("ends a rowspan with its table, and caps spans as the HTML standard does", () => {
    const sheet = sheetOf('<table><tr><td rowspan="99">甲</td><td colspan="0">乙</td></tr><tr><td>丙</td></tr></table>');
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
    expect(cellAt(sheet, 2, 2)).toBe("丙");
    const wide = sheetOf('<table><tr><td colspan="99999">甲</td><td>乙</td></tr></table>');
    expect(cellAt(wide, 1, 1001)).toBe("乙");
  });
});

describe("what a page cannot hold", () => {
  const refusal = (bytes: Uint8Array): WorkbookReadError => {
    try {
      readSpreadsheet(bytes, { source: "x.xls" });
    } catch (error) {
      if (error instanceof WorkbookReadError) return error;
      throw error;
    }
    throw new Error("read");
  };

  it("a page of nothing shown is empty", () => {
    expect(refusal(utf8("<html><head><title>空</title></head><body><script>x()</script></body></html>")).code).toBe("empty");
  });

  it("a cell longer than Excel's 32,767 characters is refused as it grows, however its text is written", () => {
    // Two million references: each its own piece of text, gathered whole they took 14 s and 1.4 GB.
    expect(refusal(utf8(`<table><tr><td>${"&#x4e2d;&amp;".repeat(2_000_000)}</td></tr></table>`)).code).toBe("too-large");
    expect(refusal(utf8(`<table><tr><td>${"整".repeat(40_000)}</td></tr></table>`)).code).toBe("too-large");
    // White space a page's source is indented with is no part of the cell's length.
    expect(cellAt(sheetOf(`<table><tr><td>整改${" ".repeat(200_000)}到位</td></tr></table>`), 1, 1)).toBe("整改 到位");
  });

  it("the white space between a long table's rows is no text of the page: 120,000 indented rows are read", () => {
    const rows = "\n    <tr><td>整改不到位</td></tr>".repeat(120_000);
    const sheet = sheetOf(`<table>${rows}\n</table>`);
    expect(sheet.rows).toHaveLength(120_000);
    expect(cellAt(sheet, 120_000, 1)).toBe("整改不到位");
  });

  it("a table past Excel's columns is refused, not laid out", () => {
    const cells = '<td colspan="1000">x</td>'.repeat(17);
    expect(refusal(utf8(`<table><tr>${cells}</tr></table>`)).code).toBe("too-large");
  });

  it("text past the read budget stops the reading at once", () => {
    expect(() => parsePage(`<table><tr><td>${"字".repeat(200)}</td></tr></table>`, new ReadBudget(10, 100))).toThrow(WorkbookReadError);
    expect(() => parsePage("<table><tr>" + "<td>1</td>".repeat(20) + "</tr></table>", new ReadBudget(10, 1000))).toThrow(WorkbookReadError);
  });

  it("elements nested past any page, or closed where none is open, are refused in a moment, not minutes", () => {
    const started = performance.now();
    expect(refusal(utf8("<html>" + "<div>".repeat(200_000) + "x")).code).toBe("too-large");
    const stray = sheetOf("<table><tr><td>甲</td></tr></table>" + "<span>".repeat(MAX_PAGE_DEPTH - 10) + "</i>".repeat(100_000));
    expect(cellAt(stray, 1, 1)).toBe("甲");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("tables nested past any layout are read as text, never recursed into", () => {
    const depth = MAX_PAGE_DEPTH / 3 - 1;
    const page = "<table><tr><td>".repeat(depth) + "深处" + "</td></tr></table>".repeat(depth);
    const sheet = sheetOf(page);
    expect(sheet.rows.flat().filter((v) => v !== null)).toEqual(["深处"]);
  });
});
