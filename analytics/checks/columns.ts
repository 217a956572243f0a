/** missing-column and column-guessed: the columns a ledger lacks, and those read by their contents (contract §2). */
import { phrase, ROLE_LABEL, type PhraseId } from "../findings/catalogue.js";
import { Place } from "../findings/finding.js";
import type { Lang } from "../lang.js";
import type { GuessReason } from "../header.js";
import { columnLetter } from "../sheet/address.js";
import type { Check } from "./context.js";

const REQUIRED: ReadonlyArray<{ roles: readonly ("task" | "unit" | "owner" | "deadline" | "status")[]; name: PhraseId; consequence?: PhraseId }> = [
  { roles: ["task"], name: "requiredTask" },
  { roles: ["unit", "owner"], name: "requiredUnitOrOwner" },
  { roles: ["deadline"], name: "requiredDeadline", consequence: "cannotJudgeDeadline" },
  { roles: ["status"], name: "requiredStatus", consequence: "cannotJudgeStatus" },
];

const GUESS_WHAT: Record<GuessReason, PhraseId> = {
  dates: "guessDates",
  "status-words": "guessStatusWords",
  "unit-names": "guessUnitNames",
  "person-names": "guessPersonNames",
};

function columnName(req: (typeof REQUIRED)[number], lang: Lang): string {
  return phrase(req.name, lang);
}

export const checkColumns: Check = (ctx) => {
  const place = new Place();
  for (const req of REQUIRED) {
    if (req.roles.some((role) => ctx.header.roles.has(role))) continue;
    const consequence = req.consequence ? phrase(req.consequence, ctx.lang) : "";
    ctx.report("missing-column", place.at(ctx.header.lastRow, undefined, req.roles.join("|")), { column: columnName(req, ctx.lang), consequence });
  }
  for (const guess of ctx.header.guessed) {
    const column = columnLetter(guess.col);
    ctx.report(
      "column-guessed",
      place.at(ctx.header.lastRow, `${column}${ctx.header.lastRow}`, guess.label, guess.role),
      { column, label: guess.label ?? "", what: phrase(GUESS_WHAT[guess.reason], ctx.lang), role: ROLE_LABEL[guess.role][ctx.lang] },
    );
  }
};
