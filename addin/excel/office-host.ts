/// <reference types="office-js" />
/**
 * Where the pane runs when office.js loaded it: inside Excel (which platform, which language,
 * which API sets) or in a plain browser, where only the file mode works.
 */
import { browserHost, langOf, type HostInfo } from "../host/host-info.js";
import { budgetFor, type RequestBudget } from "../host/request-budget.js";

/** The manifest's requirement: everything the reader needs (getSpecialCells, RangeAreas). */
export const REQUIRED_EXCEL_API = "1.9";
/** getMergedAreasOrNullObject. Below it, merged cells are read as their top-left cell only. */
export const MERGED_AREAS_API = "1.13";

export interface OfficeHostInfo extends HostInfo {
  /** Office.context.platform ("PC", "Mac", "OfficeOnline"), null outside Office. */
  readonly platform: string | null;
  readonly budget: RequestBudget;
}

function supports(version: string): boolean {
  return Office.context.requirements?.isSetSupported("ExcelApi", version) ?? false;
}

function outside(search: string): OfficeHostInfo {
  return { ...browserHost(search), platform: null, budget: budgetFor(null) };
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
export async function detectHost(search = window.location.search, timeoutMs = 5_000): Promise<OfficeHostInfo> {
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
    kind: "excel",
    platform,
    lang: langOf(Office.context.displayLanguage),
    workbookTabs: supports(REQUIRED_EXCEL_API),
    mergedAreas: supports(MERGED_AREAS_API),
    budget: budgetFor(platform),
  };
}
