/**
 * An Excel 2003 XML spreadsheet read as Excel shows it: positions implied or given by ss:Index,
 * merges across and down, typed data (text, numbers, dates, booleans, errors), percent styles,
 * hidden rows and sheets, formulas marked, a cell's comment kept out of its value; written the
 * way systems export it (GB2312 declared, rich text in <Data>).
 */
import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../../analytics/ledger.js";
import { readSpreadsheet } from "../../../analytics/spreadsheet-file.js";
import { MAX_SPREADSHEET_2003_BYTES, readSpreadsheet2003 } from "../../../analytics/spreadsheet-2003/read-spreadsheet-2003.js";
import { cellAt } from "../../../analytics/sheet/sheet-model.js";
import { WorkbookReadError } from "../../../analytics/xlsx/read-errors.js";
import { gb18030 } from "../xlsx/hostile-workbooks.js";

const HEAD = `<?xml version="1.0" encoding="gb2312"?>\n<?mso-application progid="Excel.Sheet"?>\n`;
const book = (worksheets: string, styles = "") =>
  `${HEAD}<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40"><Styles><Style ss:ID="Default"/>${styles}</Styles>${worksheets}</Workbook>`;
const text = (t: string) => `<Cell><Data ss:Type="String">${t}</Data></Cell>`;

const LEDGER = book(
  `<Worksheet ss:Name="说明"><Table><Row>${text("本表由系统导出")}</Row></Table><WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>
<Worksheet ss:Name="整改台账"><Table ss:ExpandedColumnCount="7" ss:ExpandedRowCount="7">
 <Row><Cell ss:MergeAcross="6"><Data ss:Type="String">2019年巡察整改台账</Data></Cell></Row>
 <Row>${["序号", "问题类别", "存在问题", "责任单位", "完成时限", "完成情况", "进度"].map(text).join("")}</Row>
 <Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell ss:MergeDown="1"><Data ss:Type="String">党的建设方面</Data></Cell>
  <Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>学习制度</B><Font>落实不到位</Font></ss:Data><Comment ss:Author="督查室"><ss:Data><B>请核实</B></ss:Data></Comment></Cell>
  ${text("办公室")}<Cell ss:StyleID="date"><Data ss:Type="DateTime">2019-06-30T00:00:00.000</Data></Cell>${text("已完成")}<Cell ss:StyleID="pct"><Data ss:Type="Number">1</Data></Cell></Row>
 <Row><Cell><Data ss:Type="Number">2</Data></Cell><Cell ss:Index="3"><Data ss:Type="String">基层党组织建设薄弱</Data></Cell>${text("党建办")}<Cell ss:Formula="=DATE(2019,9,30)"><Data ss:Type="DateTime">2019-09-30T00:00:00.000</Data></Cell>${text("正在推进")}<Cell ss:StyleID="pct"><Data ss:Type="Number">0.6</Data></Cell></Row>
 <Row ss:Index="6" ss:Hidden="1"><Cell><Data ss:Type="Number">3</Data></Cell>${text("作风建设方面")}${text("公车管理不规范")}${text("财务股")}${text("2019年12月")}<Cell><Data ss:Type="Error">#N/A</Data></Cell><Cell><Data ss:Type="Boolean">0</Data></Cell></Row>
</Table></Worksheet>`,
  `<Style ss:ID="date"><NumberFormat ss:Format="Short Date"/></Style><Style ss:ID="pct"><NumberFormat ss:Format="Percent"/></Style>`,
);

