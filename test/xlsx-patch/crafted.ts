/**
 * Workbooks with what other writers put in a ledger and exceljs does not model, built from the
 * sample fixture by editing its parts: sparklines, a cross-sheet dropdown stored as an Excel
 * 2010 extension, an internal hyperlink, a manual page break, sheet and workbook protection,
 * sheet-scoped defined names, a column of width exactly 9, custom document properties,
 * customXml, a chart, a picture, a pivot table, comments as openpyxl writes them,
 * LibreOffice's empty drawing, a clerk's own sheet named 变更记录, upper-case and backslash
 * part names, a "../" relationship target, text holding _x000D_ escapes, comments, a
 * processing instruction and CDATA in sheetData, and a calculation chain. Each is a kind of thing a normalize must carry
 * through untouched.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { insertInOrder } from "../../xlsx-patch/worksheet-order.js";
import { fixtureBytes } from "../fixtures/build.js";
import { rectification15 } from "../fixtures/ledgers.js";

type Files = Record<string, Uint8Array>;

const SHEET = "xl/worksheets/sheet1.xml";
const SHEET_RELS = "xl/worksheets/_rels/sheet1.xml.rels";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** A 1×1 red PNG. */
const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));

const text = (files: Files, path: string): string => strFromU8(files[path]!);
const put = (files: Files, path: string, xml: string): void => {
  files[path] = strToU8(xml);
};

function editSheet(files: Files, edit: (xml: string) => string): void {
  put(files, SHEET, edit(text(files, SHEET)));
}

/** Adds a top-level element to the ledger sheet where CT_Worksheet wants it. */
function addToSheet(files: Files, name: string, xml: string): void {
  editSheet(files, (sheet) => {
    const data = sheet.indexOf("</sheetData>") + "</sheetData>".length;
    const end = sheet.lastIndexOf("</worksheet>");
    return sheet.slice(0, data) + insertInOrder(sheet.slice(data, end), name, xml) + sheet.slice(end);
  });
}

function addExtension(files: Files, ext: string): void {
  const sheet = text(files, SHEET);
  if (sheet.includes("<extLst>")) put(files, SHEET, sheet.replace("</extLst>", `${ext}</extLst>`));
  else addToSheet(files, "extLst", `<extLst>${ext}</extLst>`);
}

