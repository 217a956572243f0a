/**
 * Ledgers carrying what real producers (Excel, WPS, LibreOffice) write around a ledger and the
 * patch had not met: an Excel table over the ledger, a sheet filter with its hidden name and
 * sort state, frozen and split panes, print titles and area, conditional formats stored as
 * Excel 2010 extensions (data bars, icon sets), dropdowns whose list lies on another sheet,
 * threaded and legacy comments, hyperlinks and rich text on the very cells normalize rewrites,
 * custom number formats, a styles part with extLst and without counts, WPS's parts and
 * attributes, external links, names over the ledger's columns, shared and array formulas,
 * fixed-height rows under merges that are filled down, a very hidden sheet, two ledgers in one
 * workbook. Each is one small package built here, from the twelve-task ledger of other-writers.ts.
 */
import { LEDGER_ROWS, ledgerParts, ledgerRows, zipBytes, type Parts } from "./other-writers.js";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
const SHEET = "xl/worksheets/sheet1.xml";
const SHEET_RELS = "xl/worksheets/_rels/sheet1.xml.rels";
/** The ledger's last row and column (A1:F13): normalize appends 逾期天数 in G and 编号 in H. */
export const LAST_ROW = LEDGER_ROWS.length;
export const HEADER = LEDGER_ROWS[0]!;

function relate(parts: Parts, relsPath: string, id: string, type: string, target: string, external = false): void {
  const rels = parts[relsPath] ?? `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  parts[relsPath] = rels.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ` TargetMode="External"` : ""}/></Relationships>`);
}

function contentType(parts: Parts, xml: string): void {
  parts["[Content_Types].xml"] = parts["[Content_Types].xml"]!.replace("</Types>", `${xml}</Types>`);
}

/** The ledger sheet with its root's namespaces and the elements before and after sheetData. */
function sheetXml(parts: Parts, pieces: { head?: string; rows?: string; tail?: string; ns?: string }): void {
  parts[SHEET] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"${pieces.ns ?? ""}>${pieces.head ?? ""}<sheetData>${pieces.rows ?? ledgerRows()}</sheetData>${pieces.tail ?? ""}</worksheet>`;
}

