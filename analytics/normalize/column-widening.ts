/**
 * A date column made wider so its dates show (DATE_COLUMN_WIDTH), and its row in 变更记录: one
 * layout for every host, so the command line's widenings are logged as the pane's are and
 * either host's 撤销 narrows the column back. Both widths are said as the clerk finds them in
 * the 列宽 dialog of Excel and WPS (8.43 → 14.29).
 */
import { normalizeSays } from "../findings/catalogue.normalize.js";
import type { Lang } from "../lang.js";
import { columnLetter } from "../sheet/address.js";
import { charactersOfWidth } from "./column-width.js";
import type { LogEntry } from "./log.js";

export interface ColumnWidening {
  readonly sheet: string;
  readonly col: number;
  /** The width before and after, in the plan's unit (column-width.ts). */
  readonly from: number;
  readonly to: number;
  /** The Normal font's widest digit in pixels, to say both widths as the 列宽 dialog does. */
  readonly digitWidth: number;
}

export function wideningEntry(w: ColumnWidening, batch: string, lang: Lang): LogEntry {
  const column = columnLetter(w.col);
  return {
    batch,
    state: "applied",
    sheet: w.sheet,
    cell: `${column}:${column}`,
    kind: "column-width",
    before: charactersOfWidth(w.from, w.digitWidth),
    after: charactersOfWidth(w.to, w.digitWidth),
    reason: normalizeSays("dateColumnWidened", lang, { column }),
    oldFormat: null,
  };
}
