/**
 * The text of a web page from its bytes, in the charset its <meta> names (text-decoding.ts for
 * a byte order mark, and for a page that names none: UTF-8, else GBK).
 */
import { decodeText } from "../text-decoding.js";

/** How far in a page's charset is looked for: a <meta> sits in the <head>. */
const CHARSET_WINDOW = 4096;

export function htmlText(bytes: Uint8Array): string {
  return decodeText(bytes, asciiCompatible(declaredCharset(bytes)));
}

/**
 * A <meta> read byte by byte as ASCII cannot truly name UTF-16 (or UTF-32), whose every ASCII
 * character is two bytes or more: browsers read such a page as UTF-8 (the HTML standard's rule),
 * and so does this. A real UTF-16 page starts with a byte order mark, which wins.
 */
function asciiCompatible(charset: string | null): string | null {
  return charset !== null && /^(?:utf-?(?:16|32)|ucs-?(?:2|4)|unicode)/iu.test(charset) ? "utf-8" : charset;
}

/** The charset a <meta> names near the start (ASCII in every encoding that matters here). */
function declaredCharset(bytes: Uint8Array): string | null {
  let head = "";
  const end = Math.min(bytes.length, CHARSET_WINDOW);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]!);
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head);
  return m ? m[1]! : null;
}