function workbookXml(parts: Parts, sheets: string, after = ""): void {
  parts["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>${after}<calcPr calcId="191029"/></workbook>`;
}

/** A second worksheet part (sheet2.xml …) holding `rows`, related as rId{n}. */
function addSheetPart(parts: Parts, n: number, rows: string, extra = ""): void {
  parts[`xl/worksheets/sheet${n}.xml`] = `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${extra}</worksheet>`;
  relate(parts, "xl/_rels/workbook.xml.rels", `rId${n + 10}`, `${REL}/worksheet`, `worksheets/sheet${n}.xml`);
  contentType(parts, `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT}.worksheet+xml"/>`);
}

const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const OPTIONS_ROWS = ["已完成", "正在推进", "未启动"].map((t, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, t)}</row>`).join("");

/** The table over the ledger, as Excel writes it: header names equal to the header cells. */
function tablePart(ref: string, names: readonly string[], withFilter = true): string {
  const columns = names.map((n, i) => `<tableColumn id="${i + 1}" name="${n}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="1" name="整改台账表" displayName="整改台账表" ref="${ref}"${withFilter ? "" : ` headerRowCount="1"`}>${withFilter ? `<autoFilter ref="${ref}"/>` : ""}<tableColumns count="${names.length}">${columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

function withTable(parts: Parts, ref: string, names: readonly string[]): void {
  parts["xl/tables/table1.xml"] = tablePart(ref, names);
  relate(parts, SHEET_RELS, "rId1", `${REL}/table`, "../tables/table1.xml");
  contentType(parts, `<Override PartName="/xl/tables/table1.xml" ContentType="${CT}.table+xml"/>`);
}

const LEDGER_REF = `A1:F${LAST_ROW}`;

export const PRODUCER_FEATURES: Record<string, (parts: Parts) => void> = {
  "an Excel table over the ledger": (parts) => {
    sheetXml(parts, { head: `<dimension ref="${LEDGER_REF}"/>`, tail: `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>` });
    withTable(parts, LEDGER_REF, HEADER);
  },
  "a sheet filter with its hidden name and a sort state": (parts) => {
    sheetXml(parts, {
      tail: `<autoFilter ref="${LEDGER_REF}"><filterColumn colId="3"><filters><filter val="区财政局"/><filter val="区教育局"/></filters></filterColumn><sortState ref="A2:F${LAST_ROW}"><sortCondition ref="D2:D${LAST_ROW}"/></sortState></autoFilter>`,
    });
    workbookXml(parts, `<sheet name="整改台账" sheetId="1" r:id="rId1"/>`, `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">整改台账!$A$1:$F$${LAST_ROW}</definedName></definedNames>`);
  },
  "frozen and split panes": (parts) => {
    sheetXml(parts, {
      head: `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/><selection pane="topRight" activeCell="C1" sqref="C1"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/><selection pane="bottomRight" activeCell="E3" sqref="E3"/></sheetView><sheetView workbookViewId="1"><pane xSplit="3210" ySplit="900" topLeftCell="D5" activePane="bottomRight"/><selection pane="bottomRight" activeCell="F6" sqref="F6"/></sheetView></sheetViews>`,
    });
    workbookXml(parts, `<sheet name="整改台账" sheetId="1" r:id="rId1"/>`);
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"]!.replace("<bookViews><workbookView/></bookViews>", `<bookViews><workbookView/><workbookView/></bookViews>`);
  },
  "print titles and print area": (parts) => {
    sheetXml(parts, { tail: `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>` });
    workbookXml(
      parts,
      `<sheet name="整改台账" sheetId="1" r:id="rId1"/>`,
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">整改台账!$A$1:$F$${LAST_ROW}</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">整改台账!$1:$1</definedName></definedNames>`,
    );
  },
  "data bars and icon sets stored as Excel 2010 extensions": (parts) => {
    const guid = "{8A3D1C2B-5E6F-4A7B-9C8D-0E1F2A3B4C5D}";
    sheetXml(parts, {
      ns: ` xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac"`,
      tail:
        `<conditionalFormatting sqref="A2:A${LAST_ROW}"><cfRule type="dataBar" priority="2"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${guid}</x14:id></ext></extLst></cfRule></conditionalFormatting>` +
        `<conditionalFormatting sqref="E2:E${LAST_ROW}"><cfRule type="iconSet" priority="1"><iconSet iconSet="3TrafficLights1"><cfvo type="percent" val="0"/><cfvo type="percent" val="33"/><cfvo type="percent" val="67"/></iconSet></cfRule></conditionalFormatting>` +
        `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="${guid}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>A2:A${LAST_ROW}</xm:sqref></x14:conditionalFormatting><x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="iconSet" priority="3" id="{1B2C3D4E-5F60-4172-8394-A5B6C7D8E9F0}"><x14:iconSet iconSet="3Stars" custom="1"><x14:cfvo type="percent"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>33</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>67</xm:f></x14:cfvo><x14:cfIcon iconSet="3Flags" iconId="0"/><x14:cfIcon iconSet="3Flags" iconId="1"/><x14:cfIcon iconSet="3Flags" iconId="2"/></x14:iconSet></x14:cfRule><xm:sqref>F2:F${LAST_ROW}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`,
    });
  },
  "dropdowns listing another sheet, plain and as an extension": (parts) => {
    sheetXml(parts, {
      tail:
        `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="F2:F${LAST_ROW}"><formula1>选项!$A$1:$A$3</formula1></dataValidation></dataValidations>` +
        `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>选项!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>D2:D${LAST_ROW}</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`,
    });
    addSheetPart(parts, 2, OPTIONS_ROWS);
    workbookXml(parts, `<sheet name="整改台账" sheetId="1" r:id="rId1"/><sheet name="选项" sheetId="2" r:id="rId12"/>`);
  },
  "threaded and legacy comments on the cells normalize rewrites": (parts) => {
    sheetXml(parts, { tail: `<legacyDrawing r:id="rId2"/>` });
    parts["xl/comments1.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>tc={5C2A0E3B-1F44-4B6A-9D37-2A1C6E8F0B11}</author><author>经办人</author></authors><commentList>` +
      `<comment ref="E3" authorId="0" shapeId="0" xr:uid="{5C2A0E3B-1F44-4B6A-9D37-2A1C6E8F0B11}"><text><t>[批注链]\n你的 Excel 版本可以读取此批注链；但如果在更早版本的 Excel 中打开文件，对批注链所做的任何编辑都将被删除。\n注释:\n    时限以整改方案为准</t></text></comment>` +
      `<comment ref="F3" authorId="1" shapeId="0"><text><r><rPr><b/><sz val="9"/><rFont val="宋体"/></rPr><t>经办人:</t></r><r><rPr><sz val="9"/><rFont val="宋体"/></rPr><t xml:space="preserve">\n已报送佐证材料</t></r></text></comment></commentList></comments>`;
    parts["xl/drawings/vmlDrawing1.vml"] =
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
      `<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:300pt;margin-top:20pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>2</x:Row><x:Column>4</x:Column></x:ClientData></v:shape>` +
      `<v:shape id="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:350pt;margin-top:5pt;width:108pt;height:59.25pt;z-index:2;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>2</x:Row><x:Column>5</x:Column></x:ClientData></v:shape></xml>`;
    parts["xl/threadedComments/threadedComment1.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x18tc="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="E3" dT="2019-11-02T08:15:00.00" personId="{0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}" id="{5C2A0E3B-1F44-4B6A-9D37-2A1C6E8F0B11}"><text>时限以整改方案为准</text></threadedComment></ThreadedComments>`;
    parts["xl/persons/person.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="督查室 王芳" id="{0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}" userId="王芳" providerId="None"/></personList>`;
    relate(parts, SHEET_RELS, "rId1", `${REL}/comments`, "../comments1.xml");
    relate(parts, SHEET_RELS, "rId2", `${REL}/vmlDrawing`, "../drawings/vmlDrawing1.vml");
    relate(parts, SHEET_RELS, "rId3", "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment", "../threadedComments/threadedComment1.xml");
    relate(parts, "xl/_rels/workbook.xml.rels", "rId9", "http://schemas.microsoft.com/office/2017/10/relationships/person", "persons/person.xml");
    contentType(
      parts,
      `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/comments1.xml" ContentType="${CT}.comments+xml"/><Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/><Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>`,
    );
  },
  "hyperlinks and rich text on the cells normalize rewrites": (parts) => {
    // E2 (a deadline) and F2 (a status) as shared strings in runs; E4 linked to a file, F5 to a cell.
    const rows = LEDGER_ROWS.map((cells, r) =>
      `<row r="${r + 1}">${cells
        .map((text, c) => {
          const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
          if (ref === "E2") return `<c r="E2" t="s"><v>0</v></c>`;
          if (ref === "F2") return `<c r="F2" t="s"><v>1</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
        })
        .join("")}</row>`,
    ).join("");
    parts["xl/sharedStrings.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/></rPr><t>2019年</t></r><r><rPr><sz val="11"/><rFont val="宋体"/></rPr><t>1月底前</t></r><phoneticPr fontId="1" type="noConversion"/></si><si><r><t>已</t></r><r><rPr><i/></rPr><t>完成</t></r></si></sst>`;
    relate(parts, "xl/_rels/workbook.xml.rels", "rId3", `${REL}/sharedStrings`, "sharedStrings.xml");
    contentType(parts, `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`);
    sheetXml(parts, { rows, tail: `<hyperlinks><hyperlink ref="E4" r:id="rId1" tooltip="整改方案"/><hyperlink ref="F5" location="'整改台账'!A1" display="回到表头"/></hyperlinks>` });
    relate(parts, SHEET_RELS, "rId1", `${REL}/hyperlink`, "file:///D:/%E6%95%B4%E6%94%B9%E6%96%B9%E6%A1%88.docx", true);
  },
  "custom number formats and a styles part with extLst and counts absent or wrong": (parts) => {
    parts["xl/styles.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main"><numFmts count="7"><numFmt numFmtId="176" formatCode="&quot;截至&quot;@"/><numFmt numFmtId="177" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/></numFmts><fonts><font><sz val="11"/><name val="宋体"/></font></fonts><fills><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders><border/></borders><cellStyleXfs><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="3"/><tableStyles defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/><extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="${X14}"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>`;
    // Deadlines in a text format (@, id 49) and a custom one ("截至"@); statuses in text format.
    const rows = LEDGER_ROWS.map((cells, r) =>
      `<row r="${r + 1}">${cells.map((text, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"${r > 0 && c === 4 ? ` s="${r % 2 === 0 ? 2 : 1}"` : r > 0 && c === 5 ? ` s="2"` : ""} t="inlineStr"><is><t>${text}</t></is></c>`).join("")}</row>`,
    ).join("");
    sheetXml(parts, { rows });
  },
  "WPS's parts and attributes": (parts) => {
    sheetXml(parts, {
      ns: ` xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"`,
      head: `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="${LEDGER_REF}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="E3" sqref="E3"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelCol="5"/>`,
      tail: `<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/><headerFooter/><extLst><ext uri="{F9B3E5C2-3B1A-4E4E-9F6F-5B8A4E4D3C2B}"><etc:cellImageDataList xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"/></ext></extLst>`,
    });
    parts["docProps/custom.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ICV"><vt:lpwstr>3F2B6E4A1C9D4E8B9F7A2C5D8E1B4A7C</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>`;
    parts["xl/cellimages.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="${REL}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"/>`;
    parts["customXml/item1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><s:customData xmlns="http://www.wps.cn/officeDocument/2013/wpsCustomData" xmlns:s="http://www.wps.cn/officeDocument/2013/wpsCustomData"><customSectProps/></s:customData>`;
    parts["customXml/itemProps1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{B1977F7D-205B-4081-913C-38D41E755F92}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://www.wps.cn/officeDocument/2013/wpsCustomData"/></ds:schemaRefs></ds:datastoreItem>`;
    relate(parts, "customXml/_rels/item1.xml.rels", "rId1", `${REL}/customXmlProps`, "itemProps1.xml");
    relate(parts, "xl/_rels/workbook.xml.rels", "rId5", "http://www.wps.cn/officeDocument/2020/cellImage", "cellimages.xml");
    relate(parts, "xl/_rels/workbook.xml.rels", "rId6", `${REL}/customXml`, "../customXml/item1.xml");
    relate(parts, "_rels/.rels", "rId2", `${REL}/custom-properties`, "docProps/custom.xml");
    contentType(
      parts,
      `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/><Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>`,
    );
  },
  "external links and names over the ledger's columns": (parts) => {
    parts["xl/externalLinks/externalLink1.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="汇总"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="s"><v>上月完成率</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;
    relate(parts, "xl/externalLinks/_rels/externalLink1.xml.rels", "rId1", `${REL}/externalLinkPath`, "file:///\\\\督查室\\共享\\上月台账.xlsx", true);
    relate(parts, "xl/_rels/workbook.xml.rels", "rId7", `${REL}/externalLink`, "externalLinks/externalLink1.xml");
    contentType(parts, `<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="${CT}.externalLink+xml"/>`);
    workbookXml(
      parts,
      `<sheet name="整改台账" sheetId="1" r:id="rId1"/>`,
      `<externalReferences><externalReference r:id="rId7"/></externalReferences><definedNames><definedName name="完成时限">整改台账!$E$2:$E$${LAST_ROW}</definedName><definedName name="完成情况" localSheetId="0">整改台账!$F:$F</definedName><definedName name="上月完成率">[1]汇总!$A$1</definedName></definedNames>`,
    );
    const rows = ledgerRows().replace(`</row><row r="2">`, `<c r="H1"><f>[1]汇总!$A$1</f><v>0</v></c></row><row r="2">`);
    sheetXml(parts, { rows });
  },
  "shared and array formulas in and beside the cells normalize rewrites": (parts) => {
    // F (status) is a shared formula on rows 2–7 and an array formula on rows 8–9, each reading the status in I.
    const rows = LEDGER_ROWS.map((cells, r) => {
      const row = r + 1;
      const own = cells.map((text, c) => {
        const ref = `${String.fromCharCode(65 + c)}${row}`;
        if (c === 5 && row === 2) return `<c r="${ref}" t="str"><f t="shared" ref="F2:F7" si="0">IF(A2&lt;&gt;"",I2,"")</f><v>${text}</v></c>`;
        if (c === 5 && row > 2 && row <= 7) return `<c r="${ref}" t="str"><f t="shared" si="0"/><v>${text}</v></c>`;
        // An array formula over F8:F9: its second cell holds the cached value alone, no <f>.
        if (c === 5 && row === 8) return `<c r="${ref}" t="str"><f t="array" ref="F8:F9">I8:I9</f><v>${text}</v></c>`;
        if (c === 5 && row === 9) return `<c r="${ref}" t="str"><v>${text}</v></c>`;
        return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
      });
      const status = row === 1 ? "状态源" : cells[5]!;
      return `<row r="${row}">${own.join("")}<c r="I${row}" t="inlineStr"><is><t>${status}</t></is></c></row>`;
    }).join("");
    sheetXml(parts, { rows });
  },
  "fixed-height rows under a unit merged down": (parts) => {
    // 责任单位 merged down D2:D5 in rows Excel keeps at 15 pt: the filled text must show in each.
    const rows = LEDGER_ROWS.map((cells, r) => {
      const row = r + 1;
      const height = row >= 2 && row <= 5 ? ` ht="15" customHeight="1"` : "";
      return `<row r="${row}"${height}>${cells.map((text, c) => (c === 3 && row >= 3 && row <= 5 ? `<c r="D${row}"/>` : inline(`${String.fromCharCode(65 + c)}${row}`, c === 3 && row === 2 ? "区财政局牵头，区教育局、区卫健委配合" : text))).join("")}</row>`;
    }).join("");
    sheetXml(parts, { rows, tail: `<mergeCells count="1"><mergeCell ref="D2:D5"/></mergeCells>` });
  },
  "form controls wrapped in mc:AlternateContent": (parts) => {
    // A 已督办 check box per row as Excel 2010+ saves form controls: a VML shape, a ctrlProp part, and <controls> in AlternateContent.
    const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    const anchor = `<anchor moveWithCells="1"><from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></from><to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></to></anchor>`;
    sheetXml(parts, {
      ns: ` xmlns:mc="${MC}" xmlns:xdr="${XDR}" xmlns:x14="${X14}" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"`,
      tail:
        `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><legacyDrawing r:id="rId1"/>` +
        `<mc:AlternateContent><mc:Choice Requires="x14"><controls><mc:AlternateContent><mc:Choice Requires="x14"><control shapeId="1025" r:id="rId2" name="已督办 1"><controlPr defaultSize="0" autoFill="0" autoLine="0" autoPict="0">${anchor}</controlPr></control></mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>`,
    });
    parts["xl/drawings/vmlDrawing1.vml"] =
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/><o:lock v:ext="edit" shapetype="t"/></v:shapetype>` +
      `<v:shape id="_x0000_s1025" type="#_x0000_t201" style="position:absolute;margin-left:480pt;margin-top:15pt;width:60pt;height:15pt;z-index:1" filled="f" fillcolor="window [65]" stroked="f" strokecolor="windowText [64]" o:insetmode="auto"><v:path shadowok="t" strokeok="t" fillok="t"/><o:lock v:ext="edit" rotation="t"/><v:textbox style="mso-direction-alt:auto" o:singleclick="f"><div style="text-align:left"><font face="宋体" size="220" color="#000000">已督办</font></div></v:textbox><x:ClientData ObjectType="Checkbox"><x:Anchor>8, 0, 1, 0, 9, 0, 2, 0</x:Anchor><x:AutoFill>False</x:AutoFill><x:AutoLine>False</x:AutoLine><x:TextVAlign>Center</x:TextVAlign><x:Checked>1</x:Checked><x:NoThreeD/></x:ClientData></v:shape></xml>`;
    parts["xl/ctrlProps/ctrlProp1.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<formControlPr xmlns="${X14}" objectType="CheckBox" checked="Checked" lockText="1" noThreeD="1"/>`;
    relate(parts, SHEET_RELS, "rId1", `${REL}/vmlDrawing`, "../drawings/vmlDrawing1.vml");
    relate(parts, SHEET_RELS, "rId2", `${REL}/ctrlProp`, "../ctrlProps/ctrlProp1.xml");
    contentType(parts, `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/ctrlProps/ctrlProp1.xml" ContentType="application/vnd.ms-excel.controlproperties+xml"/>`);
  },
  "a very hidden sheet and two ledgers": (parts) => {
    addSheetPart(parts, 2, ledgerRows());
    addSheetPart(parts, 3, OPTIONS_ROWS);
    workbookXml(parts, `<sheet name="整改台账" sheetId="1" r:id="rId1"/><sheet name="二季度台账" sheetId="2" r:id="rId12"/><sheet name="参数" sheetId="3" state="veryHidden" r:id="rId13"/>`);
  },
};

/** The package of one feature: the ledger of other-writers.ts with the feature's parts. */
export function producerWorkbook(feature: string): Uint8Array {
  const parts = ledgerParts();
  PRODUCER_FEATURES[feature]!(parts);
  return zipBytes(parts);
}
