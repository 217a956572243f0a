/**
 * Reading and setting one attribute of a start tag the patch keeps as text (a <col>, an <xf>, a
 * <sheetFormatPr>), in either quote as XML allows.
 */

function unescapeAttr(text: string): string {
  return text.replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&lt;/gu, "<").replace(/&gt;/gu, ">").replace(/&amp;/gu, "&");
}

/** The attribute's value, unescaped; undefined when the tag lacks it. */
export function attrOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "u").exec(tag);
  return m === null ? undefined : unescapeAttr(m[1] ?? m[2] ?? "");
}

/** The tag with the attribute set: replaced where it stands, else added after the element's name. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`, "u");
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/^<([\w:]+)/u, `<$1 ${name}="${value}"`);
}
