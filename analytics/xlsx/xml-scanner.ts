/**
 * The hand-written XML scanner that reads worksheet parts, the hot loop of reading a big
 * ledger: measured on the 100k-row bench sheet it reads a worksheet in about half the time a
 * reader built on saxes takes (bench/xml-parsers.ts, figures in the README), so it is kept
 * for worksheets, and every other part goes through saxes (xml.ts).
 *
 * It reads all of well-formed XML a worksheet can hold: comments and processing instructions
 * are skipped wherever they are, CDATA is text, references are resolved, attributes take
 * either quote and may hold ">", and end tags must match their start tags; a part cut short
 * or left open is damaged. A DOCTYPE (the door to entity expansion) is refused. Pieces of any
 * size may be pushed: only an unfinished construct at the end of a piece is carried over, and
 * that carry is bounded, so no run of text, comment or tag longer than a cell could be written
 * is ever gathered.
 */
import type { ErrorCode } from "../findings/catalogue.errors.js";
import { userMessage } from "../findings/user-message.js";
import { readError } from "./read-errors.js";
import { MAX_CHARACTERS_BETWEEN_EVENTS } from "./xml.js";

export interface ScanHandler {
  /** A start tag by local name; its attributes are read from the scanner while in this call. */
  open(name: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data or CDATA, references resolved; only while the scanner's `captureText` is set. */
  text(text: string): void;
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
/** Characters of a piece joined to the unfinished construct carried from the one before, at first. */
const CARRY_JOIN = 256;
/** Slots of the table of tag names met (a power of two). */
const NAME_SLOTS = 256;

export class XmlScanner {
  /** Set by the handler when it wants the text that follows. */
  captureText = false;
  private xml = "";
  /** Where the tag being reported starts ("<") and ends (">") in the text being scanned. */
  private tagStart = 0;
  private tagEnd = 0;
  private carry = "";
  /** Characters of the part before the text being scanned, and how many of that text were scanned. */
  private offset = 0;
  private scanned = 0;
  /** Name and value spans of the current tag's attributes, four numbers each. */
  private spans = new Int32Array(32);
  private attributeCount = 0;
  /** The tag whose attributes `spans` holds (its start), or -1. */
  private parsedTag = -1;
  /** The elements open, by qualified name (to match end tags) and by local name (to report them). */
  private readonly open: string[] = [];
  private readonly openLocal: string[] = [];
  private sawRoot = false;
  /**
   * Tag names met, in slots by a hash of their spelling, each with its local name: a worksheet
   * repeats a handful of names millions of times, and a name found here is compared in place,
   * not cut out of the text again.
   */
  private readonly names: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);
  private readonly localNames: string[] = new Array<string>(NAME_SLOTS).fill("");
  /** Where the raw value `findAttribute` or `takeTextChild` last found lies in `source`. */
  valueFrom = 0;
  valueTo = 0;
  /** While a start tag with content is being reported: where scanning goes on (moved by takeTextChild). */
  private resumeAt = -1;

  constructor(
    private readonly partName: string,
    private readonly handler: ScanHandler,
  ) {}

  push(text: string): void {
    // Where the carry (or, with none, this text) starts in the part.
    const base = this.offset + this.scanned;
    const carry = this.carry;
    let from = 0;
    if (carry !== "") {
      // The unfinished construct is finished on a joined string as short as will do, and the
      // rest scanned in the text as it came: a string joined to the whole text would be read
      // through its two halves at every character, a third slower.
      for (let take = Math.min(text.length, CARRY_JOIN); ; take = Math.min(text.length, take * 8)) {
        const joined = carry + text.slice(0, take);
        this.startPiece(joined, base);
        const stop = this.scan(joined, 0);
        if (stop >= carry.length) {
          from = stop - carry.length;
          break;
        }
        // Still unfinished (nothing was reported): the construct goes on past this piece too.
        if (take === text.length) return this.endPiece(joined, stop);
      }
    }
    this.startPiece(text, base + carry.length);
    this.endPiece(text, this.scan(text, from));
  }

  private startPiece(xml: string, offset: number): void {
    this.xml = xml;
    this.offset = offset;
    this.parsedTag = -1;
  }

  private endPiece(xml: string, stop: number): void {
    this.scanned = stop;
    this.carry = stop < xml.length ? xml.slice(stop) : "";
    if (this.carry.length > MAX_CHARACTERS_BETWEEN_EVENTS) this.tooLong();
  }

  /**
   * Where the tag being reported lies, counted in characters from the start of the part: for a
   * reader that keeps the part's own text (a patch copying what it does not change).
   */
  get tagFrom(): number {
    return this.offset + this.tagStart;
  }

  /** Just after the ">" of the tag being reported, counted like `tagFrom`. */
  get tagTo(): number {
    return this.offset + this.tagEnd + 1;
  }

  /** How far the part is scanned: what follows (an unfinished construct) waits for the next piece. */
  get scannedTo(): number {
    return this.offset + this.scanned;
  }

  /** The part is complete: an unfinished construct or an element left open makes it damaged. */
  end(): void {
    if (this.carry.trim() !== "") this.damaged("xml-cut-short");
    if (!this.sawRoot || this.open.length > 0) this.damaged("xml-left-open", { element: this.open.at(-1) ?? "worksheet" });
  }

  /** The text being scanned: `findAttribute` points into it, for a reader that reads a value's characters in place. */
  get source(): string {
    return this.xml;
  }

  /** The value of attribute `name` (local name) of the start tag being reported, references resolved. */
  attr(name: string): string | undefined {
    if (!this.findAttribute(name)) return undefined;
    const raw = this.xml.slice(this.valueFrom, this.valueTo);
    return raw.includes("&") ? this.unescape(raw) : raw;
  }

  /**
   * Finds attribute `name` (local name) of the start tag being reported: its raw value, references
   * not resolved, then lies in `source` from `valueFrom` to `valueTo`. False when the tag has none.
   */
  findAttribute(name: string): boolean {
    if (this.parsedTag !== this.tagStart) this.parseAttributes();
    const xml = this.xml;
    const spans = this.spans;
    for (let i = 0; i < this.attributeCount; i++) {
      const nameStart = spans[i * 4]!;
      const nameEnd = spans[i * 4 + 1]!;
      const nameLength = nameEnd - nameStart;
      // "r:id" answers for "id": the prefix is whatever the writer bound.
      const matches =
        nameLength === name.length
          ? xml.startsWith(name, nameStart)
          : nameLength > name.length && xml.charCodeAt(nameEnd - name.length - 1) === 58 && xml.startsWith(name, nameEnd - name.length);
      if (matches) {
        this.valueFrom = spans[i * 4 + 2]!;
        this.valueTo = spans[i * 4 + 3]!;
        return true;
      }
    }
    return false;
  }

  /**
   * When the start tag being reported is followed at once by a child `<name>` holding only plain
   * text (no markup, no references) and its end tag `</name>`, all in the text at hand, takes
   * that child whole: its text then lies in `source` from `valueFrom` to `valueTo`, no events are
   * reported for it, and scanning goes on after its end tag. A worksheet cell is mostly just that
   * (`<c r="C5" t="s"><v>23</v></c>`): three events fewer a cell. False, taking nothing,
   * for anything else, whose events then come as ever.
   */
  takeTextChild(name: string): boolean {
    if (this.resumeAt < 0) return false; // not reporting a start tag with content
    const xml = this.xml;
    const start = this.tagEnd + 1;
    const length = name.length;
    if (xml.charCodeAt(start) !== 60 || !xml.startsWith(name, start + 1) || xml.charCodeAt(start + 1 + length) !== 62) return false;
    const from = start + 2 + length;
    const lt = xml.indexOf("<", from);
    if (lt < 0 || lt - from > MAX_CHARACTERS_BETWEEN_EVENTS) return false;
    for (let p = from; p < lt; p++) if (xml.charCodeAt(p) === 38) return false; // a reference: resolved the general way
    if (xml.charCodeAt(lt + 1) !== 47 || !xml.startsWith(name, lt + 2) || xml.charCodeAt(lt + 2 + length) !== 62) return false;
    this.valueFrom = from;
    this.valueTo = lt;
    this.resumeAt = lt + 3 + length;
    return true;
  }

  /** Where each attribute's name and value lie in the current tag, found once per tag. */
  private parseAttributes(): void {
    const xml = this.xml;
    const end = this.tagEnd;
    let p = this.tagStart + 1;
    let count = 0;
    while (p < end && !isNameEnd(xml.charCodeAt(p))) p++;
    for (;;) {
      while (p < end && isSpace(xml.charCodeAt(p))) p++;
      const nameStart = p;
      while (p < end && xml.charCodeAt(p) !== 61 && !isSpace(xml.charCodeAt(p)) && xml.charCodeAt(p) !== 62 && xml.charCodeAt(p) !== 47) p++;
      const nameEnd = p;
      while (p < end && (isSpace(xml.charCodeAt(p)) || xml.charCodeAt(p) === 61)) p++;
      const quote = xml.charCodeAt(p);
      if (quote !== 34 && quote !== 39) break; // "/>" or ">": no more attributes
      const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", p + 1);
      this.addSpan(count++, nameStart, nameEnd, p + 1, valueEnd);
      p = valueEnd + 1;
    }
    this.attributeCount = count;
    this.parsedTag = this.tagStart;
  }

  private addSpan(index: number, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    if (index * 4 + 4 > this.spans.length) {
      const grown = new Int32Array(this.spans.length * 2);
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[index * 4] = nameStart;
    this.spans[index * 4 + 1] = nameEnd;
    this.spans[index * 4 + 2] = valueStart;
    this.spans[index * 4 + 3] = valueEnd;
  }

  /**
   * The start tag at `lt` read in one pass: its attributes' spans recorded and its ">" found
   * (what tagEndAt and parseAttributes do in two). Only a tag as XML writes one is read so: at
   * anything else (an attribute without a quoted value, a quote inside a name) it returns -2
   * and the tag is read the general way. -1: the tag does not end in this text.
   */
  private cleanTagEnd(lt: number, nameEnd: number): number {
    const xml = this.xml;
    let p = nameEnd;
    let count = 0;
    for (;;) {
      let ch = xml.charCodeAt(p);
      while (ch === 32 || ch === 10 || ch === 13 || ch === 9) ch = xml.charCodeAt(++p);
      if (ch === 62) break;
      if (ch === 47) {
        if (xml.charCodeAt(p + 1) !== 62) return -2;
        p++;
        break;
      }
      if (Number.isNaN(ch)) return -1;
      const nameStart = p;
      while (ch !== 61 && ch !== 32 && ch !== 62 && ch !== 47 && ch !== 10 && ch !== 13 && ch !== 9 && !Number.isNaN(ch)) {
        if (ch === 34 || ch === 39) return -2;
        ch = xml.charCodeAt(++p);
      }
      const attributeNameEnd = p;
      while (ch === 61 || ch === 32 || ch === 10 || ch === 13 || ch === 9) ch = xml.charCodeAt(++p);
      if (ch !== 34 && ch !== 39) return Number.isNaN(ch) ? -1 : -2;
      const valueEnd = xml.indexOf(ch === 34 ? '"' : "'", p + 1);
      if (valueEnd < 0) return -1;
      this.addSpan(count++, nameStart, attributeNameEnd, p + 1, valueEnd);
      p = valueEnd + 1;
    }
    this.attributeCount = count;
    this.parsedTag = lt;
    return p;
  }

  /** The interned slot of the tag name between `start` and `end`. */
  private nameSlot(start: number, end: number): number {
    const xml = this.xml;
    const length = end - start;
    const slot = (length * 7 + xml.charCodeAt(start) * 3 + xml.charCodeAt(end - 1)) & (NAME_SLOTS - 1);
    const known = this.names[slot];
    if (known === undefined || known.length !== length || !xml.startsWith(known, start)) {
      const name = xml.slice(start, end);
      this.names[slot] = name;
      this.localNames[slot] = localName(name);
    }
    return slot;
  }

  /** Scans complete constructs; returns where the unfinished one (if any) starts. */
  private scan(xml: string, from: number): number {
    const length = xml.length;
    let at = from;
    while (at < length) {
      const lt = xml.indexOf("<", at);
      if (lt < 0) return at; // text that may go on in the next piece
      if (lt > at) {
        if (lt - at > MAX_CHARACTERS_BETWEEN_EVENTS) this.tooLong();
        if (this.captureText) {
          const raw = xml.slice(at, lt);
          this.handler.text(raw.includes("&") ? this.unescape(raw) : raw);
        }
      }
      if (lt + 1 >= length) return lt;
      const second = xml.charCodeAt(lt + 1);
      if (second === 33 /* ! */) {
        if (xml.startsWith("<!--", lt)) {
          const close = xml.indexOf("-->", lt + 4);
          if (close < 0) return lt;
          at = close + 3;
        } else if (xml.startsWith("<![CDATA[", lt)) {
          const close = xml.indexOf("]]>", lt + 9);
          if (close < 0) return lt;
          if (this.captureText) this.handler.text(xml.slice(lt + 9, close));
          at = close + 3;
        } else if (length - lt < 9) {
          return lt;
        } else {
          this.damaged("xml-doctype");
        }
      } else if (second === 63 /* ? */) {
        const close = xml.indexOf("?>", lt + 2);
        if (close < 0) return lt;
        at = close + 2;
      } else if (second === 47 /* / */) {
        const gt = xml.indexOf(">", lt + 2);
        if (gt < 0) return lt;
        // Compared in place, not sliced: one end tag per cell.
        const name = this.open.pop();
        const local = this.openLocal.pop();
        const after = name === undefined ? 0 : xml.charCodeAt(lt + 2 + name.length);
        if (name === undefined || local === undefined || !xml.startsWith(name, lt + 2) || !(after === 62 || isSpace(after))) {
          this.damaged("xml-mismatched-tag", { element: xml.slice(lt + 2, Math.min(gt, lt + 42)) });
        }
        this.tagStart = lt;
        this.tagEnd = gt;
        this.handler.close(local);
        at = gt + 1;
      } else {
        let nameEnd = lt + 1;
        let quoteInName = false;
        for (let ch = xml.charCodeAt(nameEnd); !isNameEnd(ch); ch = xml.charCodeAt(++nameEnd)) quoteInName ||= ch === 34 || ch === 39;
        let gt = nameEnd >= length ? -1 : quoteInName ? -2 : this.cleanTagEnd(lt, nameEnd);
        if (gt === -2) {
          gt = tagEndAt(xml, lt + 1);
          this.parsedTag = -1;
        }
        if (gt < 0) return lt;
        const slot = this.nameSlot(lt + 1, nameEnd);
        const name = this.names[slot]!;
        const local = this.localNames[slot]!;
        const selfClosing = xml.charCodeAt(gt - 1) === 47;
        if (this.open.length === 0 && this.sawRoot) this.damaged("xml-two-roots");
        this.sawRoot = true;
        this.tagStart = lt;
        this.tagEnd = gt;
        if (selfClosing) {
          this.handler.open(local, true);
          this.handler.close(local);
          at = gt + 1;
        } else {
          this.resumeAt = gt + 1;
          this.handler.open(local, false);
          this.open.push(name);
          this.openLocal.push(local);
          at = this.resumeAt;
          this.resumeAt = -1;
        }
      }
    }
    return length;
  }

  private unescape(text: string): string {
    return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z][\w.-]*);/gu, (_, body: string) => {
      if (body.startsWith("#")) {
        const n = body[1] === "x" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
        if (Number.isInteger(n) && n > 0 && n <= 0x10ffff) return String.fromCodePoint(n);
        this.damaged("xml-bad-character", { reference: body.slice(0, 12) });
      }
      const named = NAMED_ENTITIES[body];
      if (named === undefined) this.damaged("xml-undefined-entity", { reference: body.slice(0, 20) });
      return named;
    });
  }

  private tooLong(): never {
    throw readError("too-large", userMessage("xml-long-run", { part: this.partName, limit: MAX_CHARACTERS_BETWEEN_EVENTS }));
  }

  /** A damaged part: what is wrong, as a catalogue code, with the part's name added (the overloads type each code's slots). */
  private damaged(code: "xml-cut-short" | "xml-doctype" | "xml-two-roots"): never;
  private damaged(code: "xml-left-open" | "xml-mismatched-tag", params: { element: string }): never;
  private damaged(code: "xml-bad-character" | "xml-undefined-entity", params: { reference: string }): never;
  private damaged(code: ErrorCode, params: Readonly<Record<string, string>> = {}): never {
    throw readError("corrupt", { code, params: { part: this.partName, ...params } });
  }
}

/** Index of the ">" ending the start tag whose name starts at `from`, skipping quoted values; -1 if not in the string. */
function tagEndAt(xml: string, from: number): number {
  let p = from;
  for (;;) {
    const gt = xml.indexOf(">", p);
    if (gt < 0) return -1;
    // Most tags hold no ">" in a value: look for a quote only up to the first ">".
    let quote = -1;
    for (let i = p; i < gt; i++) {
      const ch = xml.charCodeAt(i);
      if (ch === 34 || ch === 39) {
        quote = i;
        break;
      }
    }
    if (quote < 0) return gt;
    const close = xml.indexOf(xml[quote]!, quote + 1);
    if (close < 0) return -1;
    p = close + 1;
  }
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** Space, ">", "/" or the end of the string end a tag's name. */
function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13 || Number.isNaN(ch);
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}
