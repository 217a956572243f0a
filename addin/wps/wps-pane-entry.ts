/**
 * The pane's entry in WPS 表格 (the task pane WPS opens from the ribbon): the host-neutral pane
 * with WPS as its workbook host. Opened in a plain browser, it offers the file mode only.
 */
import { browserHost } from "../host/host-info.js";
import { startPane } from "../taskpane/index.js";
import { wpsApplication, wpsHost } from "./wps-host.js";

const app = wpsApplication();
if (app) {
  const host = wpsHost(app);
  startPane(host.info, host);
} else {
  startPane(browserHost(window.location.search), null);
}
