/** Three submissions, one unit written two ways across them: one combined summary. */
import { describe, expect, it } from "vitest";
import { consolidate, itemsUnderOneSpelling } from "../../analytics/consolidate.js";
import { analyzeWorkbook } from "../../analytics/ledger.js";
import { readWorkbook } from "../../analytics/xlsx/read.js";
import { fixtureBytes } from "../fixtures/build.js";
import { variantsA, variantsB, variantsC, variantsConsolidated } from "../fixtures/ledgers.js";

describe("consolidating submissions", () => {
  it("counts every file's items together and each unit under one name", async () => {
    const submissions = await Promise.all(
      [variantsA, variantsB, variantsC].map(async (f) => ({
        file: f.file,
        ledgers: analyzeWorkbook(readWorkbook(await fixtureBytes(f), { source: f.file }), { asOf: variantsConsolidated.asOf }).ledgers,
      })),
    );
    const c = consolidate(submissions);
    const expected = variantsConsolidated;
    expect(c.summary).toMatchObject({ total: expected.items, completed: expected.completed, overdue: expected.overdue, dueSoon: expected.dueSoon });
    // The two spellings of the hospital count as one unit, under the most used spelling.
    const [[canonical, other]] = expected.variantGroups as [[string, string]];
    const byUnit = Object.fromEntries(c.summary.byUnit.map((g) => [g.name, g.total]));
    const { [canonical]: a = 0, [other]: b = 0, ...rest } = expected.byUnit;
    expect(byUnit).toEqual({ ...rest, [canonical]: a + b });
    expect(c.renamed).toContainEqual({ from: other, to: canonical, role: "unit" });
    expect(Object.fromEntries(c.summary.byLeader.map((g) => [g.name, g.total]))).toEqual(expected.byLeader);
    expect(c.perFile.map((f) => f.file)).toEqual(expected.files);
    expect(c.perFile.reduce((n, f) => n + f.summary.total, 0)).toBe(expected.items);
  });
});

describe("consolidating one very large ledger", () => {
  it("takes 130,000 items of one file without overflowing the call stack", async () => {
    const f = variantsA;
    const [ledger] = analyzeWorkbook(readWorkbook(await fixtureBytes(f), { source: f.file }), { asOf: variantsConsolidated.asOf }).ledgers;
    const items = Array.from({ length: 130_000 }, (_, i) => ledger!.items[i % ledger!.items.length]!);
    const c = consolidate([{ file: f.file, ledgers: [{ ...ledger!, items }] }]);
    expect(c.items).toHaveLength(130_000);
    expect(c.summary.total).toBe(130_000);
  });
});

describe("one ledger's units for its lights", () => {
  it("puts one ledger's units under one spelling, copying only the items written another way", async () => {
    const submissions = await Promise.all(
      [variantsA, variantsB, variantsC].map(async (f) => analyzeWorkbook(readWorkbook(await fixtureBytes(f), { source: f.file }), { asOf: variantsConsolidated.asOf }).ledgers),
    );
    const items = submissions.flat().flatMap((l) => l.items);
    const [[canonical, other]] = variantsConsolidated.variantGroups as [[string, string]];
    const spelled = itemsUnderOneSpelling(items);
    expect(spelled).toHaveLength(items.length);
    const names = (cell: string | null) => cell?.split("、") ?? [];
    expect(spelled.some((i) => names(i.unit).includes(other))).toBe(false);
    items.forEach((item, i) => {
      if (names(item.unit).includes(other)) expect(spelled[i]).toEqual({ ...item, unit: names(item.unit).map((n) => (n === other ? canonical : n)).join("、") });
      else expect(spelled[i]).toBe(item);
    });
  });
});
