/** Nothing a cell holds can drive the clerk's terminal. */
import { spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeControls, terminalSafe } from "../../cli/terminal-safe.js";
import { LEDGER, ledgerParts, sharedStrings, sharedStringsXml, zipParts } from "../analytics/xlsx/hostile-workbooks.js";

const HOSTILE = ["\u001b[2J", "\u001b]0;pwned\u0007", "\u001b]52;c;aGk=\u001b\\", "\u001bP+q\u001b\\", "\u009b31m", "\u202e", "\u2066", "\r", "\u0007", "\u0000", "\u001bc"];
const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe("text made safe for a terminal", () => {
  it("removes whole escape sequences and every control but newline and tab", () => {
    for (const hostile of HOSTILE) {
      const safe = terminalSafe(`区${hostile}人民医院\t第1行\n`, false);
      expect(safe, JSON.stringify(hostile)).toBe("区人民医院\t第1行\n");
    }
  });

  it("keeps the printer's own colors when colors are on, and only those", () => {
    expect(terminalSafe("\u001b[31m逾期\u001b[39m \u001b[2J\u001b]0;x\u0007", true)).toBe("\u001b[31m逾期\u001b[39m ");
    expect(terminalSafe("\u001b[31m逾期\u001b[39m", false)).toBe("逾期");
  });

  it("keeps JSON's data, writing the raw controls as escapes", () => {
    const json = JSON.stringify({ unit: "区\u202e医院\u009b" });
    expect(JSON.parse(escapeControls(json))).toEqual({ unit: "区\u202e医院\u009b" });
    expect(escapeControls(json)).not.toMatch(ANY_CONTROL);
  });
});

describe("taizhang check on a ledger whose cells hold escape sequences", () => {
  it("prints none of them, with colors off or on", async () => {
    // The task and the unit of an overdue item: both are printed.
    const rows = LEDGER.map((row, r) => (r === 3 ? row.map((cell, c) => (c === 1 || c === 3 ? `${cell}${HOSTILE.join("")}` : cell)) : [...row]));
    const parts = ledgerParts({ "xl/sharedStrings.xml": sharedStringsXml(sharedStrings(rows).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, "0")}_`))) });
    // Cells index the table of the plain ledger: rebuild the sheet against the new table.
    const { sheetRows, worksheetXml } = await import("../analytics/xlsx/hostile-workbooks.js");
    parts["xl/worksheets/sheet1.xml"] = worksheetXml(sheetRows(rows));
    const dir = await mkdtemp(join(tmpdir(), "taizhang-escape-"));
    const file = join(dir, "escape.xlsx");
    await writeFile(file, zipParts(parts));
    const root = resolve(import.meta.dirname, "../..");
    for (const args of [["--no-color"], []]) {
      const run = spawnSync(process.execPath, [join(root, "bin", "taizhang.mjs"), "check", file, "--all", "--as-of", "2019-12-31", ...args], { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "1" } });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain("问题3：学习制度落实不到位");
      expect(run.stdout.replace(/\u001b\[[0-9;]*m/gu, "")).not.toMatch(ANY_CONTROL);
      expect(run.stdout).not.toContain("pwned");
    }
  });
});
