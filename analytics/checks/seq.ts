/**
 * seq-gap: item numbers that skip or repeat. Numbering restarts at 1 under each category
 * (sections are often numbered 1, 2, 3 … afresh), so a restart at 1 is no gap.
 */
import { Place } from "../findings/finding.js";
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

/** Digits that a double holds exactly, summed one by one; longer runs go through Number(). */
const EXACT_DIGITS = 15;

function seqNumber(seq: string | null): number | null {
  if (seq === null) return null;
  // Item texts are already folded (full-width digits are plain here). "12", "12.", "12、": read
  // by char codes, since a regex per row cost more than the rest of the check.
  const last = seq.charCodeAt(seq.length - 1);
  const end = last === 0x2e || last === 0x3001 ? seq.length - 1 : seq.length;
  if (end === 0) return null;
  let n = 0;
  for (let i = 0; i < end; i++) {
    const digit = seq.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return null;
    n = n * 10 + digit;
  }
  return end <= EXACT_DIGITS ? n : Number(seq.slice(0, end));
}

export const checkSeq: Check = (ctx) => {
  let previous: number | null = null;
  const seqColumn = ctx.header.roles.get("seq") ?? 0;
  const place = new Place();
  for (let index = 0; index < ctx.items.length; index++) {
    const item = ctx.items[index]!;
    const n = seqNumber(item.seq);
    if (n === null) continue;
    // Rows under one merged seq cell share a number: one task, several measures.
    const merged = ctx.merges.isCovered(item.row, seqColumn);
    if (previous !== null && !merged && n !== 1 && n !== previous + 1) {
      ctx.report("seq-gap", place.at(item.row, roleCell(ctx, item.row, "seq"), item.seq, previous + 1), { seq: n, expected: previous + 1 });
    }
    if (!merged || previous === null) previous = n;
  }
};
