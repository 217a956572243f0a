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
