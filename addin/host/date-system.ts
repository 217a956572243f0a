/**
 * The pane reads and writes 1900-system serials (as the core's day arithmetic does). A workbook
 * on the 1904 date system (an old Mac setting) would have every date moved by four years, so
 * every host refuses it with the same words.
 */
import { ExcelTaskError } from "./task-error.js";
import { userMessage } from "../../analytics/findings/user-message.js";

export function date1904Error(): ExcelTaskError {
  return new ExcelTaskError(userMessage("pane-date-1904"));
}
