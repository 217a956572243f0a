/**
 * Scores the checker on the real corpus field by field: each ledger is built into its .xlsx,
 * read by the real reader (analytics/xlsx → analyzeWorkbook, as the command line does) at the
 * key's as-of day, and compared with the key written from the source.
 *
 * Fields, per ledger sheet: found (or refused, for a sheet that is no ledger); header (first and
 * last row); each role's column; for the core roles task/unit/deadline/status that the sheet
 * lacks, that none is claimed (a guessed deadline column is how false overdue items happen);
 * per item: present, task, unit, deadline.date, deadline.kind, status.value, status.pace,
 * overdue; and that the reader finds no item the key lacks (a note, a signature or a heading
 * under the table read as a task). An item or sheet that is not read fails every one of its fields.
 */
import { analyzeWorkbook, type Ledger } from "../../analytics/ledger.js";
import type { Item } from "../../analytics/item.js";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import type { Role } from "../fixtures/model.js";
import type { KeyItem, RealLedger, RealSheet } from "../fixtures/real/corpus-model.js";
import { letter } from "../fixtures/real/corpus-model.js";
import { corpusBytes } from "../fixtures/real/corpus-workbook.js";

export const ITEM_FIELDS = ["present", "task", "unit", "deadline.date", "deadline.kind", "status.value", "status.pace", "overdue"] as const;
export type Field = "found" | "header" | `column.${Role}` | `absent.${Role}` | (typeof ITEM_FIELDS)[number] | "no-extra-items";

/** Roles whose wrong presence misleads a leader: no column claimed where the sheet has none. */
const CORE_ROLES: Role[] = ["task", "unit", "deadline", "status"];

export interface Failure {
  ledger: string;
  sheet: string;
  row: number | null;
  field: Field;
  expected: string;
  got: string;
}

export interface LedgerScore {
  id: string;
  genre: string;
  province: string;
  assembled: boolean;
  /** Sheets the key calls ledgers (0 for a workbook kept as a negative example). */
  ledgerSheets: number;
  refused: boolean;
  ok: number;
  total: number;
}

export interface CorpusScore {
  ledgers: LedgerScore[];
  fields: Map<Field, { ok: number; total: number }>;
  failures: Failure[];
  ok: number;
  total: number;
}

const fold = (s: string | null | undefined): string => (s ?? "").normalize("NFKC").replace(/\s+/g, "");
const show = (v: unknown): string => (v === undefined ? "—" : JSON.stringify(v));

/** `status.pace` is contract §3's newer field: read it where the reader already has it. */
function paceOf(item: Item): string | null {
  const status = item.status as { pace?: string | null };
  return status.pace ?? null;
}

function columnLetter(col: number | undefined): string | null {
  return col === undefined ? null : letter(col - 1);
}

class Tally {
  readonly fields = new Map<Field, { ok: number; total: number }>();
  readonly failures: Failure[] = [];
  ok = 0;
  total = 0;
  /** A refused sheet fails every field; one failure line says so instead of one per field. */
  quiet = false;
  constructor(private readonly ledger: string, private readonly sheet: string) {}

  check(field: Field, row: number | null, expected: unknown, got: unknown, pass: boolean): void {
    const f = this.fields.get(field) ?? { ok: 0, total: 0 };
    f.total++;
    this.total++;
    if (pass) {
      f.ok++;
      this.ok++;
    } else if (!this.quiet) {
      this.failures.push({ ledger: this.ledger, sheet: this.sheet, row, field, expected: show(expected), got: show(got) });
    }
    this.fields.set(field, f);
  }

  same(field: Field, row: number | null, expected: unknown, got: unknown): void {
    this.check(field, row, expected, got, expected === got);
  }
}

function scoreItem(t: Tally, key: KeyItem, item: Item | undefined): void {
  t.check("present", key.row, true, item !== undefined, item !== undefined);
  const task = item ? fold(item.task) : undefined;
  t.check("task", key.row, key.task, item?.task, task !== undefined && task.startsWith(fold(key.task)) && fold(key.task) !== "");
  const unit = item ? (fold(item.unit) || null) : undefined;
  t.check("unit", key.row, key.unit, item?.unit, unit === (key.unit === null ? null : fold(key.unit) || null));
  t.same("deadline.date", key.row, key.deadline.date, item?.deadline.date);
  t.same("deadline.kind", key.row, key.deadline.kind, item?.deadline.kind);
  t.same("status.value", key.row, key.status.value, item ? item.status.value : undefined);
  t.same("status.pace", key.row, key.status.pace, item ? paceOf(item) : undefined);
  t.same("overdue", key.row, key.overdue, item?.overdue);
}

function scoreSheet(t: Tally, sheet: RealSheet, ledger: Ledger | undefined): void {
  const { key } = sheet;
  if (!key.isLedger) {
    t.check("found", null, "no ledger", ledger ? "a ledger" : "no ledger", ledger === undefined);
    return;
  }
  t.check("found", null, "a ledger", ledger ? "a ledger" : "refused", ledger !== undefined);
  if (!ledger) t.quiet = true;
  const header = ledger?.header;
  t.check("header", null, key.header, header ? { first: header.firstRow, last: header.lastRow } : undefined,
    header !== undefined && key.header !== undefined && header.firstRow === key.header.first && header.lastRow === key.header.last);
  const columns = key.columns ?? {};
  for (const [role, col] of Object.entries(columns) as Array<[Role, string]>) {
    t.same(`column.${role}`, null, col, header ? columnLetter(header.roles.get(role)) : undefined);
  }
  for (const role of CORE_ROLES) {
    if (columns[role] !== undefined) continue;
    const claimed = header ? columnLetter(header.roles.get(role)) : undefined;
    t.check(`absent.${role}`, null, null, claimed, header !== undefined && claimed === null);
  }
  const byRow = new Map((ledger?.items ?? []).map((item) => [item.row, item]));
  for (const item of key.items ?? []) scoreItem(t, item, byRow.get(item.row));
  // One check per sheet: every item the reader reports is one the key has.
  const keyed = new Set((key.items ?? []).map((item) => item.row));
  const extra = (ledger?.items ?? []).filter((item) => !keyed.has(item.row)).map((item) => `row ${item.row}: ${item.task ?? ""}`);
  t.check("no-extra-items", null, [], extra, ledger !== undefined && extra.length === 0);
}

