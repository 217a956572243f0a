/// <reference types="office-js" />
/**
 * What the pane asks of Excel, each one Excel.run: the pane never touches Office.js itself.
 */
import type { ChangePlan } from "../../analytics/normalize/types.js";
import { LOG_SHEET } from "../../analytics/normalize/types.js";
import { batchId } from "../../analytics/normalize/log.js";
import type { ColumnMapping } from "../../analytics/column-mapping.js";
import { applyPlan, type ApplyResult } from "./apply-plan.js";
import { loadColumnMappings, officeSettings, saveColumnMappings } from "./column-settings.js";
import type { HostInfo } from "./host.js";
import { readWorkbookFromExcel, type ExcelRead } from "./read-workbook.js";
import { selectCell } from "./select.js";
import { insertSummarySheet, type InsertedSummary } from "./summary-sheet.js";
import type { SummaryLayout } from "./summary-layout.js";
import { undoLatest, type UndoResult } from "./undo.js";

export class ExcelSession {
  constructor(private readonly host: HostInfo) {}

  read(formulas = false): Promise<ExcelRead> {
    return Excel.run((context) =>
      readWorkbookFromExcel(context, { budget: this.host.budget, mergedAreas: this.host.mergedAreas, formulas, source: "工作簿" }),
    );
  }

  select(sheet: string, cell: string): Promise<void> {
    return Excel.run((context) => selectCell(context, sheet, cell));
  }

  apply(plan: ChangePlan): Promise<ApplyResult> {
    return Excel.run((context) => applyPlan(context, plan, { budget: this.host.budget, batch: batchId(), lang: this.host.lang }));
  }

  undo(): Promise<UndoResult> {
    return Excel.run((context) => undoLatest(context, { budget: this.host.budget, logSheet: LOG_SHEET }));
  }

  insertSummary(layout: SummaryLayout): Promise<InsertedSummary> {
    return Excel.run((context) => insertSummarySheet(context, layout));
  }

  /** The column choices saved in this workbook (the pane's dropdowns). */
  columnMappings(): Promise<ColumnMapping[]> {
    return Promise.resolve(loadColumnMappings(officeSettings()));
  }

  saveColumnMappings(mappings: readonly ColumnMapping[]): Promise<void> {
    return saveColumnMappings(officeSettings(), mappings);
  }
}
