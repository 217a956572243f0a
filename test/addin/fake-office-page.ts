/**
 * Stands in for office.js in the pane test: the page believes it runs in Excel (desktop, all
 * API sets), and Excel.run hands it the fake workbook of fake-excel.ts, loaded with the sheets
 * the test put in window.__taizhangSheets. The test reads the fake back through
 * window.__taizhangExcel.
 */
import type { Sheet } from "../../analytics/sheet/model.js";
import { FakeExcel, fakeSheetFrom } from "./fake-excel.js";

/** A core Sheet with its sets as arrays, as JSON carries it. */
export interface SheetJson extends Omit<Sheet, "hiddenRows" | "formulaCells" | "percentCells"> {
  readonly hiddenRows: number[];
  readonly formulaCells: string[];
  readonly percentCells: string[];
}

export function sheetToJson(sheet: Sheet): SheetJson {
  return { ...sheet, hiddenRows: [...sheet.hiddenRows], formulaCells: [...sheet.formulaCells], percentCells: [...(sheet.percentCells ?? [])] };
}

function sheetFromJson(json: SheetJson): Sheet {
  return { ...json, hiddenRows: new Set(json.hiddenRows), formulaCells: new Set(json.formulaCells), percentCells: new Set(json.percentCells) };
}

interface PageGlobals {
  __taizhangSheets?: SheetJson[];
  __taizhangLanguage?: string;
  __taizhangExcel?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
}

const page = globalThis as PageGlobals;

function memorySettings() {
  const values = new Map<string, unknown>();
  return {
    get: (name: string) => values.get(name),
    set: (name: string, value: unknown) => void values.set(name, JSON.parse(JSON.stringify(value))),
    saveAsync: (callback?: (result: { status: string }) => void) => callback?.({ status: "succeeded" }),
  };
}
if (page.__taizhangSheets) {
  const excel = new FakeExcel(page.__taizhangSheets.map(sheetFromJson).map(fakeSheetFrom), { workbookName: "整改台账.xlsx" });
  page.__taizhangExcel = excel;
  page.Office = {
    HostType: { Excel: "Excel" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
    context: {
      platform: "PC",
      displayLanguage: page.__taizhangLanguage ?? "zh-CN",
      requirements: { isSetSupported: (name: string) => name === "ExcelApi" },
      // Document settings, kept in memory as Office keeps them in the workbook.
      document: { settings: memorySettings() },
    },
  };
  page.Excel = { run: <T>(task: (context: Excel.RequestContext) => Promise<T>) => task(excel.context) };
}
