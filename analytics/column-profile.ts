/**
 * What the cells under a header hold, column by column: the evidence header detection weighs
 * beside the header words (contract §2). A column of dates under an unknown header is a
 * deadline; of two status columns, the one holding status words is the status.
 */
import { parseDeadline } from "./deadline.js";
import { looksLikePerson, looksLikeUnit } from "./names.js";
import type { MergeIndex } from "./sheet/merge-index.js";
import { isDayCell, type CellValue, type Sheet } from "./sheet/sheet-model.js";
import { classifyStatus } from "./status.js";
import { cellText } from "./text.js";

/** Enough rows to see what a column holds; a sheet of 100,000 rows costs no more. */
const SAMPLE_ROWS = 60;
/** A status word is a short cell; a sentence that happens to start with one is progress text. */
const STATUS_WORD_LENGTH = 12;
/** Past this many characters on average a cell is narrative. */
const NARRATIVE_LENGTH = 25;

export interface ColumnProfile {
  readonly col: number;
  readonly hidden: boolean;
  /** Cells sampled that hold something. */
  readonly filled: number;
  /** Shares of the filled cells (0–1). */
  readonly dates: number;
  /** Cells the status vocabulary reads (any length). */
  readonly statusReadable: number;
  /** Short cells that are a status word. */
  readonly statusWords: number;
  readonly units: number;
  readonly persons: number;
  /** Cells of words (two Han characters, or a Latin word), not numbers, percents or dates. */
  readonly textual: number;
  /** Distinct texts per filled cell: low for a merged grouping column. */
  readonly distinct: number;
  readonly averageLength: number;
}

const WORDS = /\p{Script=Han}.*\p{Script=Han}|[A-Za-z]{3}/u;

export function isNarrative(profile: ColumnProfile): boolean {
  return profile.averageLength > NARRATIVE_LENGTH;
}

/** What one cell's text says, whatever column it sits in. */
interface TextReading {
  readonly dated: boolean;
  readonly statusReadable: boolean;
  readonly textual: boolean;
  readonly unit: boolean;
  readonly person: boolean;
}

function readText(value: CellValue, text: string, context: { baseYear: null; baseDate: null }): TextReading {
  const deadline = isDayCell(value) ? "date" : parseDeadline(value, context).kind;
  const status = classifyStatus(value, "progress").value;
  const short = typeof value === "string" && text.length <= 40;
  const unit = short && looksLikeUnit(text);
  return {
    dated: deadline === "date" || deadline === "recurring" || deadline === "relative",
    statusReadable: status !== null && status !== "unknown" && !isDayCell(value),
    textual: typeof value === "string" && WORDS.test(text),
    unit,
    person: short && !unit && looksLikePerson(text),
  };
}

/** Profiles of columns 1..lastCol over the rows after the header. */
export function profileColumns(sheet: Sheet, merges: MergeIndex, headerLastRow: number, lastCol: number): Map<number, ColumnProfile> {
  const rows: number[] = [];
  for (let r = headerLastRow + 1; r <= sheet.rows.length && rows.length < SAMPLE_ROWS; r++) {
    if (sheet.rows[r - 1]?.some((v) => v !== null && v !== undefined)) rows.push(r);
  }
  const profiles = new Map<number, ColumnProfile>();
  const context = { baseYear: null, baseDate: null };
  // A text reads the same in any column: the sampled rows repeat deadlines, statuses and names,
  // so each distinct text is parsed once.
  const readings = new Map<string, TextReading>();
  const readingOf = (value: CellValue, text: string): TextReading => {
    const memo = typeof value === "string";
    let hit = memo ? readings.get(value) : undefined;
    if (hit === undefined) {
      hit = readText(value, text, context);
      if (memo) readings.set(value, hit);
    }
    return hit;
  };
  for (let col = 1; col <= lastCol; col++) {
    let filled = 0, dates = 0, statusReadable = 0, statusWords = 0, units = 0, persons = 0, textual = 0, length = 0;
    const texts = new Set<string>();
    for (const row of rows) {
      const value = merges.shownValue(row, col);
      const text = cellText(value);
      if (text === null) continue;
      filled++;
      length += text.length;
      texts.add(text);
      const read = readingOf(value, text);
      if (read.dated) dates++;
      if (read.statusReadable) {
        statusReadable++;
        if (text.length <= STATUS_WORD_LENGTH) statusWords++;
      }
      if (read.textual) textual++;
      if (read.unit) units++;
      else if (read.person) persons++;
    }
    const share = (n: number): number => (filled === 0 ? 0 : n / filled);
    profiles.set(col, {
      col,
      hidden: sheet.hiddenColumns?.has(col) ?? false,
      filled,
      dates: share(dates),
      statusReadable: share(statusReadable),
      statusWords: share(statusWords),
      units: share(units),
      persons: share(persons),
      textual: share(textual),
      distinct: share(texts.size),
      averageLength: filled === 0 ? 0 : length / filled,
    });
  }
  return profiles;
}
