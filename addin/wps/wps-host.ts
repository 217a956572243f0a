/**
 * WPS 表格 as a workbook host: the pane's page runs in WPS's Chromium with `window.Application`
 * (the ET object model). Its language comes from WPS's UI language; settings are kept as custom
 * document properties of the workbook, so they travel with the file as Office's do.
 */
import { langOf, type HostInfo } from "../host/host-info.js";
import type { WorkbookHost, WorkbookSettings } from "../host/book.js";
import { call, callObj, get, items, obj, put, type WpsObject } from "./jsapi.js";
import { WpsBook } from "./wps-book.js";

/** msoLanguageIDUI: the language of WPS's menus. */
const UI_LANGUAGE = 2;
/** msoPropertyTypeString. */
const STRING_PROPERTY = 4;
/** A custom document property holds at most 255 characters: longer values go in numbered parts. */
const PART = 255;
const PREFIX = "taizhang.";

const isApplication = (app: unknown): app is WpsObject => typeof app === "object" && app !== null && "ActiveWorkbook" in app;

/**
 * WPS's spreadsheet Application, when this page runs inside WPS: `window.Application`, or what
 * `window.wps.EtApplication()` gives in builds that expose the ET application there.
 */
export function wpsApplication(scope: object = globalThis): WpsObject | null {
  const { Application: app, wps } = scope as { Application?: unknown; wps?: { EtApplication?: unknown } };
  if (isApplication(app)) return app;
  if (typeof wps?.EtApplication === "function") {
    try {
      const et: unknown = (wps.EtApplication as () => unknown).call(wps);
      if (isApplication(et)) return et;
    } catch {
      // A build whose accessor throws has no ET application for this page.
    }
  }
  return null;
}

/** 1033 is English (United States); anything English counts, Chinese otherwise. */
function uiLanguage(app: WpsObject): string | null {
  try {
    const id = Number(call(obj(app, "LanguageSettings"), "LanguageID", UI_LANGUAGE));
    if ([1033, 2057, 3081, 4105].includes(id)) return "en";
    if (Number.isFinite(id) && id > 0) return "zh";
  } catch {
    // Older builds lack LanguageSettings: the page's own language says the same.
  }
  return typeof navigator === "undefined" ? null : navigator.language;
}

export function wpsHostInfo(app: WpsObject): HostInfo {
  return { kind: "wps", lang: langOf(uiLanguage(app)), workbookTabs: true, mergedAreas: true };
}

/** JSON values as custom document properties "taizhang.KEY" (then "taizhang.KEY.1", …). */
export function propertySettings(app: WpsObject): WorkbookSettings {
  const properties = (): WpsObject => obj(obj(app, "ActiveWorkbook"), "CustomDocumentProperties");
  const byName = (): Map<string, WpsObject> => new Map(items(properties()).map((p) => [String(get(p, "Name")), p]));
  const partName = (key: string, i: number) => `${PREFIX}${key}${i === 0 ? "" : `.${i}`}`;
  return {
    async get(key) {
      const found = byName();
      let text = "";
      for (let i = 0; found.has(partName(key, i)); i++) text += String(get(found.get(partName(key, i))!, "Value") ?? "");
      if (text === "") return null;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    },
    async set(key, value) {
      const text = JSON.stringify(value) ?? "null";
      const found = byName();
      const parts = Math.max(1, Math.ceil(text.length / PART));
      for (let i = 0; i < parts; i++) {
        const chunk = text.slice(i * PART, (i + 1) * PART);
        const existing = found.get(partName(key, i));
        if (existing) put(existing, "Value", chunk);
        else callObj(properties(), "Add", partName(key, i), false, STRING_PROPERTY, chunk);
      }
      // Parts a longer earlier value left behind.
      for (let i = parts; found.has(partName(key, i)); i++) call(found.get(partName(key, i))!, "Delete");
    },
  };
}

export function wpsHost(app: WpsObject): WorkbookHost {
  return {
    info: wpsHostInfo(app),
    run: (task) => task(new WpsBook(app)),
    settings: propertySettings(app),
  };
}
