/**
 * Conditional formats from per-row formula templates: rows that read alike share one rule, its
 * ranges the runs of consecutive rows, so a ledger of any length usually gets two rules (overdue,
 * due soon) plus a pair for each kept merge or text deadline that needs its own.
 */
import { columnLetter } from "../sheet/address.js";
import { atRow } from "./flags.js";
import type { FlagFormat, FlagKind } from "./types.js";

/**
 * Excel's "light red fill with dark red text" and "yellow fill with dark yellow text"; a status
 * conflict (待核实) in lavender with dark purple text, a color that says neither late nor fine.
 */
export const FLAG_COLORS: Record<FlagKind, { readonly fill: string; readonly font: string }> = {
  "to-check": { fill: "FFE4DFEC", font: "FF5F3C8C" },
  overdue: { fill: "FFFFC7CE", font: "FF9C0006" },
  "due-soon": { fill: "FFFFEB9C", font: "FF9C5700" },
};

export interface RowTemplate {
  readonly row: number;
  /** Null where the row has no dated deadline. */
  readonly overdue: string | null;
  readonly dueSoon: string | null;
  /** Null where the row's status cells cannot contradict each other. */
  readonly toCheck: string | null;
}

/** "A5:K9 A12:K12": the runs of consecutive rows, each across the table's columns. */
function sqrefOf(rows: readonly number[], firstCol: number, lastCol: number): string {
  const left = columnLetter(firstCol);
  const right = columnLetter(lastCol);
  const runs: string[] = [];
  let start = rows[0]!;
  let prev = start;
  const close = (): void => {
    runs.push(`${left}${start}:${right}${prev}`);
  };
  for (const row of rows.slice(1)) {
    if (row === prev + 1) {
      prev = row;
      continue;
    }
    close();
    start = prev = row;
  }
  close();
  return runs.join(" ");
}

function groupRows(rows: readonly RowTemplate[], pick: (r: RowTemplate) => string | null): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const r of [...rows].sort((a, b) => a.row - b.row)) {
    const template = pick(r);
    if (template === null) continue;
    const list = groups.get(template);
    if (list) list.push(r.row);
    else groups.set(template, [r.row]);
  }
  return groups;
}

/** 待核实 rules first, then overdue (priorities 1..n), then due soon; no two hold on one row. */
export function flagFormats(sheet: string, rows: readonly RowTemplate[], firstCol: number, lastCol: number): FlagFormat[] {
  const formats: FlagFormat[] = [];
  const kinds: Array<[FlagKind, (r: RowTemplate) => string | null]> = [
    ["to-check", (r) => r.toCheck],
    ["overdue", (r) => r.overdue],
    ["due-soon", (r) => r.dueSoon],
  ];
  for (const [kind, pick] of kinds) {
    for (const [template, groupRowsList] of groupRows(rows, pick)) {
      formats.push({
        sheet,
        sqref: sqrefOf(groupRowsList, firstCol, lastCol),
        kind,
        formula: atRow(template, groupRowsList[0]!),
        ...FLAG_COLORS[kind],
        priority: formats.length + 1,
      });
    }
  }
  return formats;
}
