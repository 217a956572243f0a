/**
 * Nothing lost: every fixture ledger normalized, then input and output read back cell by cell.
 * Only the planned cells change, each to its planned value and each listed on 变更记录; every
 * other cell keeps its value, formula and style; other sheets stay; a second run changes
 * nothing; and the checker reads the output with the same summary.
 */
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../analytics/ledger.js";
import { DATE_FORMAT, isDayValue, isFormulaValue, LOG_SHEET, type CellEdit } from "../../analytics/normalize/types.js";
import { sameValue, showValue } from "../../analytics/normalize/values.js";
import { cellAt, type Workbook } from "../../analytics/sheet/sheet-model.js";
import { LOG_HEADERS, LOG_RULE_WORDS, parseLog } from "../../analytics/normalize/log.js";
import { wideningEntry } from "../../analytics/normalize/column-widening.js";
import type { Fixture } from "../fixtures/ledgers.js";
import {
  TEST_BATCH,
  addressesOf,
  cellsOf,
  formulaOf,
  LEDGER_FIXTURES,
  loadExcel,
  normalizeBytes,
  normalizeFixture,
  readModel,
  styleOf,
  type Normalized,
  type Options,
} from "./normalized.js";

const CASES: Array<[string, Fixture, Options]> = [
  ...LEDGER_FIXTURES.map((f): [string, Fixture, Options] => [f.file, f, {}]),
  ...LEDGER_FIXTURES.map((f): [string, Fixture, Options] => [`${f.file} --merge-names --overdue-column`, f, { mergeNames: true, overdueColumn: true }]),
];

function ledgerSheets(workbook: Workbook): Workbook {
  return { ...workbook, sheets: workbook.sheets.filter((s) => s.name !== LOG_SHEET) };
}

