/**
 * XML for SpreadsheetML parts, through saxes (a conforming streaming parser): comments,
 * CDATA, processing instructions, character and entity references and either quote are read
 * as XML says, and a part that is not well-formed (cut short, an unclosed <sheetData>) is a
 * damaged file. Measured against the hand-written scanner this replaced, on the 100k-row
 * bench sheet, it is as fast (bench/xml-parsers.ts; figures in the README).
 *
 * Work is bounded by what a spreadsheet can hold: no event may be further apart than the
 * longest cell could be written (32,767 characters, each as a character reference), so a
 * part of one endless text, comment or attribute is refused at its first excess instead of
 * being gathered whole.
 */
import { userMessage } from "../findings/user-message.js";
import { SaxesParser } from "saxes";
import { readError } from "./read-errors.js";

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARACTERS = 32_767;
/** The most characters of XML between two events: the longest cell, every character escaped as "&#x10FFFF;". */
export const MAX_CHARACTERS_BETWEEN_EVENTS = MAX_CELL_CHARACTERS * 10 + 4096;
/** Characters written into the parser at a time, so the bound above is checked as it is reached. */
const WRITE_SLICE = 64 * 1024;

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  /** A start tag, by local name (prefix dropped); self-closing tags are closed right after. */
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  /** Character data and CDATA, references resolved. */
  text?(text: string): void;
}

/** Feeds one part, in pieces of any size, to a handler. */
export class XmlReader {
  private readonly parser = new SaxesParser({ xmlns: false, position: false });
  private sinceEvent = 0;

  constructor(
    private readonly partName: string,
    handler: XmlHandler,
  ) {
    const { parser } = this;
    parser.on("opentag", (tag) => {
      this.sinceEvent = 0;
      handler.open(localName(tag.name), tag.attributes);
    });
    const close = handler.close;
    parser.on("closetag", (tag) => {
      this.sinceEvent = 0;
      close?.(localName(tag.name));
    });
    const text = handler.text;
    const onText = (t: string): void => {
      this.sinceEvent = 0;
      text?.(t);
    };
    parser.on("text", onText);
    parser.on("cdata", onText);
    const reset = (): void => {
      this.sinceEvent = 0;
    };
    parser.on("comment", reset);
    parser.on("processinginstruction", reset);
  }

  push(text: string): void {
    for (let at = 0; at < text.length; at += WRITE_SLICE) {
      const slice = at === 0 && text.length <= WRITE_SLICE ? text : text.slice(at, at + WRITE_SLICE);
      this.sinceEvent += slice.length;
      this.guarded(() => this.parser.write(slice));
      if (this.sinceEvent > MAX_CHARACTERS_BETWEEN_EVENTS) {
        throw readError("too-large", userMessage("xml-long-run", { part: this.partName, limit: MAX_CHARACTERS_BETWEEN_EVENTS }));
      }
    }
  }

  /** The part is complete: anything left open makes it damaged. */
  end(): void {
    this.guarded(() => this.parser.close());
  }

  private guarded(run: () => void): void {
    try {
      run();
    } catch (error) {
      if (error instanceof Error && error.name === "WorkbookReadError") throw error;
      // The parser's own reasons are English ("undefined entity."): say where it stopped instead,
      // counted over the whole part (position tracking by line is off, for speed).
      throw readError("corrupt", userMessage("xml-syntax-at", { part: this.partName, offset: this.parser.position }));
    }
  }
}

/** A whole part at once. */
export function readXml(xml: string, partName: string, handler: XmlHandler): void {
  const reader = new XmlReader(partName, handler);
  reader.push(xml);
  reader.end();
}

/** "x:c" → "c": SpreadsheetML is written with any prefix, or none. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name, whatever its prefix ("r:id", "rel:id"). */
export function attributeByLocalName(attributes: Attributes, name: string): string | undefined {
  const plain = attributes[name];
  if (plain !== undefined) return plain;
  for (const key in attributes) if (localName(key) === name) return attributes[key];
  return undefined;
}

/** OOXML's _xHHHH_ escapes of characters XML cannot carry (ST_Xstring), in cell and string text. */
export function unescapeOoxml(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Refuses a cell or string longer than a spreadsheet can hold. */
export function checkCellLength(text: string, partName: string, where: string): void {
  if (text.length > MAX_CELL_CHARACTERS) {
    throw readError("too-large", userMessage("xml-cell-too-long", { part: partName, where, limit: MAX_CELL_CHARACTERS }));
  }
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Resolves &amp;, &#12345; and &#x4E00; references and OOXML's _x000D_ escapes (for text taken out of a tag by hand). */
export function unescapeXml(text: string): string {
  return unescapeOoxml(resolveReferences(text));
}

function resolveReferences(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/gu, (whole, body: string) => {
    if (!body.startsWith("#")) return NAMED_ENTITIES[body] ?? whole;
    const n = body[1] === "x" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  });
}

/**
 * The text of a string item's content (after <si> or <is>, up to `end`): its <t> runs joined,
 * phonetic guides (<rPh>) left out, comments skipped, CDATA as text; it stops at the item's end tag.
 */
export function stringItemText(xml: string, start: number, end: number): string {
  let text = "";
  let inText = false;
  let phonetic = 0;
  let at = start;
  while (at < end) {
    const lt = xml.indexOf("<", at);
    const stop = lt < 0 || lt > end ? end : lt;
    if (inText && phonetic === 0 && stop > at) text += resolveReferences(xml.slice(at, stop));
    if (stop === end) break;
    if (xml.startsWith("<!--", lt)) {
      at = xml.indexOf("-->", lt) + 3 || end;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const close = xml.indexOf("]]>", lt);
      if (inText && phonetic === 0) text += xml.slice(lt + 9, close < 0 ? end : close);
      at = close < 0 ? end : close + 3;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0) break;
    const closing = xml.charCodeAt(lt + 1) === 47;
    const name = localName(xml.slice(lt + (closing ? 2 : 1), gt).split(/[\s/]/u)[0]!);
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    if (name === "rPh" && !selfClosing) phonetic += closing ? -1 : 1;
    else if (name === "t") inText = !closing && !selfClosing;
    else if (closing && (name === "is" || name === "si")) break;
    at = gt + 1;
  }
  return unescapeOoxml(text);
}
