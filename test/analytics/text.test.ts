/** Folding text: the fast paths give exactly what NFKC and \s would. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellText, compact, compactEquals, fold, foldWidth, tidy } from "../../analytics/text.js";

const reference = {
  fold: (t: string) => t.normalize("NFKC"),
  compact: (t: string) => t.normalize("NFKC").replace(/\s+/gu, ""),
  // Display text folds only full-width digits, letters and spaces; Chinese punctuation stays.
  foldWidth: (t: string) => t.replace(/[０-９Ａ-Ｚａ-ｚ]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/gu, " "),
  tidy: (t: string) => reference.foldWidth(t).replace(/\s+/gu, " ").trim(),
};

/**
 * Text like a ledger's: Chinese, ASCII, full-width forms, odd spaces, circled numbers, and
 * marks that combine with the letter before them (where char-by-char folding would be wrong).
 */
const ledgerText = fc.string({
  unit: fc.constantFrom(..."整改措施已完成区人民医院 ab1,.;、。《》“”（）：；，！？［］～＼＂＇　\u00a0\u2003\t\n１２３ＡＢ①②ｶﾞ\u0301\u3099\ufeff—·".split("")),
  maxLength: 40,
});

/** Every full-width form and the ideographic space, each alone and among plain text. */
const widthForms = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => String.fromCharCode(0xff01 + i)).concat("\u3000");

describe("text folding", () => {
  it("folds full-width forms and odd spaces as NFKC does, and leaves plain Chinese alone", () => {
    expect(fold("２０１９年６月　底")).toBe("2019年6月 底");
    const plain = "全面从严治党（一）";
    expect(fold("全面从严治党")).toBe("全面从严治党");
    expect(fold(plain)).toBe(plain.normalize("NFKC"));
  });

  it("agrees with the plain definitions on any ledger-like text", () => {
    fc.assert(
      fc.property(fc.oneof(ledgerText, fc.string()), (t) => {
        expect(fold(t)).toBe(reference.fold(t));
        expect(compact(t)).toBe(reference.compact(t));
        expect(tidy(t)).toBe(reference.tidy(t));
        expect(foldWidth(t)).toBe(reference.foldWidth(t));
      }),
      { numRuns: 2000 },
    );
  });

  it("folds each full-width form exactly as NFKC does, also before a combining mark", () => {
    for (const form of widthForms) {
      for (const t of [form, `整改${form}措施`, `${form}\u0301`, `ａ${form}ｂ`]) expect(fold(t)).toBe(reference.fold(t));
    }
  });

  it("tells whether a cell folds to a header word exactly as comparing compact() would", () => {
    expect(compactEquals(" 完成 时限", "完成时限")).toBe(true);
    expect(compactEquals("完成时限（２０１９）", compact("完成时限(2019)"))).toBe(true);
    expect(compactEquals("e\u0301", "é")).toBe(true);
    expect(compactEquals("整改措施，逐项销号", "整改措施")).toBe(false);
    // Words the target is built from, so that equal and nearly equal pairs are common.
    const near = fc.string({ unit: fc.constantFrom(..."完成时限 　ａa，,e\u0301é\t".split("")), maxLength: 8 });
    fc.assert(
      fc.property(fc.oneof(ledgerText, near), fc.oneof(ledgerText, near), (text, other) => {
        const target = compact(other);
        expect(compactEquals(text, target)).toBe(compact(text) === target);
        expect(compactEquals(text, compact(text))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps Chinese punctuation in display text, folding only full-width digits, letters and spaces", () => {
    expect(tidy("区人民医院（牵头），区财政局（配合）")).toBe("区人民医院（牵头），区财政局（配合）");
    expect(tidy("完成时限：２０１９年６月　底")).toBe("完成时限：2019年6月 底");
    expect(foldWidth("ＡＢＣ、１２３")).toBe("ABC、123");
  });

  it("shows cells as the text a person sees", () => {
    expect(cellText("  已完成 ")).toBe("已完成");
    expect(cellText("   ")).toBeNull();
    expect(cellText(43646)).toBe("43646");
    expect(cellText({ day: "2019-06-30" })).toBe("2019-06-30");
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
    expect(cellText(true)).toBe("TRUE");
  });

  it("trims exactly what String.prototype.trim trims, whatever character stands at either end", () => {
    // Every BMP character at the start and at the end: the fast path must agree with trim on each.
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`${ch}已完成`, `已完成${ch}`, ch]) expect(cellText(text), `U+${c.toString(16)}`).toBe(text.trim() === "" ? null : text.trim());
    }
  });
});
