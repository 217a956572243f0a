/**
 * The 变更记录 sheet in the open workbook: the core's layout (analytics/normalize/log.ts, the
 * same the command line writes into a file), as Office.js write operations. New rows go below
 * the log's last row, so the pane appends to a log the command line started and the reverse;
 * 撤销 reads either. Office's own undo does not cover an add-in's edits; this sheet is what
 * makes them reversible, and it is readable by anyone who opens the workbook.
 */
import type { Lang } from "../../analytics/lang.js";
import {
  LOG_HEADERS,
  LOG_STATE_COLUMN,
  LOG_STATE_WORDS,
  LOG_WIDTHS,
  logCellFormat,
  logCellSerial,
  logRowCells,
  type LogCell,
  type LogEntry,
} from "../../analytics/normalize/log.js";
import { columnLetter } from "../../analytics/sheet/address.js";
import { officeInput, type OfficeInput } from "./cell-values.js";
import type { WriteOp } from "./write-ops.js";

export { cellKey, latestBatch, parseLog, planEntries, type LogEntry } from "../../analytics/normalize/log.js";

function input(cell: LogCell): OfficeInput {
  return typeof cell === "object" ? logCellSerial(cell) : officeInput(cell);
}

export interface LogPlace {
  readonly sheet: string;
  /** The log's last used row (0: there is no log sheet yet). */
  readonly lastRow: number;
  /** The language of the log's header (an existing log keeps its own). */
  readonly lang: Lang;
}

/** Operations that put `entries` below the log (creating it, with its header, when missing). */
export function logOps(place: LogPlace, entries: readonly LogEntry[], rowsPerOp: number): WriteOp[] {
  if (entries.length === 0) return [];
  const ops: WriteOp[] = [];
  const headers = LOG_HEADERS[place.lang];
  const sheet = place.sheet;
  if (place.lastRow === 0) {
    ops.push({ kind: "add-sheet", sheet });
    ops.push({ kind: "cells", sheet, top: 1, left: 1, inputs: [headers.map((h) => h)] });
    ops.push({ kind: "header-style", sheet, ref: `A1:${columnLetter(headers.length)}1` });
    LOG_WIDTHS.forEach((width, i) => ops.push({ kind: "column-width", sheet, col: i + 1, width }));
    ops.push({ kind: "print-wide", sheet });
  }
  const top = Math.max(place.lastRow, 1) + 1;
  for (let start = 0; start < entries.length; start += rowsPerOp) {
    const rows = entries.slice(start, start + rowsPerOp).map((e) => logRowCells(e, place.lang));
    ops.push({
      kind: "cells",
      sheet,
      top: top + start,
      left: 1,
      inputs: rows.map((cells) => cells.map(input)),
      formats: rows.map((cells) => cells.map((c) => logCellFormat(c) ?? "General")),
    });
  }
  return ops;
}

/** Marks log rows (1-based rows of the log sheet) as undone, one op per run of rows. */
export function markUndoneOps(logSheet: string, logRows: readonly number[], lang: Lang): WriteOp[] {
  const sorted = [...logRows].sort((a, b) => a - b);
  const ops: WriteOp[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const words = sorted.slice(i, j + 1).map(() => [LOG_STATE_WORDS.undone[lang]]);
    ops.push({ kind: "cells", sheet: logSheet, top: sorted[i]!, left: LOG_STATE_COLUMN, inputs: words });
    i = j + 1;
  }
  return ops;
}
