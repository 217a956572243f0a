/**
 * What the pane's tabs ask of the open workbook, whatever the host: each call is one task on
 * the host's Book. The tabs hold a WorkbookSession and never learn whether it is Excel or WPS.
 */
import type { ChangePlan } from "../../analytics/normalize/types.js";
import { LOG_SHEET } from "../../analytics/normalize/types.js";
import { batchId } from "../../analytics/normalize/log.js";
import { applyPlan, type ApplyResult } from "./apply-plan-to-book.js";
import type { SummaryLayout } from "../../analytics/overview/completion-sheet.js";
import { undoLatest, type UndoResult } from "./undo.js";
import type { InsertedSummary, WorkbookHost, WorkbookRead, WorkbookSettings } from "./book.js";
import type { HostInfo } from "./host-info.js";

export class WorkbookSession {
  constructor(private readonly host: WorkbookHost) {}

  get info(): HostInfo {
    return this.host.info;
  }

  /** Settings remembered in the workbook (a column mapping, say). */
  get settings(): WorkbookSettings {
    return this.host.settings;
  }

  read(formulas = false): Promise<WorkbookRead> {
    return this.host.run((book) => book.readSheets({ formulas }));
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.host.run((book) => book.select(sheet, cell));
  }

  apply(plan: ChangePlan): Promise<ApplyResult> {
    return this.host.run((book) => applyPlan(book, plan, { budget: book.budget, batch: batchId(), lang: this.host.info.lang }));
  }

  undo(): Promise<UndoResult> {
    return this.host.run((book) => undoLatest(book, { budget: book.budget, logSheet: LOG_SHEET }));
  }

  insertSummary(layout: SummaryLayout): Promise<InsertedSummary> {
    return this.host.run((book) => book.insertSummary(layout));
  }
}
