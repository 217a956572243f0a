/**
 * The normalized workbooks opened by a second client, LibreOffice Calc (headless, converting to
 * CSV with every formula recalculated):
 * - it reads the values normalize wrote, dates shown with their 2019年6月30日 format, and the
 *   change log as written;
 * - the overdue and due-soon rules, evaluated by Calc itself on every row they cover (each copied
 *   into a helper column at its row, as a conditional format applies it, with TODAY() pinned to
 *   a day), agree with the checker on that day, for several days; so does the days-overdue column.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, type Day } from "../../analytics/day.js";
import { analyzeWorkbook, type Ledger } from "../../analytics/ledger.js";
import { leavesDoneOpen } from "../../analytics/normalize/conflicts.js";
import { LOG_HEADERS, LOG_RULE_WORDS, planEntries } from "../../analytics/normalize/log.js";
import { wideningEntry } from "../../analytics/normalize/column-widening.js";
import { isDayValue, isFormulaValue, LOG_SHEET, type ChangePlan, type PlanValue } from "../../analytics/normalize/types.js";
import { showValue } from "../../analytics/normalize/values.js";
import { chineseDay } from "../../analytics/written-day.js";
import { a1 } from "../../analytics/sheet/address.js";
import { cellAt } from "../../analytics/sheet/sheet-model.js";
import { FINISH_AS_OF, sheetFinishBytes } from "../analytics/normalize/sheet-finish-cases.js";
import { HARD_AS_OF, hardCaseBytes } from "../analytics/normalize/hard-cases.js";
import { convertToCsv, shown, sofficePath, type Converted } from "./libreoffice.js";
import { LEDGER_FIXTURES, loadExcel, normalizeBytes, normalizeFixture, readModel, type Normalized } from "./normalized.js";

const soffice = sofficePath();
if (soffice === null) {
  // CI installs libreoffice-calc-nogui (.ci/run); a workstation without it skips, and says so.
  console.warn("libreoffice.test.ts skipped: soffice not found (install libreoffice-calc-nogui)");
}

interface Case {
  readonly name: string;
  readonly asOf: Day;
  readonly baseYear: number | null;
  readonly normalized: Normalized;
}

/** Days on which the formulas are evaluated: the case's own, and around it. */
const SHIFTS = [0, -45, 5, 200];

const OVERDUE_COL = 60;
const DUE_SOON_COL = 61;
const DAYS_COL = 62;
const TO_CHECK_COL = 63;

function pinToday(formula: string, day: Day): string {
  const [y, m, d] = day.split("-").map(Number);
  return formula.replaceAll("TODAY()", `DATE(${y},${m},${d})`);
}

/** A conditional format's formula as Excel applies it to another row: relative rows move. */
function atRowOf(formula: string, anchor: number, row: number): string {
  return formula.replace(/\$([A-Z]{1,3})(\d+)/gu, (_m, col: string, r: string) => `$${col}${Number(r) - anchor + row}`);
}

function rowsOf(sqref: string): number[] {
  return sqref.split(" ").flatMap((range) => {
    const [top, bottom] = range.split(":").map((a) => Number(/\d+/u.exec(a)![0]));
    return Array.from({ length: bottom! - top! + 1 }, (_, i) => top! + i);
  });
}

