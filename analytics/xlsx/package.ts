/**
 * The .xlsx package (a zip): what is in it, and its parts inflated on demand. Sizes come from
 * the zip's central directory before anything is inflated, and inflation stops at them, so a
 * zip bomb is refused without costing its unpacked size in memory. Every part is streamed,
 * its size held to the directory's and its CRC-32 checked; worksheets are handed on a piece
 * at a time, never held whole.
 */
import { userMessage, type UserMessage } from "../findings/user-message.js";
import CRC32 from "crc-32";
import { Inflate } from "fflate";
import { partDecoder } from "./encoding.js";
import { readError, WorkbookReadError } from "./read-errors.js";
import { readCentralDirectory, type ZipEntry } from "./zip-directory.js";

/**
 * Unpacked bytes we are willing to read for one workbook: over four times a 100,000-row
 * ledger's sheet (35 MB). Inflating and scanning cost about 30 ms of CPU a megabyte whether or
 * not the XML holds cells (fflate, in plain JavaScript, is half of it): at 1 GiB, a 2.5 MB file
 * of sixty-four sheets of empty rows took 28 s of CPU; 254 MB of numbered empty rows, 7.8 s.
 */
export const MAX_UNPACKED_BYTES = 160 * 1024 * 1024;
/** XML compresses 5–30 times; a ratio far beyond that is not a spreadsheet. */
const MAX_RATIO = 400;
const RATIO_FLOOR_BYTES = 16 * 1024 * 1024;
/** Compressed bytes pushed into the inflater at a time. */
const STREAM_SLICE = 64 * 1024;
/**
 * Inflated bytes decoded into one piece of text at a time. An inflated chunk runs to hundreds
 * of kilobytes, and a string that big is made straight in the old generation, where a 30 MB
 * sheet's text would pile up as garbage until a full collection; pieces this small die young.
 */
const TEXT_SLICE = 16 * 1024;

/** Why a host's inflater stopped, in the words the package says it in. */
export type InflateProblem = "ends-early" | "damaged" | "beyond-declared";

/** What a host's inflater throws: a problem the package names, or the inflater's own words. */
export class InflateFailure extends Error {
  constructor(
    readonly problem: InflateProblem | undefined,
    message: string,
  ) {
    super(message);
    this.name = "InflateFailure";
  }
}

/**
 * A native inflater a host may hand the package (the command line hands Node's zlib, cli/zlib-inflater.ts):
 * a deflated part inflated whole, never to more than `limit` bytes (it throws InflateFailure
 * "beyond-declared" first), and CRC-32 in native code. Without one, fflate streams each part in
 * plain JavaScript, as in the pane. Either way the package holds each part to its declared
 * size and checksum, and the guard on sizes and ratios (guardSize) bounds what one part may
 * cost before any of it is inflated.
 */
export interface HostInflater {
  inflateRaw(data: Uint8Array, limit: number): Uint8Array;
  crc32(data: Uint8Array, crc: number): number;
}

