/**
 * Properties of normalize over generated ledgers, mixing the phrasings real sheets hold
 * (contract §1): deadlines in a dozen forms, free-text and yes/no statuses, names with stray
 * spaces and variants, merged cells in attribute and free-text columns.
 *
 * - Every flag formula agrees with the checker on the plan's day, and on any other day: the
 *   formulas do not depend on the day the plan was made.
 * - The checker reads the normalized ledger as it read the original: every item's status and
 *   deadline, and the summary.
 * - A second run on the normalized ledger plans nothing at all.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../analytics/day.js";
import { analyzeWorkbook } from "../../../analytics/ledger.js";
import { planNormalization } from "../../../analytics/normalize/plan.js";
import type { CellValue, Workbook } from "../../../analytics/sheet/sheet-model.js";
import { sheetOf } from "../../helpers/sheet.js";
import { applyToModel, formulaAtOf } from "./apply-model.js";

const DEADLINES: CellValue[] = [
  "2019年6月底前", "2019/9/30", "二〇一九年十月底", "立行立改", "立即整改", "长期坚持", "持续推进",
  "2019年底前，并长期坚持", "2019年6月前", "三季度末", "6月底", "尽快", "2019年10月", "每季度", "2019年12月31日",
  { day: "2019-08-31" }, { day: "2020-01-03" }, 43646, 2019.6, "", "6月底前初步整改，年底前全面完成", "  2019-12-28 ",
];
const STATUSES: CellValue[] = [
  "已完成", "完成", "正在推进", "整改中", "80%", "已完成。制定了制度", "整改完成，制定了《办法》", "部分完成", "未开始",
  "待定", "长期坚持", "已销号", " 已完成 ", "是", "√", "", 1, "完成情况：已完成", "推进中：正在起草", "未完成", "基本完成",
];
const YES_NO: CellValue[] = ["是", "否", "", "√", "已完成", "未完成"];
const NAMES: CellValue[] = [
  "办公室", " 办公室", "区人民医院", "娄星区人民医院", "张 三", "张三", "区医保局、扶贫办", "区人民医院（牵头），区财政局（配合）", "财务股", "",
];

interface Generated {
  readonly rows: Array<{ deadline: CellValue; status: CellValue; yesNo: CellValue; unit: CellValue; owner: CellValue }>;
  readonly yesNoColumn: "是否完成" | "是否销号" | null;
  readonly mergeDeadline: boolean;
  readonly mergeUnit: boolean;
  readonly mergeStatus: boolean;
  readonly mergeNames: boolean;
  readonly overdueColumn: boolean;
  readonly asOf: string;
  readonly otherDay: string;
}

const generated: fc.Arbitrary<Generated> = fc.record({
  rows: fc.array(
    fc.record({
      deadline: fc.constantFrom(...DEADLINES),
      status: fc.constantFrom(...STATUSES),
      yesNo: fc.constantFrom(...YES_NO),
      unit: fc.constantFrom(...NAMES),
      owner: fc.constantFrom(...NAMES),
    }),
    { minLength: 4, maxLength: 12 },
  ),
  yesNoColumn: fc.constantFrom("是否完成" as const, "是否销号" as const, null),
  mergeDeadline: fc.boolean(),
  mergeUnit: fc.boolean(),
  mergeStatus: fc.boolean(),
  mergeNames: fc.boolean(),
  overdueColumn: fc.boolean(),
  asOf: fc.constantFrom("2019-06-30", "2019-10-08", "2019-12-31", "2020-01-01"),
  otherDay: fc.integer({ min: -400, max: 400 }).map((n) => addDays("2019-10-08", n)),
});

/** Title in row 1, header in row 2, items from row 3; merges over rows 3–4 and 5–7 when asked. */
function ledgerOf(g: Generated): Workbook {
  const header = ["序号", "存在问题", "责任单位", "责任人", "完成时限", "完成情况", ...(g.yesNoColumn ? [g.yesNoColumn] : [])];
  const rows: CellValue[][] = [["2019年整改任务清单"], header];
  g.rows.forEach((r, i) => {
    const covered = (merge: boolean, top: number, bottom: number): boolean => merge && i + 3 > top && i + 3 <= bottom;
    rows.push([
      i + 1,
      `任务${i + 1}`,
      covered(g.mergeUnit, 5, 7) ? null : r.unit,
      r.owner,
      covered(g.mergeDeadline, 3, 4) ? null : r.deadline,
      covered(g.mergeStatus, 3, 4) ? null : r.status,
      ...(g.yesNoColumn ? [r.yesNo] : []),
    ]);
  });
  const merges: string[] = [];
  if (g.mergeDeadline) merges.push("E3:E4");
  if (g.mergeStatus) merges.push("F3:F4");
  if (g.mergeUnit && g.rows.length >= 5) merges.push("C5:C7");
  return { source: "generated.xlsx", sheets: [sheetOf(rows, { name: "台账", merges: merges.filter((m) => g.rows.length >= 4 || m !== "C5:C7") })] };
}

/** What the checker makes of each item: the fields normalize must not change. */
function readings(workbook: Workbook, asOf: string) {
  const ledger = analyzeWorkbook(workbook, { asOf }).ledgers[0]!;
  return {
    items: ledger.items.map((i) => ({
      row: i.row,
      status: i.status.value,
      deadline: { kind: i.deadline.kind, date: i.deadline.date },
      overdue: i.overdue,
      dueSoon: i.dueSoon,
      category: i.category,
    })),
    total: ledger.summary.total,
    completed: ledger.summary.completed,
    byStatus: ledger.summary.byStatus,
  };
}

describe("normalize on generated ledgers", () => {
  it("keeps every reading, agrees with its own formulas, and leaves nothing for a second run", () => {
    fc.assert(
      fc.property(generated, (g) => {
        const input = ledgerOf(g);
        fc.pre(analyzeWorkbook(input, { asOf: g.asOf }).ledgers.length === 1);
        const options = { asOf: g.asOf, mergeNames: g.mergeNames, overdueColumn: g.overdueColumn };
        const first = planNormalization(input, options).plan;
        expect(first.flagMismatches).toEqual([]);
        const later = planNormalization(input, { ...options, asOf: g.otherDay }).plan;
        expect(later.flagMismatches).toEqual([]);
        expect(later.flags).toEqual(first.flags);

        const applied = applyToModel(input, first);
        expect(readings(applied.workbook, g.asOf)).toEqual(readings(input, g.asOf));

        const second = planNormalization(applied.workbook, { ...options, formulaAt: formulaAtOf(applied.formulas) }).plan;
        expect(second.edits).toEqual([]);
        expect(second.unmerges).toEqual([]);
        expect(second.flags).toEqual(first.flags);
      }),
      { numRuns: 300 },
    );
  });
});
