/**
 * The reader on the adversarial workbooks (adversarial-workbooks.ts): each is read as its cells
 * say, or refused with the code its case names, in one line.
 */
import { describe, it } from "vitest";
import { adversarialCases } from "./adversarial-workbooks.js";
import { expectRead } from "./expect-read.js";

describe("the reader on adversarial workbooks", () => {
  it.each(Object.entries(adversarialCases()))("%s", (_name, { bytes, expect: expectation }) => {
    expectRead(bytes, expectation);
  });
});
