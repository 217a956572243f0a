/**
 * Writing the patched package: entries left alone are copied as they were stored (local
 * header, compressed bytes, data descriptor and central-directory record, byte for byte, only
 * their offsets moved); rewritten and new entries are deflated afresh. So a part the patch did
 * not touch is the very same bytes in the output, not a recompression of them.
 */
import { Deflate } from "fflate";
import { userMessage } from "../analytics/findings/user-message.js";
import { readError } from "../analytics/xlsx/read-errors.js";
import { readCentralDirectory, type ZipEntry } from "../analytics/xlsx/zip-directory.js";

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;

/** An entry of the input as stored: where its local record lies, and its directory record. */
export interface StoredEntry {
  readonly name: string;
  /**
   * The local header, data and any data descriptor, as stored; or, when the stored local header
   * says other than the directory does, a header written afresh from the directory record in
   * front of the same compressed bytes.
   */
  readonly local: Uint8Array;
  /** The central-directory record, with the local offset to be rewritten. */
  readonly record: Uint8Array;
}

const ZIP64_EXTRA = 0x0001;
const FULL = 0xffffffff;

/**
 * Every entry of a zip as stored, in the order of its central directory. Where the records lie,
 * and each entry's sizes, come from the reader's directory (analytics/xlsx/zip-directory.ts),
 * which finds the end record past a comment holding its signature and follows a zip64 end
 * record; only the records' raw bytes are taken here.
 *
 * Readers differ in which header they trust (most take the directory's, a streaming reader the
 * local one, and Python's zipfile refuses a file whose two names differ), so a local header
 * that disagrees with its directory record is not copied on: the entry gets one written from
 * the directory record, which the reader read the part by. A zip64 record of a small entry is
 * written as a classic one, as the output is a classic zip.
 */
export function storedEntries(bytes: Uint8Array): StoredEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return readCentralDirectory(bytes).map((entry) => {
    const at = entry.recordOffset;
    const record = bytes.subarray(at, at + 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true));
    const offset = entry.localHeaderOffset;
    if (offset + 30 > bytes.length || view.getUint32(offset, true) !== LOCAL_HEADER) throw readError("corrupt", userMessage("zip-local-header", { part: entry.name }));
    const localNameLength = view.getUint16(offset + 26, true);
    const localExtraLength = view.getUint16(offset + 28, true);
    const dataStart = offset + 30 + localNameLength + localExtraLength;
    const dataEnd = dataStart + entry.packedSize;
    if (dataEnd > bytes.length) throw readError("corrupt", userMessage("zip-cut-short", { part: entry.name }));
    const flags = view.getUint16(at + 8, true);
    const classic = classicRecord(record, entry);
    if (!localAgrees(view, offset, at, entry)) {
      return { name: entry.name, local: freshLocal(record, bytes.subarray(dataStart, dataEnd), entry), record: withoutDescriptorFlag(classic) };
    }
    let localEnd = dataEnd;
    if (flags & 0x08) {
      // The descriptor's sizes are 8 bytes each when the local header carries a zip64 field.
      const sizeBytes = hasExtra(view, offset + 30 + localNameLength, localExtraLength, ZIP64_EXTRA) ? 16 : 8;
      localEnd += (dataEnd + 4 <= bytes.length && view.getUint32(dataEnd, true) === DATA_DESCRIPTOR ? 8 : 4) + sizeBytes;
      if (localEnd > bytes.length) throw readError("corrupt", userMessage("zip-cut-short", { part: entry.name }));
    }
    return { name: entry.name, local: bytes.subarray(offset, localEnd), record: classic };
  });
}

/** Whether the local header at `local` says what the directory record at `record` says. */
function localAgrees(view: DataView, local: number, record: number, entry: ZipEntry): boolean {
  const nameLength = view.getUint16(record + 28, true);
  if (view.getUint16(local + 26, true) !== nameLength) return false;
  for (let i = 0; i < nameLength; i++) if (view.getUint8(local + 30 + i) !== view.getUint8(record + 46 + i)) return false;
  const flags = view.getUint16(record + 8, true);
  if (view.getUint16(local + 6, true) !== flags || view.getUint16(local + 8, true) !== entry.method) return false;
  // With a data descriptor the sizes follow the data; the local header may leave them zero.
  if (flags & 0x08) return true;
  return view.getUint32(local + 14, true) === entry.crc32 && view.getUint32(local + 18, true) === entry.packedSize && view.getUint32(local + 22, true) === entry.unpackedSize;
}