describe("an Excel 2003 XML spreadsheet", () => {
  const workbook = readSpreadsheet(gb18030(LEDGER), { source: "导出.xls" });
  const sheet = workbook.sheets.find((s) => s.name === "整改台账")!;

  it("is decoded as declared, each worksheet a sheet, a hidden one hidden", () => {
    expect(workbook.sheets.map((s) => [s.name, s.hidden])).toEqual([["说明", true], ["整改台账", false]]);
    expect(cellAt(sheet, 1, 1)).toBe("2019年巡察整改台账");
  });

  it("places cells after the one before, or where ss:Index says, a merge taking the columns it covers", () => {
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 7 }, { top: 3, left: 2, bottom: 4, right: 2 }]);
    expect(cellAt(sheet, 4, 2)).toBeNull();
    expect(cellAt(sheet, 4, 3)).toBe("基层党组织建设薄弱");
    expect(cellAt(sheet, 5, 1)).toBeNull();
    expect(cellAt(sheet, 6, 3)).toBe("公车管理不规范");
    expect([...sheet.hiddenRows]).toEqual([6]);
  });

  it("reads each type of data, rich text as its words, a comment left out", () => {
    expect(cellAt(sheet, 3, 3)).toBe("学习制度落实不到位");
    expect(cellAt(sheet, 3, 5)).toEqual({ day: "2019-06-30" });
    expect(cellAt(sheet, 3, 1)).toBe(1);
    expect(cellAt(sheet, 6, 6)).toEqual({ error: "#N/A" });
    expect(cellAt(sheet, 6, 7)).toBe(false);
    expect([...sheet.formulaCells]).toEqual(["E4"]);
    expect([...(sheet.percentCells ?? [])]).toEqual(["G3", "G4"]);
  });

  it("is a ledger to the core", () => {
    const { ledgers } = analyzeWorkbook(workbook, { asOf: "2019-10-31" });
    expect(ledgers.map((l) => l.sheet.name)).toEqual(["整改台账"]);
    expect(ledgers[0]!.items.map((i) => [i.row, i.category, i.unit, i.deadline.date, i.status.value])).toEqual([
      [3, "党的建设方面", "办公室", "2019-06-30", "done"],
      [4, "党的建设方面", "党建办", "2019-09-30", "in_progress"],
      // 进度 is the first status column: its FALSE (a box left unticked) reads as not started.
      [6, "作风建设方面", "财务股", "2019-12-31", "not_started"],
    ]);
  });
});

describe("an Excel 2003 XML spreadsheet as Excel and other exporters write it", () => {
  const utf8 = (xml: string) => new TextEncoder().encode(xml);
  const rowsOf = (bytes: Uint8Array) => readSpreadsheet2003(bytes, { source: "导出.xls" }).sheets[0]!;

  it("counts the rows a row's ss:Span repeats, so the rows after it stay in their places; rows it hides stay hidden", () => {
    // Excel writes a run of like empty rows once, with ss:Span, and the next row without an ss:Index.
    const excel = `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office"><Author>督查室</Author><Created>2019-10-31T08:00:00Z</Created></DocumentProperties>
 <Styles><Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Center"/></Style></Styles>
 <Names><NamedRange ss:Name="Print_Titles" ss:RefersTo="=整改台账!R1"/></Names>
 <Worksheet ss:Name="整改台账"><Names><NamedRange ss:Name="Print_Area" ss:RefersTo="=整改台账!R1C1:R6C3"/></Names>
  <Table ss:ExpandedColumnCount="3" ss:ExpandedRowCount="6" x:FullColumns="1" x:FullRows="1">
   <Column ss:Width="40"/><Column ss:Width="120" ss:Span="1"/>
   <Row>${["序号", "存在问题", "责任单位"].map(text).join("")}</Row>
   <Row ss:AutoFitHeight="0" ss:Span="2"/>
   <Row><Cell><Data ss:Type="Number">1</Data></Cell>${text("整改不到位")}${text("区财政局")}</Row>
   <Row ss:Hidden="1" ss:Span="1"><Cell><Data ss:Type="Number">2</Data></Cell></Row>
  </Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Selected/><ProtectObjects>False</ProtectObjects></WorksheetOptions>
 </Worksheet>
</Workbook>`;
    const sheet = rowsOf(utf8(excel));
    expect(cellAt(sheet, 5, 2)).toBe("整改不到位");
    expect(cellAt(sheet, 6, 1)).toBe(2);
    expect(sheet.rows).toHaveLength(6);
    expect([...sheet.hiddenRows]).toEqual([6]);
  });

  it("reads a Java exporter's document: the namespace by default only, attributes with no prefix, or another prefix", () => {
    const java = `<?xml version="1.0" encoding="UTF-8"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet Name="台账"><Table>
<Row><Cell><Data Type="String">存在问题</Data></Cell><Cell Index="3" MergeDown="1"><Data Type="String">责任单位</Data></Cell></Row>
<Row Index="3"><Cell><Data Type="Number">12</Data></Cell></Row></Table></Worksheet></Workbook>`;
    const sheet = rowsOf(utf8(java));
    expect(sheet.name).toBe("台账");
    expect([cellAt(sheet, 1, 3), cellAt(sheet, 3, 1)]).toEqual(["责任单位", 12]);
    expect(sheet.merges).toEqual([{ top: 1, left: 3, bottom: 2, right: 3 }]);
    const other = java.replace('xmlns="urn:schemas-microsoft-com:office:spreadsheet"', 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:s="urn:schemas-microsoft-com:office:spreadsheet"').replace(/ (Name|Type|Index|MergeDown)=/gu, " s:$1=");
    expect(rowsOf(utf8(other)).merges).toEqual([{ top: 1, left: 3, bottom: 2, right: 3 }]);
  });

  it("follows a UTF-8 byte order mark over a declaration naming another encoding, and reads a declared UTF-16 written a byte a letter as UTF-8", () => {
    const declaring = (encoding: string) => book(`<Worksheet ss:Name="表"><Table><Row>${text("整改")}</Row></Table></Worksheet>`).replace('encoding="gb2312"', `encoding="${encoding}"`);
    expect(cellAt(rowsOf(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(declaring("GBK"))])), 1, 1)).toBe("整改");
    expect(cellAt(rowsOf(utf8(declaring("UTF-16"))), 1, 1)).toBe("整改");
  });
});

