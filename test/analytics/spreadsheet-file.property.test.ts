/**
 * Whatever a web page, an Excel 2003 XML spreadsheet or a CSV holds, reading it ends in a workbook or
 * in a refusal the commands say in one line (a WorkbookReadError): never another exception, and
 * every cell laid out inside Excel's grid. The inputs are pieces such files are made of, shuffled
 * and cut: tags left open and closed twice, spans of any size, stray indexes, bytes flipped.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSpreadsheet } from "../../analytics/spreadsheet-file.js";
import type { Workbook } from "../../analytics/sheet/sheet-model.js";
import { WorkbookReadError } from "../../analytics/xlsx/read-errors.js";

function readOrRefuse(bytes: Uint8Array): Workbook | WorkbookReadError {
  try {
    return readSpreadsheet(bytes, { source: "导出.xls" });
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
}

function expectInsideGrid(read: Workbook | WorkbookReadError): void {
  if (read instanceof WorkbookReadError) {
    expect(read.message).not.toContain("\n");
    return;
  }
  for (const sheet of read.sheets) {
    expect(sheet.rows.length).toBeLessThanOrEqual(1_048_576);
    for (const row of sheet.rows) expect(row?.length ?? 0).toBeLessThanOrEqual(16_384);
    for (const m of sheet.merges) {
      expect(m.top).toBeLessThanOrEqual(m.bottom);
      expect(m.left).toBeLessThanOrEqual(m.right);
      expect(m.right).toBeLessThanOrEqual(16_384);
    }
  }
}

const PAGE_PIECES = [
  "<table>", "</table>", "<tr>", "</tr>", '<tr style="display:none">', "<td>", "</td>", "<th>", '<td rowspan="3">', '<td colspan="2">',
  '<td rowspan="0" colspan="-1">', '<td colspan="999999">', "<caption>", "</caption>", "<br>", "<p>", "</p>", "<div>", "</div>",
  "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&nbsp;", "&#x4E00;", "&#99999999;",
  "整改", "已完成", "2019年6月底前", "1", " ", "\n", "<", ">", '"', "'", "</i>", "<head>", "</head>", '<meta charset="gbk">',
];
const XML_PIECES = [
  "<Worksheet ss:Name=\"表\">", "</Worksheet>", "<Table>", "</Table>", "<Row>", "</Row>", '<Row ss:Index="5">', '<Row ss:Hidden="1">',
  "<Cell>", "</Cell>", '<Cell ss:Index="3">', '<Cell ss:MergeAcross="2">', '<Cell ss:MergeDown="99999999">', '<Cell ss:Index="-1">',
  '<Data ss:Type="String">', '<Data ss:Type="Number">', '<Data ss:Type="DateTime">', '<Data ss:Type="Boolean">', "</Data>",
  "<Comment>", "</Comment>", "整改", "2019-06-30T00:00:00.000", "1", "0.5", "&lt;", "&#x4E00;", "<!-- x -->", "<?pi x?>", "<![CDATA[甲]]>",
];
const CSV_PIECES = [",", "\t", ";", "\n", "\r\n", '"', '""', "整改", "已完成", "1", "007", " ", "2019年6月底前", "，", "\u00a0"];

const XML_HEAD = '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">';

const encoder = new TextEncoder();
/** A file made of pieces, some of its bytes then flipped. */
const fileOf = (head: string, pieces: readonly string[], tail: string) =>
  fc
    .tuple(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }))
    .map(([parts, flips]) => {
      const bytes = encoder.encode(head + parts.join("") + tail);
      // The first bytes tell the file's kind: flips fall after them.
      for (const [at, value] of flips) if (bytes.length > 200) bytes[200 + (at % (bytes.length - 200))] = value;
      return bytes;
    });

describe("reading any web page, Excel 2003 XML spreadsheet or CSV", () => {
  it("a web page is read or refused in one line, and laid out inside the grid", () => {
    fc.assert(fc.property(fileOf("<html><body>" + "<p>页</p>".repeat(30), PAGE_PIECES, "</body></html>"), (bytes) => expectInsideGrid(readOrRefuse(bytes))), { numRuns: 300 });
  });

  it("an Excel 2003 XML spreadsheet is read or refused in one line, and laid out inside the grid", () => {
    fc.assert(fc.property(fileOf(XML_HEAD + "<!--" + "填充".repeat(40) + "-->", XML_PIECES, "</Workbook>"), (bytes) => expectInsideGrid(readOrRefuse(bytes))), { numRuns: 300 });
  });

  it("a CSV is read or refused in one line, and laid out inside the grid", () => {
    fc.assert(fc.property(fileOf("序号,存在问题,责任单位,完成时限,完成情况\r\n".repeat(8), CSV_PIECES, ""), (bytes) => expectInsideGrid(readOrRefuse(bytes))), { numRuns: 300 });
  });
});
