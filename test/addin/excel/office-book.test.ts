/**
 * Excel as a workbook host (addin/excel/office-book.ts): each task runs in one Excel.run with an
 * OfficeBook on its context, and settings go to the document's own settings, saved into the file.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DESKTOP_BUDGET } from "../../../addin/host/request-budget.js";
import { OfficeBook, officeHost } from "../../../addin/excel/office-book.js";
import { WorkbookSession } from "../../../addin/host/session.js";
import { FakeExcel, ledgerSheet } from "../fake-excel.js";

const globals = globalThis as { Office?: unknown; Excel?: unknown };

function install(excel: FakeExcel, saved: Map<string, unknown>, failSave = false): void {
  const pending = new Map<string, unknown>();
  globals.Excel = { run: <T>(task: (context: Excel.RequestContext) => Promise<T>) => task(excel.context) };
  globals.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      document: {
        settings: {
          get: (key: string) => pending.get(key) ?? saved.get(key) ?? null,
          set: (key: string, value: unknown) => pending.set(key, value),
          saveAsync: (done: (r: { status: string; error: { message: string } }) => void) => {
            if (!failSave) for (const [k, v] of pending) saved.set(k, v);
            done({ status: failSave ? "failed" : "succeeded", error: { message: "the document is read-only" } });
          },
        },
      },
    },
  };
}

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

const info = { kind: "excel" as const, lang: "zh" as const, workbookTabs: true, mergedAreas: true, platform: "PC", budget: DESKTOP_BUDGET };

describe("Excel as a workbook host", () => {
  it("runs each task on an OfficeBook in one Excel.run", async () => {
    const excel = new FakeExcel([ledgerSheet("台账", 5)]);
    install(excel, new Map());
    let seen: unknown = null;
    await officeHost(info).run(async (book) => {
      seen = book;
    });
    expect(seen).toBeInstanceOf(OfficeBook);
    const read = await new WorkbookSession(officeHost(info)).read();
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(["台账"]);
    expect(excel.syncs).toBe(3);
  });

  it("keeps settings in the document and saves them into it", async () => {
    const saved = new Map<string, unknown>();
    install(new FakeExcel([ledgerSheet("台账", 1)]), saved);
    const session = new WorkbookSession(officeHost(info));
    expect(await session.settings.get("columns")).toBeNull();
    await session.settings.set("columns", { deadline: "H" });
    expect(saved.get("columns")).toEqual({ deadline: "H" });
    expect(await session.settings.get("columns")).toEqual({ deadline: "H" });
  });

  it("says so when the document cannot save its settings", async () => {
    install(new FakeExcel([ledgerSheet("台账", 1)]), new Map(), true);
    await expect(officeHost(info).settings.set("columns", {})).rejects.toThrow("read-only");
  });
});