function addRelationship(files: Files, relsPath: string, id: string, type: string, target: string): void {
  const rels = files[relsPath] ? text(files, relsPath) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  put(files, relsPath, rels.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`));
}

function addContentType(files: Files, xml: string): void {
  put(files, "[Content_Types].xml", text(files, "[Content_Types].xml").replace("</Types>", `${xml}</Types>`));
}

function editWorkbook(files: Files, edit: (xml: string) => string): void {
  put(files, "xl/workbook.xml", edit(text(files, "xl/workbook.xml")));
}

const FEATURES: Record<string, (files: Files) => void> = {
  sparklines: (files) =>
    addExtension(
      files,
      `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}"><x14:sparklineGroups xmlns:xm="${XM}"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>整改任务清单!A6:A11</xm:f><xm:sqref>A24</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`,
    ),
  "x14 dropdown": (files) =>
    addExtension(
      files,
      `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>整改任务清单!$C$6:$C$8</xm:f></x14:formula1><xm:sqref>I7:I8</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`,
    ),
  "internal hyperlink": (files) => editSheet(files, (xml) => xml.replace("</hyperlinks>", `<hyperlink ref="C6" location="'整改任务清单'!A1" display="回到表头"/></hyperlinks>`)),
  "page break": (files) => addToSheet(files, "rowBreaks", `<rowBreaks count="1" manualBreakCount="1"><brk id="12" max="16383" man="1"/></rowBreaks>`),
  "sheet protection": (files) => addToSheet(files, "sheetProtection", `<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1" formatColumns="0"/>`),
  "workbook protection and sheet-scoped names": (files) =>
    editWorkbook(files, (xml) =>
      xml
        .replace(/(<workbookPr[^>]*\/>)/u, `$1<workbookProtection lockStructure="1"/>`)
        .replace("</sheets>", `</sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'整改任务清单'!$4:$5</definedName><definedName name="责任单位" localSheetId="0">'整改任务清单'!$E$6:$E$21</definedName></definedNames>`),
    ),
  "column of width 9": (files) => editSheet(files, (xml) => xml.replace(/<col min="1" max="1" width="[^"]*"/u, `<col min="1" max="1" width="9"`)),
  "custom properties": (files) => {
    put(files, "docProps/custom.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>内部</vt:lpwstr></property></Properties>`);
    addRelationship(files, "_rels/.rels", "rIdCustom", `${REL}/custom-properties`, "docProps/custom.xml");
    addContentType(files, `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>`);
  },
  customXml: (files) => {
    put(files, "customXml/item1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><台账 xmlns="urn:taizhang">2019</台账>`);
    put(files, "customXml/itemProps1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6F2B2C55-1D3A-4C3B-9A1E-5B0C2C1D7E11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`);
    addRelationship(files, "customXml/_rels/item1.xml.rels", "rId1", `${REL}/customXmlProps`, "itemProps1.xml");
    // Excel relates customXml from the workbook with a "../" target.
    addRelationship(files, "xl/_rels/workbook.xml.rels", "rIdXml", `${REL}/customXml`, "../customXml/item1.xml");
    addContentType(files, `<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>`);
  },
  "chart and picture": (files) => {
    put(
      files,
      "xl/drawings/drawing1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<xdr:twoCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>18</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
        `<xdr:oneCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="图片 1"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
    );
    put(
      files,
      "xl/charts/chart1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>整改任务清单!$A$6:$A$11</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
    );
    files["xl/media/image1.png"] = PNG;
    addRelationship(files, "xl/drawings/_rels/drawing1.xml.rels", "rId1", `${REL}/chart`, "../charts/chart1.xml");
    addRelationship(files, "xl/drawings/_rels/drawing1.xml.rels", "rId2", `${REL}/image`, "../media/image1.png");
    addRelationship(files, SHEET_RELS, "rIdDrawing", `${REL}/drawing`, "../drawings/drawing1.xml");
    addToSheet(files, "drawing", `<drawing r:id="rIdDrawing"/>`);
    addContentType(
      files,
      `<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
    );
  },
  "openpyxl comments": (files) => {
    // openpyxl's part names and relationship ids ("comments", "anysvml"), which tripped exceljs.
    put(files, "xl/comments/comment1.xml", `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>经办人</author></authors><commentList><comment ref="H6" authorId="0"><text><t>时限按整改方案</t></text></comment></commentList></comments>`);
    put(files, "xl/drawings/commentsDrawing1.vml", `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>5</x:Row><x:Column>7</x:Column></x:ClientData></v:shape></xml>`);
    addRelationship(files, SHEET_RELS, "comments", `${REL}/comments`, "/xl/comments/comment1.xml");
    addRelationship(files, SHEET_RELS, "anysvml", `${REL}/vmlDrawing`, "/xl/drawings/commentsDrawing1.vml");
    addToSheet(files, "legacyDrawing", `<legacyDrawing r:id="anysvml"/>`);
    addContentType(files, `<Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`);
  },
  "LibreOffice's empty drawing": (files) => {
    put(files, "xl/drawings/drawing1.xml", `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>`);
    addRelationship(files, SHEET_RELS, "rIdEmpty", `${REL}/drawing`, "../drawings/drawing1.xml");
    addToSheet(files, "drawing", `<drawing r:id="rIdEmpty"/>`);
    addContentType(files, `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
  },
  "pivot table": (files) => {
    put(files, "xl/pivotCache/pivotCacheDefinition1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A5:K21" sheet="整改任务清单"/></cacheSource><cacheFields count="1"><cacheField name="序号" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`);
    put(files, "xl/pivotCache/pivotCacheRecords1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0"/>`);
    put(files, "xl/pivotTables/pivotTable1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="数据透视表1" cacheId="1" dataCaption="值" createdVersion="6"><location ref="M3:M4" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="1"><pivotField showAll="0"/></pivotFields></pivotTableDefinition>`);
    addRelationship(files, "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", "rId1", `${REL}/pivotCacheRecords`, "pivotCacheRecords1.xml");
    addRelationship(files, "xl/pivotTables/_rels/pivotTable1.xml.rels", "rId1", `${REL}/pivotCacheDefinition`, "../pivotCache/pivotCacheDefinition1.xml");
    addRelationship(files, SHEET_RELS, "rIdPivot", `${REL}/pivotTable`, "../pivotTables/pivotTable1.xml");
    addRelationship(files, "xl/_rels/workbook.xml.rels", "rIdCache", `${REL}/pivotCacheDefinition`, "pivotCache/pivotCacheDefinition1.xml");
    editWorkbook(files, (xml) => xml.replace("<calcPr", `<pivotCaches><pivotCache cacheId="1" r:id="rIdCache"/></pivotCaches><calcPr`));
    addContentType(
      files,
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/><Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/><Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>`,
    );
  },
  "a clerk's own 变更记录 sheet": (files) => {
    put(
      files,
      "xl/worksheets/sheet2.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
        `<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>变更内容</t></is></c><c r="C1" t="inlineStr"><is><t>经办人</t></is></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>3月5日</t></is></c><c r="B2" t="inlineStr"><is><t>调整第7项责任单位</t></is></c><c r="C2" t="inlineStr"><is><t>王芳</t></is></c></row>` +
        `</sheetData></worksheet>`,
    );
    addRelationship(files, "xl/_rels/workbook.xml.rels", "rIdOwnLog", `${REL}/worksheet`, "worksheets/sheet2.xml");
    editWorkbook(files, (xml) => xml.replace("</sheets>", `<sheet sheetId="2" name="变更记录" r:id="rIdOwnLog"/></sheets>`));
    addContentType(files, `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  },
  "_x000D_ in inline and shared strings": (files) => {
    // An inline string (as openpyxl and others write text) and a shared one, each holding the escape of CR.
    editSheet(files, (xml) =>
      xml.replace(/<c r="D7"([^>]*?) t="s"><v>\d+<\/v><\/c>/u, `<c r="D7"$1 t="inlineStr"><is><t>存在问题_x000D_\n（续）</t></is></c>`),
    );
    const strings = text(files, "xl/sharedStrings.xml");
    put(files, "xl/sharedStrings.xml", strings.replace(/<si><t>([^<]*?)<\/t><\/si>/u, "<si><t>$1_x000d_</t></si>"));
  },
  "comments, a processing instruction and CDATA in sheetData": (files) => {
    // Legal XML a writer may leave between and inside rows; none of it a row or a cell.
    editSheet(files, (xml) =>
      xml
        .replace(/<row r="8" /u, `<!-- a > b <row r="8"><c r="H8"><v>0</v></c></row> --><row r="8" `)
        .replace(/<c r="D8"([^>]*?) t="s"><v>\d+<\/v><\/c>/u, `<c r="D8"$1 t="inlineStr"><is><t><![CDATA[见附件</c></row><1>]]></t></is></c>`)
        .replace(/<row r="9" /u, `<?taizhang-note a > b </sheetData> ?><row r="9" `),
    );
  },
  "a calculation chain": (files) => {
    // As Excel saves a workbook with a formula: A7 (=ROW()-5) listed in xl/calcChain.xml.
    put(files, "xl/calcChain.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A7" i="1"/></calcChain>`);
    addRelationship(files, "xl/_rels/workbook.xml.rels", "rIdChain", `${REL}/calcChain`, "calcChain.xml");
    addContentType(files, `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>`);
  },
};

/** Renames the ledger sheet's part as the package spells it (upper case, backslashes), leaving the relationships as they are. */
function renamePart(files: Files, to: string): void {
  const renamed: Files = {};
  for (const [name, data] of Object.entries(files)) renamed[name === SHEET ? to : name] = data;
  for (const key of Object.keys(files)) delete files[key];
  Object.assign(files, renamed);
}

const PACKAGE_QUIRKS: Record<string, (files: Files) => void> = {
  "upper-case part name": (files) => renamePart(files, "XL/Worksheets/SHEET1.XML"),
  "backslash part name": (files) => renamePart(files, "xl\\worksheets\\sheet1.xml"),
  '"../" relationship target': (files) =>
    put(files, "xl/_rels/workbook.xml.rels", text(files, "xl/_rels/workbook.xml.rels").replace('Target="worksheets/sheet1.xml"', 'Target="../xl/worksheets/sheet1.xml"')),
};

export interface Crafted {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Whether LibreOffice is asked to open it: not the pivot (its minimal cache is for Excel's refresh), nor the renamed parts. */
  readonly forCalc: boolean;
}

function build(base: Uint8Array, edits: ReadonlyArray<(files: Files) => void>): Uint8Array {
  const files = unzipSync(base);
  // Directory entries of the base zip carry nothing.
  for (const name of Object.keys(files)) if (name.endsWith("/")) delete files[name];
  for (const edit of edits) edit(files);
  return zipSync(files as Zippable, { level: 6, mtime: new Date(Date.UTC(2020, 4, 12)) });
}

/** One workbook per feature, one with every feature Calc can open, and the package quirks. */
export async function craftedWorkbooks(): Promise<Crafted[]> {
  const base = await fixtureBytes(rectification15);
  const single = Object.entries(FEATURES).map(([name, edit]) => ({ name, bytes: build(base, [edit]), forCalc: name !== "pivot table" }));
  const together = Object.entries(FEATURES).filter(([name]) => name !== "pivot table" && name !== "LibreOffice's empty drawing");
  // Calc itself cannot find a part spelled other than its relationship says (it opens neither the input nor the output).
  const quirks = Object.entries(PACKAGE_QUIRKS).map(([name, edit]) => ({ name, bytes: build(base, [edit]), forCalc: !name.includes("part name") }));
  return [...single, { name: "all of them", bytes: build(base, together.map(([, edit]) => edit)), forCalc: true }, ...quirks];
}

/** The sheet part's name in a crafted package: SHEET, or as a quirk renamed it. */
export const LEDGER_PART = SHEET;
