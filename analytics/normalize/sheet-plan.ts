/**
 * The change plan of one ledger sheet: cell edits, merges to dissolve, the status dropdown, the
 * overdue / due-soon formats and, when asked, the days-overdue column.
 *
 * Every item row is visited once. Each cell in a deadline, name, category or progress column
 * gets the rule of its column; a cell covered by a merge being dissolved gets the merge's
 * (normalized) value; formula cells are never edited. When all edits are known, each item's flag
 * formulas are built on the edited cells and checked against the core's verdict as of the plan's
 * day (row-flags.ts); any difference is reported, never hidden.
 */
import { createDeadlineParser } from "../deadline.js";
import { idColumnOf, ID_HEADER } from "../diff/identity.js";
import { normalizeSays } from "../findings/catalogue.normalize.js";
import type { Lang } from "../lang.js";
import type { Item } from "../item.js";
import type { Ledger } from "../ledger.js";
import { isCompleted } from "../overdue.js";
import type { Role } from "../roles.js";
import { a1, parseA1 } from "../sheet/address.js";
import { rangeToA1 } from "../sheet/merge-index.js";
import { cellAt, isErrorCell, type CellRange, type CellValue } from "../sheet/sheet-model.js";
import { createStatusClassifier } from "../status.js";
import { deadlineOutcome } from "./deadline-dates.js";
import { headerColumns } from "./extent.js";
import { flagFormats } from "./flag-rules.js";
import { flagSpecOf } from "./flag-spec.js";
import { rowState, type FlagSpec } from "./flags.js";
import { memoByValue } from "./memo.js";
import { chooseMerges } from "./unmerge.js";
import { listsVariant, mentionsOf, nameGroups, nameMaps, nameOutcome, unmergedVariants, type NameMap, type NameRole } from "./name-cleaning.js";
import { planIdColumn } from "./id-column.js";
import { newColumnPlace, overdueColumn, rightEdge } from "./overdue-column.js";
import type { Outcome } from "./outcome.js";
import { PlannedCells } from "./planned-cells.js";
import { planRowFlags } from "./row-flags.js";
import { statusDropdowns } from "./status-dropdown.js";
import { statusOutcome, type StatusRule } from "./canonical-statuses.js";
import { conflictMark } from "./conflicts.js";
import { planDateFormats } from "./date-formats.js";
import { DATE_COLUMN_WIDTH, isDayValue, OVERDUE_HEADER, TO_CHECK_WORD, type CellEdit, type DateColumnWidth, type EditValue, type FlagFormat, type FlagMismatch, type Kept, type NewColumn, type NewMerge, type NoRoom, type StatusConflictMark, type StatusValidation, type Unmerge, type WrapText } from "./types.js";
import { sameValue } from "./values.js";

export interface SheetPlanOptions {
  readonly lang: Lang;
  readonly dueSoonDays: number;
  /** --merge-names: every variant spelling the core finds goes to its canonical one. */
  readonly mergeNames: boolean;
  /** --names FILE: variant spelling -> canonical spelling, for every name column. */
  readonly nameMapping: NameMap;
  /** --overdue-column: append (or refresh) a column of days overdue. */
  readonly overdueColumn: boolean;
  /** --ids: append a stable id column (编号) where the sheet has none. */
  readonly ids?: boolean;
  /** The formula a cell holds, without "=", when the host can tell; keeps formula columns idempotent. */
  readonly formulaAt?: (row: number, col: number) => string | null;
}

export interface SheetPlan {
  readonly edits: CellEdit[];
  readonly unmerges: Unmerge[];
  readonly merges: NewMerge[];
  readonly wraps: WrapText[];
  readonly validations: StatusValidation[];
  readonly flags: FlagFormat[];
  readonly newColumns: NewColumn[];
  readonly dateColumns: DateColumnWidth[];
  readonly kept: Kept[];
  readonly conflicts: StatusConflictMark[];
  readonly flagMismatches: FlagMismatch[];
  /** Columns asked for but not added: the sheet has no free column left of Excel's last. */
  readonly noRoom: NoRoom[];
}

/** What a rule decided for one cell, before it is committed to the plan. */
interface Staged {
  readonly edit?: CellEdit;
  readonly kept?: Kept;
}

