/**
 * Deflate by Node's zlib for the patch's new parts: several times faster than fflate on the
 * tens of megabytes of a big ledger's sheet and log. Each batch the part hands over is
 * deflated on its own and ended with a sync flush, so the pieces join into one deflate stream
 * (closed by an empty final block) without holding the part whole; zlib also gives the CRC-32.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";
import type { Compressor } from "../xlsx-patch/zip-out.js";

/**
 * zlib's level 3, the last of its fast (greedy) levels: on the 100k-row bench ledger's sheet and
 * log, 5% larger than level 4 and 23% larger than level 6, at two thirds of level 4's time and a
 * third of level 6's (the patch's new parts are most of the work of writing a big ledger).
 */
const LEVEL = 3;
/** An empty final block with fixed codes: BFINAL=1, BTYPE=01, end-of-block. */
const FINAL_BLOCK = Uint8Array.of(0x03, 0x00);

export const zlibCompressor: Compressor = () => {
  const data: Uint8Array[] = [];
  let crc = 0;
  return {
    push(bytes) {
      crc = crc32(bytes, crc);
      data.push(deflateRawSync(bytes, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH }));
    },
    finish() {
      data.push(FINAL_BLOCK);
      return { data, crc };
    },
  };
};
