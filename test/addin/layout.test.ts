/**
 * Where Office.js may be called: only in the adapter (addin/excel/). The pane's views ask the
 * adapter, so they can be read, and tested, without Office; and nothing of the add-in reaches
 * for a Node API, since it runs in a browser.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const OFFICE_CALL = /\bOffice\.(context|onReady|initialize|actions|addin|HostType)\b|\bExcel\.run\b|\.sync\(\)/u;
const NODE_IMPORT = /from\s+["'](node:[^"']+|fs|path|os|child_process)["']/u;

describe("the add-in's layout", () => {
  const pane = sources(join(root, "addin/taskpane"));
  const adapter = sources(join(root, "addin/excel"));

  it.each(pane.map((f) => [relative(root, f), f]))("%s leaves Office.js to addin/excel", (name, path) => {
    expect(readFileSync(path, "utf8"), name).not.toMatch(OFFICE_CALL);
  });

  it.each([...pane, ...adapter].map((f) => [relative(root, f), f]))("%s imports nothing Node-only", (name, path) => {
    expect(readFileSync(path, "utf8"), name).not.toMatch(NODE_IMPORT);
  });

  it("has the adapter do the syncing", () => {
    expect(adapter.filter((f) => /context\.sync\(\)/u.test(readFileSync(f, "utf8"))).length).toBeGreaterThan(3);
  });
});
