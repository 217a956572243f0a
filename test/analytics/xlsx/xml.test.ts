/** The XML layer reads all of well-formed XML and refuses what is not, at bounded cost. */
import { describe, expect, it } from "vitest";
import { WorkbookReadError } from "../../../analytics/xlsx/read-errors.js";
import { MAX_CELL_CHARACTERS, readXml, unescapeOoxml, XmlReader, type Attributes } from "../../../analytics/xlsx/xml.js";

function events(xml: string): string[] {
  const seen: string[] = [];
  readXml(xml, "t.xml", {
    open: (name: string, attributes: Attributes) => seen.push(`<${name}${Object.entries(attributes).map(([k, v]) => ` ${k}=${v}`).join("")}>`),
    close: (name) => seen.push(`</${name}>`),
    text: (text) => seen.push(text),
  });
  return seen;
}

function codeOf(run: () => void): string {
  try {
    run();
    return "read";
  } catch (error) {
    if (error instanceof WorkbookReadError) return error.code;
    throw error;
  }
}

describe("the XML reader", () => {
  it("says where a part's XML is wrong in the user's words, leaving the parser's English reason out", () => {
    let refusal: unknown;
    try {
      readXml(`<workbook>\n  <sheets>&nbsp;</sheets></workbook>`, "xl/workbook.xml", { open: () => undefined, close: () => undefined, text: () => undefined });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(WorkbookReadError);
    const said = refusal as WorkbookReadError;
    expect(said.in("zh")).toMatch(/：xl\/workbook\.xml：第 27 个字符附近的 XML 有误$/u);
    expect(said.in("en")).toMatch(/xl\/workbook\.xml: bad XML near character 27$/u);
  });

  it("drops namespace prefixes from tag names and reads either quote", () => {
    expect(events(`<x:c r='A1' t="s"/>`)).toEqual(["<c r=A1 t=s>", "</c>"]);
  });

  it("resolves entity and character references, and OOXML's _xHHHH_ escapes on request", () => {
    expect(events("<t>A &amp; B &lt;script&gt; &#20013;&#x6587;</t>").join("")).toBe("<t>A & B <script> 中文</t>");
    expect(unescapeOoxml("a_x000D_b _x005F_x000D_")).toBe("a\rb _x000D_");
  });

  it("gives CDATA as text and skips comments and processing instructions, whatever they hold", () => {
    expect(events("<si><!-- <si><t>x</t></si> --><?mso <t>y</t>?><t><![CDATA[<整改>]]></t></si>")).toEqual(["<si>", "<t>", "<整改>", "</t>", "</si>"]);
  });

  it("calls XML that is cut short or not well-formed damaged", () => {
    expect(codeOf(() => readXml("<worksheet><sheetData><row>", "t.xml", { open: () => undefined }))).toBe("corrupt");
    expect(codeOf(() => readXml("<a><b></a>", "t.xml", { open: () => undefined }))).toBe("corrupt");
    expect(codeOf(() => readXml("<a>&bomb;</a>", "t.xml", { open: () => undefined }))).toBe("corrupt");
  });

  it("refuses a run of text longer than any cell could be written, before reading the rest", () => {
    const reader = new XmlReader("t.xml", { open: () => undefined });
    reader.push("<t>");
    let pushed = 0;
    const piece = "整".repeat(100_000);
    const code = codeOf(() => {
      for (; pushed < 3_000; pushed++) reader.push(piece); // 300M characters if read to the end
    });
    expect(code).toBe("too-large");
    expect(pushed * piece.length).toBeLessThanOrEqual(MAX_CELL_CHARACTERS * 10 + 4096);
  });
});

describe("text taken out of a tag by hand (the normalize patch)", () => {
  it("resolves references and _xHHHH_ escapes once", async () => {
    const { unescapeXml, stringItemText } = await import("../../../analytics/xlsx/xml.js");
    expect(unescapeXml("A &amp; B &#20013;&#x6587; _x000D_ _x005F_x000D_")).toBe("A & B 中文 \r _x000D_");
    const is = '<r><t>整改</t></r><!-- <t>不读</t> --><r><t xml:space="preserve"><![CDATA[措施 ]]></t></r><rPh sb="0" eb="2"><t>ZHENGGAI</t></rPh></is></c>';
    expect(stringItemText(is, 0, is.length)).toBe("整改措施 ");
  });
});
