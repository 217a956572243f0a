/**
 * What the command line tells the user when it cannot go on: one line in the user's language,
 * no stack trace. Exit codes (contract §7): 2 the input could not be used, 1 anything else.
 * The words come from the error catalogue (analytics/findings/catalogue.errors.ts).
 */
import { ColumnMappingError } from "../analytics/column-mapping.js";
import type { Lang } from "../analytics/lang.js";
import { CataloguedError, errorIn, renderMessage, userMessage, type UserMessage } from "../analytics/findings/user-message.js";

/** A file the command cannot use: missing, not a workbook, no ledger in it, an output it cannot write. */
export class InputError extends CataloguedError {
  override readonly name = "InputError";
  readonly exitCode = 2;
}

/** An option or argument the command cannot take. */
export class UsageError extends CataloguedError {
  override readonly name = "UsageError";
  readonly exitCode = 2;
}

export function exitCodeOf(error: unknown): number {
  // A --columns header no sheet holds is the user's input to fix, like a bad option.
  if (error instanceof InputError || error instanceof UsageError || error instanceof ColumnMappingError) return 2;
  return 1;
}

/** The single line printed for an error; internals get a pointer to TAIZHANG_DEBUG. */
export function oneLine(error: unknown, lang: Lang): string {
  const message = errorIn(error, lang);
  const first = message.split(/\r?\n/u)[0] ?? message;
  if (exitCodeOf(error) === 2) return `taizhang: ${first}`;
  return `taizhang: ${renderMessage(userMessage("internal-error", { problem: first }), lang)}`;
}

/** A notice on stderr (the command goes on), in the user's language. */
export function noticeLine(said: UserMessage, lang: Lang): string {
  return `taizhang: ${renderMessage(said, lang)}`;
}