describe("an Excel 2003 XML spreadsheet that cannot be laid out", () => {
  const refusal = (xml: string | Uint8Array): WorkbookReadError => {
    try {
      readSpreadsheet2003(typeof xml === "string" ? new TextEncoder().encode(xml) : xml, { source: "x.xml" });
    } catch (error) {
      if (error instanceof WorkbookReadError) return error;
      throw error;
    }
    throw new Error("read");
  };
  const sheet = (rows: string) => book(`<Worksheet ss:Name="表"><Table>${rows}</Table></Worksheet>`);

  it("refuses a row or cell placed at or before the one before it, or past Excel's grid", () => {
    expect(refusal(sheet(`<Row ss:Index="3">${text("甲")}</Row><Row ss:Index="2">${text("乙")}</Row>`)).code).toBe("corrupt");
    expect(refusal(sheet(`<Row><Cell ss:Index="2"><Data ss:Type="String">甲</Data></Cell><Cell ss:Index="2"><Data ss:Type="String">乙</Data></Cell></Row>`)).code).toBe("corrupt");
    expect(refusal(sheet(`<Row ss:Index="1048577">${text("甲")}</Row>`)).code).toBe("corrupt");
    expect(refusal(sheet(`<Row><Cell ss:Index="16385"><Data ss:Type="String">甲</Data></Cell></Row>`)).code).toBe("corrupt");
  });

  it("cuts a merge reaching past the used area to it", () => {
    const [read] = readSpreadsheet2003(new TextEncoder().encode(sheet(`<Row><Cell ss:MergeDown="1048575" ss:MergeAcross="16383"><Data ss:Type="String">甲</Data></Cell>${""}</Row><Row>${text("乙")}</Row>`)), { source: "x" }).sheets;
    expect(read!.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
  });

  it("refuses a document cut short, an entity declared in a DOCTYPE, and a cell longer than Excel allows", () => {
    expect(refusal(sheet(`<Row>${text("甲")}</Row>`).slice(0, -40)).code).toBe("corrupt");
    expect(refusal(`<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY a "${"x".repeat(100)}">]>` + sheet(`<Row><Cell><Data ss:Type="String">&a;&a;</Data></Cell></Row>`).slice(HEAD.length)).code).toBe("corrupt");
    expect(refusal(sheet(`<Row>${text("字".repeat(32_768))}</Row>`)).code).toBe("too-large");
  });

  it("refuses a document larger than any export at once, before reading it", () => {
    const padded = new Uint8Array(MAX_SPREADSHEET_2003_BYTES + 1);
    padded.set(new TextEncoder().encode(sheet(`<Row>${text("甲")}</Row>`)));
    expect(refusal(padded).code).toBe("too-large");
  });

  it("says an empty workbook is empty", () => {
    expect(refusal(book("")).code).toBe("empty");
    expect(refusal(sheet("")).code).toBe("empty");
  });
});
