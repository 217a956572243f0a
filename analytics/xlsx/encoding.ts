/**
 * The character encoding of an XML part or document, from its first bytes (XML 1.0 appendix F):
 * a byte order mark, UTF-16 without one ("<?" as 3C 00 3F 00), or the declaration's encoding
 * label (WPS and older Chinese tools write GB18030/GBK parts). UTF-8 otherwise. Where the bytes
 * show the declaration cannot be right, the bytes win: a UTF-8 byte order mark over any label
 * (the standard's rule), and UTF-8 over a UTF-16 label on a "<?xml" written one byte a letter
 * (exporters copy a UTF-16 template's declaration and write UTF-8).
 */
import { userMessage } from "../findings/user-message.js";
import { readError } from "./read-errors.js";

export function partDecoder(firstBytes: Uint8Array, partName: string): TextDecoder {
  const [b0, b1, b2, b3] = firstBytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00)) return new TextDecoder("utf-16le");
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f)) return new TextDecoder("utf-16be");
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return new TextDecoder("utf-8");
  const label = declaredEncoding(firstBytes);
  if (label === undefined) return new TextDecoder("utf-8");
  let declared: TextDecoder;
  try {
    declared = new TextDecoder(label);
  } catch {
    throw readError("corrupt", userMessage("xml-encoding", { part: partName, label }));
  }
  // Not UTF-16 by the byte patterns above: the "<?xml" that declares it is one byte a letter.
  return declared.encoding.startsWith("utf-16") ? new TextDecoder("utf-8") : declared;
}

/** encoding="…" of an <?xml …?> declaration at the start of the bytes, read as ASCII. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] !== 0x3c || bytes[1] !== 0x3f) return undefined;
  let head = "";
  for (let i = 0; i < Math.min(bytes.length, 200); i++) {
    head += String.fromCharCode(bytes[i]!);
    if (bytes[i] === 0x3e) break;
  }
  return /\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/u.exec(head)?.[1];
}
