/**
 * The WPS add-in folder (`npm run build:wps` → dist/wps/) as WPS will meet it: ribbon.xml is
 * well-formed CustomUI that starts with `<customUI` (no XML declaration), every callback it
 * names is a global function of the built entry page, the button opens the task pane that is
 * in the folder, and everything jsplugins.xml points at is there, with no page loading
 * anything from the internet. Needs `npm run build:wps` first.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { SaxesParser } from "saxes";
import { beforeAll, describe, expect, it } from "vitest";
import { DIST } from "./pane-browser.js";

const WPS = join(DIST, "wps");
const SOURCE_RIBBON = resolve(import.meta.dirname, "../../addin/wps/ribbon.xml");
/** CustomUI attributes whose value is the name of a JavaScript function WPS calls. */
const CALLBACK = /^(on[A-Z]\w*|get[A-Z]\w*|loadImage)$/;

interface Element {
  readonly name: string;
  readonly attributes: Record<string, string>;
}

/** Every element of an XML text; throws on anything not well-formed. */
function elements(xml: string): Element[] {
  const parser = new SaxesParser();
  const found: Element[] = [];
  parser.on("opentag", (tag) => found.push({ name: tag.name, attributes: tag.attributes as Record<string, string> }));
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
  return found;
}

/** The built entry page's scripts, run as WPS runs them: in the page's global scope. */
function entryGlobals(): Record<string, unknown> {
  const html = readFileSync(join(WPS, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  const window: Record<string, unknown> = { location: { href: "http://intranet.example/taizhang/index.html" } };
  for (const src of scripts) runInNewContext(readFileSync(join(WPS, src), "utf8"), { window, self: window, URL });
  return window;
}

describe("the WPS add-in folder (dist/wps/)", () => {
  beforeAll(() => {
    if (!existsSync(join(WPS, "ribbon.xml"))) throw new Error("dist/wps/ is missing: build it first (npm run build:wps)");
  });

  it("has ribbon.xml as written: well-formed CustomUI starting with <customUI, no XML declaration", () => {
    const built = readFileSync(join(WPS, "ribbon.xml"), "utf8");
    expect(built).toBe(readFileSync(SOURCE_RIBBON, "utf8"));
    expect(built.startsWith("<customUI")).toBe(true);
    expect(built).not.toContain("<?xml");
    const tags = elements(built);
    expect(tags[0]!.name).toBe("customUI");
    const group = tags.find((t) => t.name === "group")!;
    expect(group.attributes.label).toBe("台账助手");
    expect(tags.filter((t) => t.name === "button").map((b) => b.attributes.label)).toEqual(["台账助手"]);
  });

  it("defines every ribbon callback as a global function of the entry page", () => {
    const names = new Set(elements(readFileSync(SOURCE_RIBBON, "utf8")).flatMap((t) => Object.entries(t.attributes).filter(([k]) => CALLBACK.test(k)).map(([, v]) => v)));
    expect([...names].sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad"]);
    const globals = entryGlobals();
    for (const name of names) expect(typeof globals[name], name).toBe("function");
  });

  it("opens the task pane of this folder from the button, then hides and shows it", () => {
    const globals = entryGlobals();
    const storage = new Map<string, unknown>();
    const panes: { url: string; Visible: boolean; ID: string; DockPosition?: number }[] = [];
    globals.Application = {
      PluginStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: unknown) => storage.set(k, v) },
      CreateTaskPane: (url: string) => {
        const pane = { url, Visible: false, ID: `pane-${panes.length + 1}` };
        panes.push(pane);
        return pane;
      },
      GetTaskPane: (id: string) => panes.find((p) => p.ID === id),
    };
    const button = elements(readFileSync(SOURCE_RIBBON, "utf8")).find((t) => t.name === "button")!;
    const onAction = globals[button.attributes.onAction!] as (control: { Id: string }) => boolean;
    onAction({ Id: button.attributes.id! });
    expect(panes).toHaveLength(1);
    expect(panes[0]!.url).toBe("http://intranet.example/taizhang/taskpane.html");
    expect(panes[0]!.Visible).toBe(true);
    onAction({ Id: button.attributes.id! });
    expect(panes).toHaveLength(1);
    expect(panes[0]!.Visible).toBe(false);
    // Closed for good by WPS: the next click makes a new pane.
    panes.length = 0;
    onAction({ Id: button.attributes.id! });
    expect(panes.map((p) => p.Visible)).toEqual([true]);
    const icon = (globals[button.attributes.getImage!] as (control: { Id: string }) => string)({ Id: button.attributes.id! });
    expect(existsSync(join(WPS, icon)), icon).toBe(true);
  });

  it("holds everything jsplugins.xml points at: ribbon.xml, the entry page, the pane and their scripts", () => {
    for (const list of ["jsplugins.xml", "publish.xml"]) {
      const entries = elements(readFileSync(join(WPS, list), "utf8")).filter((t) => t.name === "jspluginonline");
      expect(entries, list).toHaveLength(1);
      expect(entries[0]!.attributes).toMatchObject({ name: "taizhang", type: "et" });
      expect(entries[0]!.attributes.url).toMatch(/^https?:\/\/.+\/$/);
    }
    for (const page of ["ribbon.xml", "index.html", "taskpane.html", "taskpane.css"]) expect(existsSync(join(WPS, page)), page).toBe(true);
    for (const page of ["index.html", "taskpane.html"]) {
      const html = readFileSync(join(WPS, page), "utf8");
      const refs = [...html.matchAll(/\b(?:src|href)="?([^"\s>]+)"?/g)].map((m) => m[1]!);
      expect(refs.length, page).toBeGreaterThan(0);
      for (const ref of refs) expect(existsSync(join(WPS, ref)), `${page} → ${ref}`).toBe(true);
    }
  });

  it("loads nothing from the internet: no office.js, no outside address in its pages, chart.js and exceljs in the folder", () => {
    const files = readdirSync(WPS);
    expect(files.some((f) => /^office/.test(f))).toBe(false);
    for (const page of files.filter((f) => /\.(html|css|xml)$/.test(f) && !/^(jsplugins|publish)\.xml$/.test(f))) {
      expect(readFileSync(join(WPS, page), "utf8").match(/(?:src|href|url)\s*[=(]\s*["']?https?:\/\//g), page).toBeNull();
    }
    expect(files.some((f) => /^chartjs\.\w+\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^exceljs\.\w+\.js$/.test(f))).toBe(true);
  });

  it("names the address the folder is served from, from one setting, escaped as XML", async () => {
    const { wpsPluginLists, wpsUrl } = (await import(resolve(import.meta.dirname, "../../webpack.config.js"))) as {
      wpsPluginLists: (url: string) => Record<string, string>;
      wpsUrl: () => string;
    };
    const lists = wpsPluginLists("http://oa.example.gov.cn/tz?a=1&b=2/");
    expect(elements(lists["jsplugins.xml"]!).find((t) => t.name === "jspluginonline")!.attributes.url).toBe("http://oa.example.gov.cn/tz?a=1&b=2/");
    const saved = process.env.TAIZHANG_WPS_URL;
    try {
      process.env.TAIZHANG_WPS_URL = "http://oa.example.gov.cn/taizhang-wps";
      expect(wpsUrl()).toBe("http://oa.example.gov.cn/taizhang-wps/");
      process.env.TAIZHANG_WPS_URL = "file:///C:/taizhang/";
      expect(() => wpsUrl()).toThrow("TAIZHANG_WPS_URL");
    } finally {
      if (saved === undefined) delete process.env.TAIZHANG_WPS_URL;
      else process.env.TAIZHANG_WPS_URL = saved;
    }
  });
});
