/**
 * A zip writer with every knob a hostile or merely unusual writer turns: entries stored or
 * deflated (or handed over already deflated, say in many tiny blocks), data descriptors, extra
 * fields, a local header that disagrees with the central directory, entries laid out in another
 * order than the directory lists them, a comment at the end, a zip64 end record. fflate's own
 * zip writer makes none of these choices, so the bytes are laid out here by hand.
 */
import CRC32 from "crc-32";
import { deflateSync, strToU8 } from "fflate";

export interface RawEntry {
  /** The name in the central directory (and the local header, unless `localName` says otherwise). */
  readonly name: string;
  readonly data: Uint8Array | string;
  /** 0 stored, 8 deflated (default), or any other method number to claim. */
  readonly method?: number;
  /** The compressed bytes to write instead of deflating `data` (method 8). */
  readonly packed?: Uint8Array;
  /** Sizes and CRC left out of the local header and written after the data (general-purpose bit 3). */
  readonly dataDescriptor?: boolean;
  /** Extra field of both headers, or of the local header only. */
  readonly extra?: Uint8Array;
  readonly localExtra?: Uint8Array;
  /** What the local header says, when it lies. */
  readonly localName?: string;
  readonly localMethod?: number;
  readonly localSizes?: { readonly packed: number; readonly unpacked: number; readonly crc: number };
  /** General-purpose flags to add (bit 0: encrypted). */
  readonly flags?: number;
  readonly entryComment?: string;
}

export interface RawZipOptions {
  /** Which entries' data comes first, as indexes into the entries (the rest follow in directory order). */
  readonly layout?: readonly number[];
  /** The zip comment after the end record. */
  readonly comment?: Uint8Array | string;
  /** A zip64 end record and locator before the classic one, whose fields then say "see zip64". */
  readonly zip64?: boolean;
  /** Bytes before the first local header (a self-extractor's stub), offsets not adjusted. */
  readonly prefix?: Uint8Array;
  /** The entry count the end record claims, when it lies. */
  readonly claimedCount?: number;
}

const bytesOf = (data: Uint8Array | string): Uint8Array => (typeof data === "string" ? strToU8(data) : data);

