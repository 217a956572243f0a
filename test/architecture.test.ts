/**
 * The layout is the architecture: the core runs in a browser (the add-in) and in Node (the
 * command line) alike, so nothing under analytics/ may reach for a Node or Office API or
 * exceljs, except the files at the edge whose names say they touch the file system
 * (`*-file.ts`). The .xlsx patcher is as pure: bytes in, bytes out.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const importsOf = (text: string): string[] => [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gu)].map((m) => (m[1] ?? m[2])!);

describe("the analytics core", () => {
  const files = sources(join(root, "analytics"));

  it("has files to check", () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((f) => [relative(root, f), f]))("%s uses no Node or Office API", (name, path) => {
    const text = readFileSync(path, "utf8");
    const imports = importsOf(text);
    if (!name.endsWith("-file.ts")) {
      expect(imports.filter((m) => m.startsWith("node:") || ["fs", "path", "os", "child_process"].includes(m)), name).toEqual([]);
      expect(text, name).not.toMatch(/\bprocess\.(env|argv|exit|stdout|stderr)\b|\bBuffer\.from\b|\brequire\(/u);
    }
    expect(text, name).not.toMatch(/\bOffice\.(context|onReady|initialize|actions|addin)\b|\bExcel\.run\b/u);
    expect(imports.filter((m) => m.startsWith("../../cli") || m.startsWith("../cli") || m.includes("/addin/")), name).toEqual([]);
    // exceljs builds new workbooks at the edges (the summary workbook); the core never loads it.
    expect(imports.filter((m) => m === "exceljs" || m.startsWith("exceljs/")), name).toEqual([]);
  });
});

describe("the .xlsx patcher (xlsx-patch/)", () => {
  const files = sources(join(root, "xlsx-patch"));

  it.each(files.map((f) => [relative(root, f), f]))("%s uses no Node API, no exceljs, and nothing of the hosts", (name, path) => {
    const text = readFileSync(path, "utf8");
    const imports = importsOf(text);
    expect(imports.filter((m) => m.startsWith("node:") || ["fs", "path", "os", "zlib", "exceljs"].includes(m)), name).toEqual([]);
    expect(text, name).not.toMatch(/\bprocess\.(env|argv|exit|stdout|stderr)\b|\bBuffer\.from\b|\brequire\(/u);
    expect(imports.filter((m) => m.includes("/cli/") || m.startsWith("../cli") || m.includes("/addin/")), name).toEqual([]);
  });
});

/**
 * The pane's tabs know no host: nothing addin/taskpane/ imports, directly or through other
 * modules, touches Office.js or WPS's object model. Each host's entry (addin/excel/office-pane-entry.ts,
 * addin/wps/wps-pane-entry.ts) hands the pane a workbook host from outside.
 */
