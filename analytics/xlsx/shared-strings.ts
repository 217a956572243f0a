/**
 * xl/sharedStrings.xml: the workbook's string table, rich text flattened to its plain text:
 * all <t> runs of an <si> joined, phonetic guides (<rPh>, the pinyin/furigana of East Asian
 * text) left out, as Excel shows the cell.
 */
import type { ReadBudget } from "./read-budget.js";
import { checkCellLength, MAX_CELL_CHARACTERS, readXml, unescapeOoxml } from "./xml.js";

export function parseSharedStrings(xml: string, partName = "xl/sharedStrings.xml", budget?: ReadBudget): string[] {
  const strings: string[] = [];
  const item = new StringItemText();
  readXml(xml, partName, {
    open(name) {
      if (name === "si") item.start();
      else item.open(name);
    },
    close(name) {
      if (name === "si") {
        const text = item.finish(partName, () => `#${strings.length}`);
        budget?.spendText(text.length);
        strings.push(text);
      }
      else item.close(name);
    },
    text(text) {
      item.text(text);
    },
  });
  return strings;
}

/** The text of one string item (<si>, or a cell's <is>) as its events arrive. */
export class StringItemText {
  private parts: string[] = [];
  private length = 0;
  private inText = false;
  private phoneticDepth = 0;

  start(): void {
    this.parts = [];
    this.length = 0;
    this.inText = false;
    this.phoneticDepth = 0;
  }

  open(name: string): void {
    if (name === "rPh") this.phoneticDepth++;
    else if (name === "t" && this.phoneticDepth === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === "rPh") this.phoneticDepth--;
    else if (name === "t") this.inText = false;
  }

  text(text: string): void {
    if (!this.inText) return;
    this.parts.push(text);
    this.length += text.length;
  }

  /** The text; `where` names the item when it is refused as too long. */
  finish(partName: string, where: () => string): string {
    const text = unescapeOoxml(this.parts.length === 1 ? this.parts[0]! : this.parts.join(""));
    if (text.length > MAX_CELL_CHARACTERS) checkCellLength(text, partName, where());
    this.parts = [];
    return text;
  }
}