/** A local header written from the directory record, in front of the entry's compressed bytes; no data descriptor. */
function freshLocal(record: Uint8Array, data: Uint8Array, entry: ZipEntry): Uint8Array {
  const rv = new DataView(record.buffer, record.byteOffset, record.byteLength);
  const name = record.subarray(46, 46 + rv.getUint16(28, true));
  const local = new Uint8Array(30 + name.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, LOCAL_HEADER, true);
  lv.setUint16(4, rv.getUint16(6, true), true); // version needed
  lv.setUint16(6, rv.getUint16(8, true) & ~0x08, true);
  lv.setUint16(8, entry.method, true);
  lv.setUint32(10, rv.getUint32(12, true), true); // time and date
  lv.setUint32(14, entry.crc32, true);
  lv.setUint32(18, entry.packedSize, true);
  lv.setUint32(22, entry.unpackedSize, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  local.set(data, 30 + name.length);
  return local;
}

/** The record with general-purpose bit 3 (sizes in a data descriptor) cleared, for an entry written without one. */
function withoutDescriptorFlag(record: Uint8Array): Uint8Array {
  const out = record.slice();
  const view = new DataView(out.buffer);
  view.setUint16(8, view.getUint16(8, true) & ~0x08, true);
  return out;
}

/**
 * The directory record as a classic one: a record whose sizes or offset say "see the zip64
 * field" gets them written in and the zip64 field dropped (its offset is rewritten anyway).
 */
function classicRecord(record: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  if (view.getUint32(20, true) !== FULL && view.getUint32(24, true) !== FULL && view.getUint32(42, true) !== FULL) return record;
  const nameLength = view.getUint16(28, true);
  const extraLength = view.getUint16(30, true);
  const extra = record.subarray(46 + nameLength, 46 + nameLength + extraLength);
  const kept: Uint8Array[] = [];
  for (let at = 0; at + 4 <= extra.length; ) {
    const size = 4 + (extra[at + 2]! | (extra[at + 3]! << 8));
    if ((extra[at]! | (extra[at + 1]! << 8)) !== ZIP64_EXTRA) kept.push(extra.subarray(at, at + size));
    at += size;
  }
  const keptLength = kept.reduce((n, k) => n + k.length, 0);
  const out = new Uint8Array(record.length - extraLength + keptLength);
  out.set(record.subarray(0, 46 + nameLength));
  let at = 46 + nameLength;
  for (const k of kept) {
    out.set(k, at);
    at += k.length;
  }
  out.set(record.subarray(46 + nameLength + extraLength), at);
  const ov = new DataView(out.buffer);
  ov.setUint32(20, entry.packedSize, true);
  ov.setUint32(24, entry.unpackedSize, true);
  ov.setUint16(30, keptLength, true);
  return out;
}

/** Whether an extra field block holds a field of `id`. */
function hasExtra(view: DataView, start: number, length: number, id: number): boolean {
  for (let at = start; at + 4 <= start + length; at += 4 + view.getUint16(at + 2, true)) if (view.getUint16(at, true) === id) return true;
  return false;
}

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of `bytes` continuing from `crc` (0 to start). */
function crc32(bytes: Uint8Array, crc: number): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** A raw-deflate stream of one part, with the CRC-32 of what went in. */
export interface CompressStream {
  /** Takes `bytes` in before it returns (copied or compressed): the caller writes over them next. */
  push(bytes: Uint8Array): void;
  finish(): { data: Uint8Array[]; crc: number };
}

/** Starts a part's compression: the host may bring a faster one than fflate (the command line brings zlib). */
export type Compressor = () => CompressStream;

/** The pure compressor: fflate's deflate and a table CRC, for hosts without zlib (a browser). */
export const fflateCompressor: Compressor = () => {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => {
    chunks.push(chunk);
  });
  let crc = 0;
  return {
    push(bytes) {
      crc = crc32(bytes, crc);
      deflate.push(bytes, false);
    },
    finish() {
      deflate.push(new Uint8Array(0), true);
      return { data: chunks, crc };
    },
  };
};

/** Bytes gathered before they are compressed: big enough to compress well. */
const BLOCK_BYTES = 1 << 20;

