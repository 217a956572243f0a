/**
 * Any damage to an .xls is read or refused, never a crash or a hang: the fixture ledger written
 * as .xls, with bytes changed anywhere (the container's header, its sector table, its
 * directory, the records), either reads or throws the reader's own error, which every command
 * turns into one line and exit 2.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { WorkbookReadError } from "../../../analytics/xlsx/read-errors.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { readXlsWorkbook } from "../../../analytics/xls/read-xls.js";
import { fixtureBytes } from "../../fixtures/build.js";
import { rectification15 } from "../../fixtures/ledgers.js";
import { writeXls } from "./biff8-writer.js";

let small: Uint8Array;
beforeAll(async () => {
  const model = readWorkbook(await fixtureBytes(rectification15), { source: "整改台账.xlsx" });
  small = writeXls(model, { sstPiece: 300, rk: true });
});

/** Read, or refused with the reader's error; anything else (a TypeError, a RangeError) fails. */
function readOrRefuse(bytes: Uint8Array): "read" | "refused" {
  try {
    readXlsWorkbook(bytes, { source: "flipped.xls" });
    return "read";
  } catch (error) {
    if (error instanceof WorkbookReadError) return "refused";
    throw error;
  }
}

describe("an .xls with bytes changed", () => {
  const flips = fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 });

  it("is read or refused, each in well under a second", () => {
    fc.assert(
      fc.property(flips, (changes) => {
        const bytes = Uint8Array.from(small);
        for (const { at, value } of changes) bytes[at % bytes.length] = value;
        const started = performance.now();
        readOrRefuse(bytes);
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });

  it("is read or refused when the changes fall in the container's header and tables", () => {
    // The first 2 KiB hold the header, the sector table and the directory cfb walks.
    const headFlips = fc.array(fc.record({ at: fc.integer({ min: 0, max: 2047 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(headFlips, (changes) => {
        const bytes = Uint8Array.from(small);
        for (const { at, value } of changes) bytes[at] = value;
        const started = performance.now();
        readOrRefuse(bytes);
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