describe("the task pane", () => {
  const pane = join(root, "addin", "taskpane");
  /** Office.js and WPS in code; comments may name them. */
  const HOST_API =
    /^\/\/\/\s*<reference types="office-js"|\bOffice\.(context|onReady|initialize|HostType|AsyncResultStatus)\b|\bExcel\.(run|RequestContext|Worksheet|Range)\b|\bwindow\.Application\b|\bApplication\.(ActiveWorkbook|CreateTaskPane|PluginStorage)\b/u;

  /** Modules a file imports: `import … from`, `export … from`, bare `import "x"` and `import("x")`. */
  const specifiersOf = (text: string): string[] =>
    [...text.matchAll(/\b(?:import|export)\s[^"';]*?\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gu)].map((m) => (m[1] ?? m[2] ?? m[3])!);

  /** Every source file reached from `start` by relative imports (type-only ones included). */
  function reached(start: readonly string[]): string[] {
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of specifiersOf(readFileSync(file, "utf8"))) {
        if (!spec.startsWith(".")) continue;
        const target = resolve(file, "..", spec.replace(/\.js$/u, ".ts"));
        if (target.startsWith(join(root, "addin")) && target.endsWith(".ts")) queue.push(target);
      }
    }
    return [...seen];
  }

  const files = reached(sources(pane));

  it("reaches the host-neutral workbook interface", () => {
    expect(files.map((f) => relative(root, f))).toContain(join("addin", "host", "session.ts"));
  });

  it.each(files.map((f) => [relative(root, f), f]))("%s touches neither Office.js nor WPS", (name, path) => {
    expect(name.startsWith(join("addin", "wps")), name).toBe(false);
    const code = readFileSync(path, "utf8")
      .replace(/\/\*[\s\S]*?\*\//gu, "")
      .replace(/^\s*\/\/(?!\/).*$/gmu, "");
    expect(code.match(HOST_API)?.[0] ?? null, name).toBeNull();
  });

  // A tab is one screen; what two tabs share lives in a module of its own (make-plan.ts,
  // status-chips.ts), so a tab can change without reaching into another. Only the pane's
  // index lists the tabs.
  const tabs = sources(pane).filter((f) => f.endsWith("-tab.ts"));

  it.each(tabs.map((f) => [relative(root, f), f]))("%s imports no other tab", (name, path) => {
    const tabImports = specifiersOf(readFileSync(path, "utf8")).filter((spec) => /-tab(\.js)?$/u.test(spec));
    expect(tabImports, name).toEqual([]);
  });

  // The command line is one edge, the add-ins another: what both write (the summary workbook,
  // the 督办通知单 as Word) lives under addin/ and the command line imports it, never the reverse.
  it.each(sources(join(root, "addin")).map((f) => [relative(root, f), f]))("%s imports nothing from the command line", (name, path) => {
    const fromCli = specifiersOf(readFileSync(path, "utf8")).filter((spec) => resolve(path, "..", spec).startsWith(join(root, "cli")));
    expect(fromCli, name).toEqual([]);
  });
});

/**
 * One name, one file: a file is named for the concept it holds, and no two share a name (a
 * folder's `index.ts` aside), so looking a concept up by file name finds one file. Tests mirror
 * the code and follow the same rule among themselves.
 */
describe("file names", () => {
  const named = (dirs: readonly string[]) =>
    dirs
      .flatMap((dir) => sources(join(root, dir)))
      .filter((path) => !path.includes(join("fixtures", "real", "ledgers")))
      .map((path) => relative(root, path));

  /** Names that more than one file carries, with the files. */
  function repeated(files: readonly string[]): Record<string, string[]> {
    const byName = new Map<string, string[]>();
    for (const file of files) {
      const name = file.split(/[\\/]/u).pop()!;
      if (name === "index.ts") continue;
      byName.set(name, [...(byName.get(name) ?? []), file]);
    }
    return Object.fromEntries([...byName].filter(([, files]) => files.length > 1));
  }

  it("no two source files share a name", () => {
    const files = named(["analytics", "xlsx-patch", "cli", "addin", "bench", "scripts"]);
    expect(files.length).toBeGreaterThan(150);
    expect(repeated(files)).toEqual({});
  });

  it("no two test files share a name", () => {
    const files = named(["test"]);
    expect(files.length).toBeGreaterThan(80);
    expect(repeated(files)).toEqual({});
  });
});

/**
 * The hosts stand side by side: what runs on any host (addin/host/) and the WPS adapter import
 * nothing from the Excel adapter (addin/excel/), so WPS never loads Office.js code.
 */
describe("the add-in's hosts", () => {
  const neutral = ["host", "wps"].flatMap((dir) => sources(join(root, "addin", dir)));

  it.each(neutral.map((f) => [relative(root, f), f]))("%s imports nothing from addin/excel/", (name, path) => {
    const fromExcel = importsOf(readFileSync(path, "utf8")).filter((spec) => resolve(path, "..", spec).startsWith(join(root, "addin", "excel")));
    expect(fromExcel, name).toEqual([]);
  });
});
