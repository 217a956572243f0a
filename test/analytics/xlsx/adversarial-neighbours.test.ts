/**
 * The reader on the second adversarial set (adversarial-neighbours.ts): each workbook is read as
 * its cells say, or refused with the code its case names and a message saying why, in one line.
 */
import { describe, expect, it } from "vitest";
import { parseA1 } from "../../../analytics/sheet/address.js";
import { cellAt, type Sheet } from "../../../analytics/sheet/sheet-model.js";
import { renderMessage } from "../../../analytics/findings/user-message.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { neighbourCases } from "./adversarial-neighbours.js";
import { columnLetters, LEDGER, refusal } from "./hostile-workbooks.js";

function sheetOf(bytes: Uint8Array, name = "整改台账"): Sheet {
  const sheet = readWorkbook(bytes, { source: "t.xlsx" }).sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe("the reader on the adversarial neighbours", () => {
  it.each(Object.entries(neighbourCases()))("%s", (_name, { bytes, expect: expectation }) => {
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
      case "no-ledger":
        expect(readWorkbook(bytes, { source: "t.xlsx" }).sheets.length).toBeGreaterThan(0);
        return;
      case "refused": {
        const error = refusal(bytes);
        expect(error.code).toBe(expectation.code);
        const zh = renderMessage(error.said, "zh");
        expect(zh).toMatch(expectation.saying);
        expect(zh).not.toContain("\n");
        // Said wholly in English too, never a Chinese phrase inside it.
        expect(renderMessage(error.said, "en")).not.toMatch(/[\u4e00-\u9fff](?![^“]*”)/u);
      }
    }
  });
});
