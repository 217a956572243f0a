/**
 * The workbook globals substream ([MS-XLS], the globals substream): the first BOF … EOF of the Workbook
 * stream, holding what every sheet shares: the sheet list (BOUNDSHEET), the date system
 * (DATEMODE), the shared strings (SST), the number formats (FORMAT) and cell formats (XF).
 * Only BIFF8 (Excel 97–2003, and what WPS and LibreOffice write as .xls) is read: an older
 * version and an encrypted file (FILEPASS) are refused, each with its own reason.
 *
 * CODEPAGE is not needed: in BIFF8 every string is UTF-16, stored either whole or, when all
 * its characters are below U+0100, as their low bytes alone (Latin-1 by definition). The code
 * page only mattered for BIFF5 and older, which are refused.
 */
import { userMessage } from "../findings/user-message.js";
import type { ReadBudget } from "../xlsx/read-budget.js";
import { readError } from "../xlsx/read-errors.js";
import { badRecord, OLDER_BOF_TYPES, Rec, requireLength, type BiffStream } from "./biff-records.js";
import { CellFormatCollector, type XlsCellFormats } from "./cell-formats.js";
import { ContinuedRecord, readShortUnicodeString, readUnicodeString } from "./continued-record.js";
import { readSharedStrings } from "./shared-string-table.js";

const BIFF8 = 0x0600;
const BIFF5 = 0x0500;
const GLOBALS = 0x0005;
/** BOUNDSHEET's sheet types: only worksheets hold cells (not charts, macro or VB sheets). */
const WORKSHEET = 0x00;

export interface BoundSheet {
  readonly name: string;
  readonly hidden: boolean;
  /** Where the sheet's BOF record is in the stream. */
  readonly offset: number;
}

export interface WorkbookGlobals {
  readonly sheets: readonly BoundSheet[];
  readonly sharedStrings: readonly string[];
  readonly formats: XlsCellFormats;
  readonly date1904: boolean;
}

export function readWorkbookGlobals(stream: BiffStream, budget: ReadBudget): WorkbookGlobals {
  checkVersion(stream);
  const sheets: BoundSheet[] = [];
  const formats = new CellFormatCollector();
  let sharedStrings: string[] = [];
  let date1904 = false;
  let at = stream.recordAt(0).end;
  for (;;) {
    const record = stream.recordAt(at);
    at = record.end;
    switch (record.type) {
      case Rec.EOF:
        return { sheets, sharedStrings, formats: formats.finish(), date1904 };
      case Rec.FILEPASS:
        throw readError("encrypted");
      case Rec.DATEMODE:
        requireLength(record, 2, "DATEMODE");
        date1904 = stream.u16(record.start) === 1;
        break;
      case Rec.BOUNDSHEET: {
        requireLength(record, 8, "BOUNDSHEET");
        const offset = stream.u32(record.start);
        const hidden = (stream.u8(record.start + 4) & 0x03) !== 0;
        const type = stream.u8(record.start + 5);
        const name = readShortUnicodeString(new ContinuedRecord(stream, record, record.start + 6));
        if (type === WORKSHEET) sheets.push({ name, hidden, offset });
        break;
      }
      case Rec.FORMAT: {
        requireLength(record, 5, "FORMAT");
        formats.format(stream.u16(record.start), readUnicodeString(new ContinuedRecord(stream, record, record.start + 2)));
        break;
      }
      case Rec.XF:
        requireLength(record, 4, "XF");
        formats.xf(stream.u16(record.start + 2));
        break;
      case Rec.SST:
        requireLength(record, 8, "SST");
        sharedStrings = readSharedStrings(stream, record, budget);
        break;
      default:
        break;
    }
  }
}

/** The stream must open with a BIFF8 BOF for the workbook globals. */
function checkVersion(stream: BiffStream): void {
  const first = stream.recordAt(0);
  if (OLDER_BOF_TYPES.has(first.type)) throw readError("legacy-xls", userMessage("xls-biff4"));
  if (first.type !== Rec.BOF) throw badRecord(first, "BOF");
  requireLength(first, 4, "BOF");
  const version = stream.u16(first.start);
  if (version === BIFF5) throw readError("legacy-xls", userMessage("xls-biff5"));
  if (version !== BIFF8 || stream.u16(first.start + 2) !== GLOBALS) throw badRecord(first, "BOF");
}
