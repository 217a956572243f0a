/**
 * What the reader must do with a crafted workbook, for both adversarial sets: read the ledger or
 * the cells its case names exactly, find the sheets of a workbook without a ledger, or refuse it
 * with its case's code in one line (and, where the case says how, in those words, wholly in
 * English with --lang en).
 */
import { expect } from "vitest";
import { renderMessage } from "../../../analytics/findings/user-message.js";
import { parseA1 } from "../../../analytics/sheet/address.js";
import { cellAt, type CellValue, type Sheet } from "../../../analytics/sheet/sheet-model.js";
import type { HostInflater } from "../../../analytics/xlsx/package.js";
import { readWorkbook } from "../../../analytics/xlsx/read.js";
import { readSpreadsheet } from "../../../analytics/spreadsheet-file.js";
import type { NeighbourExpectation } from "./adversarial-neighbours.js";
import type { Expectation } from "./adversarial-workbooks.js";
import { columnLetters, LEDGER, refusal } from "./hostile-workbooks.js";

export function sheetOf(bytes: Uint8Array, name = "整改台账", inflater?: HostInflater): Sheet {
  const sheet = readWorkbook(bytes, { source: "t.xlsx", inflater }).sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** `inflater`: a host's native one (the command line's zlib); fflate's, as in the pane, when not given. */
export function expectRead(bytes: Uint8Array, expectation: Expectation | NeighbourExpectation, inflater?: HostInflater): void {
  switch (expectation.kind) {
    case "ledger": {
      const sheet = sheetOf(bytes, expectation.sheet, inflater);
      LEDGER.forEach((cells, r) => cells.forEach((text, c) => expect(cellAt(sheet, r + 1, c + 1), `${columnLetters(c + 1)}${r + 1}`).toBe(text)));
      expect(sheet.rows.length).toBe(LEDGER.length);
      return;
    }
    case "cells": {
      const sheet = sheetOf(bytes, expectation.sheet, inflater);
      for (const [ref, value] of Object.entries(expectation.cells)) {
        const { row, col } = parseA1(ref) ?? { row: 0, col: 0 };
        expect(cellAt(sheet, row, col), ref).toEqual(value);
      }
      return;
    }
    case "other-format": {
      const error = refusal(bytes, inflater);
      expect(error.code).toBe("not-xlsx");
      expect(renderMessage(error.said, "zh")).toMatch(expectation.saying);
      const sheet = readSpreadsheet(bytes, { source: "导出.xls" }).sheets.find((s) => s.name === (expectation.sheet ?? "导出"));
      expect(sheet).toBeDefined();
      // A page's cell is the text it shows: a plain whole number (序号) reads as a number, as in Excel.
      const shown = (text: string): CellValue => (expectation.sheet === undefined && /^\d+$/u.test(text) ? Number(text) : text);
      LEDGER.forEach((cells, r) => cells.forEach((text, c) => expect(cellAt(sheet!, r + 1, c + 1), `${columnLetters(c + 1)}${r + 1}`).toBe(shown(text))));
      expect(sheet!.rows.length).toBe(LEDGER.length);
      return;
    }
    case "no-ledger":
      expect(readWorkbook(bytes, { source: "t.xlsx", inflater }).sheets.length).toBeGreaterThan(0);
      return;
    case "refused": {
      const error = refusal(bytes, inflater);
      expect(error.code).toBe(expectation.code);
      expect(error.message).not.toContain("\n");
      if (!("saying" in expectation)) return;
      expect(renderMessage(error.said, "zh")).toMatch(expectation.saying);
      // Said wholly in English too, never a Chinese phrase inside it.
      expect(renderMessage(error.said, "en")).not.toMatch(/[\u4e00-\u9fff](?![^“]*”)/u);
    }
  }
}
