/**
 * What the pane shows when a task cannot go on: one sentence from the error catalogue in the
 * pane's language, whichever host or reader raised it.
 */
import { describe, expect, it } from "vitest";
import { PlanConflictError } from "../../../addin/host/apply-plan-to-book.js";
import { ExcelTaskError } from "../../../addin/host/task-error.js";
import { date1904Error } from "../../../addin/host/date-system.js";
import { readSubmission } from "../../../addin/taskpane/read-submissions.js";
import { errorText } from "../../../addin/taskpane/pane.js";
import { userMessage } from "../../../analytics/findings/user-message.js";

describe("the pane's errors", () => {
  it("says a change since the preview with the first five cells, in either language", () => {
    const error = new PlanConflictError(["B3", "B4", "B5", "B6", "B7", "B8"]);
    expect(errorText(error, "zh")).toBe("预览之后有 6 个单元格被修改（B3、B4、B5、B6、B7…），请重新预览后再应用");
    expect(errorText(error, "en")).toBe("6 cell(s) changed since the preview (B3, B4, B5, B6, B7…); preview again, then apply");
  });

  it("refuses a 1904 workbook in the pane's language", () => {
    expect(errorText(date1904Error(), "en")).toMatch(/^This workbook uses the 1904 date system/u);
    expect(errorText(date1904Error(), "zh")).toMatch(/^此工作簿使用“1904 日期系统”/u);
  });

  it("names the log sheet that is missing when there is nothing to undo", () => {
    const error = new ExcelTaskError(userMessage("pane-no-log", { sheet: "变更记录" }));
    expect(errorText(error, "zh")).toBe("没有“变更记录”工作表，没有可撤销的修改");
    expect(errorText(error, "en")).toBe("no “变更记录” sheet: nothing to undo");
  });

  it("says why a picked file cannot be consolidated in the pane's language", async () => {
    const bytes = new TextEncoder().encode("这不是表格");
    expect((await readSubmission("报送.xlsx", bytes, { asOf: "2019-12-31", dueSoonDays: 7, lang: "en" })).error).toBe("not an Excel workbook (.xlsx)");
    expect((await readSubmission("报送.xlsx", bytes, { asOf: "2019-12-31", dueSoonDays: 7, lang: "zh" })).error).toBe("不是 Excel 工作簿（.xlsx）");
  });
});
