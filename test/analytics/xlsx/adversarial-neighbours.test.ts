/**
 * The reader on the second adversarial set (adversarial-neighbours.ts): each workbook is read as
 * its cells say, or refused with the code its case names and a message saying why, in one line.
 */
import { describe, it } from "vitest";
import { neighbourCases } from "./adversarial-neighbours.js";
import { expectRead } from "./expect-read.js";

describe("the reader on the adversarial neighbours", () => {
  it.each(Object.entries(neighbourCases()))("%s", (_name, { bytes, expect: expectation }) => {
    expectRead(bytes, expectation);
  });
});
