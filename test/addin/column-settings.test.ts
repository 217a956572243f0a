/** The pane's column choices, kept in the workbook's document settings. */
import { describe, expect, it, vi } from "vitest";
import { loadColumnMappings, saveColumnMappings, type ColumnSettingsStore } from "../../addin/excel/column-settings.js";

function store(initial?: unknown): ColumnSettingsStore & { saved: number } {
  const values = new Map<string, unknown>(initial === undefined ? [] : [["taizhang.columns", initial]]);
  return {
    saved: 0,
    get: (name) => values.get(name),
    set: (name, value) => void values.set(name, value),
    saveAsync(callback) {
      this.saved++;
      callback?.({ status: "succeeded" });
    },
  };
}

vi.stubGlobal("Office", { AsyncResultStatus: { Failed: "failed", Succeeded: "succeeded" } });

describe("column choices in the workbook", () => {
  it("are saved and read back", async () => {
    const s = store();
    await saveColumnMappings(s, [{ header: "时间节点", role: "deadline" }]);
    expect(s.saved).toBe(1);
    expect(loadColumnMappings(s)).toEqual([{ header: "时间节点", role: "deadline" }]);
  });

  it("read nothing from a workbook without them, and skip what is not a mapping", () => {
    expect(loadColumnMappings(store())).toEqual([]);
    expect(loadColumnMappings(store("时间节点=deadline"))).toEqual([]);
    expect(loadColumnMappings(store([{ header: "时间节点", role: "when" }, { header: "需求部门", role: "unit" }, null]))).toEqual([{ header: "需求部门", role: "unit" }]);
  });

  it("a failed save is an error, not silence", async () => {
    const failing: ColumnSettingsStore = { get: () => undefined, set: () => undefined, saveAsync: (cb) => cb?.({ status: "failed", error: { message: "read-only" } }) };
    await expect(saveColumnMappings(failing, [])).rejects.toThrow("read-only");
  });
});
