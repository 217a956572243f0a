/**
 * The reader on the second adversarial set (adversarial-neighbours.ts): each workbook is read as
 * its cells say, or refused with the code its case names and a message saying why, in one line;
 * alike whether fflate inflates the parts (the pane) or the command line's zlib does.
 */
import { describe, it } from "vitest";
import { zlibInflater } from "../../../cli/zlib-inflater.js";
import { neighbourCases } from "./adversarial-neighbours.js";
import { expectRead } from "./expect-read.js";

describe.each([
  ["fflate", undefined],
  ["Node's zlib", zlibInflater],
])("the reader on the adversarial neighbours, inflating with %s", (_inflaterName, inflater) => {
  it.each(Object.entries(neighbourCases()))("%s", (_name, { bytes, expect: expectation }) => {
    expectRead(bytes, expectation, inflater);
  });
});
