/**
 * Just enough XML for SpreadsheetML, read straight off the string: the parts Excel, WPS and
 * LibreOffice write are machine-made, flat and namespace-prefixed at will ("x:c"), so a
 * scanner that ignores prefixes is both simpler and several times faster than a DOM.
 */

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Resolves &amp;, &#12345; and &#x4E00; and OOXML's _x000D_ escapes of control characters. */
export function unescapeXml(text: string): string {
  let out = text;
  if (out.includes("&")) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/gu, (whole, body: string) => {
      if (body.startsWith("#x")) return codePoint(Number.parseInt(body.slice(2), 16), whole);
      if (body.startsWith("#")) return codePoint(Number.parseInt(body.slice(1), 10), whole);
      return NAMED_ENTITIES[body] ?? whole;
    });
  }
  if (out.includes("_x")) {
    out = out.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  return out;
}

function codePoint(n: number, fallback: string): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

/** The local name of a tag starting at `lt` (the index of "<"), without any prefix. */
export function tagNameAt(xml: string, lt: number): string {
  let end = lt + 1;
  while (end < xml.length) {
    const ch = xml.charCodeAt(end);
    // space, tab, CR, LF, ">" and "/" end a name
    if (ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
    end++;
  }
  const name = xml.slice(lt + 1, end);
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The value of attribute `name` inside the tag spanning [start, end), unescaped; or undefined. */
export function attr(xml: string, start: number, end: number, name: string): string | undefined {
  // Search a slice, not the document: indexOf on the whole string would run on to the end
  // of the sheet for every tag that lacks the attribute.
  return tagAttr(xml.slice(start, end), name);
}

/** The value of attribute `name` in one tag's text, unescaped; or undefined. */
export function tagAttr(tag: string, name: string): string | undefined {
  const needle = name + '="';
  let at = tag.indexOf(needle);
  while (at >= 0) {
    const before = tag.charCodeAt(at - 1);
    // The attribute must start a word (" r=" not "ref=" for "r"); ":" allows a prefix ("r:id").
    if (before === 32 || before === 9 || before === 10 || before === 13 || before === 58) {
      const valueStart = at + needle.length;
      const valueEnd = tag.indexOf('"', valueStart);
      if (valueEnd < 0) return undefined;
      const raw = tag.slice(valueStart, valueEnd);
      return raw.includes("&") ? unescapeXml(raw) : raw;
    }
    at = tag.indexOf(needle, at + 1);
  }
  return undefined;
}

/** Index just past the ">" closing the tag that starts at `lt`. */
export function tagEnd(xml: string, lt: number): number {
  const gt = xml.indexOf(">", lt);
  return gt < 0 ? xml.length : gt + 1;
}

export function isSelfClosing(xml: string, tagEndIndex: number): boolean {
  return xml.charCodeAt(tagEndIndex - 2) === 47; // "/>"
}

/** Every start tag with local name `name`, as [start, end) spans of the tag itself. */
export function* tags(xml: string, name: string): Generator<[number, number]> {
  let at = xml.indexOf("<", 0);
  while (at >= 0) {
    const next = xml.charCodeAt(at + 1);
    if (next !== 47 && next !== 63 && next !== 33 && tagNameAt(xml, at) === name) {
      const end = tagEnd(xml, at);
      yield [at, end];
      at = xml.indexOf("<", end);
    } else {
      at = xml.indexOf("<", at + 1);
    }
  }
}

/**
 * The text of a string item (<si> or <is>): all <t> runs joined, phonetic guides (<rPh>,
 * the furigana/pinyin of East Asian text) left out, as Excel shows the cell.
 */
export function stringItemText(xml: string, start: number, end: number): string {
  let text = "";
  let at = xml.indexOf("<", start);
  while (at >= 0 && at < end) {
    const name = xml.charCodeAt(at + 1) === 47 ? "" : tagNameAt(xml, at);
    const close = tagEnd(xml, at);
    if (name === "rPh") {
      const skip = closingTag(xml, close, "rPh", end);
      at = xml.indexOf("<", skip);
      continue;
    }
    if (name === "t" && !isSelfClosing(xml, close)) {
      const stop = xml.indexOf("<", close);
      const raw = xml.slice(close, stop < 0 ? end : stop);
      text += raw.includes("&") || raw.includes("_x") ? unescapeXml(raw) : raw;
      at = stop;
      continue;
    }
    at = xml.indexOf("<", close);
  }
  return text;
}

/** Index just past the end tag </…name> that closes an element whose content starts at `from`. */
export function closingTag(xml: string, from: number, name: string, limit = xml.length): number {
  let at = xml.indexOf("</", from);
  while (at >= 0 && at < limit) {
    if (tagNameAt(xml, at + 1) === name) return tagEnd(xml, at);
    at = xml.indexOf("</", at + 2);
  }
  return limit;
}
