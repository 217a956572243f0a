/**
 * A zip's central directory: every entry's name, sizes and where its data starts. Read from
 * the end of the file, as every zip reader does; the sizes here are the ones a zip bomb lies
 * about, so callers cap inflation at them.
 */
import { userMessage } from "../findings/user-message.js";
import { readError, type WorkbookReadError } from "./read-errors.js";

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** General-purpose bit flags of the directory record (bit 0: the data is encrypted). */
  readonly flags: number;
  /** CRC-32 of the unpacked data, as the writer computed it. */
  readonly crc32: number;
  readonly packedSize: number;
  readonly unpackedSize: number;
  readonly localHeaderOffset: number;
  /** Where the entry's central-directory record lies, for a writer that copies it. */
  readonly recordOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const MAX_COMMENT = 0xffff;
const utf8 = new TextDecoder("utf-8");

export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const zip64End = Number(view.getBigUint64(end - 12, true));
    if (zip64End + 56 > bytes.length || view.getUint32(zip64End, true) !== ZIP64_END) throw unreadable("zip-bad-zip64");
    count = Number(view.getBigUint64(zip64End + 32, true));
    offset = Number(view.getBigUint64(zip64End + 48, true));
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw unreadable("zip-directory-short");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const sizes = {
      packedSize: view.getUint32(at + 20, true),
      unpackedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, sizes);
    entries.push({ name, method: view.getUint16(at + 10, true), flags: view.getUint16(at + 8, true), crc32: view.getUint32(at + 16, true), ...sizes, recordOffset: at });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The end record: the signature whose comment runs exactly to the end of the file. The comment
 * is free bytes and may itself hold the signature (a zip inside the comment, or a crafted one),
 * so the first signature found from the end is not enough; a file with bytes after its comment
 * falls back to the last signature whose directory offset points at a directory entry.
 */
export function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  let fallback = -1;
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) !== END_OF_DIRECTORY) continue;
    if (at + 22 + view.getUint16(at + 20, true) === view.byteLength) return at;
    const directory = view.getUint32(at + 16, true);
    if (fallback < 0 && directory + 4 <= at && view.getUint32(directory, true) === DIRECTORY_ENTRY) fallback = at;
  }
  if (fallback >= 0) return fallback;
  throw unreadable("zip-no-directory");
}

/** Sizes of 0xFFFFFFFF mean "see the zip64 extra field", in this order. */
function readZip64Extra(
  view: DataView,
  start: number,
  length: number,
  sizes: { packedSize: number; unpackedSize: number; localHeaderOffset: number },
): void {
  const FULL = 0xffffffff;
  if (sizes.packedSize !== FULL && sizes.unpackedSize !== FULL && sizes.localHeaderOffset !== FULL) return;
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (sizes.unpackedSize === FULL) sizes.unpackedSize = next();
      if (sizes.packedSize === FULL) sizes.packedSize = next();
      if (sizes.localHeaderOffset === FULL) sizes.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** A directory that cannot be read: a damaged file, said in the user's language. */
function unreadable(why: "zip-no-directory" | "zip-directory-short" | "zip-bad-zip64"): WorkbookReadError {
  return readError("corrupt", userMessage("zip-unreadable", { problem: userMessage(why) }));
}
