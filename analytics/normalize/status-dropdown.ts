/**
 * The status dropdown: the canonical words (contract §3) on each progress column's item cells.
 * Where every cell holds a bare word, other text is refused; where narrative stays ("已完成：制定
 * 了《…》"), the dropdown only warns, so a clerk can still write the word and the progress.
 */
import { phrase } from "../findings/catalogue.js";
import { normalizeSays } from "../findings/catalogue.normalize.js";
import type { Lang } from "../lang.js";
import type { Ledger } from "../ledger.js";
import { columnLetter } from "../sheet/address.js";
import { CANONICAL_STATUS_WORD } from "../status.js";
import { lastItemRow } from "./extent.js";
import type { PlannedCells } from "./planned-cells.js";
import type { StatusValidation } from "./types.js";

/** The dropdown's words, in the order a clerk moves through them. */
export const STATUS_WORDS: readonly string[] = [
  CANONICAL_STATUS_WORD.not_started,
  CANONICAL_STATUS_WORD.in_progress,
  CANONICAL_STATUS_WORD.done,
  CANONICAL_STATUS_WORD.closed,
  CANONICAL_STATUS_WORD.ongoing,
];

/** The dropdown's title and refusal, as the command line and the pane write them. */
export function statusDropdownTexts(words: readonly string[], lang: Lang): { readonly title: string; readonly error: string } {
  return { title: phrase("statusDropdownTitle", lang), error: phrase("statusDropdownRefusal", lang, { words: words.join(phrase("listJoin", lang)) }) };
}

export function statusDropdowns(ledger: Ledger, cells: PlannedCells): StatusValidation[] {
  const { header, items } = ledger;
  if (items.length === 0) return [];
  const first = header.lastRow + 1;
  const last = lastItemRow(ledger);
  const words = new Set(STATUS_WORDS);
  const prompt = normalizeSays("statusDropdownPrompt", cells.lang, { words: STATUS_WORDS.join(phrase("listJoin", cells.lang)) });
  return header.statusColumns
    .filter((c) => c.kind === "progress")
    .map(({ col }) => {
      const letter = columnLetter(col);
      const bare = items.every((i) => {
        const v = cells.afterAt(i.row, col);
        return v === null || (typeof v === "string" && (v.trim() === "" || words.has(v)));
      });
      return { sheet: cells.name, ref: `${letter}${first}:${letter}${last}`, words: STATUS_WORDS, errorStyle: bare ? "stop" : "warning", prompt };
    });
}
