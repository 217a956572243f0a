/**
 * What kind of file the bytes are, from their first bytes: a zip (an .xlsx, or something
 * else zipped), or an OLE compound file (a legacy .xls, or an .xlsx encrypted with a
 * password, which Office wraps in the same container with an "EncryptedPackage" stream).
 * Offices also pass round what only looks like a workbook by its name: a web page that a
 * system exported as "报表.xls" (Excel opens it with a warning), Excel 2003's XML
 * spreadsheet, a CSV renamed: each is named, so the clerk knows to save it as .xlsx.
 */
export type FileKind = "zip" | "legacy-xls" | "encrypted" | "ole-other" | "empty" | "html" | "xml-2003" | "text" | "other";

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
  return textKind(bytes);
}

/** How much of the start is looked at to tell a text file's kind. */
const SNIFF_BYTES = 4096;

/** Lines of a text file looked at for a separator. */
const TEXT_LINES = 5;

/** A web page, an Excel 2003 XML spreadsheet, other text (CSV, TSV), or none of these. */
function textKind(bytes: Uint8Array): FileKind {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) return "other"; // binary
  const text = new TextDecoder(utf16 ? (head[0] === 0xff ? "utf-16le" : "utf-16be") : "utf-8").decode(head).replace(/^\uFEFF/u, "").toLowerCase();
  if (/urn:schemas-microsoft-com:office:spreadsheet|progid\s*=\s*["']excel\.sheet["']/u.test(text)) return "xml-2003";
  if (/^\s*(?:<!doctype\s+html|<html|<table|<meta|<head)|<html[\s>]|<table[\s>]/u.test(text)) return "html";
  // Text: no control characters but line ends and tabs, and a separator in one of the first
  // lines (an export may put a title line above its header).
  if (/[\u0000-\u0008\u000e-\u001f]/u.test(text)) return "other";
  return text.split(/\r?\n/u, TEXT_LINES).some((line) => /[,\t;，]/u.test(line)) ? "text" : "other";
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
