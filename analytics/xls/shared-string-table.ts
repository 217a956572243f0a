/**
 * The SST record ([MS-XLS]): the workbook's shared strings, each an
 * XLUnicodeRichExtendedString ([MS-XLS] 2.5.293) whose characters, rich-text runs and phonetic block
 * may run on into CONTINUE records. Runs and phonetic guides are skipped: a cell shows its
 * plain text, as the .xlsx reader takes it. The declared count is read but never trusted: the
 * table ends where its records end, so a count of 2^31 costs nothing.
 */
import type { ReadBudget } from "../xlsx/read-budget.js";
import type { BiffRecord, BiffStream } from "./biff-records.js";
import { ContinuedRecord } from "./continued-record.js";

const HIGH_BYTE = 0x01;
const HAS_PHONETIC = 0x04;
const HAS_RUNS = 0x08;
/** Each rich-text run is a character position and a font index, two bytes each. */
const RUN_BYTES = 4;

export function readSharedStrings(stream: BiffStream, record: BiffRecord, budget: ReadBudget): string[] {
  const reader = new ContinuedRecord(stream, record);
  const strings: string[] = [];
  reader.u32(); // cstTotal: how many cells use the table, no use here
  const declared = reader.u32();
  while (strings.length < declared && !reader.atEnd()) {
    const count = reader.u16();
    const flags = reader.u8();
    const runs = flags & HAS_RUNS ? reader.u16() : 0;
    const phoneticBytes = flags & HAS_PHONETIC ? reader.u32() : 0;
    const text = reader.characters(count, (flags & HIGH_BYTE) !== 0);
    reader.skip(runs * RUN_BYTES);
    reader.skip(phoneticBytes);
    budget.spendText(text.length);
    strings.push(text);
  }
  return strings;
}
