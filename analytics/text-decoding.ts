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
  // No charset said, or UTF-8 said: text that is mostly not UTF-8 is a Chinese system's GBK.
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  return mostlyUtf8(utf8) ? utf8 : new TextDecoder("gb18030").decode(bytes);
}

/**
 * GBK read as UTF-8 breaks at nearly every Chinese character; UTF-8 with a stray byte (a field a
 * system cut mid-character, a byte lost in copying) breaks there alone, and is read as UTF-8 with
 * that character shown as "�", as Excel and browsers show it, not the whole file turned to
 * nonsense. A few breaks among many good characters are such strays.
 */
const STRAYS_PER_CHARACTER = 1 / 20;

function mostlyUtf8(text: string): boolean {
  let broken = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) broken++;
    else if (code >= 0x80) good++;
  }
  return broken === 0 || broken <= good * STRAYS_PER_CHARACTER;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // a label no decoder knows: read as UTF-8, else GB18030
  }
}
