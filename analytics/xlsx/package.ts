/**
 * The .xlsx package (a zip): what is in it, and its parts inflated on demand. Sizes are taken
 * from the zip's central directory before anything is inflated, and inflation never writes
 * past them, so a zip bomb is refused without costing its unpacked size in memory.
 */
import { strFromU8, unzipSync } from "fflate";
import { readError } from "./errors.js";

/** Unpacked bytes we are willing to hold for the parts we read. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;
/** XML compresses 5–30 times; a ratio far beyond that is not a spreadsheet. */
const MAX_RATIO = 400;
const RATIO_FLOOR_BYTES = 16 * 1024 * 1024;

export interface PackageEntry {
  readonly name: string;
  readonly size: number;
  readonly unpackedSize: number;
}

export class XlsxPackage {
  readonly entries: ReadonlyMap<string, PackageEntry>;

  private constructor(
    private readonly bytes: Uint8Array,
    entries: Map<string, PackageEntry>,
  ) {
    this.entries = entries;
  }

  static open(bytes: Uint8Array): XlsxPackage {
    const entries = new Map<string, PackageEntry>();
    try {
      unzipSync(bytes, {
        filter: (file) => {
          entries.set(normalizePartName(file.name), { name: file.name, size: file.size, unpackedSize: file.originalSize });
          return false;
        },
      });
    } catch (error) {
      throw readError("corrupt", zipProblem(error));
    }
    return new XlsxPackage(bytes, entries);
  }

  has(part: string): boolean {
    return this.entries.has(normalizePartName(part));
  }

  /** Refuses up front when the parts about to be read would unpack to an absurd size. */
  guardSize(parts: readonly string[]): void {
    let total = 0;
    for (const part of parts) {
      const entry = this.entries.get(normalizePartName(part));
      if (!entry) continue;
      total += entry.unpackedSize;
      const ratio = entry.unpackedSize / Math.max(1, entry.size);
      if (entry.unpackedSize > RATIO_FLOOR_BYTES && ratio > MAX_RATIO) {
        throw readError("too-large", `${entry.name} 压缩比 ${Math.round(ratio)}:1 (compression ratio)`);
      }
    }
    if (total > MAX_UNPACKED_BYTES) {
      throw readError("too-large", `解压后 ${Math.round(total / 1024 / 1024)} MiB (unpacked)`);
    }
  }

  /** The part's bytes, or undefined when the package has no such part. */
  bytesOf(part: string): Uint8Array | undefined {
    const wanted = this.entries.get(normalizePartName(part));
    if (!wanted) return undefined;
    let found: Uint8Array | undefined;
    try {
      const files = unzipSync(this.bytes, { filter: (file) => file.name === wanted.name });
      found = files[wanted.name];
    } catch (error) {
      throw readError("corrupt", `${wanted.name}: ${zipProblem(error)}`);
    }
    return found;
  }

  textOf(part: string): string | undefined {
    const bytes = this.bytesOf(part);
    if (!bytes) return undefined;
    return bytes.length > 0 ? decodeUtf8(bytes) : "";
  }
}

/** Part names are case-insensitive in OPC and may be written with a leading slash. */
export function normalizePartName(name: string): string {
  return name.replace(/^\/+/u, "").replace(/\\/gu, "/").toLowerCase();
}

const utf8 = new TextDecoder("utf-8");

function decodeUtf8(bytes: Uint8Array): string {
  // UTF-16 parts are allowed by OPC, though no mainstream writer makes them.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return bytes.length < 64 ? strFromU8(bytes) : utf8.decode(bytes);
}

function zipProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/gu, " ").trim();
}
