/**
 * The reader on the adversarial workbooks (adversarial-workbooks.ts): each is read as its cells
 * say, or refused with the code its case names, in one line.
 */
import { describe, expect, it } from "vitest";
import { cellAt, type Sheet } from "../../../analytics/sheet/sheet-model.js";
import { parseA1 } from "../../../analytics/sheet/address.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { adversarialCases, type Expectation } from "./adversarial-workbooks.js";
import { columnLetters, LEDGER, refusal } from "./hostile-workbooks.js";

function sheetOf(bytes: Uint8Array, name = "整改台账"): Sheet {
  const sheet = readWorkbook(bytes, { source: "t.xlsx" }).sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function expectRead(bytes: Uint8Array, expectation: Expectation): void {
  switch (expectation.kind) {
    case "ledger": {
      const sheet = sheetOf(bytes, expectation.sheet);
      LEDGER.forEach((cells, r) => cells.forEach((text, c) => expect(cellAt(sheet, r + 1, c + 1), `${columnLetters(c + 1)}${r + 1}`).toBe(text)));
      expect(sheet.rows.length).toBe(LEDGER.length);
      return;
    }
    case "cells": {
      const sheet = sheetOf(bytes, expectation.sheet);
      for (const [ref, value] of Object.entries(expectation.cells)) {
        const { row, col } = parseA1(ref) ?? { row: 0, col: 0 };
        expect(cellAt(sheet, row, col), ref).toEqual(value);
      }
      return;
    }
    case "refused": {
      const error = refusal(bytes);
      expect(error.code).toBe(expectation.code);
      expect(error.message).not.toContain("\n");
    }
  }
}

describe("the reader on adversarial workbooks", () => {
  it.each(Object.entries(adversarialCases()))("%s", (_name, { bytes, expect: expectation }) => {
    expectRead(bytes, expectation);
  });
});
