/**
 * The change plan, rule by rule, on small ledgers written inline: what normalize changes, what it
 * leaves alone on purpose, and why.
 */
import { describe, expect, it } from "vitest";
import { planNormalization, type NormalizeOptions } from "../../../analytics/normalize/plan.js";
import { DATE_FORMAT, type CellEdit, type ChangePlan } from "../../../analytics/normalize/types.js";
import { a1, parseA1 } from "../../../analytics/sheet/address.js";
import type { CellValue, Workbook } from "../../../analytics/sheet/sheet-model.js";
import { sheetOf, type SheetSpec } from "../../helpers/sheet.js";

const HEADER = ["序号", "存在问题", "责任单位", "责任人", "完成时限", "完成情况"];
/** A deadline well after the plan's day, as a date cell, where deadlines are not the point. */
const LATER: CellValue = { day: "2020-06-30" };

/** A one-sheet ledger: title row, header in row 2, items from row 3 (columns A–F, plus extras). */
function ledger(items: CellValue[][], spec: SheetSpec & { header?: string[] } = {}): Workbook {
  const rows: CellValue[][] = [["2019年整改任务清单"], spec.header ?? HEADER, ...items];
  return { source: "test.xlsx", sheets: [sheetOf(rows, { name: "台账", ...spec })] };
}

function plan(workbook: Workbook, options: Partial<NormalizeOptions> = {}): ChangePlan {
  return planNormalization(workbook, { asOf: "2019-12-31", ...options }).plan;
}

/** The edit of one cell, as [before, after, rule]. */
function editAt(p: ChangePlan, cell: string): [CellValue | unknown, unknown, string] | undefined {
  const e: CellEdit | undefined = p.edits.find((x) => x.cell === cell);
  return e && [e.before, e.after, e.rule];
}

function keptAt(p: ChangePlan, cell: string): string | undefined {
  return p.kept.find((k) => k.cell === cell)?.reason;
}

describe("deadlines", () => {
  const p = plan(
    ledger([
      [1, "甲", "办公室", "张三", "2019年6月底前", "推进中"],
      [2, "乙", "办公室", "张三", "6月底", "推进中"],
      [3, "丙", "办公室", "张三", "立即整改", "推进中"],
      [4, "丁", "办公室", "张三", "持续推进", "推进中"],
      [5, "戊", "办公室", "张三", "2019年6月前", "推进中"],
      [6, "己", "办公室", "张三", "尽快", "推进中"],
      [7, "庚", "办公室", "张三", "6月底前初步整改，年底前全面完成", "推进中"],
      [8, "辛", "办公室", "张三", "每季度", "推进中"],
      [9, "壬", "办公室", "张三", "2019年底前，并长期坚持", "推进中"],
      [10, "癸", "办公室", "张三", { day: "2019-09-30" }, "推进中"],
      [11, "子", "办公室", "张三", 43646, "推进中"],
      [12, "丑", "办公室", "张三", "2019-10-31", "推进中"],
    ], { formulaCells: ["E14"] }),
  );

  it("turns a text the checker reads as one day into a date cell with the 年月日 format", () => {
    expect(editAt(p, "E3")).toEqual(["2019年6月底前", { day: "2019-06-30" }, "deadline-date"]);
    expect(p.edits.find((e) => e.cell === "E3")!.numFmt).toBe(DATE_FORMAT);
    expect(p.edits.find((e) => e.cell === "E3")!.reason).toBe("“2019年6月底前”读作2019年6月30日，改为日期格式");
  });

  it("says which year it took when the text names none", () => {
    expect(editAt(p, "E4")).toEqual(["6月底", { day: "2019-06-30" }, "deadline-date"]);
    expect(p.edits.find((e) => e.cell === "E4")!.reason).toContain("未写年份，按2019年读作");
  });

  it("writes immediate and standing deadlines as 立行立改 and 长期坚持", () => {
    expect(editAt(p, "E5")).toEqual(["立即整改", "立行立改", "deadline-immediate"]);
    expect(editAt(p, "E6")).toEqual(["持续推进", "长期坚持", "deadline-standing"]);
  });

  it("keeps, as findings, what a date cell would settle or lose", () => {
    expect(keptAt(p, "E7")).toBe("deadline-ambiguous"); // 2019年6月前: 05-31 literally, 06-30 perhaps
    expect(keptAt(p, "E8")).toBe("deadline-unparsed");
    expect(keptAt(p, "E9")).toBe("deadline-several"); // the milestone would be lost
    expect(keptAt(p, "E10")).toBe("deadline-cadence"); // the cadence would be lost
    expect(keptAt(p, "E11")).toBe("deadline-standing-date"); // the standing duty would be lost
    for (const cell of ["E7", "E8", "E9", "E10", "E11"]) expect(editAt(p, cell)).toBeUndefined();
  });

  it("leaves date cells alone, turns a serial number into a date, and never touches a formula", () => {
    expect(editAt(p, "E12")).toBeUndefined();
    expect(editAt(p, "E13")).toEqual([43646, { day: "2019-06-30" }, "deadline-date"]);
    expect(editAt(p, "E14")).toBeUndefined();
    expect(keptAt(p, "E14")).toBe("formula-cell");
  });
});

