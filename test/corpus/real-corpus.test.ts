/**
 * The checker on the real corpus (test/fixtures/real/, issue 11): ledgers copied from published
 * government pages with answer keys written from the sources. Every ledger must be read (no
 * refusal) and at least 98% of the checked fields must match the key; the score table is
 * printed so a failing run shows where the reading stands.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { REAL_CORPUS } from "../fixtures/real/corpus.js";
import { formatScore, scoreCorpus, type CorpusScore } from "./scorer.js";

describe("the real corpus", () => {
  let score: CorpusScore;
  beforeAll(async () => {
    score = await scoreCorpus(REAL_CORPUS);
    console.log(formatScore(score, 200));
  });

  it("reads every real ledger: none refused", () => {
    expect(score.ledgers.filter((l) => l.refused).map((l) => l.id)).toEqual([]);
  });

  it("gets at least 98% of the checked fields right", () => {
    expect(score.total).toBeGreaterThan(0);
    expect(score.ok / score.total).toBeGreaterThanOrEqual(0.98);
  });
});
