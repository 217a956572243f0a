/**
 * Plain-text tables for the terminal: widths as a terminal shows them (a Chinese character takes
 * two columns, an emoji with its joiners one character of two), cells cut with "…" without
 * splitting a character, and tables of any length (a diff of 100,000 changes prints that many rows).
 */
import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { clip, displayWidth, renderTable, widestOf } from "../../../cli/print/text-table.js";

/** Pieces ledgers hold, and some they rarely do: every kind of character width. */
const PIECES = ["a", "1", " ", "整", "改", "，", "。", "（", "Ａ", "①", "☀", "☀️", "👍", "👍🏽", "👨‍👩‍👧", "🇨🇳", "é", "é", "\u200b", "\x1b[31m", "\t", "ｶ", "가"];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(""));

describe("displayWidth", () => {
  it("is string-width's measure, whatever the text", () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
    );
  });

  it("counts a Chinese character as two columns and ASCII as one", () => {
    expect(displayWidth("区财政局")).toBe(8);
    expect(displayWidth("第3项 ok")).toBe(8);
  });
});

describe("clip", () => {
  it("leaves text that fits as it is", () => {
    expect(clip("区财政局", 8)).toBe("区财政局");
  });

  it("cuts to the width with “…”, never half a wide character", () => {
    expect(clip("学习贯彻习近平新时代", 9)).toBe("学习贯彻…");
    expect(displayWidth(clip("学习贯彻习近平新时代", 9))).toBe(9);
  });

  it("never goes past the width, and keeps each character whole", () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 2, max: 20 }), (text, width) => {
        const cut = clip(text, width);
        expect(displayWidth(cut)).toBeLessThanOrEqual(Math.max(width, 1));
        if (cut !== text) {
          const kept = cut.slice(0, -1);
          expect(text.startsWith(kept)).toBe(true);
          const graphemes = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((s) => s.index);
          expect(kept.length === 0 || graphemes.includes(kept.length) || kept.length === text.length).toBe(true);
        }
      }),
    );
  });
});

describe("renderTable", () => {
  it("lines columns up by display width", () => {
    expect(renderTable(["单位", "n"], [["区财政局", "3"], ["ab", "12"]])).toEqual(["  单位      n", "  区财政局  3", "  ab        12"]);
  });

  it("takes 200,000 rows (no spread of every row into one call)", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`第${i}项`, "已完成"]);
    expect(renderTable(["任务", "状态"], rows)).toHaveLength(200_001);
    expect(widestOf(rows.map((r) => r[0]!))).toBe(displayWidth("第199999项"));
  });
});