describe("statuses", () => {
  it("writes a bare status word as its canonical word", () => {
    const p = plan(
      ledger([
        [1, "甲", "办公室", "张三", LATER, "正在推进"],
        [2, "乙", "办公室", "张三", LATER, "整改完成"],
        [3, "丙", "办公室", "张三", LATER, "√"],
        [4, "丁", "办公室", "张三", LATER, "尚未开始"],
        [5, "戊", "办公室", "张三", LATER, "常态化推进"],
        [6, "己", "办公室", "张三", LATER, " 已销号 "],
      ]),
    );
    expect(p.edits.filter((e) => e.col === 6).map((e) => [e.cell, e.after, e.rule])).toEqual([
      ["F3", "推进中", "status-word"],
      ["F4", "已完成", "status-word"],
      ["F5", "已完成", "status-word"],
      ["F6", "未开始", "status-word"],
      ["F7", "长期坚持", "status-word"],
      ["F8", "已销号", "status-word"],
    ]);
  });

  it("puts the word in front of a cell that says more, keeping the text", () => {
    const p = plan(
      ledger(
        [
          [1, "甲", "办公室", "张三", LATER, "整改完成，制定了《管理办法》"],
          [2, "乙", "办公室", "张三", LATER, "部分完成"],
          [3, "丙", "办公室", "张三", LATER, 0.8],
          [4, "丁", "办公室", "张三", LATER, "已完成。制定了《管理办法》并印发"],
        ],
        { percentCells: ["F5"] },
      ),
    );
    expect(editAt(p, "F3")).toEqual(["整改完成，制定了《管理办法》", "已完成：整改完成，制定了《管理办法》", "status-prefix"]);
    expect(editAt(p, "F4")).toEqual(["部分完成", "推进中：部分完成", "status-prefix"]);
    expect(editAt(p, "F5")).toEqual([0.8, "推进中：80%", "status-prefix"]);
    // Already led by the canonical word: nothing to do.
    expect(editAt(p, "F6")).toBeUndefined();
  });

  it("leaves free text alone when the status lives in its own column, and keeps 是/否 as they are", () => {
    const p = plan(
      ledger(
        [
          [1, "甲", "办公室", "张三", LATER, "制定了《管理办法》并印发", "是"],
          [2, "乙", "办公室", "张三", LATER, "整改完成，制定了《管理办法》", "是"],
          [3, "丙", "办公室", "张三", LATER, "起草中", "否"],
        ],
        { header: [...HEADER, "是否完成"] },
      ),
    );
    expect(p.edits.filter((e) => e.col >= 6)).toEqual([]);
    expect(keptAt(p, "F3")).toBe("status-unknown");
  });

  it("gives free text the word after all where the other column does not settle the row alone", () => {
    // 整改完成 beside 是否销号 = 否: done but not closed; the flag formulas need the word to see "done".
    const p = plan(
      ledger([[1, "甲", "办公室", "张三", "2019-06-30", "整改完成，制定了《管理办法》", "否"]], { header: [...HEADER, "是否销号"] }),
    );
    expect(editAt(p, "F3")).toEqual(["整改完成，制定了《管理办法》", "已完成：整改完成，制定了《管理办法》", "status-prefix"]);
    expect(p.flagMismatches).toEqual([]);
  });

  it("never edits a status it cannot read", () => {
    const p = plan(ledger([[1, "甲", "办公室", "张三", LATER, "待定"]]));
    expect(p.edits).toEqual([]);
    expect(keptAt(p, "F3")).toBe("status-unknown");
  });
});

