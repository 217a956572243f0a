/**
 * Where the pane runs, as the tabs need to know it: in a spreadsheet (Excel or WPS 表格) or in a
 * plain browser (only the file mode works), in which language, and what the host cannot do.
 * The tabs never learn which spreadsheet it is beyond these facts.
 */
import type { Lang } from "../../analytics/lang.js";

export type HostKind = "excel" | "wps";

export interface HostInfo {
  /** The spreadsheet the pane is in; null in a plain browser. */
  readonly kind: HostKind | null;
  readonly lang: Lang;
  /** The host has everything the workbook tabs need (ExcelApi 1.9 in Excel; always in WPS). */
  readonly workbookTabs: boolean;
  /** Merged areas can be read (ExcelApi 1.13 in Excel; always in WPS). */
  readonly mergedAreas: boolean;
}

/** English when the host (or, outside one, ?lang=en) says so; Chinese otherwise. */
export function langOf(language: string | null | undefined): Lang {
  return language && /^en\b/iu.test(language) ? "en" : "zh";
}

/** The pane opened outside any spreadsheet. */
export function browserHost(search: string): HostInfo {
  return { kind: null, lang: langOf(new URLSearchParams(search).get("lang")), workbookTabs: false, mergedAreas: false };
}
