/**
 * Writes every fixture ledger of test/fixtures/ledgers.ts, and the bundled sample.
 *
 *   npx tsx scripts/make-fixtures.ts [outDir]     (default: test/fixtures/out/)
 *
 * The sample samples/整改台账-示例.xlsx is the rectification fixture; it is committed, and the
 * output is deterministic, so regenerating it leaves git clean unless the fixture changed.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fixtureBytes, writeFixture } from "../test/fixtures/build.js";
import { FIXTURES, SAMPLE } from "../test/fixtures/ledgers.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<void> {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : join(root, "test", "fixtures", "out");
  for (const fixture of FIXTURES) {
    const path = await writeFixture(fixture, outDir);
    console.log(`${relative(process.cwd(), path) || path}  ${fixture.sheets.length} sheet(s)`);
  }
  const samplePath = join(root, SAMPLE.path);
  await mkdir(dirname(samplePath), { recursive: true });
  await writeFile(samplePath, await fixtureBytes(SAMPLE.fixture));
  console.log(`${relative(process.cwd(), samplePath)}  (sample: ${SAMPLE.fixture.file})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
