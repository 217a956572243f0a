/**
 * Stands in for WPS in the pane test: before the WPS pane's scripts run, the page gets a
 * `window.Application` that is the fake WPS of fake-wps.ts, loaded with the sheets the test put
 * in window.__taizhangSheets, its members properties or methods as window.__taizhangMembers
 * says. The test reads the fake back through window.__taizhangFake.
 */
import { fakeSheetFrom } from "./fake-excel.js";
import { sheetFromJson, type SheetJson } from "./fake-office-page.js";
import { FakeWps, type MemberStyle } from "./fake-wps.js";

interface PageGlobals {
  __taizhangSheets?: SheetJson[];
  __taizhangLanguage?: string;
  __taizhangMembers?: MemberStyle;
  __taizhangFake?: FakeWps;
  Application?: unknown;
}

const page = globalThis as PageGlobals;
if (page.__taizhangSheets) {
  const wps = new FakeWps(page.__taizhangSheets.map(sheetFromJson).map(fakeSheetFrom), {
    members: page.__taizhangMembers ?? "properties",
    languageId: (page.__taizhangLanguage ?? "zh-CN").startsWith("en") ? 1033 : 2052,
  });
  page.__taizhangFake = wps;
  page.Application = wps.application;
}
