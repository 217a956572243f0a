/**
 * The overdue and due-soon formulas, as a clerk will see them in Excel's conditional-format
 * dialog, and their agreement with the checker on every fixture, on any day: the plan's own
 * evaluator compares each item's formula verdict with the core's (flagMismatches), and the
 * formulas must not depend on the day the plan was made. (libreoffice.test.ts has Calc
 * evaluate them.)
 */
import { describe, expect, it } from "vitest";
import { addDays } from "../../../analytics/day.js";
import { planNormalization } from "../../../analytics/normalize/plan.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { english, rectification15 } from "../../fixtures/ledgers.js";
import { LEDGER_FIXTURES, readModel } from "../../xlsx-patch/normalized.js";

describe("the flag formulas", () => {
  // A row some cell calls done is never late: where another cell says not done, it is 待核实 (its own rule).
  it("read the deadline cell, the status words and TODAY(), one rule for all rows that read alike", async () => {
    const { plan } = planNormalization(readModel(await fixtureBytes(english)), { asOf: english.asOf });
    expect(plan.flags.map((f) => [f.kind, f.sqref, f.formula])).toEqual([
      [
        "overdue",
        "A2:G6",
        'IF(ISNUMBER($F2),AND(INT($F2)<TODAY(),NOT(OR(LEFT(TRIM(IFERROR($G2,"")),3)="已完成",LEFT(TRIM(IFERROR($G2,"")),3)="已销号")),' +
          'NOT(LEFT(TRIM(IFERROR($G2,"")),4)="长期坚持")),FALSE)',
      ],
      [
        "due-soon",
        "A2:G6",
        'IF(ISNUMBER($F2),AND(INT($F2)>=TODAY(),INT($F2)<=TODAY()+7,NOT(OR(LEFT(TRIM(IFERROR($G2,"")),3)="已完成",LEFT(TRIM(IFERROR($G2,"")),3)="已销号")),' +
          'NOT(LEFT(TRIM(IFERROR($G2,"")),4)="长期坚持")),FALSE)',
      ],
    ]);
  });

  it("use the window given by --due-soon-days", async () => {
    const { plan } = planNormalization(readModel(await fixtureBytes(english)), { asOf: english.asOf, dueSoonDays: 14 });
    expect(plan.flags.find((f) => f.kind === "due-soon")!.formula).toContain("INT($F2)<=TODAY()+14");
  });

  it("write a day the checker reads in kept text as DATE(y,m,d), in a rule of its own", async () => {
    const { plan } = planNormalization(readModel(await fixtureBytes(rectification15)), { asOf: rectification15.asOf });
    const own = plan.flags.filter((f) => f.kind === "overdue" && f.formula.startsWith("AND(DATE("));
    expect(own.map((f) => [f.sqref, f.formula.slice(0, 30)])).toEqual([
      ["A10:K10", "AND(DATE(2019,5,31)<TODAY(),NO"], // 2019年6月前, read literally
      ["A11:K11", "AND(DATE(2019,10,8)<TODAY(),NO"], // 立行立改, due on the 填报日期
      ["A13:K13", "AND(DATE(2019,12,31)<TODAY(),N"], // 2019年底前，并长期坚持
    ]);
  });

  it.each(LEDGER_FIXTURES.map((f) => [f.file, f] as const))("agree with the checker on %s, on every day of two years", async (_name, fixture) => {
    const model = readModel(await fixtureBytes(fixture));
    const base = planNormalization(model, { asOf: fixture.asOf, baseYear: fixture.baseYear }).plan;
    for (let shift = -365; shift <= 365; shift += 3) {
      const { plan } = planNormalization(model, { asOf: addDays(fixture.asOf, shift), baseYear: fixture.baseYear });
      expect({ shift, mismatches: plan.flagMismatches }).toEqual({ shift, mismatches: [] });
      expect(plan.flags).toEqual(base.flags);
    }
  });
});
