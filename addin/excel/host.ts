/// <reference types="office-js" />
/**
 * Where the pane runs: inside Excel (which platform, which language, which API sets) or in a
 * plain browser, where only the file mode works.
 */
import type { Lang } from "../../analytics/findings/catalogue.js";
import { budgetFor, type RequestBudget } from "./budget.js";

/** The manifest's requirement: everything the reader needs (getSpecialCells, RangeAreas). */
export const REQUIRED_EXCEL_API = "1.9";
/** getMergedAreasOrNullObject. Below it, merged cells are read as their top-left cell only. */
export const MERGED_AREAS_API = "1.13";

export interface HostInfo {
  readonly inExcel: boolean;
  /** Office.context.platform ("PC", "Mac", "OfficeOnline"), null outside Office. */
  readonly platform: string | null;
  readonly lang: Lang;
  /** The host has ExcelApi 1.9: the pane's Excel tabs work. */
  readonly excelApiOk: boolean;
  /** The host has ExcelApi 1.13: merged areas can be read. */
  readonly mergedAreas: boolean;
  readonly budget: RequestBudget;
}

/** English when Office (or, outside Office, ?lang=en) says so; Chinese otherwise. */
export function langOf(displayLanguage: string | null | undefined): Lang {
  return displayLanguage && /^en\b/iu.test(displayLanguage) ? "en" : "zh";
}

function supports(version: string): boolean {
  return Office.context.requirements?.isSetSupported("ExcelApi", version) ?? false;
}

function outside(search: string): HostInfo {
  const lang = langOf(new URLSearchParams(search).get("lang"));
  return { inExcel: false, platform: null, lang, excelApiOk: false, mergedAreas: false, budget: budgetFor(null) };
}

/**
 * Outside Office there is nothing to report, and office.js would still open a telemetry frame
 * on Microsoft's server three seconds after loading: no request may leave the machine (the
 * file mode is used on office networks with no internet). Inside Office, Office decides.
 */
function silenceTelemetryOutsideOffice(): void {
  const osf = (globalThis as { OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame?: () => void } | null } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (endpoint) endpoint.loadProxyFrame = () => undefined;
}

/**
 * Waits for office.js. In a plain browser Office.onReady resolves with no host; if office.js
 * did not load at all (opened from disk, say), the pane runs outside Office too.
 */
export async function detectHost(search = window.location.search, timeoutMs = 5_000): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return outside(search);
  const ready = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  if (!ready || ready.host !== Office.HostType.Excel) {
    if (!ready?.host) silenceTelemetryOutsideOffice();
    return outside(search);
  }
  const platform = String(Office.context.platform ?? "");
  return {
    inExcel: true,
    platform,
    lang: langOf(Office.context.displayLanguage),
    excelApiOk: supports(REQUIRED_EXCEL_API),
    mergedAreas: supports(MERGED_AREAS_API),
    budget: budgetFor(platform),
  };
}