export class XlsxPackage {
  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly host: HostInflater | undefined,
  ) {}

  static open(bytes: Uint8Array, host?: HostInflater): XlsxPackage {
    const entries = new Map<string, ZipEntry>();
    let directory: ZipEntry[];
    try {
      directory = readCentralDirectory(bytes);
    } catch (error) {
      // Offsets a crafted directory points past the file end in a RangeError: damaged all the same.
      if (error instanceof WorkbookReadError) throw error;
      throw readError("corrupt", userMessage("zip-unreadable", { problem: userMessage("zip-directory-damaged") }));
    }
    for (const entry of directory) {
      const key = normalizePartName(entry.name);
      // Readers disagree on which of two same-named entries wins: the file means two things.
      if (entries.has(key)) throw readError("corrupt", userMessage("zip-duplicate-part", { part: entry.name }));
      entries.set(key, entry);
    }
    return new XlsxPackage(bytes, entries, host);
  }

  has(part: string): boolean {
    return this.entries.has(normalizePartName(part));
  }

  /** Refuses up front when the parts about to be read would unpack to an absurd size. */
  guardSize(parts: readonly string[]): void {
    let total = 0;
    let packed = 0;
    for (const part of parts) {
      const entry = this.entries.get(normalizePartName(part));
      if (!entry) continue;
      total += entry.unpackedSize;
      packed += entry.packedSize;
      const ratio = entry.unpackedSize / Math.max(1, entry.packedSize);
      if (entry.unpackedSize > RATIO_FLOOR_BYTES && ratio > MAX_RATIO) {
        throw readError("too-large", userMessage("zip-compression-ratio", { part: entry.name, ratio: Math.round(ratio) }));
      }
    }
    // Many parts each under the floor, or one part listed as many sheets, add up like one bomb.
    const ratio = total / Math.max(1, packed);
    if (total > RATIO_FLOOR_BYTES && ratio > MAX_RATIO) {
      throw readError("too-large", userMessage("zip-compression-ratio-together", { count: parts.length, ratio: Math.round(ratio) }));
    }
    if (total > MAX_UNPACKED_BYTES) {
      throw readError("too-large", userMessage("zip-unpacked-size", { size: Math.round(total / 1024 / 1024) }));
    }
  }

  /** The part's whole text (small parts), or undefined when the package has no such part. */
  textOf(part: string): string | undefined {
    const pieces: string[] = [];
    return this.streamText(part, (text) => pieces.push(text)) ? pieces.join("") : undefined;
  }

  /**
   * The part's text, handed to `onText` a piece at a time as it is inflated, in the encoding
   * its first bytes declare. Multi-byte characters split between pieces are joined by the
   * decoder, never garbled. Returns false when the package has no such part.
   */
  streamText(part: string, onText: (text: string) => void): boolean {
    return this.decode(part, false, (text) => {
      onText(text);
      return true;
    });
  }

  /**
   * The part's text from its start, a piece at a time, until `onText` returns false: enough of
   * a sheet to read its first row without inflating the rest (a 130 MB change log). Streamed by
   * fflate whatever the host, whose inflater takes a part whole. A part read to its end is
   * checked as streamText checks it; a part left early is not (its CRC covers all of it), so
   * only what decides whether to read the part at all may come from here.
   */
  streamHead(part: string, onText: (text: string) => boolean): boolean {
    return this.decode(part, true, onText);
  }

  private decode(part: string, mayStop: boolean, onText: (text: string) => boolean): boolean {
    const entry = this.entries.get(normalizePartName(part));
    if (!entry) return false;
    let decoder: TextDecoder | undefined;
    this.inflate(entry, mayStop, (chunk, final) => {
      decoder ??= partDecoder(chunk, entry.name);
      for (let at = 0; at < chunk.length || at === 0; at += TEXT_SLICE) {
        const last = at + TEXT_SLICE >= chunk.length;
        const text = decoder.decode(chunk.subarray(at, at + TEXT_SLICE), { stream: !(final && last) });
        if (text !== "" && !onText(text)) return false;
      }
      return true;
    });
    return true;
  }

  /**
   * Inflates the entry chunk by chunk, refusing data beyond or short of its declared size, or
   * with a wrong CRC. When it `mayStop`, it streams (never the host's whole-part inflate) and
   * stops at the first chunk `onChunk` answers false to.
   */
  private inflate(entry: ZipEntry, mayStop: boolean, onChunk: (chunk: Uint8Array, final: boolean) => boolean): void {
    const data = this.dataOf(entry);
    const host = mayStop ? undefined : this.host;
    let unpacked = 0;
    let crc = 0;
    let stopped = false;
    const take = (chunk: Uint8Array, final: boolean): void => {
      if (stopped) return;
      unpacked += chunk.length;
      if (unpacked > entry.unpackedSize) throw readError("too-large", userMessage("zip-beyond-declared", { part: entry.name }));
      crc = host === undefined ? CRC32.buf(chunk, crc) : host.crc32(chunk, crc);
      if (final) {
        if (unpacked !== entry.unpackedSize) throw readError("corrupt", userMessage("zip-cut-short", { part: entry.name }));
        if (crc >>> 0 !== entry.crc32 >>> 0) throw readError("corrupt", userMessage("zip-checksum", { part: entry.name }));
      }
      stopped = !onChunk(chunk, final);
    };
    try {
      if (entry.method === 0) {
        take(data, true);
        return;
      }
      if (host !== undefined) {
        take(host.inflateRaw(data, entry.unpackedSize), true);
        return;
      }
      let finished = false;
      const inflater = new Inflate((chunk, final) => {
        finished ||= final;
        take(chunk, final);
      });
      for (let at = 0; at < data.length && !stopped; at += STREAM_SLICE) {
        inflater.push(data.subarray(at, Math.min(at + STREAM_SLICE, data.length)), at + STREAM_SLICE >= data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
      if (!finished && !stopped) throw readError("corrupt", userMessage("zip-cut-short", { part: entry.name }));
    } catch (error) {
      if (error instanceof Error && error.name === "WorkbookReadError") throw error;
      if (error instanceof InflateFailure && error.problem === "beyond-declared") throw readError("too-large", userMessage("zip-beyond-declared", { part: entry.name }));
      throw readError("corrupt", inflateProblem(entry.name, error));
    }
  }

  private dataOf(entry: ZipEntry): Uint8Array {
    // A zip tool's password (bit 0, or WinZip's AES as method 99): no spreadsheet writes one,
    // and its bytes would only fail the checksum, which would say the wrong thing.
    if ((entry.flags & 1) !== 0 || entry.method === 99) throw readError("not-xlsx", userMessage("zip-encrypted-part", { part: entry.name }));
    if (entry.method !== 0 && entry.method !== 8) {
      throw readError("corrupt", userMessage("zip-method", { part: entry.name, method: entry.method }));
    }
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== 0x04034b50) {
      throw readError("corrupt", userMessage("zip-local-header", { part: entry.name }));
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.packedSize > this.bytes.length) throw readError("corrupt", userMessage("zip-cut-short", { part: entry.name }));
    return this.bytes.subarray(start, start + entry.packedSize);
  }
}

/**
 * Part names are case-insensitive in OPC; zip tools write them with a leading slash, with
 * backslashes, or with "./" segments, all naming the same part.
 */
export function normalizePartName(name: string): string {
  return name
    .replace(/\\/gu, "/")
    .replace(/(^|\/)(?:\.\/)+/gu, "$1")
    .replace(/^\/+/u, "")
    .toLowerCase();
}

/** fflate's error by its code (FlateErrorCode), or a host inflater's by its problem, said in the user's words; anything else as it came. */
function inflateProblem(part: string, error: unknown): UserMessage {
  const code = error instanceof InflateFailure ? error.problem : (error as { code?: unknown }).code;
  if (code === 0 || code === "ends-early") return userMessage("zip-part-ends-early", { part });
  if (code === 1 || code === 2 || code === 3 || code === 13 || code === "damaged") return userMessage("zip-part-damaged", { part });
  return userMessage("zip-part-unreadable", { part, problem: problem(error) });
}

function problem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/gu, " ").trim();
}
