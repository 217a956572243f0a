/**
 * Reading a record's data on into the CONTINUE records after it ([MS-XLS], Continue): a record
 * holds at most 8,224 bytes, so a long string table (SST) or a formula's long text (STRING)
 * goes on in CONTINUE records. Where a string's characters are split, the continuation starts
 * with one byte of flags saying whether the rest is stored one byte a character (the low
 * bytes of UTF-16, that is Latin-1) or two; the other fields (rich-text runs, phonetic
 * blocks) run on without it. Nothing read here is trusted for an allocation: a string's
 * length is checked against the bytes left before any array is made.
 */
import { userMessage } from "../findings/user-message.js";
import { readError } from "../xlsx/read-errors.js";
import { Rec, type BiffRecord, type BiffStream } from "./biff-records.js";

const UTF16 = new TextDecoder("utf-16le");

export class ContinuedRecord {
  private record: BiffRecord;
  private pos: number;

  constructor(
    private readonly stream: BiffStream,
    first: BiffRecord,
    from = first.start,
  ) {
    this.record = first;
    this.pos = from;
  }

  /** No byte left in this record or a CONTINUE after it. */
  atEnd(): boolean {
    return this.pos >= this.record.end && this.stream.typeAt(this.record.end) !== Rec.CONTINUE;
  }

  u8(): number {
    if (this.pos >= this.record.end) this.nextPiece();
    return this.stream.u8(this.pos++);
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  /** Passes over `count` bytes, across CONTINUE records (rich runs, phonetic blocks). */
  skip(count: number): void {
    let left = count;
    while (left > 0) {
      if (this.pos >= this.record.end) this.nextPiece();
      const step = Math.min(left, this.record.end - this.pos);
      this.pos += step;
      left -= step;
    }
  }

  /**
   * `count` characters, stored two bytes each when `wide`, else one; a continuation restates
   * the width in its first byte.
   */
  characters(count: number, wide: boolean): string {
    if (count === 0) return "";
    const units = new Uint16Array(this.checkedCount(count));
    let filled = 0;
    let twoBytes = wide;
    while (filled < count) {
      if (this.pos >= this.record.end) {
        this.nextPiece();
        twoBytes = (this.stream.u8(this.pos++) & 1) === 1;
        continue;
      }
      const bytes = this.stream.bytes;
      if (twoBytes) {
        const n = Math.min(count - filled, (this.record.end - this.pos) >> 1);
        // A character cut between two records: no writer splits one, so the file is damaged.
        if (n === 0) throw readError("corrupt", userMessage("xls-bad-record", { offset: this.record.offset, record: "CONTINUE" }));
        for (let i = 0; i < n; i++, this.pos += 2) units[filled++] = bytes[this.pos]! | (bytes[this.pos + 1]! << 8);
      } else {
        const n = Math.min(count - filled, this.record.end - this.pos);
        for (let i = 0; i < n; i++) units[filled++] = bytes[this.pos++]!;
      }
    }
    return UTF16.decode(units);
  }

  /**
   * A count of characters is only as good as the bytes that could hold them: each takes at
   * least one byte of what is left in the stream, so a count of 65,535 in a ten-byte tail is
   * found damaged before, not after, an array of that size is made.
   */
  private checkedCount(count: number): number {
    if (count > this.stream.length - this.pos) throw readError("corrupt", userMessage("xls-record-past-end", { offset: this.record.offset }));
    return count;
  }

  private nextPiece(): void {
    const next = this.stream.typeAt(this.record.end);
    if (next !== Rec.CONTINUE) throw readError("corrupt", userMessage("xls-record-past-end", { offset: this.record.offset }));
    this.record = this.stream.recordAt(this.record.end);
    this.pos = this.record.start;
  }
}

/** An XLUnicodeString ([MS-XLS]): a 2-byte count, a flags byte, the characters. */
export function readUnicodeString(reader: ContinuedRecord): string {
  const count = reader.u16();
  const flags = reader.u8();
  return reader.characters(count, (flags & 1) === 1);
}

/** A ShortXLUnicodeString ([MS-XLS]): as above with a 1-byte count (sheet names). */
export function readShortUnicodeString(reader: ContinuedRecord): string {
  const count = reader.u8();
  const flags = reader.u8();
  return reader.characters(count, (flags & 1) === 1);
}