/** The output with each flag rule written into helper columns at every row it covers, TODAY() pinned. */
async function probe(n: Normalized, day: Day): Promise<Uint8Array> {
  const wb: ExcelJS.Workbook = await loadExcel(n.output);
  const plan = n.rewrite.plan;
  for (const flag of plan.flags) {
    const ws = wb.getWorksheet(flag.sheet)!;
    const rows = rowsOf(flag.sqref);
    for (const row of rows) {
      const formula = pinToday(atRowOf(flag.formula, rows[0]!, row), day);
      const col = flag.kind === "overdue" ? OVERDUE_COL : flag.kind === "due-soon" ? DUE_SOON_COL : TO_CHECK_COL;
      ws.getCell(row, col).value = { formula: `IF(${formula},1,0)` };
    }
  }
  for (const edit of plan.edits) {
    if (edit.rule !== "overdue-column" || !isFormulaValue(edit.after)) continue;
    const cell = wb.getWorksheet(edit.sheet)!.getCell(edit.row, DAYS_COL);
    cell.value = { formula: pinToday(edit.after.formula, day) };
    cell.numFmt = "0"; // as the days-overdue column has it; Calc would show a date difference as a date
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe.skipIf(soffice === null)("LibreOffice reads the normalized workbooks", () => {
  const cases: Case[] = [];
  let converted: Converted;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), "taizhang-lo-"));
    for (const fixture of LEDGER_FIXTURES) {
      cases.push({ name: fixture.file.replace(/\.xlsx$/u, ""), asOf: fixture.asOf, baseYear: fixture.baseYear, normalized: await normalizeFixture(fixture, { overdueColumn: true }) });
    }
    cases.push({ name: "hard-cases", asOf: HARD_AS_OF, baseYear: null, normalized: await normalizeBytes(await hardCaseBytes(), HARD_AS_OF, { overdueColumn: true }) });
    // Typed dates beside text ones, a two-row header, filled-down categories, a status conflict.
    cases.push({ name: "sheet-finish", asOf: FINISH_AS_OF, baseYear: null, normalized: await normalizeBytes(await sheetFinishBytes(), FINISH_AS_OF, { overdueColumn: true }) });
    const files: string[] = [];
    for (const c of cases) {
      const plain = join(dir, `${c.name}.xlsx`);
      await writeFile(plain, c.normalized.output);
      files.push(plain);
      for (const shift of SHIFTS) {
        const path = join(dir, `${c.name}@${shift}.xlsx`);
        await writeFile(path, await probe(c.normalized, addDays(c.asOf, shift)));
        files.push(path);
      }
    }
    converted = await convertToCsv(soffice!, files, dir);
  }, 180_000);

  it("shows every changed cell as written, dates in the 年月日 format", () => {
    let dates = 0;
    let words = 0;
    for (const c of cases) {
      for (const edit of c.normalized.rewrite.plan.edits) {
        if (isFormulaValue(edit.after)) continue;
        const text = shown(converted.get(c.name)!.get(edit.sheet)!, edit.row, edit.col);
        const expected = edit.after === null ? "" : isDayValue(edit.after) ? chineseDay(edit.after.day) : String(edit.after);
        expect({ at: `${c.name} ${edit.sheet}!${edit.cell}`, text }).toEqual({ at: `${c.name} ${edit.sheet}!${edit.cell}`, text: expected });
        if (isDayValue(edit.after)) dates++;
        else words++;
      }
    }
    // Not vacuous: dates and words were both among what Calc read.
    expect({ dates: dates > 0, words: words > 0 }).toEqual({ dates: true, words: true });
  });

  it("shows every text cell normalize left alone unchanged", () => {
    for (const c of cases) {
      const model = readModel(c.normalized.output);
      const edited = new Set(c.normalized.rewrite.plan.edits.map((e) => `${e.sheet}!${e.cell}`));
      for (const sheet of model.sheets.filter((s) => s.name !== LOG_SHEET)) {
        const rows = converted.get(c.name)!.get(sheet.name)!;
        sheet.rows.forEach((cells, r) =>
          cells?.forEach((_, i) => {
            const value = cellAt(sheet, r + 1, i + 1);
            const at = `${c.name} ${sheet.name}!${a1(r + 1, i + 1)}`;
            if (typeof value !== "string" || edited.has(`${sheet.name}!${a1(r + 1, i + 1)}`)) return;
            expect({ at, text: shown(rows, r + 1, i + 1) }).toEqual({ at, text: value });
          }),
        );
      }
    }
  });

  it("reads the change log as written", () => {
    for (const c of cases) {
      const rows = converted.get(c.name)!.get(LOG_SHEET)!;
      // Calc shows dates in their 年月日 format, other values as written; rules in words.
      const shownValue = (v: PlanValue): string => (v === null ? "" : isDayValue(v) ? chineseDay(v.day) : showValue(v));
      const expected = [
        LOG_HEADERS.zh.slice(1, 7),
        ...[
          ...planEntries({ ...c.normalized.rewrite.plan, wraps: c.normalized.rewrite.applied!.wraps }, "", new Map()),
          ...c.normalized.rewrite.applied!.widenings.map((w) => wideningEntry(w, "", "zh")),
        ].map((e) => [e.sheet, e.cell, LOG_RULE_WORDS[e.kind].zh, shownValue(e.before), shownValue(e.after), e.reason]),
      ];
      expect(rows.map((r) => r.slice(1, 7))).toEqual(expected);
    }
  });

  it.each(SHIFTS)("colors exactly the rows the checker finds overdue or due soon, and its status conflicts 待核实, %i days from the as-of day", (shift) => {
    let flagged = 0;
    let conflicts = 0;
    for (const c of cases) {
      const day = addDays(c.asOf, shift);
      const plan: ChangePlan = c.normalized.rewrite.plan;
      const ledgers: readonly Ledger[] = analyzeWorkbook(readModel(c.normalized.input), { asOf: day, baseYear: c.baseYear }).ledgers;
      const sheets = converted.get(`${c.name}@${shift}`)!;
      for (const ledger of ledgers) {
        const rows = sheets.get(ledger.sheet.name)!;
        const daysColumn = plan.edits.some((e) => e.sheet === ledger.sheet.name && e.rule === "overdue-column");
        const daysFormula = (row: number): boolean =>
          plan.edits.some((e) => e.sheet === ledger.sheet.name && e.row === row && e.rule === "overdue-column" && isFormulaValue(e.after));
        for (const item of ledger.items) {
          const at = `${c.name} ${ledger.sheet.name} row ${item.row} on ${day}`;
          const calc = {
            at,
            overdue: shown(rows, item.row, OVERDUE_COL) === "1",
            dueSoon: shown(rows, item.row, DUE_SOON_COL) === "1",
            toCheck: shown(rows, item.row, TO_CHECK_COL) === "1",
            days: daysColumn ? shown(rows, item.row, DAYS_COL) : "",
          };
          // A conflict over whether the item is done is neither late nor due on the sheet: 待核实 until a person decides.
          const conflict = leavesDoneOpen(item);
          expect(calc).toEqual({
            at,
            overdue: item.overdue && !conflict,
            dueSoon: item.dueSoon && !conflict,
            toCheck: conflict,
            days: !daysColumn ? "" : conflict && daysFormula(item.row) ? "待核实" : item.overdue && !conflict ? String(item.daysOverdue) : "",
          });
          if (item.overdue || item.dueSoon) flagged++;
          if (conflict) conflicts++;
        }
      }
    }
    expect({ flagged: flagged > 0, conflicts: conflicts > 0 }).toEqual({ flagged: true, conflicts: true });
  });

  it("never leaves a flag rule that Calc cannot evaluate", () => {
    for (const c of cases) {
      for (const shift of SHIFTS) {
        for (const rows of converted.get(`${c.name}@${shift}`)!.values()) {
          for (const row of rows) for (const col of [OVERDUE_COL, DUE_SOON_COL, DAYS_COL, TO_CHECK_COL]) expect(row[col - 1] ?? "").not.toMatch(/^(#|Err:)/u);
        }
      }
    }
  });
});
