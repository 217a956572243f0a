/**
 * The add-in manifest: `npm run validate` (xmllint against Microsoft's XSDs, offline) accepts
 * it and refuses broken ones; it asks for the ExcelApi set the adapter needs, opens the pane
 * from the Home tab, names itself in Chinese and English, and its icons exist at their sizes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REQUIRED_EXCEL_API } from "../../addin/excel/office-host.js";

const ROOT = resolve(import.meta.dirname, "../..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function validate(...files: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ["scripts/validate-manifest.mjs", ...files], { cwd: ROOT, encoding: "utf8" });
  return { status: run.status, out: run.stdout + run.stderr };
}

function broken(edit: (xml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "taizhang-manifest-"));
  const path = join(dir, "manifest.xml");
  writeFileSync(path, edit(MANIFEST));
  return path;
}

describe("manifest.xml", () => {
  it("validates offline against the Office add-in manifest schemas (npm run validate)", () => {
    const { status, out } = validate("manifest.xml");
    expect(out).toContain("✔ manifest.xml validates against the Office add-in manifest schema (offline)");
    expect(status).toBe(0);
  });

  it.each([
    ["an Id that is no GUID", (x: string) => x.replace(/<Id>[^<]+<\/Id>/, "<Id>taizhang</Id>"), "Element '{http://schemas.microsoft.com/office/appforoffice/1.1}Id'"],
    ["no DefaultSettings", (x: string) => x.replace(/<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, ""), "DefaultSettings"],
    ["a resid nobody defines", (x: string) => x.replace('resid="Taizhang.OpenPane.Tip"', 'resid="Taizhang.Missing"'), "resid “Taizhang.Missing” is used but not defined"],
    ["an icon of the wrong size", (x: string) => x.replace("assets/icon-80.png", "assets/icon-64.png"), "icon assets/icon-64.png should be 80×80 px, is 64×64"],
    ["a URL on another server", (x: string) => x.replace("https://localhost:3000/commands.html", "https://example.org/commands.html"), "URLs point at several servers"],
  ])("refuses a manifest with %s", (_what, edit, message) => {
    const { status, out } = validate(broken(edit));
    expect(status).toBe(1);
    expect(out).toContain(message);
  });

  it(`asks for ExcelApi ${REQUIRED_EXCEL_API}, the set the adapter's reader needs`, () => {
    expect(MANIFEST).toContain(`<Set Name="ExcelApi" MinVersion="${REQUIRED_EXCEL_API}" />`);
  });

  it("puts a button that opens the pane in its own group on the Home tab, with 16, 32 and 80 px icons", () => {
    const home = /<OfficeTab id="TabHome">([\s\S]*?)<\/OfficeTab>/.exec(MANIFEST)?.[1] ?? "";
    expect(home).toContain('<Control xsi:type="Button" id="Taizhang.OpenPane">');
    expect(home).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>Taizhang.Pane<\/TaskpaneId>\s*<SourceLocation resid="Taizhang.Taskpane.Url" \/>/);
    expect([...home.matchAll(/<bt:Image size="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([16, 32, 80, 16, 32, 80]);
  });

  it("is named in Chinese by default and in English for en-US", () => {
    expect(MANIFEST).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(MANIFEST).toMatch(/<DisplayName DefaultValue="台账助手">\s*<Override Locale="en-US" Value="Taizhang Ledger Assistant" \/>/);
    expect(MANIFEST).toMatch(/<bt:String id="Taizhang.OpenPane.Label" DefaultValue="台账助手">\s*<bt:Override Locale="en-US" Value="Ledger Assistant" \/>/);
  });
});
