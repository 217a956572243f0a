// The Excel add-in: the task pane and the ribbon's function file, built into dist/; and, with
// --env wps, the WPS add-in: the same pane with WPS as its host, built into dist/wps/.
//
//   npm run build:addin   production build into dist/ (dist/cli/ of the command line is kept)
//   npm run build:wps     production build into dist/wps/, a folder to host on an intranet server
//   npm start             https dev server on https://localhost:3000 (office-addin-dev-certs)
//
// The add-in's address is set in one place, TAIZHANG_ADDIN_URL (default the dev server):
// dist/manifest.xml gets it in every URL. office.js is copied from @microsoft/office-js and
// served by the add-in itself, so it works on an office network with no internet.
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";

const require = createRequire(import.meta.url);
const root = dirname(fileURLToPath(import.meta.url));
const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/** The one place the add-in's address is set; always ends in "/". */
function addinUrl() {
  const url = process.env.TAIZHANG_ADDIN_URL ?? DEV_URL;
  if (!/^https:\/\//.test(url)) throw new Error(`TAIZHANG_ADDIN_URL must be an https:// address (Office loads add-ins over https only): ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** The office.js files Excel asks for; other hosts, debug builds and docs are left out. */
const OFFICE_JS_IGNORE = [
  "**/*.debug.js", "**/*-vsdoc.js", "**/*.d.ts", "**/outlook*", "**/word*", "**/powerpoint*",
  "**/onenote*", "**/project*", "**/access*", "**/visio*", "**/webauth/**", "**/html2canvas*",
  "**/custom-functions-runtime*",
];

/** Where WPS will fetch the WPS add-in from (its folder on the office's server); ends in "/". */
const WPS_DEV_URL = "http://127.0.0.1:3889/";

export function wpsUrl() {
  const url = process.env.TAIZHANG_WPS_URL ?? WPS_DEV_URL;
  if (!/^https?:\/\//.test(url)) throw new Error(`TAIZHANG_WPS_URL must be an http:// or https:// address of the folder dist/wps/ is served from: ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

const xmlAttr = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * jsplugins.xml, the list WPS reads at start-up from the address oem.ini's JSPluginsServer
 * names (the enterprise route); publish.xml, the same entry for one machine's jsaddons folder.
 * "et" is WPS 表格; an online add-in is a folder with ribbon.xml and index.html at `url`.
 */
export function wpsPluginLists(url) {
  const entry = `<jspluginonline name="taizhang" type="et" url="${xmlAttr(url)}"`;
  return {
    "jsplugins.xml": `<jsplugins>\n  ${entry}/>\n</jsplugins>\n`,
    "publish.xml": `<jsplugins>\n  ${entry} enable="enable" install="null"/>\n</jsplugins>\n`,
  };
}

/** What both add-ins' builds share: TypeScript through ts-loader, no Node polyfills, the size limits. */
function sharedConfig(production) {
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-source-map",
    target: "web",
    resolve: {
      extensions: [".ts", ".js"],
      // Sources import "./x.js" (ESM style); the file on disk is x.ts.
      extensionAlias: { ".js": [".ts", ".js"] },
      // No Node polyfills: a Node-only module reaching the pane is a build error, not a bloated bundle.
      fallback: {},
    },
    module: {
      // exceljs's browser build is one minified, self-contained file: nothing to parse in it.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // `npm run typecheck` checks types for the whole project; the build only transpiles.
            transpileOnly: true,
            configFile: resolve(root, "tsconfig.json"),
            compilerOptions: { noEmit: false, sourceMap: true },
          },
        },
      ],
    },
    performance: {
      // exceljs (download of the summary) and chart.js are split off and fetched on demand;
      // the pane's first load is the small entry chunk.
      maxEntrypointSize: 600_000,
      maxAssetSize: 1_500_000,
    },
  };
}

/** The WPS add-in (dist/wps/): the pane with WPS as its host, the ribbon, its entry page. */
function wpsConfig(production, shared) {
  const url = wpsUrl();
  const lists = wpsPluginLists(url);
  return {
    ...shared,
    entry: {
      taskpane: "./addin/wps/wps-pane-entry.ts",
      ribbon: "./addin/wps/ribbon.ts",
    },
    output: {
      path: resolve(root, "dist/wps"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./addin/wps/taskpane.html", chunks: ["taskpane"], scriptLoading: "defer" }),
      // WPS calls the ribbon's callbacks as soon as it has the page: a plain script, run at once.
      new HtmlWebpackPlugin({ filename: "index.html", template: "./addin/wps/index.html", chunks: ["ribbon"], scriptLoading: "blocking", inject: "head" }),
      new CopyWebpackPlugin({
        patterns: [
          // WPS fetches <url>ribbon.xml and wants it to start with <customUI: copied byte for byte.
          { from: "addin/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "addin/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "assets/*.png", to: "assets/[name][ext]" },
        ],
      }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("WpsPluginLists", (compilation) => {
            compilation.hooks.processAssets.tap({ name: "WpsPluginLists", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
              for (const [name, text] of Object.entries(lists)) compilation.emitAsset(name, new compiler.webpack.sources.RawSource(text));
            });
          });
        },
      },
    ],
    devServer: undefined,
  };
}

/** What this build writes into dist/. */
const OWN_OUTPUT = /^(taskpane|commands|chartjs|exceljs)[.\w-]*\.(js|css|html|map|txt)$|^(office|assets)[\\/]|^manifest\.xml$/;

export default async (env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  if (env?.wps) return wpsConfig(production, sharedConfig(production));
  const url = addinUrl();

  return {
    ...sharedConfig(production),
    entry: {
      taskpane: "./addin/excel/office-pane-entry.ts",
      commands: "./addin/commands/commands.ts",
    },
    output: {
      path: resolve(root, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      // dist/ is shared with the command line (dist/cli/) and the bench (dist/bench/): only the
      // add-in's own files are cleaned away.
      clean: { keep: (asset) => !OWN_OUTPUT.test(asset) },
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./addin/taskpane/taskpane.html", chunks: ["taskpane"], scriptLoading: "defer" }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./addin/commands/commands.html", chunks: ["commands"], scriptLoading: "defer" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "addin/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Already minified by Microsoft: copied as they are, not minified again.
          { from: "node_modules/@microsoft/office-js/dist", to: "office", globOptions: { ignore: OFFICE_JS_IGNORE }, info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString("utf8").replaceAll(DEV_URL, url),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          hot: false,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() },
          static: false,
        }
      : undefined,
  };
};
