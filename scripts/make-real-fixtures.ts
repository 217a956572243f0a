/**
 * Writes every ledger of the real corpus (test/fixtures/real/) as .xlsx, deterministically, and
 * rewrites test/fixtures/real/SOURCES.md from the same declarations.
 *
 *   npx tsx scripts/make-real-fixtures.ts [outDir]     (default: test/fixtures/out/real/)
 *
 * The workbooks are not committed: the corpus test builds them in memory from the same
 * declarations; these files are for opening in Excel, WPS or LibreOffice.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { REAL_CORPUS } from "../test/fixtures/real/corpus.js";
import { corpusBytes } from "../test/fixtures/real/corpus-workbook.js";
import { sourcesMarkdown } from "../test/fixtures/real/sources-markdown.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<void> {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : join(root, "test", "fixtures", "out", "real");
  await mkdir(outDir, { recursive: true });
  for (const ledger of REAL_CORPUS) {
    const path = join(outDir, `${ledger.id}.xlsx`);
    await writeFile(path, await corpusBytes(ledger));
    console.log(`${relative(process.cwd(), path) || path}  ${ledger.genre} ${ledger.province}${ledger.assembled ? " (assembled)" : ""}`);
  }
  const sources = join(root, "test", "fixtures", "real", "SOURCES.md");
  await writeFile(sources, sourcesMarkdown(REAL_CORPUS));
  console.log(relative(process.cwd(), sources));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