/** Reads one ledger's workbook as the command line does and scores it against the key. */
export async function scoreLedger(real: RealLedger): Promise<{ score: LedgerScore; tally: Tally[] }> {
  const workbook = readWorkbook(await corpusBytes(real), { source: `${real.id}.xlsx` });
  const { ledgers } = analyzeWorkbook(workbook, { asOf: real.asOf, baseYear: null });
  const tallies: Tally[] = [];
  let refused = false;
  for (const sheet of real.sheets) {
    const t = new Tally(real.id, sheet.name);
    const ledger = ledgers.find((l) => l.sheet.name === sheet.name);
    if (sheet.key.isLedger && !ledger) refused = true;
    scoreSheet(t, sheet, ledger);
    tallies.push(t);
  }
  const ok = tallies.reduce((n, t) => n + t.ok, 0);
  const total = tallies.reduce((n, t) => n + t.total, 0);
  return {
    score: {
      id: real.id, genre: real.genre, province: real.province, assembled: real.assembled,
      ledgerSheets: real.sheets.filter((s) => s.key.isLedger).length, refused, ok, total,
    },
    tally: tallies,
  };
}

export async function scoreCorpus(corpus: readonly RealLedger[]): Promise<CorpusScore> {
  const result: CorpusScore = { ledgers: [], fields: new Map(), failures: [], ok: 0, total: 0 };
  for (const real of corpus) {
    const { score, tally } = await scoreLedger(real);
    result.ledgers.push(score);
    result.ok += score.ok;
    result.total += score.total;
    for (const t of tally) {
      result.failures.push(...t.failures);
      for (const [field, f] of t.fields) {
        const sum = result.fields.get(field) ?? { ok: 0, total: 0 };
        sum.ok += f.ok;
        sum.total += f.total;
        result.fields.set(field, sum);
      }
    }
  }
  return result;
}

const pct = (ok: number, total: number): string => (total === 0 ? "  —  " : `${((100 * ok) / total).toFixed(1).padStart(5)}%`);

/** The score as plain-text tables: per ledger, per field, then every failure. */
export function formatScore(score: CorpusScore, maxFailures = Infinity): string {
  const lines: string[] = [];
  const refused = score.ledgers.filter((l) => l.refused).length;
  const ledgers = score.ledgers.filter((l) => l.ledgerSheets > 0).length;
  lines.push(
    `Real corpus: ${score.ledgers.length} workbooks (${ledgers} ledgers, ${score.ledgers.length - ledgers} that hold none), ` +
      `${refused} ledgers refused, fields ${score.ok}/${score.total} = ${pct(score.ok, score.total).trim()}`,
  );
  lines.push("", "ledger                                        genre          province  src  fields       score");
  for (const l of score.ledgers) {
    lines.push(
      `${l.id.padEnd(45)} ${l.genre.padEnd(14 - l.genre.length)} ${l.province.padEnd(9 - l.province.length)} ${l.assembled ? "asm" : "vrb"}  ${`${l.ok}/${l.total}`.padEnd(11)} ${pct(l.ok, l.total)}${l.refused ? "  REFUSED" : ""}`,
    );
  }
  lines.push("", "genre            ledgers  ok/total     score");
  const genres = new Map<string, { n: number; ok: number; total: number }>();
  for (const l of score.ledgers) {
    const g = genres.get(l.genre) ?? { n: 0, ok: 0, total: 0 };
    g.n++;
    g.ok += l.ok;
    g.total += l.total;
    genres.set(l.genre, g);
  }
  for (const [genre, g] of genres) {
    lines.push(`${genre.padEnd(16 - genre.length)} ${String(g.n).padEnd(8)} ${`${g.ok}/${g.total}`.padEnd(12)} ${pct(g.ok, g.total)}`);
  }
  lines.push("", "field               ok/total     score");
  const order = (f: string): string => (f === "found" ? "0" : f === "header" ? "1" : f.startsWith("column.") ? `2${f}` : f.startsWith("absent.") ? `3${f}` : `4${ITEM_FIELDS.indexOf(f as never)}`);
  for (const [field, f] of [...score.fields].sort((a, b) => order(a[0]).localeCompare(order(b[0])))) {
    lines.push(`${field.padEnd(19)} ${`${f.ok}/${f.total}`.padEnd(12)} ${pct(f.ok, f.total)}`);
  }
  lines.push("", `failures (${score.failures.length}):`);
  for (const f of score.failures.slice(0, maxFailures)) {
    lines.push(`  ${f.ledger} [${f.sheet}]${f.row === null ? "" : ` row ${f.row}`} ${f.field}: expected ${f.expected}, got ${f.got}`);
  }
  if (score.failures.length > maxFailures) lines.push(`  … ${score.failures.length - maxFailures} more`);
  return lines.join("\n");
}
