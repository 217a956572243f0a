/**
 * The add-in build (webpack.config.js): the pane bundle holds no Node-only module and loads
 * exceljs and chart.js only on demand, office.js is served from dist/ (no CDN), and the
 * manifest's URLs come from one setting. Needs `npm run build:addin` first.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack, { type Configuration } from "webpack";
import { beforeAll, describe, expect, it } from "vitest";
import { DIST } from "./pane-browser.js";

const ROOT = resolve(import.meta.dirname, "../..");
const NODE_ONLY = /\bnode:(fs|path|os|child_process|stream|crypto|util|url|zlib|buffer|worker_threads)\b|require\(["'](fs|path|os|child_process|zlib)["']\)/;

type ConfigFactory = (env: unknown, argv: { mode: string }) => Promise<Configuration>;

async function config(mode = "production"): Promise<Configuration> {
  const factory = (await import(join(ROOT, "webpack.config.js"))).default as ConfigFactory;
  return factory({}, { mode });
}

function bundles(): string[] {
  return readdirSync(DIST).filter((f) => /\.js$/.test(f) && /^(taskpane|commands|chartjs|exceljs|other-formats)\./.test(f));
}

describe("the built pane (dist/)", () => {
  beforeAll(() => {
    if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: build the add-in first (npm run build:addin)");
  });

  it("loads office.js from its own server, with Excel's host files and the Chinese and English strings", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script src="?office\/office\.js"?><\/script>/);
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    for (const file of ["office.js", "excel-win32-16.01.js", "excel-web-16.00.js", "excel-mac-16.00.js", "zh-cn/office_strings.js", "en-us/office_strings.js"]) {
      expect(existsSync(join(DIST, "office", file)), file).toBe(true);
    }
  });

  it("bundles no Node-only module", () => {
    const files = bundles();
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(NODE_ONLY.exec(readFileSync(join(DIST, file), "utf8"))?.[0] ?? null, file).toBeNull();
  });

  it("keeps exceljs, chart.js and the readers of other formats out of the pane's first load", () => {
    const entry = bundles().find((f) => f.startsWith("taskpane."))!;
    const size = readFileSync(join(DIST, entry)).length;
    // The pane with both languages' catalogue is ~345 KB and grows a little with each message (the
    // readers' refusals are in it); chart.js alone would add ~200 KB, exceljs far more, and the
    // other formats' readers ~60 KB: that is what this bound catches.
    expect(size).toBeLessThan(360_000);
    expect(bundles().some((f) => f.startsWith("exceljs."))).toBe(true);
    expect(bundles().some((f) => f.startsWith("chartjs."))).toBe(true);
    // A web page, Excel 2003 XML or CSV picked in 汇总 loads its reader (htmlparser2, d3-dsv) then.
    expect(bundles().some((f) => f.startsWith("other-formats."))).toBe(true);
  });

  it("writes a manifest that validates", () => {
    const run = spawnSync(process.execPath, ["scripts/validate-manifest.mjs", "dist/manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect(run.stdout + run.stderr).toContain("✔ dist/manifest.xml validates");
    expect(run.status).toBe(0);
  });
});

describe("webpack.config.js", () => {
  it("refuses to build a pane that imports a Node-only module", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taizhang-webpack-"));
    const probe = join(ROOT, "addin", "taskpane", "index.ts");
    const base = await config("development");
    const stats = await new Promise<webpack.Stats>((done, fail) =>
      webpack(
        {
          ...base,
          entry: { probe: [probe, join(ROOT, "analytics/xlsx/read-file.ts")] },
          output: { path: dir },
          plugins: [],
          devtool: false,
        },
        (error, result) => (error ? fail(error) : done(result!)),
      ),
    );
    expect(stats.hasErrors()).toBe(true);
    expect(stats.toString({ all: false, errors: true })).toMatch(/node:fs/);
  }, 120_000);

  it("sets every manifest URL from TAIZHANG_ADDIN_URL", async () => {
    const saved = process.env.TAIZHANG_ADDIN_URL;
    process.env.TAIZHANG_ADDIN_URL = "https://oa.example.gov.cn/taizhang";
    try {
      const plugins = (await config()).plugins ?? [];
      const copy = plugins.find((p) => p?.constructor?.name === "CopyPlugin") as unknown as { patterns: Array<{ to: string; transform?: (b: Buffer) => string }> };
      const manifest = copy.patterns.find((p) => p.to === "manifest.xml")!;
      const xml = manifest.transform!(readFileSync(join(ROOT, "manifest.xml")));
      expect(xml).not.toContain("localhost");
      const urls = [...xml.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]!);
      expect(urls.length).toBeGreaterThan(8);
      for (const url of urls) expect(url.startsWith("https://oa.example.gov.cn/taizhang/")).toBe(true);
      const dir = mkdtempSync(join(tmpdir(), "taizhang-manifest-"));
      writeFileSync(join(dir, "manifest.xml"), xml);
      const run = spawnSync(process.execPath, ["scripts/validate-manifest.mjs", join(dir, "manifest.xml")], { cwd: ROOT, encoding: "utf8" });
      expect(run.status).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.TAIZHANG_ADDIN_URL;
      else process.env.TAIZHANG_ADDIN_URL = saved;
    }
  });

  it("refuses an add-in address that is not https", async () => {
    const saved = process.env.TAIZHANG_ADDIN_URL;
    process.env.TAIZHANG_ADDIN_URL = "http://oa.example.gov.cn/taizhang/";
    try {
      await expect(config()).rejects.toThrow("TAIZHANG_ADDIN_URL must be an https:// address");
    } finally {
      if (saved === undefined) delete process.env.TAIZHANG_ADDIN_URL;
      else process.env.TAIZHANG_ADDIN_URL = saved;
    }
  });
});
