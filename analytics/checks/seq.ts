/**
 * seq-gap: item numbers that skip or repeat. Numbering restarts at 1 under each category
 * (sections are often numbered 1, 2, 3 … afresh), so a restart at 1 is no gap.
 */
import type { Check } from "./context.js";
import { roleCell } from "./context.js";

function seqNumber(seq: string | null): number | null {
  if (seq === null) return null;
  // Item texts are already folded (full-width digits are plain here).
  const m = /^(\d+)[.、]?$/.exec(seq);
  return m ? Number(m[1]) : null;
}

export const checkSeq: Check = (ctx) => {
  let previous: number | null = null;
  for (const item of ctx.items) {
    const n = seqNumber(item.seq);
    if (n === null) continue;
    // Rows under one merged seq cell share a number: one task, several measures.
    const merged = ctx.merges.isCovered(item.row, ctx.header.roles.get("seq") ?? 0);
    if (previous !== null && !merged && n !== 1 && n !== previous + 1) {
      ctx.report("seq-gap", { row: item.row, cell: roleCell(ctx, item.row, "seq"), value: item.seq, suggestion: previous + 1 }, { seq: n, expected: previous + 1 });
    }
    if (!merged || previous === null) previous = n;
  }
};
