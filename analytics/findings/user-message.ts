/**
 * A message for the user as data: a code of the error catalogue and its parameters, said in a
 * language only at the edge (the command line's stderr, the pane's status line). An error that
 * carries one is a `CataloguedError`; every host renders it with `.in(lang)`.
 */
import { formatMessage, phrase } from "./catalogue.js";
import type { Lang } from "../lang.js";
import { ERROR_MESSAGES, type ErrorCode } from "./catalogue.errors.js";
import type { SlotsOf } from "./slots.js";

/** Words already in both languages (a phrase of another table). */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/**
 * What a slot may hold: a plain value, a list (joined with 、 or , by language), a nested
 * message, or words in both languages.
 */
export type MessageParam = string | number | readonly string[] | UserMessage | Bilingual;

export interface UserMessage {
  readonly code: ErrorCode;
  readonly params: { readonly [name: string]: MessageParam };
}

/** The parameters a code's template needs: exactly its slots (both languages have the same; a test says so). */
export type MessageParams<C extends ErrorCode> = { readonly [Name in SlotsOf<(typeof ERROR_MESSAGES)[C]["zh"]>]: MessageParam };

/** No argument for a template without slots, its parameters otherwise. */
export type ParamsArgument<C extends ErrorCode> = [SlotsOf<(typeof ERROR_MESSAGES)[C]["zh"]>] extends [never] ? [] : [MessageParams<C>];

export function userMessage<C extends ErrorCode>(code: C, ...params: ParamsArgument<C>): UserMessage {
  return { code, params: params[0] ?? {} };
}

function isUserMessage(value: MessageParam): value is UserMessage {
  return typeof value === "object" && "code" in value;
}

function paramIn(value: MessageParam, lang: Lang): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if (Array.isArray(value)) return value.join(phrase("listJoin", lang));
  if (isUserMessage(value as UserMessage | Bilingual)) return renderMessage(value as UserMessage, lang);
  return (value as Bilingual)[lang];
}

/** The message in one language, nested messages first. */
export function renderMessage(message: UserMessage, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params)) params[name] = paramIn(value, lang);
  return formatMessage(ERROR_MESSAGES[message.code][lang], params);
}

/**
 * An error whose words come from the catalogue. A host says it in the user's language with `in`;
 * `message`, which only logs and debuggers show, has both ("…（…） (… (…))").
 */
export class CataloguedError extends Error {
  constructor(readonly said: UserMessage) {
    super(`${renderMessage(said, "zh")} (${renderMessage(said, "en")})`);
  }

  in(lang: Lang): string {
    return renderMessage(this.said, lang);
  }
}

/** The first few items of a long list for a message (a cell list), "…" after the last one shown. */
export function firstItems(items: readonly string[], shown = 5): readonly string[] {
  if (items.length <= shown) return items;
  const head = items.slice(0, shown);
  head[shown - 1] += "…";
  return head;
}

/** Any error in the user's language: a catalogued one in its words, anything else as it says. */
export function errorIn(error: unknown, lang: Lang): string {
  if (error instanceof CataloguedError) return error.in(lang);
  return error instanceof Error ? error.message : String(error);
}
