/// <reference types="office-js" />
/**
 * The write operations of addin/host/write-ops.ts in Office.js, queued in requests that stay
 * within the budget: one context.sync() per request, never one per cell.
 */
import { cssColor, PROMPT_MAX, TITLE_MAX, type WriteOp } from "../host/write-ops.js";
import { packRequests, type RequestBudget } from "../host/request-budget.js";
import { DEFAULT_DIGIT_WIDTH, pointsOfWidth } from "../../analytics/normalize/column-width.js";

function cost(op: WriteOp): { cells: number; ops: number } {
  if (op.kind !== "cells") return { cells: 0, ops: op.kind === "flag" || op.kind === "validation" ? 4 : 1 };
  const cells = op.inputs.length * (op.inputs[0]?.length ?? 0);
  return { cells: op.formats ? cells * 2 : cells, ops: 1 + (op.formats ? 1 : 0) + (op.styleFrom ? 1 : 0) };
}

class SheetLookup {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(
    private readonly context: Excel.RequestContext,
    /** The conditional formats "delete-format" operations name by their index. */
    readonly formats: readonly Excel.ConditionalFormat[],
    /** Pixels of the Normal font's widest digit: Office.js takes widths in points. */
    readonly digitWidth: number,
  ) {}

  get(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) this.sheets.set(name, (ws = this.context.workbook.worksheets.getItem(name)));
    return ws;
  }

  add(name: string): void {
    this.sheets.set(name, this.context.workbook.worksheets.add(name));
  }
}

function queue(op: WriteOp, sheets: SheetLookup): void {
  if (op.kind === "add-sheet") return sheets.add(op.sheet);
  if (op.kind === "delete-format") return sheets.formats[op.id]?.delete();
  const ws = sheets.get(op.sheet);
  switch (op.kind) {
    case "cells": {
      const rows = op.inputs.length;
      const cols = op.inputs[0]?.length ?? 0;
      const range = ws.getRangeByIndexes(op.top - 1, op.left - 1, rows, cols);
      if (op.styleFrom) range.copyFrom(ws.getRange(op.styleFrom), "Formats");
      if (op.formats) range.numberFormat = op.formats;
      const formula = op.inputs.some((row) => row.some((v) => typeof v === "string" && v.startsWith("=")));
      if (formula) range.formulas = op.inputs;
      else range.values = op.inputs;
      return;
    }
    case "flag": {
      const areas = op.sqref.trim().split(/\s+/u);
      const target = areas.length > 1 ? ws.getRanges(areas.join(",")) : ws.getRange(areas[0]);
      const format = target.conditionalFormats.add("Custom");
      format.custom.rule.formula = `=${op.formula}`;
      format.custom.format.fill.color = cssColor(op.fill);
      format.custom.format.font.color = cssColor(op.font);
      return;
    }
    case "validation": {
      const dv = ws.getRange(op.ref).dataValidation;
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: op.words.join(",") } };
      dv.errorAlert = { showAlert: true, style: op.errorStyle === "stop" ? "Stop" : "Warning", title: op.title.slice(0, TITLE_MAX), message: op.error.slice(0, PROMPT_MAX) };
      dv.prompt = { showPrompt: true, title: op.title.slice(0, TITLE_MAX), message: op.prompt.slice(0, PROMPT_MAX) };
      return;
    }
    case "unmerge":
      return ws.getRange(op.ref).unmerge();
    case "merge":
      return ws.getRange(op.ref).merge(false);
    case "clear-validation":
      return ws.getRange(op.ref).dataValidation.clear();
    case "column-width":
      ws.getRangeByIndexes(0, op.col - 1, 1, 1).getEntireColumn().format.columnWidth = pointsOfWidth(op.width, sheets.digitWidth);
      return;
    case "wrap":
      ws.getRange(op.ref).format.wrapText = op.on;
      return;
    case "insert-rows":
      ws.getRange(`${op.top}:${op.top + op.count - 1}`).insert("Down");
      return;
    case "print-wide":
      ws.pageLayout.orientation = "Landscape";
      ws.pageLayout.paperSize = "A4";
      ws.pageLayout.zoom = { horizontalFitToPages: 1 };
      return;
    case "header-style": {
      const range = ws.getRange(op.ref);
      range.format.font.bold = true;
      range.format.fill.color = "#F3F2F1";
      return;
    }
  }
}

/** Queues the operations in order, one sync per request; returns how many requests it took. */
export async function runOps(
  context: Excel.RequestContext,
  ops: readonly WriteOp[],
  budget: RequestBudget,
  formats: readonly Excel.ConditionalFormat[] = [],
  digitWidth = DEFAULT_DIGIT_WIDTH,
): Promise<number> {
  const sheets = new SheetLookup(context, formats, digitWidth);
  const requests = packRequests(ops, cost, budget);
  for (const request of requests) {
    for (const op of request) queue(op, sheets);
    await context.sync();
  }
  return requests.length;
}
