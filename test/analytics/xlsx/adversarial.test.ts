/**
 * The reader on the adversarial workbooks (adversarial-workbooks.ts): each is read as its cells
 * say, or refused with the code its case names, in one line; alike whether fflate inflates the
 * parts (the pane) or the command line's zlib does.
 */
import { describe, it } from "vitest";
import { zlibInflater } from "../../../cli/zlib-inflater.js";
import { adversarialCases } from "./adversarial-workbooks.js";
import { expectRead } from "./expect-read.js";

describe.each([
  ["fflate", undefined],
  ["Node's zlib", zlibInflater],
])("the reader on adversarial workbooks, inflating with %s", (_inflaterName, inflater) => {
  it.each(Object.entries(adversarialCases()))("%s", (_name, { bytes, expect: expectation }) => {
    expectRead(bytes, expectation, inflater);
  });
});
