/** The pane's column choices, kept in the workbook's settings whatever the host. */
import { describe, expect, it } from "vitest";
import type { WorkbookSettings } from "../../../addin/host/book.js";
import { loadColumnMappings, saveColumnMappings } from "../../../addin/host/column-settings.js";

function store(initial?: unknown): WorkbookSettings & { saved: number } {
  const values = new Map<string, unknown>(initial === undefined ? [] : [["taizhang.columns", initial]]);
  return {
    saved: 0,
    get: async (key) => values.get(key) ?? null,
    async set(key, value) {
      this.saved++;
      values.set(key, value);
    },
  };
}

describe("column choices in the workbook", () => {
  it("are saved and read back", async () => {
    const s = store();
    await saveColumnMappings(s, [{ header: "时间节点", role: "deadline" }]);
    expect(s.saved).toBe(1);
    expect(await loadColumnMappings(s)).toEqual([{ header: "时间节点", role: "deadline" }]);
  });

  it("read nothing from a workbook without them, and skip what is not a mapping", async () => {
    expect(await loadColumnMappings(store())).toEqual([]);
    expect(await loadColumnMappings(store("时间节点=deadline"))).toEqual([]);
    expect(await loadColumnMappings(store([{ header: "时间节点", role: "when" }, { header: "需求部门", role: "unit" }, null]))).toEqual([{ header: "需求部门", role: "unit" }]);
  });

  it("a failed save is an error, not silence", async () => {
    const failing: WorkbookSettings = { get: async () => null, set: async () => Promise.reject(new Error("read-only")) };
    await expect(saveColumnMappings(failing, [])).rejects.toThrow("read-only");
  });
});
