/** One finding, as the report schema has it, and the one way to make it. */
import { formatMessage, RULES, type FindingParams, type RuleId, type Severity } from "./catalogue.js";
import type { Lang } from "../lang.js";

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell?: string;
  readonly row?: number;
  readonly message: string;
  readonly value?: unknown;
  readonly suggestion?: unknown;
}

/** Where in the sheet a finding points, and the value it is about. */
export interface Where {
  readonly cell?: string | undefined;
  readonly row?: number | undefined;
  readonly value?: unknown;
  readonly suggestion?: unknown;
  /** What the finding is about (an item, a merged range), for parameters worded from it (ParamsFrom). */
  readonly about?: unknown;
}

/**
 * A Where that a check fills afresh for each finding it reports. A finding copies what it needs
 * from its Where when it is made and keeps nothing of it, so one Place serves a check's every
 * finding: a literal made per finding weighed half as much as the finding (tens of thousands on a
 * big ledger, each one more object for the collector), and every finding reads one shape of Where.
 */
export class Place implements Where {
  cell: string | undefined = undefined;
  row: number | undefined = undefined;
  value: unknown = undefined;
  suggestion: unknown = undefined;
  about: unknown = undefined;

  /** This place set to a row and cell (either may be undefined), with the value and suggestion if any; about nothing. */
  at(row: number | undefined, cell: string | undefined, value?: unknown, suggestion?: unknown): this {
    this.row = row;
    this.cell = cell;
    this.value = value;
    this.suggestion = suggestion;
    this.about = undefined;
    return this;
  }

  /** The same place, about `about` (what ParamsFrom words the parameters from). */
  of(about: unknown): this {
    this.about = about;
    return this;
  }
}

/**
 * A finding's parameters worded from what it is about (`Where.about`), only when its message is
 * read: a check that reports tens of thousands of findings (overdue, a year inferred) then makes
 * no parameter object, short task or phrase per finding, and the finding keeps only a reference
 * to the item it already points at. Made once per rule, at module level (paramsFrom).
 */
export class ParamsFrom<P extends FindingParams = FindingParams> {
  /** How findings in each language are worded from these parameters: made once, shared by them all. */
  readonly wording: Readonly<Record<Lang, Wording>> = { zh: new Wording("zh", this), en: new Wording("en", this) };

  constructor(readonly of: (about: never, lang: Lang, finding: Finding) => P) {}
}

/**
 * How a finding's message is worded: its language, and its parameters worded from what it is
 * about (ParamsFrom) or given as they are (null). Shared by the findings worded alike, so that a
 * finding holds one reference for both.
 */
class Wording {
  constructor(
    readonly lang: Lang,
    readonly from: ParamsFrom | null,
  ) {}
}

/** The wording of findings given their parameters as they are, in each language. */
const AS_GIVEN: Readonly<Record<Lang, Wording>> = { zh: new Wording("zh", null), en: new Wording("en", null) };

/** The parameters of findings about `S`, worded from it (and the finding's own value, place) when read. */
export function paramsFrom<S, P extends FindingParams>(of: (about: S, lang: Lang, finding: Finding) => P): ParamsFrom<P> {
  return new ParamsFrom<P>(of);
}

/** Shared by every finding reported without parameters. */
const NO_PARAMS: FindingParams = Object.freeze({});

/**
 * A finding whose message is worded when first read, not when made: a 100,000-row ledger has
 * over 100,000 findings, and most uses (counts, lights, the pane's first screen) read a few
 * messages or none. The words are the same either way; the template and parameters wait in
 * private fields. Its JSON is the report's finding, the message in its place (toJSON); its own
 * keys lack the message, which is a getter: copy a finding with toJSON(), not a spread.
 */
class WordedOnRead implements Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly sheet: string;
  // Declared, not defined: a key absent from the finding stays absent (no `cell: undefined`).
  declare readonly cell?: string;
  declare readonly row?: number;
  declare readonly value?: unknown;
  declare readonly suggestion?: unknown;
  // Two slots, not four, on each of a big ledger's hundred thousand findings.
  /** How the message is worded; null once it has been, and #input is the message. */
  #wording: Wording | null;
  /** What the message is worded from: what ParamsFrom reads (`where.about`), or the parameters as given; then the message. */
  #input: unknown;

  constructor(rule: RuleId, lang: Lang, sheet: string, where: Where, params: FindingParams | ParamsFrom) {
    this.rule = rule;
    this.severity = RULES[rule].severity;
    this.sheet = sheet;
    if (params instanceof ParamsFrom) {
      this.#wording = params.wording[lang];
      this.#input = where.about;
    } else {
      this.#wording = AS_GIVEN[lang];
      this.#input = params;
    }
    // Properties are added in one order, so every finding shares the engine's few object shapes;
    // assigned on `this`, so the engine counts them when it sizes a finding.
    if (where.cell !== undefined) this.cell = where.cell;
    if (where.row !== undefined) this.row = where.row;
    if (where.value !== undefined) this.value = where.value;
    if (where.suggestion !== undefined) this.suggestion = where.suggestion;
  }

  get message(): string {
    const wording = this.#wording;
    if (wording === null) return this.#input as string;
    const params = wording.from === null ? (this.#input as FindingParams) : wording.from.of(this.#input as never, wording.lang, this);
    const message = formatMessage(RULES[this.rule].message[wording.lang], params, { sheet: this.sheet, row: this.row, cell: this.cell });
    this.#wording = null;
    this.#input = message;
    return message;
  }

  /** The report's finding (report.schema.json), its keys in the order the report has always printed them. */
  toJSON(): Finding {
    const json: { -readonly [K in keyof Finding]: Finding[K] } = { rule: this.rule, severity: this.severity, sheet: this.sheet, message: this.message };
    if (this.cell !== undefined) json.cell = this.cell;
    if (this.row !== undefined) json.row = this.row;
    if (this.value !== undefined) json.value = this.value;
    if (this.suggestion !== undefined) json.suggestion = this.suggestion;
    return json;
  }
}

/**
 * WordedOnRead once for each set of the optional keys a finding has (cell 1, row 2, value 4,
 * suggestion 8), so that all findings of one class have the same keys. The engine sizes a class's
 * objects by the first few it makes: one class for all left a finding made after those with more
 * keys than they had (a value, after findings of a missing cell) a second block for the rest.
 */
const WITH_KEYS = Array.from({ length: 16 }, () => class extends WordedOnRead {});

export function makeFinding(rule: RuleId, lang: Lang, sheet: string, where: Where = {}, params: FindingParams | ParamsFrom = NO_PARAMS): Finding {
  const keys = (where.cell !== undefined ? 1 : 0) | (where.row !== undefined ? 2 : 0) | (where.value !== undefined ? 4 : 0) | (where.suggestion !== undefined ? 8 : 0);
  return new WITH_KEYS[keys]!(rule, lang, sheet, where, params);
}
