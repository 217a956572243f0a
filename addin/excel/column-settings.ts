/// <reference types="office-js" />
/**
 * The clerk's column choices, kept in the workbook itself (Office document settings), so the
 * next check of this workbook, on any machine, reads the columns the same way. The pane sees
 * only load/save; a WPS adapter keeps them in WPS's own document storage.
 */
import type { ColumnMapping } from "../../analytics/column-mapping.js";
import { ROLES } from "../../analytics/roles.js";

const KEY = "taizhang.columns";

export interface ColumnSettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

function isMapping(value: unknown): value is ColumnMapping {
  if (typeof value !== "object" || value === null) return false;
  const { header, role } = value as Record<string, unknown>;
  return typeof header === "string" && header.trim() !== "" && (role === "none" || (ROLES as readonly unknown[]).includes(role));
}

/** The mappings saved in the workbook; none when nothing (or something unreadable) is saved. */
export function loadColumnMappings(store: ColumnSettingsStore): ColumnMapping[] {
  const saved = store.get(KEY);
  return Array.isArray(saved) ? saved.filter(isMapping).map(({ header, role }) => ({ header, role })) : [];
}

/** Saves the mappings into the workbook's settings; they travel with the file once it is saved. */
export function saveColumnMappings(store: ColumnSettingsStore, mappings: readonly ColumnMapping[]): Promise<void> {
  store.set(KEY, mappings.map(({ header, role }) => ({ header, role })));
  return new Promise((resolve, reject) => {
    store.saveAsync((result) => {
      if (result.status === "failed" || result.status === Office.AsyncResultStatus?.Failed) reject(new Error(result.error?.message ?? "settings not saved"));
      else resolve();
    });
  });
}

/** A host without document settings remembers nothing, and says so when asked to. */
const NO_SETTINGS: ColumnSettingsStore = {
  get: () => undefined,
  set: () => undefined,
  saveAsync: (callback) => callback?.({ status: "failed", error: { message: "此环境不能在工作簿中保存设置 (this host cannot keep settings in the workbook)" } }),
};

/** Office's document settings of the open workbook. */
export function officeSettings(): ColumnSettingsStore {
  const settings = (Office.context as { document?: { settings?: unknown } }).document?.settings;
  return settings ? (settings as ColumnSettingsStore) : NO_SETTINGS;
}