describe("names", () => {
  const rows: CellValue[][] = [
    [1, "甲", " 办公室 ", "张 三", LATER, "推进中"],
    [2, "乙", "区人民医院（牵头），区财政局（配合）", "张三", LATER, "推进中"],
    [3, "丙", "区人民医院", "李四", LATER, "推进中"],
    [4, "丁", "娄星区人民医院", "李四", LATER, "推进中"],
    [5, "戊", "区医保局 扶贫办", "李四", LATER, "推进中"],
  ];

  it("trims names, keeping every name of a cell and its Chinese punctuation", () => {
    const p = plan(ledger(rows));
    expect(editAt(p, "C3")).toEqual([" 办公室 ", "办公室", "name-clean"]);
    expect(editAt(p, "D3")).toEqual(["张 三", "张三", "name-clean"]);
    // （）and ，are how the clerk writes; width folding is for comparing, not for rewriting (issue 11).
    expect(editAt(p, "C4")).toBeUndefined();
    // Two units a space apart stay two units.
    expect(editAt(p, "C7")).toBeUndefined();
  });

  it("keeps variant spellings as findings unless asked to merge them", () => {
    // 区人民医院 is named twice, 娄星区人民医院 once: the most used spelling is the canonical one.
    const p = plan(ledger(rows));
    expect(editAt(p, "C6")).toBeUndefined();
    expect(keptAt(p, "C6")).toBe("name-variant");
    const merged = plan(ledger(rows), { mergeNames: true });
    expect(editAt(merged, "C6")).toEqual(["娄星区人民医院", "区人民医院", "name-merge"]);
    expect(editAt(merged, "C5")).toBeUndefined();
  });

  it("applies an explicit mapping to every name column", () => {
    const p = plan(ledger(rows), { nameMapping: new Map([["李四", "李 四 (副局长)"]]) });
    expect(editAt(p, "D5")).toEqual(["李四", "李四(副局长)", "name-merge"]);
  });
});

describe("merged cells", () => {
  const items: CellValue[][] = [
    [1, "甲", "办公室", "张三", "2019年6月底", "已完成"],
    [2, "乙", null, "张三", null, null],
    [3, "丙", null, "李四", null, null],
  ];
  const p = plan(ledger(items, { merges: ["C3:C5", "E3:E5", "F3:F5"] }));

  it("dissolves merges in attribute columns and fills each item with the (normalized) value", () => {
    expect(p.unmerges.map((u) => u.ref)).toEqual(["C3:C5", "E3:E5"]);
    expect(editAt(p, "C4")).toEqual([null, "办公室", "merge-fill"]);
    expect(editAt(p, "E3")).toEqual(["2019年6月底", { day: "2019-06-30" }, "deadline-date"]);
    expect(editAt(p, "E5")).toEqual([null, { day: "2019-06-30" }, "merge-fill"]);
    expect(p.edits.find((e) => e.cell === "E5")!).toMatchObject({ numFmt: DATE_FORMAT, styleFrom: "E3" });
  });

  it("keeps merges in free-text columns", () => {
    expect(keptAt(p, "F3:F5")).toBe("merge-kept");
  });

  it("has the flag formulas of covered rows read the kept merge's top-left cell", () => {
    const shared = p.flags.find((f) => f.kind === "overdue" && f.sqref.startsWith("A4"));
    expect(shared?.sqref).toBe("A4:F5");
    expect(shared?.formula).toContain("$F$3");
  });
});