export function rawZip(entries: readonly RawEntry[], options: RawZipOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (chunk: Uint8Array): void => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  if (options.prefix) push(options.prefix);
  const offsets = new Map<number, number>();
  const facts = entries.map((entry) => {
    const data = bytesOf(entry.data);
    const method = entry.method ?? 8;
    const packed = entry.packed ?? (method === 8 ? deflateSync(data, { level: 6 }) : data);
    return { data, method, packed, crc: CRC32.buf(data) >>> 0, name: strToU8(entry.name) };
  });
  // Entries the layout leaves out are laid out after it, in directory order.
  const layout = [...(options.layout ?? []), ...entries.map((_, i) => i).filter((i) => !options.layout?.includes(i))];
  for (const index of layout) {
    const entry = entries[index]!;
    const fact = facts[index]!;
    offsets.set(index, offset - (options.prefix?.length ?? 0));
    const localName = entry.localName === undefined ? fact.name : strToU8(entry.localName);
    const extra = entry.localExtra ?? entry.extra ?? new Uint8Array(0);
    const sizes = entry.localSizes ?? (entry.dataDescriptor ? { packed: 0, unpacked: 0, crc: 0 } : { packed: fact.packed.length, unpacked: fact.data.length, crc: fact.crc });
    const header = new DataView(new ArrayBuffer(30));
    header.setUint32(0, 0x04034b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, (entry.flags ?? 0) | (entry.dataDescriptor ? 8 : 0) | 0x800, true);
    header.setUint16(8, entry.localMethod ?? fact.method, true);
    header.setUint32(10, 0x00210000, true); // 1980-01-01 00:00
    header.setUint32(14, sizes.crc, true);
    header.setUint32(18, sizes.packed, true);
    header.setUint32(22, sizes.unpacked, true);
    header.setUint16(26, localName.length, true);
    header.setUint16(28, extra.length, true);
    push(new Uint8Array(header.buffer));
    push(localName);
    push(extra);
    push(fact.packed);
    if (entry.dataDescriptor) {
      const descriptor = new DataView(new ArrayBuffer(16));
      descriptor.setUint32(0, 0x08074b50, true);
      descriptor.setUint32(4, fact.crc, true);
      descriptor.setUint32(8, fact.packed.length, true);
      descriptor.setUint32(12, fact.data.length, true);
      push(new Uint8Array(descriptor.buffer));
    }
  }
  const directoryStart = offset - (options.prefix?.length ?? 0);
  entries.forEach((entry, index) => {
    const fact = facts[index]!;
    const extra = entry.extra ?? new Uint8Array(0);
    const comment = strToU8(entry.entryComment ?? "");
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(8, (entry.flags ?? 0) | (entry.dataDescriptor ? 8 : 0) | 0x800, true);
    header.setUint16(10, fact.method, true);
    header.setUint32(12, 0x00210000, true);
    header.setUint32(16, fact.crc, true);
    header.setUint32(20, fact.packed.length, true);
    header.setUint32(24, fact.data.length, true);
    header.setUint16(28, fact.name.length, true);
    header.setUint16(30, extra.length, true);
    header.setUint16(32, comment.length, true);
    header.setUint32(38, entry.name.endsWith("/") ? 0x10 : 0, true);
    header.setUint32(42, offsets.get(index)!, true);
    push(new Uint8Array(header.buffer));
    push(fact.name);
    push(extra);
    push(comment);
  });
  const directorySize = offset - (options.prefix?.length ?? 0) - directoryStart;
  const count = options.claimedCount ?? entries.length;
  if (options.zip64) {
    const zip64At = offset - (options.prefix?.length ?? 0);
    const record = new DataView(new ArrayBuffer(56));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setUint16(12, 45, true);
    record.setUint16(14, 45, true);
    record.setBigUint64(24, BigInt(count), true);
    record.setBigUint64(32, BigInt(count), true);
    record.setBigUint64(40, BigInt(directorySize), true);
    record.setBigUint64(48, BigInt(directoryStart), true);
    push(new Uint8Array(record.buffer));
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    locator.setBigUint64(8, BigInt(zip64At), true);
    locator.setUint32(16, 1, true);
    push(new Uint8Array(locator.buffer));
  }
  const comment = options.comment === undefined ? new Uint8Array(0) : bytesOf(options.comment);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, options.zip64 ? 0xffff : count, true);
  end.setUint16(10, options.zip64 ? 0xffff : count, true);
  end.setUint32(12, options.zip64 ? 0xffffffff : directorySize, true);
  end.setUint32(16, options.zip64 ? 0xffffffff : directoryStart, true);
  end.setUint16(20, comment.length, true);
  push(new Uint8Array(end.buffer));
  push(comment);
  const out = new Uint8Array(offset);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A raw deflate stream of stored blocks of `blockSize` bytes each: legal, and as fragmented as deflate gets. */
export function storedBlocksDeflate(data: Uint8Array, blockSize: number): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / blockSize));
  const out = new Uint8Array(data.length + blocks * 5);
  let at = 0;
  for (let b = 0; b < blocks; b++) {
    const piece = data.subarray(b * blockSize, Math.min(data.length, (b + 1) * blockSize));
    out[at++] = b === blocks - 1 ? 1 : 0; // BFINAL, BTYPE 00
    out[at++] = piece.length & 0xff;
    out[at++] = piece.length >> 8;
    out[at++] = ~piece.length & 0xff;
    out[at++] = (~piece.length >> 8) & 0xff;
    out.set(piece, at);
    at += piece.length;
  }
  return out.subarray(0, at);
}

/** An extra field record: a header id and its bytes. */
export function extraField(id: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, id, true);
  view.setUint16(2, body.length, true);
  out.set(body, 4);
  return out;
}
