/**
 * The BIFF8 records of an .xls workbook stream ([MS-XLS]): a 2-byte type, a 2-byte
 * length, then the data. Every record is checked against the stream: one whose length runs
 * past the end means the file was cut short or damaged, never a record read from whatever
 * bytes come after it.
 */
import { userMessage } from "../findings/user-message.js";
import { readError, type WorkbookReadError } from "../xlsx/read-errors.js";

/** Record types this reader uses, by their names in [MS-XLS]. */
export const Rec = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  CODEPAGE: 0x0042,
  DATEMODE: 0x0022,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  FORMAT: 0x041e,
  XF: 0x00e0,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  MERGECELLS: 0x00e5,
  ROW: 0x0208,
  COLINFO: 0x007d,
} as const;

/** The BOF records of BIFF2, BIFF3 and BIFF4, whose layouts this reader does not know. */
export const OLDER_BOF_TYPES: ReadonlySet<number> = new Set([0x0009, 0x0209, 0x0409]);

export interface BiffRecord {
  readonly type: number;
  /** Where its header starts in the stream (what messages name). */
  readonly offset: number;
  /** Where its data starts and ends. */
  readonly start: number;
  readonly end: number;
}

export class BiffStream {
  private readonly view: DataView;
  /**
   * Records that may still be visited. Every record is at least 4 bytes and, in a sound file, is
   * visited at most twice (by the walk of its substream and by the reader of the record it
   * continues), so a stream of n bytes needs at most n / 2 visits. More means that sheets point
   * into one another (a thousand BOUNDSHEETs naming one long sheet, or BOFs nested inside it):
   * each walk would cost the whole stream again, so the file is damaged, not read for hours.
   */
  private visitsLeft: number;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.visitsLeft = bytes.length / 2 + 16;
  }

  get length(): number {
    return this.bytes.length;
  }

  /** The record whose header is at `offset`. */
  recordAt(offset: number): BiffRecord {
    if (offset + 4 > this.bytes.length) throw readError("corrupt", userMessage("xls-cut-short"));
    if (--this.visitsLeft < 0) throw readError("corrupt", userMessage("xls-sheets-overlap"));
    const type = this.view.getUint16(offset, true);
    const start = offset + 4;
    const end = start + this.view.getUint16(offset + 2, true);
    if (end > this.bytes.length) throw readError("corrupt", userMessage("xls-record-past-end", { offset }));
    return { type, offset, start, end };
  }

  /** The type of the record at `offset`, or undefined past the end. */
  typeAt(offset: number): number | undefined {
    return offset + 4 <= this.bytes.length ? this.view.getUint16(offset, true) : undefined;
  }

  u8(at: number): number {
    return this.bytes[at]!;
  }

  u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  f64(at: number): number {
    return this.view.getFloat64(at, true);
  }
}

/** A record shorter than its fields: damaged. */
export function requireLength(record: BiffRecord, bytes: number, name: string): void {
  if (record.end - record.start < bytes) throw badRecord(record, name);
}

export function badRecord(record: BiffRecord, name: string): WorkbookReadError {
  return readError("corrupt", userMessage("xls-bad-record", { offset: record.offset, record: name }));
}
