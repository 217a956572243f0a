/**
 * Deadline cells: text the core reads as one day becomes a real date cell; standing and
 * immediate deadlines become the words 长期坚持 / 立行立改.
 *
 * Kept as written, each a finding rather than a guess:
 * - unparsed text (the core cannot read it);
 * - an ambiguous reading ("2019年6月前": literally 05-31, perhaps 06-30): a date cell would
 *   settle a question the clerk has not answered;
 * - several dates in one cell ("6月底前初步整改，年底前全面完成"): the core counts the latest,
 *   a date cell would drop the milestone;
 * - a date plus a standing duty ("年底前完成并长期坚持"), and 立行立改 plus a standing duty;
 * - a recurring duty ("每季度", "定期"): the core reads it as standing, the cadence is worth keeping.
 * Every change is checked: the new value must read back as the same deadline.
 */
import type { Deadline } from "../deadline.js";
import { writtenDay } from "../written-day.js";
import { normalizeSays } from "../findings/catalogue.normalize.js";
import type { Lang } from "../lang.js";
import { isDayCell, type CellValue } from "../sheet/sheet-model.js";
import { change, kept, type Outcome } from "./outcome.js";
import { DATE_FORMAT } from "./types.js";

export const STANDING_WORD = "长期坚持";
export const IMMEDIATE_WORD = "立行立改";

/** Breaks between phrases of one cell, as the deadline reader splits them. */
const CLAUSE_BREAK = /[，,；;、\r\n\u2028\u2029]+/u;
/** A cadence: 每月, 每季度, 每年, 定期. */
const CADENCE = /每|定期/u;

export interface DeadlineRule {
  /** The deadline of a cell, read as the ledger reads it (its base year and base date). */
  readonly read: (value: CellValue) => Deadline;
  readonly lang: Lang;
}

function severalDates(raw: string, read: DeadlineRule["read"]): boolean {
  const clauses = raw.split(CLAUSE_BREAK).filter((c) => c.trim() !== "");
  if (clauses.length < 2) return false;
  return clauses.filter((c) => read(c).kind === "date").length >= 2;
}

function toWord(value: CellValue, word: string, rule: "deadline-standing" | "deadline-immediate", lang: Lang): Outcome {
  if (value === word) return null;
  const reason =
    rule === "deadline-standing"
      ? normalizeSays("deadlineStanding", lang, { raw: String(value).trim(), word })
      : normalizeSays("deadlineImmediate", lang, { raw: String(value).trim(), word });
  return change(word, rule, reason);
}

/** What normalize does with one deadline cell (never a formula cell: the caller skips those). */
export function deadlineOutcome(value: CellValue, rule: DeadlineRule): Outcome {
  const { lang } = rule;
  const deadline = rule.read(value);
  const raw = deadline.raw ?? "";
  switch (deadline.kind) {
    case "none":
      return null;
    case "unparsed":
      return kept("deadline-unparsed");
    // A cycle's next day and a span from a start change with the day they are read: kept as written.
    case "recurring":
    case "relative":
      return kept("deadline-cadence");
    case "ongoing":
      if (typeof value === "string" && CADENCE.test(value)) return kept("deadline-cadence");
      return typeof value === "string" ? checked(toWord(value, STANDING_WORD, "deadline-standing", lang), deadline, rule) : null;
    case "immediate":
      if (deadline.notes.some((n) => n.kind === "standing")) return kept("deadline-standing-date");
      return typeof value === "string" ? checked(toWord(value, IMMEDIATE_WORD, "deadline-immediate", lang), deadline, rule) : null;
    case "date": {
      if (value !== null && isDayCell(value)) return null;
      if (deadline.notes.some((n) => n.kind === "ambiguous")) return kept("deadline-ambiguous");
      if (deadline.notes.some((n) => n.kind === "standing")) return kept("deadline-standing-date");
      if (typeof value === "string" && severalDates(value, rule.read)) return kept("deadline-several");
      const day = deadline.date!;
      const inferred = deadline.notes.find((n) => n.kind === "year-inferred");
      const shown = writtenDay(day, lang);
      const reason =
        typeof value === "number"
          ? normalizeSays("deadlineNumber", lang, { raw, day: shown })
          : inferred && inferred.kind === "year-inferred"
            ? normalizeSays("deadlineNoYear", lang, { raw, year: inferred.year, day: shown })
            : normalizeSays("deadlineText", lang, { raw, day: shown });
      return checked(change({ day }, "deadline-date", reason, DATE_FORMAT), deadline, rule);
    }
  }
}

/** A change stands only if the new value reads as the same deadline (kind and day). */
function checked(outcome: Outcome, before: Deadline, rule: DeadlineRule): Outcome {
  if (outcome === null || !("change" in outcome)) return outcome;
  const after = outcome.change.after;
  if (typeof after === "object" && after !== null && "formula" in after) return null;
  const reread = rule.read(after);
  return reread.kind === before.kind && reread.date === before.date ? outcome : null;
}
