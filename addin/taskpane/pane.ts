/** What every tab of the pane shares: the host, the words, the open workbook, and the as-of day. */
import { today, type Day } from "../../analytics/day.js";
import type { Lang } from "../../analytics/lang.js";
import { DEFAULT_LIGHT_RULES, type LightRules } from "../../analytics/lights.js";
import { DEFAULT_DUE_SOON_DAYS } from "../../analytics/overdue.js";
import { errorIn } from "../../analytics/findings/user-message.js";
import type { HostInfo } from "../host/host-info.js";
import type { WorkbookSession } from "../host/session.js";
import { stringsFor, type Strings } from "./i18n.js";

export interface Pane {
  readonly host: HostInfo;
  readonly lang: Lang;
  readonly t: Strings;
  /** The open workbook, whichever the host; null outside a spreadsheet (or on an Excel too old for the workbook tabs). */
  readonly workbook: WorkbookSession | null;
  /** The day overdue is counted against, and the due-soon window; the 逾期 tab sets them. */
  asOf: Day;
  dueSoonDays: number;
  /** The lights' rules: the workbook's own when it keeps them (the 督办 tab), else the defaults. */
  rules: LightRules;
}

export function createPane(host: HostInfo, workbook: WorkbookSession | null): Pane {
  return { host, lang: host.lang, t: stringsFor(host.lang), workbook, asOf: today(), dueSoonDays: DEFAULT_DUE_SOON_DAYS, rules: DEFAULT_LIGHT_RULES };
}

/** An error as the clerk should read it: our own in their language, others as they come. */
export function errorText(error: unknown, lang: Lang): string {
  return errorIn(error, lang);
}

/** What a failed task shows: "出错了：" and the error in the clerk's language. */
export function failure(pane: Pane): (error: unknown) => string {
  return (error) => pane.t.failed + errorText(error, pane.lang);
}
