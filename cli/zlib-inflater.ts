/**
 * Inflate by Node's zlib for the reader (analytics/xlsx/package.ts takes it as a HostInflater):
 * several times faster than fflate's plain JavaScript on a big ledger's sheet, and zlib gives
 * the CRC-32 too. A part is inflated whole, never past the size its directory declares; the
 * package's guard on sizes and ratios has bounded that size before.
 */
import { crc32, inflateRawSync } from "node:zlib";
import { InflateFailure, type HostInflater } from "../analytics/xlsx/package.js";

export const zlibInflater: HostInflater = {
  inflateRaw(data, limit) {
    try {
      return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const message = error instanceof Error ? error.message : String(error);
      if (code === "ERR_BUFFER_TOO_LARGE") throw new InflateFailure("beyond-declared", message);
      if (code === "Z_BUF_ERROR") throw new InflateFailure("ends-early", message);
      if (code === "Z_DATA_ERROR") throw new InflateFailure("damaged", message);
      throw new InflateFailure(undefined, message);
    }
  },
  crc32: (data, crc) => crc32(data, crc),
};