/**
 * A new part's content, compressed as it is written, so a big sheet is never held whole. Text
 * is encoded straight into one block of bytes (no joined string, no encoded copy of it), which
 * goes to the compressor when full and is then written over.
 */
export class PartBytes {
  private readonly stream: CompressStream;
  private readonly encoder = new TextEncoder();
  private readonly block = new Uint8Array(BLOCK_BYTES);
  private at = 0;
  private started = false;
  size = 0;

  constructor(compressor: Compressor) {
    this.stream = compressor();
  }

  pushText(text: string): void {
    let rest = text;
    if (!this.started) {
      this.started = true;
      // Written as UTF-8 whatever the part was read in: a declaration saying UTF-16 would make it unreadable.
      rest = rest.replace(/^(\uFEFF?<\?xml\s[^>]*?encoding\s*=\s*)(["'])(?!utf-8\2)[^"']*\2/iu, "$1$2UTF-8$2");
    }
    while (rest !== "") {
      // Room for at least one character of up to four bytes.
      if (this.block.length - this.at < 4) this.flush();
      const { read, written } = this.encoder.encodeInto(rest, this.block.subarray(this.at));
      this.at += written;
      rest = read === rest.length ? "" : rest.slice(read);
    }
  }

  finish(): { data: Uint8Array[]; crc: number; size: number } {
    this.flush();
    return { ...this.stream.finish(), size: this.size };
  }

  private flush(): void {
    if (this.at === 0) return;
    // The block is written again after: a compressor is done with what it is handed when push returns.
    const bytes = this.block.subarray(0, this.at);
    this.at = 0;
    this.size += bytes.length;
    this.stream.push(bytes);
  }
}

interface Piece {
  readonly bytes: Uint8Array[];
  readonly length: number;
}

export class ZipOut {
  private readonly pieces: Uint8Array[] = [];
  private readonly records: Uint8Array[] = [];
  private offset = 0;

  /** Copies an input entry as it was stored. */
  copy(entry: StoredEntry): void {
    const record = entry.record.slice();
    new DataView(record.buffer).setUint32(42, this.offset, true);
    this.records.push(record);
    this.append({ bytes: [entry.local], length: entry.local.length });
  }

  /** Adds a deflated entry under `name` (kept as the input spelled it, when replacing one). */
  add(name: string, part: PartBytes): void {
    const { data, crc, size } = part.finish();
    const packed = data.reduce((n, c) => n + c.length, 0);
    const nameBytes = new TextEncoder().encode(name);
    const { time, date } = dosTime(new Date());
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL_HEADER, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, 8, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const record = new Uint8Array(46 + nameBytes.length);
    const rv = new DataView(record.buffer);
    rv.setUint32(0, DIRECTORY_ENTRY, true);
    rv.setUint16(4, 20, true);
    rv.setUint16(6, 20, true);
    rv.setUint16(8, 0x0800, true);
    rv.setUint16(10, 8, true);
    rv.setUint16(12, time, true);
    rv.setUint16(14, date, true);
    rv.setUint32(16, crc, true);
    rv.setUint32(20, packed, true);
    rv.setUint32(24, size, true);
    rv.setUint16(28, nameBytes.length, true);
    rv.setUint32(42, this.offset, true);
    record.set(nameBytes, 46);
    this.records.push(record);
    this.append({ bytes: [local, ...data], length: local.length + packed });
  }

  finish(): Uint8Array {
    const directoryStart = this.offset;
    const directoryLength = this.records.reduce((n, r) => n + r.length, 0);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, END_OF_DIRECTORY, true);
    ev.setUint16(8, this.records.length, true);
    ev.setUint16(10, this.records.length, true);
    ev.setUint32(12, directoryLength, true);
    ev.setUint32(16, directoryStart, true);
    const out = new Uint8Array(directoryStart + directoryLength + end.length);
    let at = 0;
    for (const piece of [...this.pieces, ...this.records, end]) {
      out.set(piece, at);
      at += piece.length;
    }
    return out;
  }

  private append(piece: Piece): void {
    for (const bytes of piece.bytes) this.pieces.push(bytes); // a streamed part may be many thousand chunks
    this.offset += piece.length;
    if (this.offset > 0xffffffff) throw new Error("the output would need zip64");
  }
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
