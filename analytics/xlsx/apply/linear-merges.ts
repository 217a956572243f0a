/**
 * exceljs, loading a worksheet, checks each merged range against every range merged before it
 * (quadratic: 48 of 85 seconds on a 100,000-row ledger with 20,000 merged category cells). A
 * workbook Excel or WPS saved never holds overlapping merges (they refuse to make them), so
 * while loading, each range is merged with the earlier ones set aside, which leaves exceljs's
 * own merging (cells, masters, styles) to do the work and only skips the overlap check.
 * Ranges merged later (Worksheet.mergeCells) are checked as before.
 */
import type ExcelJS from "exceljs";

interface LoadingWorksheet {
  _merges: Record<string, unknown>;
  mergeCellsWithoutStyle(ref: string): void;
  _parseMergeCells(model: { mergeCells?: readonly string[] }): void;
  __taizhangLinearMerges?: true;
}

export function useLinearMergeLoading(excel: typeof ExcelJS): void {
  const probe = new excel.Workbook().addWorksheet("probe");
  const proto = Object.getPrototypeOf(probe) as LoadingWorksheet;
  if (proto.__taizhangLinearMerges) return;
  proto._parseMergeCells = function (this: LoadingWorksheet, model) {
    const merged: Record<string, unknown> = {};
    for (const ref of model.mergeCells ?? []) {
      this._merges = {};
      this.mergeCellsWithoutStyle(ref);
      Object.assign(merged, this._merges);
    }
    this._merges = merged;
  };
  proto.__taizhangLinearMerges = true;
}
