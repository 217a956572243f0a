/**
 * Prints where the checker stands on the real corpus (test/fixtures/real/): per ledger, per
 * field, and every failure.   npm run corpus [-- --brief]
 */
import { REAL_CORPUS } from "../test/fixtures/real/corpus.js";
import { formatScore, scoreCorpus } from "../test/corpus/scorer.js";

scoreCorpus(REAL_CORPUS)
  .then((score) => console.log(formatScore(score, process.argv.includes("--brief") ? 0 : Infinity)))
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
