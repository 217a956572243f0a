/**
 * Several submitted ledgers as one: every unit's items counted together, whichever file they
 * came in, with one unit written several ways across files (区人民医院 / 娄星区人民医院) counted
 * under one name, and a per-file breakdown beside the combined view.
 */
import type { Item } from "./item.js";
import type { Ledger } from "./ledger.js";
import { cleanNamesIn, findNameVariants } from "./names.js";
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

/**
 * The cleaned names each unit or leader cell holds. A ledger repeats a few dozen cells across
 * its rows (100,000 rows, 20 units): each distinct cell is split once, not once a row.
 */
class CellNames {
  private readonly split = new Map<string, readonly string[]>();

  of(cell: string): readonly string[] {
    let names = this.split.get(cell);
    if (names === undefined) this.split.set(cell, (names = cleanNamesIn(cell)));
    return names;
  }
}

/** Maps every spelling of a variant group to the group's canonical spelling. */
function canonicalNames(cells: Iterable<string | null>, names: CellNames): Map<string, string> {
  const cellCounts = new Map<string, number>();
  for (const cell of cells) if (cell !== null) cellCounts.set(cell, (cellCounts.get(cell) ?? 0) + 1);
  // Mentions per name, in the order they first occur: as counting every row's names one by one.
  const mentions = new Map<string, number>();
  for (const [cell, count] of cellCounts) for (const name of names.of(cell)) mentions.set(name, (mentions.get(name) ?? 0) + count);
  const map = new Map<string, string>();
  for (const group of findNameVariants(mentions)) {
    for (const variant of group.variants) if (variant !== group.canonical) map.set(variant, group.canonical);
  }
  return map;
}

/** A cell with its variant spellings replaced by their group's canonical one, each distinct cell worked out once. */
function renamer(map: ReadonlyMap<string, string>, names: CellNames): (cell: string | null) => string | null {
  const renamed = new Map<string, string>();
  return (cell) => {
    if (cell === null || map.size === 0) return cell;
    let shown = renamed.get(cell);
    if (shown === undefined) {
      const own = names.of(cell);
      shown = own.some((n) => map.has(n)) ? [...new Set(own.map((n) => map.get(n) ?? n))].join("、") : cell;
      renamed.set(cell, shown);
    }
    return shown;
  };
}

/** The spellings of units and leaders across all items, each mapped to its group's canonical one. */
function namings(all: readonly Item[]): { names: CellNames; units: Map<string, string>; leaders: Map<string, string> } {
  const names = new CellNames();
  return { names, units: canonicalNames(all.map((i) => i.unit), names), leaders: canonicalNames(all.map((i) => i.leader), names) };
}

/**
 * One ledger's items with each unit and leader under one spelling: what its units' lights count.
 * An item already spelled so is itself, not a copy (a 100,000-row ledger's lights copied every row).
 */
export function itemsUnderOneSpelling(items: readonly Item[]): Item[] {
  const { names, units, leaders } = namings(items);
  const [unitOf, leaderOf] = [renamer(units, names), renamer(leaders, names)];
  return items.map((item) => {
    const [unit, leader] = [unitOf(item.unit), leaderOf(item.leader)];
    return unit === item.unit && leader === item.leader ? item : { ...item, unit, leader };
  });
}

/** Every submission's items with their source, units and leaders under one spelling each. */
function consolidatedItems(submissions: readonly Submission[]): { readonly items: SourcedItem[]; readonly perFileItems: SourcedItem[][]; readonly renamed: Renaming[] } {
  const { names, units, leaders } = namings(submissions.flatMap((s) => s.ledgers.flatMap((l) => l.items)));
  const [unitOf, leaderOf] = [renamer(units, names), renamer(leaders, names)];
  const items: SourcedItem[] = [];
  const perFileItems: SourcedItem[][] = [];
  for (const submission of submissions) {
    const fileItems: SourcedItem[] = [];
    for (const ledger of submission.ledgers) {
      for (const item of ledger.items) {
        fileItems.push({ ...item, unit: unitOf(item.unit), leader: leaderOf(item.leader), file: submission.file, sheet: ledger.sheet.name });
      }
    }
    for (const item of fileItems) items.push(item); // a spread of 130k items overflows the call stack
    perFileItems.push(fileItems);
  }
  const renamed: Renaming[] = [
    ...[...units].map(([from, to]) => ({ from, to, role: "unit" as const })),
    ...[...leaders].map(([from, to]) => ({ from, to, role: "leader" as const })),
  ];
  return { items, perFileItems, renamed };
}

export function consolidate(submissions: readonly Submission[]): Consolidation {
  const { items, perFileItems, renamed } = consolidatedItems(submissions);
  const perFile: FileBreakdown[] = submissions.map((submission, i) => ({
    file: submission.file,
    sheets: submission.ledgers.map((l) => l.sheet.name),
    titleBlock: titleBlockOfFile(submission.ledgers),
    summary: summarize(perFileItems[i]!),
  }));
  return { files: submissions.map((s) => s.file), items, summary: summarize(items), perFile, renamed };
}