describe("the status dropdown", () => {
  it("refuses other text where every cell holds a bare word, and only warns where narrative stays", () => {
    const bare = plan(ledger([[1, "甲", "办公室", "张三", LATER, "正在推进"]]));
    expect(bare.validations).toEqual([
      expect.objectContaining({ sheet: "台账", ref: "F3:F3", words: ["未开始", "推进中", "已完成", "已销号", "长期坚持"], errorStyle: "stop" }),
    ]);
    const narrative = plan(ledger([[1, "甲", "办公室", "张三", LATER, "部分完成"]]));
    expect(narrative.validations[0]!.errorStyle).toBe("warning");
  });
});

describe("the days-overdue column", () => {
  const workbook = ledger([
    [1, "甲", "办公室", "张三", { day: "2019-12-01" }, "推进中"],
    [2, "乙", "办公室", "张三", { day: "2019-12-01" }, "已完成"],
    [3, "丙", "办公室", "张三", "尽快", "推进中"],
  ]);

  it("adds a headed column of formulas right of the table, with the days as of the plan's day", () => {
    const p = plan(workbook, { overdueColumn: true });
    expect(editAt(p, "G2")).toEqual([null, "逾期天数", "overdue-header"]);
    const g3 = p.edits.find((e) => e.cell === "G3")!;
    expect(g3.after).toEqual({ formula: expect.stringMatching(/^IF\(IF\(ISNUMBER\(\$E3\),AND\(INT\(\$E3\)<TODAY\(\)/u), result: 30 });
    expect(p.edits.find((e) => e.cell === "G4")!.after).toMatchObject({ result: "" });
    expect(p.newColumns).toEqual([{ sheet: "台账", col: 7, width: 10 }]);
    // The colors cover the new column too.
    expect(p.flags[0]!.sqref).toBe("A3:G5");
  });

  it("reuses its column on a second run and rewrites only formulas that differ", () => {
    const first = plan(workbook, { overdueColumn: true });
    const formulas = new Map(first.edits.filter((e) => e.rule === "overdue-column").map((e) => [e.cell, (e.after as { formula: string }).formula]));
    const rows: CellValue[][] = [["2019年整改任务清单"], [...HEADER, "逾期天数"], ...workbook.sheets[0]!.rows.slice(2).map((r, i) => [...(r ?? []), i === 0 ? 30 : null])];
    const again = plan({ source: "x", sheets: [sheetOf(rows, { name: "台账" })] }, {
      overdueColumn: true,
      formulaAt: (_sheet, row, col) => formulas.get(a1(row, col)) ?? null,
    });
    expect(again.edits).toEqual([]);
    expect(again.newColumns).toEqual([]);
  });
});

describe("new columns on a sheet that reaches Excel's last column", () => {
  const XFD = 16_384;
  /** Items whose rows also hold a note typed far right, in column XFD (or in every column from `from`). */
  function reachingXfd(from = XFD): Workbook {
    const items: CellValue[][] = [
      [1, "甲", "办公室", "张三", { day: "2019-06-30" }, "推进中"],
      [2, "乙", "办公室", "张三", { day: "2019-12-01" }, "已完成"],
    ].map((row) => {
      const wide: CellValue[] = [...row];
      for (let col = from; col <= XFD; col++) wide[col - 1] = "见附件";
      return wide;
    });
    return ledger(items);
  }

  it("puts them in the first free columns right of the header, never past XFD", () => {
    const p = plan(reachingXfd(), { overdueColumn: true, ids: true });
    expect(editAt(p, "G2")).toEqual([null, "逾期天数", "overdue-header"]);
    expect(editAt(p, "H2")).toEqual([null, "编号", "id-header"]);
    expect(p.newColumns.map((c) => c.col)).toEqual([7, 8]);
    expect(p.noRoom).toEqual([]);
    expect(Math.max(...p.edits.map((e) => parseA1(e.cell)!.col))).toBe(8);
  });

  it("adds neither when every column is in use, and the plan says which it left out", () => {
    const p = plan(reachingXfd(7), { overdueColumn: true, ids: true });
    expect(p.newColumns).toEqual([]);
    expect(p.edits.filter((e) => e.rule === "overdue-header" || e.rule === "id-header" || e.rule === "overdue-column" || e.rule === "id-column")).toEqual([]);
    expect(p.noRoom).toEqual([
      { sheet: "台账", column: "逾期天数" },
      { sheet: "台账", column: "编号" },
    ]);
    // The colors are still planned: they need no column of their own.
    expect(p.flags.length).toBeGreaterThan(0);
  });
});

describe("status conflicts", () => {
  // 已办结 beside 是否完成 = 否: which is right is the clerk's call, so nothing is rewritten.
  const workbook = ledger(
    [
      [1, "甲", "办公室", "张三", { day: "2019-12-01" }, "已办结", "否"],
      [2, "乙", "办公室", "张三", { day: "2019-12-01" }, "正在推进", "否"],
      [3, "丙", "办公室", "张三", LATER, "正在推进", "是"],
    ],
    { header: [...HEADER, "是否完成"] },
  );
  const p = plan(workbook);
  const zh = plan(workbook);
  const en = plan(workbook, { lang: "en" });

  it("leaves the clerk's words in a conflict row as they are, and rewrites rows that agree", () => {
    expect(editAt(p, "F3")).toBeUndefined();
    expect(editAt(p, "F5")).toBeUndefined();
    expect(editAt(p, "F4")).toEqual(["正在推进", "推进中", "status-word"]);
    expect(keptAt(p, "F3")).toBe("status-conflict");
  });

  it("marks each conflict row with the cells that disagree and what they say, for a person to decide", () => {
    expect(zh.conflicts.map((c) => [c.row, c.cells, c.values])).toEqual([
      [3, "F3 G3", "已办结 / 否"],
      [5, "F5 G5", "正在推进 / 是"],
    ]);
    expect(zh.conflicts[0]!.reason).toBe(
      "“完成情况”写“已办结”，“是否完成”写“否”，两栏说法不一致。哪一栏对，须由经办人核实后改正，本次未作改动；改正前本行标为“待核实”（淡紫色），改正后自动消失。",
    );
    expect(en.conflicts[0]!.reason).toBe(
      "“完成情况” says “已办结” and “是否完成” says “否”: the columns disagree. Which is right is for a person to decide; nothing was changed. Until one is corrected the row is marked “to check” (lavender); the mark goes once they agree.",
    );
  });

  it("colors conflict rows 待核实 before any overdue rule, and never as overdue, with formulas that agree with the core", () => {
    const kinds = p.flags.map((f) => f.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ["to-check", "overdue", "due-soon"].indexOf(a) - ["to-check", "overdue", "due-soon"].indexOf(b)));
    expect(p.flags.filter((f) => f.kind === "to-check").map((f) => f.sqref).sort()).toEqual(["A3:G3", "A4:G4", "A5:G5"]);
    // The conflict row's own words are read as said: 已办结 is done, beside 否.
    const own = p.flags.find((f) => f.kind === "to-check" && f.sqref === "A3:G3")!;
    expect(own.formula).toContain('LEFT(TRIM(IFERROR($F3,"")),3)="已办结"');
    expect(p.flagMismatches).toEqual([]);
  });

  it("shows 待核实 in the days-overdue column while the cells disagree", () => {
    const withColumn = plan(workbook, { overdueColumn: true });
    const h3 = withColumn.edits.find((e) => e.cell === "H3")!;
    expect(h3.after).toEqual({ formula: expect.stringMatching(/^IF\(AND\(.*,"待核实",IF\(/u), result: "待核实" });
    expect(withColumn.edits.find((e) => e.cell === "H4")!.after).toMatchObject({ result: 30 });
  });
});
