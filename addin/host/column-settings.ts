/**
 * The clerk's column choices, kept in the workbook itself (the host's document settings), so
 * the next check of this workbook, on any machine and in either host, reads the columns the
 * same way. The pane sees only load/save over the host's WorkbookSettings.
 */
import type { ColumnMapping } from "../../analytics/column-mapping.js";
import { ROLES } from "../../analytics/roles.js";
import type { WorkbookSettings } from "./book.js";

const KEY = "taizhang.columns";

function isMapping(value: unknown): value is ColumnMapping {
  if (typeof value !== "object" || value === null) return false;
  const { header, role } = value as Record<string, unknown>;
  return typeof header === "string" && header.trim() !== "" && (role === "none" || (ROLES as readonly unknown[]).includes(role));
}

/** The mappings saved in the workbook; none when nothing (or something unreadable) is saved. */
export async function loadColumnMappings(settings: WorkbookSettings): Promise<ColumnMapping[]> {
  const saved = await settings.get(KEY);
  return Array.isArray(saved) ? saved.filter(isMapping).map(({ header, role }) => ({ header, role })) : [];
}

/** Saves the mappings into the workbook's settings; they travel with the file once it is saved. A failed save rejects. */
export function saveColumnMappings(settings: WorkbookSettings, mappings: readonly ColumnMapping[]): Promise<void> {
  return settings.set(KEY, mappings.map(({ header, role }) => ({ header, role })));
}
