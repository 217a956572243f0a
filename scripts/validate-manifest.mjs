// `npm run validate`: checks the add-in manifest offline, against Microsoft's published XML
// manifest schemas (../shared/office-schemas/, or OFFICE_SCHEMAS_DIR) with xmllint, from
// Debian's libxml2-utils. Then what the schemas cannot say: every resid is defined, every URL
// is https on one origin, and the icons it names exist at their sizes.
//
//   node scripts/validate-manifest.mjs [manifest.xml …]      default: manifest.xml and dist/manifest.xml
//   node scripts/validate-manifest.mjs --online              also `office-addin-manifest validate`
//                                                            (posts the manifest to Microsoft: needs internet)
//
// Exit code 0 when every manifest is valid, 1 when one is not, 2 when the check cannot run.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const schemaDir = process.env.OFFICE_SCHEMAS_DIR ?? resolve(root, "../shared/office-schemas");
const schema = join(schemaDir, "OfficeAppManifestV1_1.xsd");
const DEV_ORIGIN = "https://localhost:3000";

const args = process.argv.slice(2);
const online = args.includes("--online");
const given = args.filter((a) => !a.startsWith("--"));
const manifests = given.length > 0 ? given : ["manifest.xml", "dist/manifest.xml"].filter((f) => f === "manifest.xml" || existsSync(join(root, f)));

function fail(message, code) {
  console.error(message);
  process.exit(code);
}

if (!existsSync(schema)) fail(`找不到清单架构 ${schema}（set OFFICE_SCHEMAS_DIR） (manifest schemas not found)`, 2);
const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
if (probe.error) fail("没有 xmllint：请安装 libxml2-utils（apt-get install libxml2-utils） (xmllint not found: install libxml2-utils)", 2);

/** PNG width and height from the IHDR chunk. */
function pngSize(path) {
  const bytes = readFileSync(path);
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Problems the XSD does not catch. */
function crossChecks(file, xml) {
  const problems = [];
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  for (const [, id] of xml.matchAll(/resid="([^"]+)"/g)) if (!defined.has(id)) problems.push(`resid “${id}” is used but not defined`);
  const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  const origins = new Set(urls.map((u) => new URL(u).origin));
  for (const u of urls) if (!u.startsWith("https://")) problems.push(`URL is not https: ${u}`);
  if (origins.size > 1) problems.push(`URLs point at several servers: ${[...origins].join(", ")}`);
  // Icons: the file each image URL names, relative to where the add-in is served (the pane's
  // folder), found next to the manifest (dist/) or in the project (assets/ in development).
  const base = dirname(resolve(root, file));
  const source = /<SourceLocation DefaultValue="([^"]+)"/.exec(xml)?.[1];
  const servedFrom = source ? new URL(".", source).pathname : "/";
  for (const [, size, id] of xml.matchAll(/<bt:Image\s+size="(\d+)"\s+resid="([^"]+)"/g)) {
    const url = new RegExp(`<bt:Image\\s+id="${id.replace(/\./g, "\\.")}"\\s+DefaultValue="([^"]+)"`).exec(xml)?.[1];
    if (!url) continue;
    const pathname = new URL(url).pathname;
    const path = pathname.startsWith(servedFrom) ? pathname.slice(servedFrom.length) : pathname.replace(/^\//, "");
    const local = [join(base, path), join(root, path)].find((p) => existsSync(p));
    if (!local) {
      problems.push(`icon ${path} (${size} px) not found`);
      continue;
    }
    const dims = pngSize(local);
    if (!dims || dims.width !== Number(size) || dims.height !== Number(size)) problems.push(`icon ${path} should be ${size}×${size} px, is ${dims ? `${dims.width}×${dims.height}` : "not a PNG"}`);
  }
  if (file === "manifest.xml" && [...origins].some((o) => o !== DEV_ORIGIN)) problems.push(`manifest.xml is the development manifest: its URLs must be ${DEV_ORIGIN} (the build rewrites them)`);
  return problems;
}

let invalid = 0;
for (const file of manifests) {
  const path = resolve(root, file);
  if (!existsSync(path)) fail(`找不到 ${file} (not found)`, 2);
  const run = spawnSync("xmllint", ["--noout", "--schema", schema, path], { encoding: "utf8" });
  const problems = run.status === 0 ? crossChecks(file, readFileSync(path, "utf8")) : [];
  if (run.status !== 0) {
    invalid++;
    console.error(`✖ ${file}: does not match the Office manifest schema`);
    console.error(run.stderr.trim().split("\n").map((l) => `    ${l}`).join("\n"));
  } else if (problems.length > 0) {
    invalid++;
    console.error(`✖ ${file}:`);
    for (const p of problems) console.error(`    ${p}`);
  } else {
    console.log(`✔ ${file} validates against the Office add-in manifest schema (offline)`);
  }
}

if (online && invalid === 0) {
  const result = spawnSync("npx", ["--no-install", "office-addin-manifest", "validate", manifests[0]], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) invalid++;
}
process.exit(invalid === 0 ? 0 : 1);
