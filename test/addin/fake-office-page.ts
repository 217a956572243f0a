/**
 * Stands in for office.js in the pane test: the page believes it runs in Excel (desktop, all
 * API sets), and Excel.run hands it the fake workbook of fake-excel.ts, loaded with the sheets
 * the test put in window.__taizhangSheets, and document settings kept in memory. The test reads
 * the fake back through window.__taizhangFake.
 */
import type { Sheet } from "../../analytics/sheet/sheet-model.js";
import { FakeExcel, fakeSheetFrom } from "./fake-excel.js";

/** A core Sheet with its sets as arrays, as JSON carries it. */
export interface SheetJson extends Omit<Sheet, "hiddenRows" | "hiddenColumns" | "formulaCells" | "percentCells" | "dateFormats"> {
  readonly hiddenRows: number[];
  readonly hiddenColumns: number[];
  readonly formulaCells: string[];
  readonly percentCells: string[];
  readonly dateFormats: Array<[string, string]>;
}

export function sheetToJson(sheet: Sheet): SheetJson {
  return {
    ...sheet,
    hiddenRows: [...sheet.hiddenRows],
    hiddenColumns: [...(sheet.hiddenColumns ?? [])],
    formulaCells: [...sheet.formulaCells],
    percentCells: [...(sheet.percentCells ?? [])],
    dateFormats: [...(sheet.dateFormats ?? [])],
  };
}

export function sheetFromJson(json: SheetJson): Sheet {
  return {
    ...json,
    hiddenRows: new Set(json.hiddenRows),
    hiddenColumns: new Set(json.hiddenColumns),
    formulaCells: new Set(json.formulaCells),
    percentCells: new Set(json.percentCells),
    dateFormats: new Map(json.dateFormats),
  };
}

interface PageGlobals {
  __taizhangSheets?: SheetJson[];
  __taizhangLanguage?: string;
  __taizhangFake?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
}

const page = globalThis as PageGlobals;
if (page.__taizhangSheets) {
  const excel = new FakeExcel(page.__taizhangSheets.map(sheetFromJson).map(fakeSheetFrom), { workbookName: "整改台账.xlsx" });
  page.__taizhangFake = excel;
  const settings = new Map<string, unknown>();
  page.Office = {
    HostType: { Excel: "Excel" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
    context: {
      platform: "PC",
      displayLanguage: page.__taizhangLanguage ?? "zh-CN",
      requirements: { isSetSupported: (name: string) => name === "ExcelApi" },
      document: {
        settings: {
          get: (key: string) => settings.get(key) ?? null,
          set: (key: string, value: unknown) => settings.set(key, JSON.parse(JSON.stringify(value))),
          saveAsync: (done: (result: { status: string }) => void) => done({ status: "succeeded" }),
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  page.Excel = { run: <T>(task: (context: Excel.RequestContext) => Promise<T>) => task(excel.context) };
}
