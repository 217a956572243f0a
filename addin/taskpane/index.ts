/**
 * The task pane: the five tabs in a spreadsheet (Excel or WPS 表格, through the one workbook
 * interface of addin/host/), or only the file mode (汇总) in a plain browser or on an Excel
 * too old for the rest. Each host's entry (addin/excel/office-pane-entry.ts, addin/wps/wps-pane-entry.ts)
 * says where it runs and calls startPane.
 */
import type { WorkbookHost } from "../host/book.js";
import type { HostInfo } from "../host/host-info.js";
import { WorkbookSession } from "../host/session.js";
import { chartsTab } from "./charts-tab.js";
import { checkTab } from "./check-tab.js";
import { consolidateTab } from "./consolidate-tab.js";
import { h, replaceChildren } from "./dom.js";
import { normalizeTab } from "./normalize-tab.js";
import { overdueTab } from "./overdue-tab.js";
import { createPane, type Pane } from "./pane.js";
import { superviseTab } from "./supervise-tab.js";
import { tabs } from "./tabs.js";

function notice(pane: Pane): HTMLElement | null {
  const { host, t } = pane;
  if (!host.kind) return h("p", { class: "notice info", role: "note" }, t.outsideOffice);
  if (!host.workbookTabs) return h("p", { class: "notice warn", role: "note" }, t.oldExcel);
  if (!host.mergedAreas) return h("p", { class: "notice warn", role: "note" }, t.noMerges);
  return null;
}

function body(pane: Pane): HTMLElement {
  const { t } = pane;
  if (!pane.workbook) {
    return h("section", { class: "panel single", "aria-labelledby": "consolidate-heading" }, h("h2", { id: "consolidate-heading" }, t.tabs.consolidate), consolidateTab(pane));
  }
  return tabs(
    t.tabsLabel,
    [
      { id: "check", label: t.tabs.check, panel: () => checkTab(pane) },
      { id: "normalize", label: t.tabs.normalize, panel: () => normalizeTab(pane) },
      { id: "overdue", label: t.tabs.overdue, panel: () => overdueTab(pane) },
      { id: "charts", label: t.tabs.charts, panel: () => chartsTab(pane) },
      { id: "consolidate", label: t.tabs.consolidate, panel: () => consolidateTab(pane) },
      { id: "supervise", label: t.tabs.supervise, panel: () => superviseTab(pane) },
    ],
    "check",
  );
}

/** Shows the pane in #app; `workbook` is null where only the file mode works. */
export function startPane(host: HostInfo, workbook: WorkbookHost | null): void {
  const pane = createPane(host, workbook ? new WorkbookSession(workbook) : null);
  document.documentElement.lang = host.lang === "zh" ? "zh-CN" : "en";
  document.title = pane.t.appTitle;
  const app = document.getElementById("app")!;
  replaceChildren(
    app,
    h("header", { class: "masthead" }, h("h1", {}, pane.t.appTitle), h("p", {}, pane.t.appSubtitle)),
    notice(pane),
    body(pane),
  );
  document.body.dataset.ready = host.kind ?? "browser";
}
