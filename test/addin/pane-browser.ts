/**
 * The built pane (dist/) in real Chromium: a local http server for dist/, Debian's chromium
 * driven by playwright-core, and guards that record console errors and refuse (and record)
 * every request that would leave this machine.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

export const DIST = resolve(import.meta.dirname, "../../dist");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

export function assertBuilt(...pages: string[]): void {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    throw new Error("dist/taskpane.html is missing: build the add-in first (npm run build:addin)");
  }
  for (const page of pages) if (!existsSync(join(DIST, page))) throw new Error(`dist/${page} is missing: build it first (npm run build:wps)`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

/** Serves dist/ on 127.0.0.1 (a free port). */
export async function serveDist(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname)).replace(/^[/\\]+/, "");
    if (path.startsWith("..")) {
      res.writeHead(403).end();
      return;
    }
    readFile(join(DIST, path))
      .then((body) => res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body))
      .catch(() => res.writeHead(404).end("not found"));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

export interface Guarded {
  readonly page: Page;
  readonly consoleErrors: string[];
  /** Requests to anywhere but this machine (each was aborted). */
  readonly offsite: string[];
}

/** A page of the pane's width that records console errors and blocks off-machine requests. */
export async function guardedPage(browser: Browser, width = 380): Promise<Guarded> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const consoleErrors: string[] = [];
  const offsite: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const local = ["127.0.0.1", "localhost"].includes(url.hostname) || url.protocol === "data:" || url.protocol === "blob:";
    if (local) return route.continue();
    offsite.push(url.href);
    return route.abort();
  });
  return { page, consoleErrors, offsite };
}

/** Non-white pixels of each chart canvas: a drawn chart has thousands, a blank one none. */
export async function inkPerCanvas(page: Page): Promise<number[]> {
  return page.$$eval("figure.chart canvas", (canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) ink++;
      return ink;
    }),
  );
}

/** A host the pane is tried in: Excel, or WPS with its members as properties or as methods. */
export interface PaneHost {
  readonly id: string;
  readonly name: string;
  readonly page: string;
  readonly ready: string;
  readonly members?: "properties" | "methods";
}

export const PANE_HOSTS: readonly PaneHost[] = [
  { id: "excel", name: "Excel", page: "taskpane.html", ready: "excel" },
  { id: "wps", name: "WPS, members as properties", page: "wps/taskpane.html", ready: "wps", members: "properties" },
  { id: "wps-methods", name: "WPS, members as methods", page: "wps/taskpane.html", ready: "wps", members: "methods" },
];

/** The fake hosts' page scripts (fake office.js, fake WPS Application), bundled for the browser. */
export interface FakeHostScripts {
  readonly office: string;
  readonly wps: string;
}

async function bundle(entry: string): Promise<string> {
  const built = await build({
    entryPoints: [resolve(import.meta.dirname, entry)],
    bundle: true,
    write: false,
    platform: "browser",
    format: "iife",
    alias: { "office-addin-manifest": resolve(import.meta.dirname, "office-addin-manifest-shim.ts") },
    logLevel: "silent",
  });
  return built.outputFiles[0]!.text;
}

export async function fakeHostScripts(): Promise<FakeHostScripts> {
  return { office: await bundle("fake-office-page.ts"), wps: await bundle("fake-wps-page.ts") };
}

/** The built pane opened in a fake host holding these sheets, ready for a test to pick its tab. */
export async function openPane(browser: Browser, origin: string, scripts: FakeHostScripts, host: PaneHost, sheets: unknown, language = "zh-CN", width?: number): Promise<Guarded> {
  const g = await guardedPage(browser, width);
  await g.page.addInitScript(([s, lang, members]) => Object.assign(window, { __taizhangSheets: s, __taizhangLanguage: lang, __taizhangMembers: members }), [sheets, language, host.members ?? null] as const);
  if (host.members) await g.page.addInitScript(scripts.wps);
  else await g.page.route("**/office/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: scripts.office }));
  await g.page.goto(`${origin}/${host.page}`);
  await g.page.waitForSelector(`body[data-ready='${host.ready}']`);
  return g;
}
