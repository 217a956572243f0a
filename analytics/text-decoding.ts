/**
 * The bytes of a text file (a web page, a CSV) as the text the software that wrote it meant. A
 * Chinese office's systems write GB2312 or GBK as often as UTF-8, and say so in a byte order
 * mark, a declared charset, or not at all. Decoded with the platform's TextDecoder (a web
 * standard, in Node and in the browser alike).
 */

/** GB2312 and GBK are subsets of GB18030: one decoder reads all three. */
const CHINESE_ENCODINGS = new Set(["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "windows-936"]);

/** `declared`: the charset the file names for itself (a page's <meta>), if any. */
export function decodeText(bytes: Uint8Array, declared: string | null = null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const label = declared?.toLowerCase() ?? null;
  if (label !== null && CHINESE_ENCODINGS.has(label)) return new TextDecoder("gb18030").decode(bytes);
  if (label !== null && label !== "utf-8" && label !== "utf8") {
    const decoder = decoderFor(label);
    if (decoder) return decoder.decode(bytes);
  }
  // No charset said, or UTF-8 said: text that is not valid UTF-8 is a Chinese system's GBK.
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // a label no decoder knows: read as UTF-8, else GB18030
  }
}
