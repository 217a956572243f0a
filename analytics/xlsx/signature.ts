/**
 * What kind of file the bytes are, from their first bytes: a zip (an .xlsx, or something
 * else zipped), or an OLE compound file (a legacy .xls, or an .xlsx encrypted with a
 * password, which Office wraps in the same container with an "EncryptedPackage" stream).
 */
export type FileKind = "zip" | "legacy-xls" | "encrypted" | "ole-other" | "empty" | "other";

const ZIP = [0x50, 0x4b]; // "PK"
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP)) return "zip";
  if (startsWith(bytes, OLE)) {
    if (containsUtf16(bytes, "EncryptedPackage")) return "encrypted";
    if (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book")) return "legacy-xls";
    return "ole-other";
  }
  return "other";
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Stream names in an OLE directory are UTF-16LE; the directory sits within the first sectors. */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  const limit = bytes.length - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    if (bytes[i] !== needle[0]) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
