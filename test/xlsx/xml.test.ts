import { describe, expect, it } from "vitest";
import { attr, stringItemText, tagNameAt, unescapeXml } from "../../analytics/xlsx/xml.js";

describe("the XML scanner", () => {
  it("unescapes entities, character references and OOXML _xHHHH_ escapes", () => {
    expect(unescapeXml("A &amp; B &lt;script&gt; &#20013;&#x6587; _x000D_")).toBe("A & B <script> 中文 \r");
  });

  it("reads tag names without their namespace prefix", () => {
    expect(tagNameAt('<x:c r="A1">', 0)).toBe("c");
    expect(tagNameAt("<row>", 0)).toBe("row");
  });

  it("finds an attribute by its whole name, not as the tail of another", () => {
    const tag = '<mergeCell xref="Z9" ref="A1:B2"/>';
    expect(attr(tag, 0, tag.length, "ref")).toBe("A1:B2");
    const cell = '<c s="3" r="B7" t="s">';
    expect(attr(cell, 0, cell.length, "r")).toBe("B7");
    expect(attr(cell, 0, cell.length, "t")).toBe("s");
    expect(attr(cell, 0, cell.length, "x")).toBeUndefined();
  });

  it("joins rich-text runs and leaves out phonetic guides", () => {
    const si = '<si><r><t>整改</t></r><r><rPr><b/></rPr><t xml:space="preserve">措施 </t></r><rPh sb="0" eb="2"><t>ZHENGGAI</t></rPh></si>';
    expect(stringItemText(si, 4, si.length - 5)).toBe("整改措施 ");
  });
});
