/**
 * Several submitted ledgers as one: every unit's items counted together, whichever file they
 * came in, with one unit written several ways across files (区人民医院 / 娄星区人民医院) counted
 * under one name, and a per-file breakdown beside the combined view.
 */
import type { Item } from "./item.js";
import type { Ledger } from "./ledger.js";
import { cleanName, findNameVariants, splitNames } from "./names.js";
import { NO_TITLE_BLOCK, titleBlockOf, type TitleBlock } from "./overview/title-block.js";
import { summarize, type Summary } from "./summary.js";

export interface Submission {
  /** The file as the user named it. */
  readonly file: string;
  readonly ledgers: readonly Ledger[];
}

export interface SourcedItem extends Item {
  readonly file: string;
  readonly sheet: string;
}

export interface FileBreakdown {
  readonly file: string;
  readonly sheets: readonly string[];
  /** The title, 填报单位 and 填报日期 written above the first ledger's header that has them. */
  readonly titleBlock: TitleBlock;
  readonly summary: Summary;
}

function titleBlockOfFile(ledgers: readonly Ledger[]): TitleBlock {
  for (const ledger of ledgers) {
    const block = titleBlockOf(ledger.sheet, ledger.header);
    if (block.title !== null || block.submitter !== null) return block;
  }
  return NO_TITLE_BLOCK;
}

export interface Renaming {
  readonly from: string;
  readonly to: string;
  readonly role: "unit" | "leader";
}

export interface Consolidation {
  readonly files: readonly string[];
  readonly items: readonly SourcedItem[];
  readonly summary: Summary;
  readonly perFile: readonly FileBreakdown[];
  /** Spellings counted under another name in the combined view. */
  readonly renamed: readonly Renaming[];
}

function namesIn(cell: string | null): string[] {
  return cell === null ? [] : splitNames(cell).map((ref) => cleanName(ref.name)).filter((n) => n !== "");
}

/** Maps every spelling of a variant group to the group's canonical spelling. */
function canonicalNames(cells: Iterable<string | null>): Map<string, string> {
  const mentions: string[] = [];
  for (const cell of cells) for (const name of namesIn(cell)) mentions.push(name);
  const map = new Map<string, string>();
  for (const group of findNameVariants(mentions)) {
    for (const variant of group.variants) if (variant !== group.canonical) map.set(variant, group.canonical);
  }
  return map;
}

function rename(cell: string | null, map: ReadonlyMap<string, string>): string | null {
  if (cell === null || map.size === 0) return cell;
  const names = namesIn(cell);
  if (!names.some((n) => map.has(n))) return cell;
  return [...new Set(names.map((n) => map.get(n) ?? n))].join("、");
}

export function consolidate(submissions: readonly Submission[]): Consolidation {
  const all = submissions.flatMap((s) => s.ledgers.flatMap((l) => l.items));
  const units = canonicalNames(all.map((i) => i.unit));
  const leaders = canonicalNames(all.map((i) => i.leader));
  const perFile: FileBreakdown[] = [];
  const items: SourcedItem[] = [];
  for (const submission of submissions) {
    const fileItems: SourcedItem[] = [];
    for (const ledger of submission.ledgers) {
      for (const item of ledger.items) {
        fileItems.push({ ...item, unit: rename(item.unit, units), leader: rename(item.leader, leaders), file: submission.file, sheet: ledger.sheet.name });
      }
    }
    for (const item of fileItems) items.push(item); // a spread of 130k items overflows the call stack
    perFile.push({ file: submission.file, sheets: submission.ledgers.map((l) => l.sheet.name), titleBlock: titleBlockOfFile(submission.ledgers), summary: summarize(fileItems) });
  }
  const renamed: Renaming[] = [
    ...[...units].map(([from, to]) => ({ from, to, role: "unit" as const })),
    ...[...leaders].map(([from, to]) => ({ from, to, role: "leader" as const })),
  ];
  return { files: submissions.map((s) => s.file), items, summary: summarize(items), perFile, renamed };
}
