/**
 * The checker against every fixture ledger: each workbook is written as a real .xlsx, read
 * back, analysed as of the fixture's day, and every item must read as the fixture says the
 * contract reads it (fields the contract leaves open, listed as `uncertain`, are skipped).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeWorkbook, type Ledger } from "../../analytics/ledger.js";
import { toReport } from "../../analytics/check-report.js";
import type { Item } from "../../analytics/item.js";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { fixtureBytes } from "../fixtures/build.js";
import { FIXTURES, fold, type ExpectedItem, type Fixture, type UncertainField } from "../fixtures/ledgers.js";
import { expectValidReport } from "../helpers/schema.js";

const folded = (s: string | null): string | null => (s === null ? null : fold(s) || null);

async function analyze(fixture: Fixture): Promise<readonly Ledger[]> {
  const workbook = readWorkbook(await fixtureBytes(fixture), { source: fixture.file });
  return analyzeWorkbook(workbook, { asOf: fixture.asOf, baseYear: fixture.baseYear }).ledgers;
}

function skips(expected: ExpectedItem, sheetUncertain: readonly UncertainField[] = []): Set<UncertainField> {
  return new Set([...(expected.uncertain ?? []), ...sheetUncertain]);
}

function expectItem(item: Item | undefined, expected: ExpectedItem, skip: Set<UncertainField>, findings: readonly string[]): void {
  const where = `row ${expected.row}`;
  expect(item, where).toBeDefined();
  if (!item || skip.has("read")) return;
  expect(folded(item.task), `${where} task`).toBe(expected.task);
  if (!skip.has("category")) expect(folded(item.category), `${where} category`).toBe(expected.category);
  if (!skip.has("unit")) expect(folded(item.unit), `${where} unit`).toBe(expected.unit);
  if (!skip.has("leader")) expect(folded(item.leader), `${where} leader`).toBe(expected.leader);
  if (!skip.has("owner")) expect(folded(item.owner), `${where} owner`).toBe(expected.owner);
  if (!skip.has("deadline.kind")) expect(item.deadline.kind, `${where} deadline kind`).toBe(expected.deadline.kind);
  if (!skip.has("deadline.date")) expect(item.deadline.date, `${where} deadline`).toBe(expected.deadline.date);
  if (!skip.has("status")) expect(item.status.value, `${where} status`).toBe(expected.status);
  if (expected.completedOn !== undefined) expect(item.completedOn, `${where} completed on`).toBe(expected.completedOn);
  expect(item.hidden, `${where} hidden`).toBe(expected.hidden === true);
  if (skip.has("deadline.date") || skip.has("status")) return;
  expect(item.overdue ? item.daysOverdue : undefined, `${where} days overdue`).toBe(expected.daysOverdue);
  expect(item.dueSoon, `${where} due soon`).toBe(expected.dueSoon === true);
  expect(item.completedLateBy !== null, `${where} completed late`).toBe(expected.completedLate === true);
  for (const rule of expected.findings ?? []) expect(findings, `${where} finding ${rule}`).toContain(rule);
}

describe.each(FIXTURES.map((f) => [f.file, f] as const))("checking %s", (_file, fixture) => {
  let ledgers: readonly Ledger[];
  beforeAll(async () => {
    const hasCells = fixture.sheets.some((s) => s.rows.length > 0);
    ledgers = hasCells ? await analyze(fixture) : [];
  });

  it("finds exactly the ledger sheets", () => {
    expect(ledgers.map((l) => l.sheet.name)).toEqual(fixture.sheets.filter((s) => s.isLedger).map((s) => s.name));
  });

  it("reads every item as the contract does", () => {
    for (const sheet of fixture.sheets.filter((s) => s.isLedger)) {
      const ledger = ledgers.find((l) => l.sheet.name === sheet.name)!;
      expect(ledger.items.map((i) => i.row), sheet.name).toEqual((sheet.items ?? []).map((i) => i.row));
      for (const expected of sheet.items ?? []) {
        const item = ledger.items.find((i) => i.row === expected.row);
        const rules = ledger.findings.filter((f) => f.row === expected.row).map((f) => f.rule);
        expectItem(item, expected, skips(expected, sheet.uncertain), rules);
      }
    }
  });

  it("counts findings as the fixture settles them", () => {
    const count = (rule: string) => ledgers.flatMap((l) => l.findings).filter((f) => f.rule === rule).length;
    for (const [rule, n] of Object.entries(fixture.expectedRules ?? {})) expect(count(rule), rule).toBe(n);
    for (const [rule, n] of Object.entries(fixture.expectedRulesAtLeast ?? {})) expect(count(rule), rule).toBeGreaterThanOrEqual(n);
  });

  it("produces reports that hold to report.schema.json", () => {
    for (const ledger of ledgers) expectValidReport(toReport(ledger, fixture.file));
  });
});
