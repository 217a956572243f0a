/**
 * 下载汇总表: the consolidated summary as an .xlsx made in the browser, the same workbook
 * `taizhang report` writes (one model, one renderer). The renderer and exceljs are large, so
 * they are fetched (from this add-in's own server) only when a clerk asks for the download.
 */
import type { Consolidation } from "../../analytics/consolidate.js";
import { overviewModel, type OverviewOptions } from "../../analytics/overview/overview-model.js";
import { summaryBook } from "../../analytics/overview/summary-book.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The workbook's bytes; `pictures` holds the drawn charts' PNGs by chart id. */
export async function summaryWorkbookBytes(c: Consolidation, options: OverviewOptions, pictures: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const { renderSummaryBook } = await import(/* webpackChunkName: "exceljs" */ "../exceljs/summary-workbook.js");
  return renderSummaryBook(summaryBook(overviewModel(c, options)), pictures);
}

export async function summaryWorkbook(c: Consolidation, options: OverviewOptions, pictures: ReadonlyMap<string, Uint8Array>): Promise<Blob> {
  return new Blob([(await summaryWorkbookBytes(c, options, pictures)) as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
}

/** A drawn chart's PNG bytes, from chart.js's data URL. */
export function pngBytes(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(",") + 1));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}
