/**
 * The pane's entry in Excel (and in a plain browser, where office.js finds no host): finds
 * out where it runs, then starts the host-neutral pane with Excel as its workbook host.
 */
import { startPane } from "../taskpane/index.js";
import { detectHost } from "./office-host.js";
import { officeHost } from "./office-book.js";

void detectHost().then((info) => startPane(info, info.kind === "excel" && info.workbookTabs ? officeHost(info) : null));
