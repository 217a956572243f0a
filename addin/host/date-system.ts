/**
 * The pane reads and writes 1900-system serials (as the core's day arithmetic does). A workbook
 * on the 1904 date system (an old Mac setting) would have every date moved by four years, so
 * every host refuses it with the same words.
 */
import { ExcelTaskError } from "./task-error.js";

export function date1904Error(): ExcelTaskError {
  return new ExcelTaskError(
    "此工作簿使用“1904 日期系统”（文件 → 选项 → 高级），台账助手暂不支持。请取消该选项，或用命令行 taizhang 处理此文件。",
    "This workbook uses the 1904 date system (File → Options → Advanced), which the pane does not support yet. Turn it off, or use the taizhang command line on the file.",
  );
}
