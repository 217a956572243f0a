/** The terminal view of `taizhang diff`: what moved, grouped by kind, then the units' table. */
import pc from "picocolors";
import { changeDetail, changePlace, rankChange, withDelta } from "../../analytics/diff/describe.js";
import { CHANGE_KINDS, type ChangeKind } from "../../analytics/diff/changes.js";
import type { LedgerDiff } from "../../analytics/diff/diff.js";
import { percent } from "../../analytics/charts/chart-words.js";
import { CYCLE_WORDS, formatMessage } from "../../analytics/findings/catalogue.js";
import type { Lang } from "../../analytics/lang.js";
import type { Output } from "../io.js";
import { clip, renderTable } from "./text-table.js";

const TASK_WIDTH = 40;
const BAD: ReadonlySet<ChangeKind> = new Set(["newly-overdue", "reopened"]);

export function printDiff(diff: LedgerDiff, options: { readonly lang: Lang; readonly color: boolean }, io: Output): void {
  const { lang } = options;
  const w = CYCLE_WORDS[lang];
  const paint = (kind: ChangeKind, text: string): string => (!options.color ? text : BAD.has(kind) ? pc.red(text) : kind === "completed" ? pc.green(text) : text);
  io.out(w.diffTitle);
  io.out(`  ${formatMessage(w.diffVersions, { oldFile: diff.old.file, oldAsOf: diff.old.asOf, newFile: diff.new.file, newAsOf: diff.new.asOf })}`);
  io.out(`  ${formatMessage(w.diffMatched, { count: diff.matched.count, how: diff.matched.byId ? w.matchedById : w.matchedByContent })}`);
  if (diff.changes.length === 0) io.out(`  ${w.diffNone}`);
  for (const kind of CHANGE_KINDS) {
    const changes = diff.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    io.out("");
    io.out(paint(kind, `${w.change[kind]} ${changes.length}`));
    const rows = changes.map((c) => [
      changePlace(c),
      clip(c.task ?? "—", TASK_WIDTH),
      c.unit ?? "—",
      changeDetail(c, lang),
    ]);
    for (const line of renderTable([w.row, w.task, w.unit, ""], rows)) io.out(line);
  }
  if (diff.toConfirm.length > 0) {
    io.out("");
    io.out(w.toConfirm);
    const rows = diff.toConfirm.map((m) => [`${m.oldRow}→${m.newRow}`, clip(m.oldTask ?? "—", 30), clip(m.newTask ?? "—", 30), m.confidence.toFixed(2)]);
    for (const line of renderTable([w.row, w.before, w.after, w.confidence], rows)) io.out(line);
  }
  if (diff.units.length > 0) {
    io.out("");
    io.out(w.unitsTitle);
    const rows = diff.units.map((u) => [
      u.rank === null ? "—" : String(u.rank),
      rankChange(u, lang),
      u.unit,
      withDelta(u.total, u.totalDelta, lang),
      withDelta(u.completed, u.completedDelta, lang),
      withDelta(u.inProgress, u.inProgressDelta, lang),
      withDelta(u.overdue, u.overdueDelta, lang),
      percent(u.completionRate),
    ]);
    for (const line of renderTable([w.rank, "", w.unit, w.total, w.completed, w.inProgress, w.overdue, w.rate], rows)) io.out(line);
  }
}