type Decide = (value: CellValue) => Outcome;

const NEW_COLUMN_WIDTH = 10;

export function planSheet(ledger: Ledger, options: SheetPlanOptions): SheetPlan {
  return new SheetPlanner(ledger, options).plan();
}

class SheetPlanner {
  private readonly cells: PlannedCells;
  private readonly keptMerges: readonly CellRange[];
  private readonly classify = createStatusClassifier();
  private readonly statusRule: StatusRule;
  private readonly spec: FlagSpec | null;
  private readonly deadlineDecision: Decide;
  private readonly nameDecisions: Record<NameRole, Decide>;
  /** By status column, % format and `elsewhere` (statusDecision's key). */
  private readonly statusDecisions = new Map<number, Decide>();
  private readonly conflicts: StatusConflictMark[] = [];

  constructor(
    private readonly ledger: Ledger,
    private readonly options: SheetPlanOptions,
  ) {
    const choice = chooseMerges(ledger.sheet, ledger.header, ledger.table, new Set(ledger.items.map((i) => i.row)));
    this.cells = new PlannedCells(ledger.sheet, choice.dissolve, options.lang);
    this.keptMerges = choice.keep;
    this.statusRule = { read: (value, kind, percent) => this.classify(value, kind, percent), lang: options.lang };
    const shown = (col: number): CellValue[] => ledger.items.map((i) => this.cells.kept.shownValue(i.row, col));
    this.spec = flagSpecOf(ledger.header, shown, (v, kind) => this.classify(v, kind), options.dueSoonDays, TO_CHECK_WORD[options.lang]);
    const read = createDeadlineParser({ baseYear: ledger.baseYear, baseDate: ledger.baseDate });
    this.deadlineDecision = memoByValue((v) => deadlineOutcome(v, { read, lang: options.lang }));
    this.nameDecisions = this.nameRules();
  }

  plan(): SheetPlan {
    for (const range of this.keptMerges) {
      this.cells.keptCells.push(this.cells.keep(rangeToA1(range, a1), "merge-kept", cellAt(this.ledger.sheet, range.top, range.left)));
    }
    for (const item of this.ledger.items) this.planRow(item);
    planDateFormats(this.ledger, this.cells);
    const { spec, cells, ledger, options } = this;
    const wantsColumn = options.overdueColumn && spec !== null && ledger.items.length > 0;
    const column = wantsColumn ? overdueColumn(ledger, cells) : null;
    const wantsIds = options.ids === true && ledger.items.length > 0 && idColumnOf(ledger) === null;
    const idPlace = wantsIds ? newColumnPlace(ledger, rightEdge(ledger), column === null ? [] : [column.col]) : null;
    const id = idPlace === null ? null : planIdColumn(ledger, cells, idPlace);
    const noRoom = [...(wantsColumn && column === null ? [OVERDUE_HEADER] : []), ...(wantsIds && idPlace === null ? [ID_HEADER] : [])];
    const idCol = id?.col ?? null;
    const { firstCol, lastCol } = headerColumns(ledger);
    let flags: FlagFormat[] = [];
    let flagMismatches: FlagMismatch[] = [];
    if (spec !== null && ledger.items.length > 0) {
      const formulaAt = options.formulaAt ?? (() => null);
      const rowFlags = planRowFlags(ledger, spec, cells, column && { col: column.col, formulaAt });
      flags = flagFormats(cells.name, rowFlags.rows, firstCol, Math.max(lastCol, column?.col ?? 0, idCol ?? 0));
      flagMismatches = rowFlags.mismatches;
    }
    const edits = cells.sortedEdits();
    const dated = new Set(edits.filter((e) => isDayValue(e.after)).map((e) => e.col));
    return {
      edits,
      unmerges: cells.unmerges(),
      merges: [column?.merge ?? null, id?.merge ?? null].filter((m) => m !== null),
      wraps: cells.wraps(),
      validations: statusDropdowns(ledger, cells),
      flags,
      newColumns: [
        ...(column?.isNew ? [{ sheet: cells.name, col: column.col, width: NEW_COLUMN_WIDTH }] : []),
        ...(idCol !== null ? [{ sheet: cells.name, col: idCol, width: NEW_COLUMN_WIDTH }] : []),
      ],
      dateColumns: [...dated].map((col) => ({ sheet: cells.name, col, atLeast: DATE_COLUMN_WIDTH[options.lang] })),
      kept: cells.keptCells,
      conflicts: this.conflicts,
      flagMismatches,
      noRoom: noRoom.map((column) => ({ sheet: cells.name, column })),
    };
  }

