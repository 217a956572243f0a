/**
 * The text of a web page from its bytes. Systems that export "Excel" as a web page (报表.xls)
 * and pages saved from a government site write GB2312 or GBK as often as UTF-8, and say so in a
 * <meta charset>, a BOM, or not at all. Decoded with the platform's TextDecoder (a web
 * standard, in Node and in the browser alike).
 */

/** How far in a page's charset is looked for: a <meta> sits in the <head>. */
const CHARSET_WINDOW = 4096;

/** GB2312 and GBK are subsets of GB18030: one decoder reads all three. */
const CHINESE_ENCODINGS = new Set(["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "windows-936"]);

export function htmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const declared = declaredCharset(bytes);
  if (declared !== null && CHINESE_ENCODINGS.has(declared)) return new TextDecoder("gb18030").decode(bytes);
  if (declared !== null && declared !== "utf-8" && declared !== "utf8") {
    const decoder = decoderFor(declared);
    if (decoder) return decoder.decode(bytes);
  }
  // No charset said, or UTF-8 said: a page that is not valid UTF-8 is a Chinese system's GBK.
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** The charset a <meta> names near the start (ASCII in every encoding that matters here). */
function declaredCharset(bytes: Uint8Array): string | null {
  let head = "";
  const end = Math.min(bytes.length, CHARSET_WINDOW);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]!);
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // a label no decoder knows: read as UTF-8, else GB18030
  }
}
