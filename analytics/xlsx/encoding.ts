/**
 * The character encoding of an XML part, from its first bytes (XML 1.0 appendix F): a byte
 * order mark, UTF-16 without one ("<?" as 3C 00 3F 00), or the declaration's encoding label
 * (WPS and older Chinese tools write GB18030/GBK parts). UTF-8 otherwise.
 */
import { userMessage } from "../findings/user-message.js";
import { readError } from "./read-errors.js";

export function partDecoder(firstBytes: Uint8Array, partName: string): TextDecoder {
  const [b0, b1, b2, b3] = firstBytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00)) return new TextDecoder("utf-16le");
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f)) return new TextDecoder("utf-16be");
  const label = declaredEncoding(firstBytes);
  if (label === undefined) return new TextDecoder("utf-8");
  try {
    return new TextDecoder(label);
  } catch {
    throw readError("corrupt", userMessage("xml-encoding", { part: partName, label }));
  }
}

/** encoding="…" of an <?xml …?> declaration at the start of the bytes, read as ASCII. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes[start] !== 0x3c || bytes[start + 1] !== 0x3f) return undefined;
  let head = "";
  for (let i = start; i < Math.min(bytes.length, start + 200); i++) {
    head += String.fromCharCode(bytes[i]!);
    if (bytes[i] === 0x3e) break;
  }
  return /\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/u.exec(head)?.[1];
}
