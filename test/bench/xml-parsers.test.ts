/**
 * The bench's XML yardstick stays a fair one: the reader it builds on saxes events reads a sheet
 * exactly as the shipped scanner does (bench/xml-parsers.ts refuses to measure otherwise), so a
 * field added to the scanner's sheet must be added to the yardstick's too.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { xmlParserFigures } from "../../bench/xml-parsers.js";

const SAMPLE = join(resolve(import.meta.dirname, "../.."), "samples", "整改台账-示例.xlsx");

describe("the bench's XML parser figures", () => {
  it("measure the scanner against a saxes reader that reads the sample sheet the same", () => {
    const figures = xmlParserFigures(new Uint8Array(readFileSync(SAMPLE)));
    expect(figures.megaCharacters).toBeGreaterThan(0);
    expect(figures.scannerMs).toBeGreaterThan(0);
  });
});