  // ─── Rules by column ────────────────────────────────────────────────────────────────────────

  private planRow(item: Item): void {
    const { header } = this.ledger;
    const role = (r: Role): number | undefined => header.roles.get(r);
    const columns: Array<[number | undefined | null, Decide]> = [
      [role("deadline"), this.deadlineDecision],
      [role("unit"), this.nameDecisions.unit],
      [header.supportUnitColumn, this.nameDecisions.unit],
      [role("leader"), this.nameDecisions.leader],
      [role("owner"), this.nameDecisions.owner],
      // Categories are only filled where their merge is dissolved.
      [role("category"), () => null],
    ];
    for (const [col, decide] of columns) if (col !== undefined && col !== null) this.commit(this.stage(item.row, col, decide));
    this.planStatuses(item);
  }

  private nameRules(): Record<NameRole, Decide> {
    const { items } = this.ledger;
    const groups = nameGroups({
      unit: mentionsOf(items.flatMap((i) => [i.unit, i.supportUnit])),
      leader: mentionsOf(items.map((i) => i.leader)),
      owner: mentionsOf(items.map((i) => i.owner)),
    });
    const maps = nameMaps(groups, { mergeVariants: this.options.mergeNames, explicit: this.options.nameMapping });
    const rule = (role: NameRole): Decide => {
      const variants = unmergedVariants(groups[role], maps[role]);
      return memoByValue((value) => {
        const outcome = nameOutcome(value, { map: maps[role], lang: this.options.lang });
        if (outcome !== null) return outcome;
        return listsVariant(value, variants) ? { kept: "name-variant" } : null;
      });
    };
    return { unit: rule("unit"), leader: rule("leader"), owner: rule("owner") };
  }

  /**
   * Progress cells, with a check: the flag formulas must see the row as the core does
   * (completed or not, standing or not). Free text left alone because another column holds the
   * status can fool them ("整改完成，…" beside 是否销号 = 否); then the row's text gets its word too.
   */
  private planStatuses(item: Item): void {
    if (item.statusConflict !== null) return this.markConflict(item);
    const attempt = (preferPrefix: boolean): Staged[] =>
      this.ledger.header.statusColumns.flatMap(({ col, kind }, i) => {
        if (kind !== "progress") return [];
        // Text merged over several items speaks for all of them: it always gets its word.
        const merged = this.cells.kept.rangeAt(item.row, col) !== undefined;
        const elsewhere = !preferPrefix && !merged && statusElsewhere(item, i);
        return [this.stage(item.row, col, this.statusDecision(item.row, i, elsewhere))];
      });
    let staged = attempt(false);
    if (this.spec !== null && !this.stateAgrees(this.spec, item, staged)) staged = attempt(true);
    for (const s of staged) this.commit(s);
  }

  /**
   * Status cells that contradict each other are a person's decision, not normalize's: they keep
   * the clerk's words (a merge being dissolved still fills them, unchanged), the row is marked,
   * and the flags color it 待核实 while the cells disagree.
   */
  private markConflict(item: Item): void {
    const { header } = this.ledger;
    for (const { col, kind } of header.statusColumns) {
      if (kind !== "progress") continue;
      this.commit(this.stage(item.row, col, () => null));
      const source = this.cells.sourceOf(item.row, col);
      this.cells.asWritten.add(a1(source.row, source.col));
    }
    const mark = conflictMark(this.ledger, item, this.options.lang);
    if (mark === null) return;
    this.conflicts.push(mark);
    const first = mark.cells.split(" ")[0]!;
    const at = parseA1(first);
    this.cells.keptCells.push(this.cells.keep(first, "status-conflict", at === null ? null : cellAt(this.ledger.sheet, at.row, at.col)));
  }