describe.each(CASES)("normalizing %s", (_name, fixture, options) => {
  let n: Normalized;
  let inModel: Workbook;
  let outModel: Workbook;
  let inExcel: ExcelJS.Workbook;
  let outExcel: ExcelJS.Workbook;
  let edits: Map<string, CellEdit>;

  beforeAll(async () => {
    n = await normalizeFixture(fixture, options);
    inModel = readModel(n.input);
    outModel = readModel(n.output);
    inExcel = await loadExcel(n.input);
    outExcel = await loadExcel(n.output);
    edits = new Map(n.rewrite.plan.edits.map((e) => [`${e.sheet}!${e.cell}`, e]));
  });

  it("finds something to do, and every plan's formula agrees with the checker as of the fixture's day", () => {
    expect(n.rewrite.plan.sheets.length).toBeGreaterThan(0);
    expect(n.rewrite.plan.edits.length + n.rewrite.plan.unmerges.length).toBeGreaterThan(0);
    expect(n.rewrite.plan.flagMismatches).toEqual([]);
  });

  it("changes only the planned cells, each to its planned value", () => {
    for (const sheet of inModel.sheets) {
      const before = cellsOf(inModel, sheet.name);
      const after = cellsOf(outModel, sheet.name);
      for (const address of new Set([...before.keys(), ...after.keys()])) {
        const edit = edits.get(`${sheet.name}!${address}`);
        const got = after.get(address) ?? null;
        if (edit === undefined) {
          expect({ address, value: got }).toEqual({ address, value: before.get(address) ?? null });
        } else if (isFormulaValue(edit.after)) {
          expect({ address, value: got }).toEqual({ address, value: edit.after.result === "" ? null : edit.after.result });
        } else {
          expect({ address, same: sameValue(got, edit.after === "" ? null : edit.after) }).toEqual({ address, same: true });
        }
      }
    }
  });

  it("keeps the style and formula of every cell it does not change", () => {
    for (const ws of inExcel.worksheets) {
      const out = outExcel.getWorksheet(ws.name)!;
      for (const address of addressesOf(ws)) {
        if (edits.has(`${ws.name}!${address}`)) continue;
        expect({ address, style: styleOf(out, address) }).toEqual({ address, style: styleOf(ws, address) });
        expect({ address, formula: formulaOf(out, address) }).toEqual({ address, formula: formulaOf(ws, address) });
      }
    }
  });

  it("gives a changed cell its own style (or its merge's), with the date format where it now holds a date", () => {
    for (const edit of edits.values()) {
      const out = outExcel.getWorksheet(edit.sheet)!;
      const source = inExcel.getWorksheet(edit.sheet)!.getCell(edit.styleFrom ?? edit.cell);
      const { numFmt: _was, ...rest } = source.style ?? {};
      const { numFmt, ...now } = out.getCell(edit.cell).style ?? {};
      expect({ cell: edit.cell, style: now }).toEqual({ cell: edit.cell, style: rest });
      if (isDayValue(edit.after)) expect(numFmt === DATE_FORMAT || (edit.rule === "merge-fill" && numFmt === _was)).toBe(true);
    }
  });

  it("lists every change, old and new value, on the sheet 变更记录, in the core's layout", () => {
    const log = outModel.sheets.find((s) => s.name === LOG_SHEET)!;
    const parsed = parseLog((r, c) => cellAt(log, r, c), log.rows.length, LOG_HEADERS.zh.length)!;
    expect(log.rows[0]).toEqual([...LOG_HEADERS.zh]);
    const rows = parsed.entries.map((e) => [e.sheet, e.cell, e.kind, showValue(e.before), showValue(e.after), e.reason].join("|"));
    for (const e of n.rewrite.plan.edits) {
      expect(rows).toContain([e.sheet, e.cell, e.rule, showValue(e.before), showValue(e.after), e.reason].join("|"));
    }
    for (const u of n.rewrite.plan.unmerges) {
      expect(rows).toContain([u.sheet, u.ref, "unmerge", showValue(u.value), "", u.reason].join("|"));
    }
    for (const c of n.rewrite.plan.conflicts) {
      expect(rows).toContain([c.sheet, c.cells, "status-conflict", c.values, "待核实", c.reason].join("|"));
    }
    const { plan } = n.rewrite;
    const wraps = n.rewrite.applied!.wraps.length;
    // A date column made wider is logged too, after the plan's changes (column-widening.ts).
    const widenings = n.rewrite.applied!.widenings;
    for (const e of widenings.map((w) => wideningEntry(w, TEST_BATCH, "zh"))) expect(rows).toContain([e.sheet, e.cell, e.kind, showValue(e.before), showValue(e.after), e.reason].join("|"));
    expect(rows).toHaveLength(plan.edits.length + plan.unmerges.length + plan.merges.length + wraps + plan.conflicts.length + plan.validations.length + plan.flags.length + widenings.length);
    // The rule in words a clerk reads, every row applied, in one batch.
    expect(cellAt(log, 2, 4)).toBe(LOG_RULE_WORDS[parsed.entries[0]!.kind].zh);
    expect(new Set(parsed.entries.map((e) => `${e.batch} ${e.state}`))).toEqual(new Set([`${TEST_BATCH} applied`]));
  });

  it("keeps every sheet, in order, and adds 变更记录 last", () => {
    expect(outModel.sheets.map((s) => s.name)).toEqual([...inModel.sheets.map((s) => s.name), LOG_SHEET]);
    expect(outModel.sheets.map((s) => s.hidden)).toEqual([...inModel.sheets.map((s) => s.hidden), false]);
  });

  it("changes nothing more when it normalizes its own output", async () => {
    const again = await normalizeBytes(n.output, fixture.asOf, { baseYear: fixture.baseYear, ...options });
    expect(again.rewrite.plan.edits).toEqual([]);
    expect(again.rewrite.plan.unmerges).toEqual([]);
    expect(again.rewrite.plan.flags).toEqual(n.rewrite.plan.flags);
    expect(again.rewrite.plan.validations).toEqual(n.rewrite.plan.validations);
    // The earlier run's colors are replaced, not stacked.
    const ws = (await loadExcel(again.output)).worksheets[0]!;
    const before = (await loadExcel(n.output)).worksheets[0]!;
    const rules = (w: ExcelJS.Worksheet): number =>
      (w as unknown as { conditionalFormattings: Array<{ rules: unknown[] }> }).conditionalFormattings.flatMap((c) => c.rules).length;
    expect(rules(ws)).toBe(rules(before));
  });

  it("reads back with the same summary, leaving unread only the cells it kept on purpose", () => {
    const opts = { asOf: fixture.asOf, baseYear: fixture.baseYear };
    const before = analyzeWorkbook(inModel, opts).ledgers;
    const after = analyzeWorkbook(ledgerSheets(outModel), opts).ledgers;
    expect(after.map((l) => l.sheet.name)).toEqual(before.map((l) => l.sheet.name));
    after.forEach((ledger, i) => {
      const was = before[i]!.summary;
      const { total, completed, overdue, dueSoon, byStatus, byCategory } = ledger.summary;
      expect({ total, completed, overdue, dueSoon, byStatus, byCategory }).toEqual({
        total: was.total, completed: was.completed, overdue: was.overdue, dueSoon: was.dueSoon, byStatus: was.byStatus, byCategory: was.byCategory,
      });
      if (!options.mergeNames) expect(ledger.summary).toEqual(was);
      const unread = ledger.findings.filter((f) => f.rule === "status-unknown" || f.rule === "deadline-unparsed").map((f) => f.cell);
      const kept = n.rewrite.plan.kept
        .filter((k) => k.sheet === ledger.sheet.name && (k.reason === "status-unknown" || k.reason === "deadline-unparsed"))
        .map((k) => k.cell);
      expect(unread.sort()).toEqual(kept.sort());
    });
  });
});
