/** The 督办通知单 as a Word document, read back. */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { noticeDocx } from "../../../addin/docx/notice-docx.js";
import { notices } from "../../analytics/notices/notice-ledger.js";
import { docxParagraphs } from "./docx-text.js";

describe("the Word document", () => {
  it("reads back as the notice: number, unit, every item with its days, the requirements, the reply day, the office", async () => {
    const [notice] = notices();
    const text = docxParagraphs(await noticeDocx(notice!, "zh"));
    expect(text[0]).toBe("督办通知单");
    expect(text).toContain("督办〔2019〕第1号");
    expect(text).toContain("党建办：");
    expect(text.join("\n")).toContain("你单位承办的下列事项逾期未完成，现予督办");
    for (const item of notice!.items) {
      expect(text).toContain(item.task);
      expect(text).toContain(`逾期${item.days}天`);
    }
    expect(text).toContain("督办要求");
    expect(text).toContain("请于2019年11月7日前以单位名义将办理情况书面报告区委督查室。");
    expect(text.slice(-2)).toEqual(["区委督查室", "2019年10月31日"]);
  });

  it("takes the office's own 督办要求 text", async () => {
    const [notice] = notices();
    const text = docxParagraphs(await noticeDocx(notice!, "zh", { requirements: "请于三日内整改到位。" }));
    expect(text).toContain("请于三日内整改到位。");
  });

  it("speaks English with lang en", async () => {
    const [notice] = notices();
    const text = docxParagraphs(await noticeDocx(notice!, "en"));
    expect(text).toContain("Supervision notice");
    expect(text.join("\n")).toContain("are overdue and are hereby placed under supervision");
  });
});

describe("the items table", () => {
  const part = (bytes: Uint8Array, name: string) => strFromU8(unzipSync(bytes, { filter: (f) => f.name === name })[name]!);

  it("takes borders, margins and widths from the table and fonts from two named styles, not from each cell", async () => {
    // A unit of a consolidated ledger may have thousands of items: options on every cell cost minutes.
    const [notice] = notices();
    const bytes = await noticeDocx(notice!, "zh");
    const document = part(bytes, "word/document.xml");
    expect(document).toContain("<w:tblBorders>");
    expect(document).toContain("<w:insideH ");
    expect(document).not.toContain("<w:tcBorders>");
    expect(document).not.toContain("<w:tcMar>");
    const cells = document.match(/<w:tc>/gu)!.length;
    expect(document.match(/<w:pStyle w:val="TaizhangTable(?:Text|Heading)"\/>/gu)).toHaveLength(cells);
    const styles = part(bytes, "word/styles.xml");
    expect(styles).toContain('<w:name w:val="督办表格文字"/>');
    expect(styles).toContain('<w:name w:val="督办表格标题"/>');
  });
});
