/**
 * The plain sheet model's own judgements: a blank cell is one a person sees nothing in, and
 * blank means the same here as an empty text means to cellText (the header, the table's extent
 * and normalize's new columns all ask isBlank; the items ask cellText).
 */
import { describe, expect, it } from "vitest";
import { isBlank } from "../../../analytics/sheet/sheet-model.js";
import { cellText } from "../../../analytics/text.js";

describe("isBlank", () => {
  it("holds an empty cell, empty text and text of white space blank; numbers, days and false are not", () => {
    expect([null, "", " ", "\u3000\u3000", "\t\n"].map(isBlank)).toEqual([true, true, true, true, true]);
    expect([0, false, { day: "2019-06-30" }, "无", "\u3000已完成"].map(isBlank)).toEqual([false, false, false, false, false]);
  });

  it("agrees with cellText on every BMP character, alone or around text", () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `${ch}${ch}`, `${ch}已完成`]) expect(isBlank(text), `U+${c.toString(16)}`).toBe(cellText(text) === null);
    }
  });
});
