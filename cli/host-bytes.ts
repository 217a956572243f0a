/**
 * Bytes as Node's Buffer, a view of the same memory (no copy), for the .xls reader's container
 * (analytics/xls/compound-file.ts): cfb joins a Buffer's sectors with Buffer.concat, where a
 * plain Uint8Array's go through arrays of numbers, twenty times slower and four times the memory.
 */
export function nodeBuffer(bytes: Uint8Array): Uint8Array {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