  /** The decision for a progress cell: it depends on the value, the column, a % format and `elsewhere`. */
  private statusDecision(row: number, index: number, statusElsewhere: boolean): Decide {
    const { col, kind } = this.ledger.header.statusColumns[index]!;
    const percentCells = this.ledger.sheet.percentCells;
    const percent = percentCells !== undefined && percentCells.size > 0 && percentCells.has(a1(row, col));
    const key = index * 4 + (percent ? 2 : 0) + (statusElsewhere ? 1 : 0);
    let decide = this.statusDecisions.get(key);
    if (decide === undefined) {
      const rule = this.statusRule;
      decide = memoByValue((value) => statusOutcome({ value, kind, reading: this.classify(value, kind, percent), percent, statusElsewhere }, rule));
      this.statusDecisions.set(key, decide);
    }
    return decide;
  }

  private stateAgrees(spec: FlagSpec, item: Item, staged: readonly Staged[]): boolean {
    const state = rowState(spec, (col) => {
      const source = this.cells.sourceOf(item.row, col);
      const pending = staged.find((s) => s.edit !== undefined && s.edit.row === source.row && s.edit.col === source.col);
      return pending?.edit?.after ?? this.cells.afterAt(source.row, source.col);
    });
    const core = item.status.value;
    return state.completed === isCompleted(core) && state.standing === (core === "ongoing") && !state.toCheck;
  }

  // ─── One cell ───────────────────────────────────────────────────────────────────────────────

  /**
   * One cell under one rule. A cell covered by a kept merge is skipped (Excel shows the merge's
   * top-left there); one covered by a dissolved merge takes the top-left's value, normalized.
   */
  private stage(row: number, col: number, decide: Decide): Staged {
    const { cells } = this;
    const sheet = this.ledger.sheet;
    if (cells.kept.isCovered(row, col)) return {};
    const address = a1(row, col);
    const range = cells.dissolved.rangeAt(row, col);
    const covered = range !== undefined && (range.top !== row || range.left !== col);
    const value = covered ? cellAt(sheet, range.top, range.left) : cellAt(sheet, row, col);
    const outcome = decide(value);
    if (sheet.formulaCells.has(covered ? a1(range.top, range.left) : address)) {
      const wouldChange = outcome !== null && "change" in outcome;
      return wouldChange && !covered ? { kept: cells.keep(address, "formula-cell", value) } : {};
    }
    if (covered) return this.fill(row, col, range, value, outcome);
    if (outcome === null) return {};
    if ("kept" in outcome) return { kept: cells.keep(address, outcome.kept, value) };
    const { after, rule, reason, numFmt } = outcome.change;
    return { edit: cells.edit(row, col, value, after, rule, reason, numFmt) };
  }

  /** A covered cell of a dissolved merge gets the merge's value, as its top-left gets it. */
  private fill(row: number, col: number, range: CellRange, value: CellValue, outcome: Outcome): Staged {
    if (isErrorCell(value)) return {};
    const change = outcome !== null && "change" in outcome ? outcome.change : null;
    const after: EditValue = change ? change.after : value;
    const before = cellAt(this.ledger.sheet, row, col);
    if (after === null || sameValue(before, after)) return {};
    const ref = rangeToA1(range, a1);
    const lang = this.options.lang;
    const reason = change
      ? normalizeSays("mergeFillChanged", lang, { ref, reason: change.reason })
      : normalizeSays("mergeFill", lang, { ref });
    return { edit: this.cells.edit(row, col, before, after, "merge-fill", reason, change?.numFmt, a1(range.top, range.left)) };
  }

  /** A cell gets one decision, the first one planned (a column may serve two roles). */
  private commit(staged: Staged): void {
    const edit = staged.edit;
    if (edit !== undefined) {
      if (!this.cells.has(edit.row, edit.col)) this.cells.add(edit);
      return;
    }
    const address = staged.kept?.cell;
    if (address === undefined) return;
    const at = parseA1(address);
    if (at !== null && this.cells.has(at.row, at.col)) return;
    this.cells.keptCells.push(staged.kept!);
  }
}

/** Another status column of the row holds a reading that alone says what the item's status says. */
function statusElsewhere(item: Item, index: number): boolean {
  const core = item.status.value;
  return item.statusReadings.some((reading, j) => {
    const value = reading.value;
    if (j === index || value === null || value === "unknown") return false;
    return isCompleted(value) === isCompleted(core) && (value === "ongoing") === (core === "ongoing");
  });
}
