/**
 * The text of a web page from its bytes, in the charset its <meta> names (text-decoding.ts for
 * a byte order mark, and for a page that names none: UTF-8, else GBK).
 */
import { decodeText } from "../text-decoding.js";

/** How far in a page's charset is looked for: a <meta> sits in the <head>. */
const CHARSET_WINDOW = 4096;

export function htmlText(bytes: Uint8Array): string {
  return decodeText(bytes, declaredCharset(bytes));
}

/** The charset a <meta> names near the start (ASCII in every encoding that matters here). */
function declaredCharset(bytes: Uint8Array): string | null {
  let head = "";
  const end = Math.min(bytes.length, CHARSET_WINDOW);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]!);
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head);
  return m ? m[1]! : null;
}
