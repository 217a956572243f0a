import { describe, expect, it } from "vitest";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";
import {
  CANONICAL_STATUS_WORD,
  classifyStatus,
  combineStatuses,
  createStatusClassifier,
  statusColumnHeadings,
  statusRank,
  type StatusColumnKind,
  type StatusReading,
  type StatusValue,
} from "../../analytics/status.js";

type Row = [text: string, value: StatusValue];

/** Free text in a 完成情况 column: each row is the whole cell and the value it must read as. */
function progressTable(rows: Row[]): void {
  it.each(rows)("%s -> %s", (text, value) => {
    expect(classifyStatus(text, "progress")).toEqual({ raw: text.trim(), value });
  });
}

describe("classifyStatus: the contract's starter words", () => {
  progressTable([
    ["已销号", "closed"],
    ["销号", "closed"],
    ["已验收销号", "closed"],
    ["已完成", "done"],
    ["完成", "done"],
    ["已整改", "done"],
    ["整改完成", "done"],
    ["已办结", "done"],
    ["办结", "done"],
    ["已落实", "done"],
    ["已解决", "done"],
    ["√", "done"],
    ["✓", "done"],
    ["100%", "done"],
    ["整改中", "in_progress"],
    ["正在整改", "in_progress"],
    ["推进中", "in_progress"],
    ["正在推进", "in_progress"],
    ["进行中", "in_progress"],
    ["基本完成", "in_progress"],
    ["部分完成", "in_progress"],
    ["未完成", "in_progress"],
    ["未开始", "not_started"],
    ["未启动", "not_started"],
    ["尚未开展", "not_started"],
    ["长期坚持", "ongoing"],
    ["持续整改", "ongoing"],
    ["常态化推进", "ongoing"],
    ["长期推进", "ongoing"],
  ]);
});

describe("classifyStatus: words real sheets use", () => {
  progressTable([
    ["已整改到位", "done"],
    ["已整改完毕", "done"],
    ["整改到位", "done"],
    ["已办理", "done"],
    ["已完结", "done"],
    ["完结", "done"],
    ["已结束", "done"],
    ["已落实到位", "done"],
    ["按期完成", "done"],
    ["已纠正", "done"],
    ["待验收", "done"],
    ["已申请销号", "done"],
    ["已销号处理", "closed"],
    ["已通过验收", "closed"],
    ["正在落实", "in_progress"],
    ["正在进行", "in_progress"],
    ["办理中", "in_progress"],
    ["已启动", "in_progress"],
    ["预计6月底完成", "in_progress"],
    ["计划于2019年12月底前完成", "in_progress"],
    ["持续推进", "ongoing"],
    ["常态化", "ongoing"],
    ["未整改", "not_started"],
    ["暂未启动", "not_started"],
    ["尚未开始", "not_started"],
    ["待启动", "not_started"],
    ["暂无进展", "not_started"],
  ]);
});

describe("classifyStatus: words of 建议提案, 隐患 and 督察 ledgers", () => {
  progressTable([
    ["已办复", "done"], // a proposal answered to its deputy is handled
    ["已答复", "done"],
    ["已经解决", "done"],
    ["已初步解决321个", "in_progress"],
    ["4个已经解决、18个正在解决、6个准备着手解决", "in_progress"], // a count solved, the rest open
    ["基本解决", "in_progress"],
    ["完成交账销号", "closed"], // handed over and struck off, not merely 完成
    ["已交账销号", "closed"],
    ["拟实施整体翻新建设", "not_started"], // a plan to begin the works
    ["完成验收销号", "closed"],
    ["已完成验收", "closed"], // verified, not merely 完成
    ["未完成验收", "in_progress"],
    ["复查合格", "closed"], // a hazard re-inspected and passed
    ["复查不合格", "in_progress"],
    ["已摘牌", "closed"], // taken off the supervision list
    ["待复查", "done"],
    ["挂牌督办中", "in_progress"],
    ["现场处置", "done"], // dealt with on the spot, during the inspection
    ["受理中", "in_progress"], // a 12345 work order still open
    ["延期办理", "in_progress"],
    ["已列入计划逐步解决", "in_progress"], // a B/C-class proposal: to be solved over time
    ["留作参考", "unknown"], // a D-class proposal is no state of work
    ["A类", "unknown"], // the result class alone claims nothing
  ]);
});

describe("classifyStatus: the leading clause, scanned left to right for the longest word", () => {
  progressTable([
    ["目前尚未完成", "in_progress"],
    ["目前已完成", "done"],
    ["已完成整改", "done"],
    ["尚未完成", "in_progress"],
    ["未全部完成", "in_progress"],
    // A done word under a negation or a hedge that is no vocabulary word of its own.
    ["未按要求完成", "in_progress"],
    ["基本已完成", "in_progress"],
    ["基本整改到位", "in_progress"],
    ["不折不扣完成", "done"],
    // Only the first clause counts; the rest is narrative.
    ["已完成。制定了《局党组中心组学习计划》，每月按规定程序和要求组织安排一次局中心组学习", "done"],
    ["已完成，长期坚持", "done"],
    ["长期坚持，已完成阶段任务", "ongoing"],
    ["正在推进；已完成方案制定", "in_progress"],
    ["已完成\n正在验收", "done"],
    // 销号 follows completion: an aside saying so closes the item; one saying it is not yet closed does not.
    ["已完成（已销号）", "closed"],
    ["已完成(销号)", "closed"],
    ["已完成（待销号）", "done"],
    ["已完成（未销号）", "done"],
    // Words inside a document title are the title's, not the status.
    ["制定了《关于完成整改任务的通知》", "unknown"],
    // A column label before the colon is skipped.
    ["整改情况：已完成", "done"],
    ["完成情况：正在推进", "in_progress"],
    ["整改情况：\n已完成", "done"],
    // The seed's status texts: a label, then narrative that names no state.
    ["整改情况：制定完善了《局党组中心组学习计划》，每月按规定程序和要求组织安排一次局中心组学习", "unknown"],
    ["整改情况：一是以本次政府机构改革精神和要求为准，根据市卫生健康委“三定”方案", "unknown"],
    ["整改情况：对反馈的问题，由区纪委案检六室对存在问题的个别党员于2019年9月17日进行了诫勉谈话", "unknown"],
    // A list number before the text.
    ["1、已完成", "done"],
    ["（一）正在推进", "in_progress"],
    ["完成情况：", "unknown"],
    ["情况良好", "unknown"],
    ["见附件", "unknown"],
  ]);
});

describe("classifyStatus: percentages", () => {
  progressTable([
    ["100%", "done"],
    ["0%", "in_progress"],
    ["99%", "in_progress"],
    ["99.5%", "in_progress"],
    ["完成80%", "in_progress"],
    ["完成100%", "done"],
    ["完成率100%", "done"],
    ["已完成90%", "in_progress"],
    ["进度：80%", "in_progress"],
    ["120%", "done"],
    // A word other than a bare done outranks the number.
    ["正在推进，已完成100%", "in_progress"],
    ["已销号100%", "closed"],
  ]);
});

describe("classifyStatus: full-width and stray white space", () => {
  it.each<[string, string, StatusValue]>([
    ["已完成　", "已完成", "done"],
    ["　已完成", "已完成", "done"],
    ["已 完 成", "已 完 成", "done"],
    ["１００％", "１００％", "done"],
    ["完成８０％", "完成８０％", "in_progress"],
    ["整改情况：已完成", "整改情况：已完成", "done"],
    ["已完成；", "已完成；", "done"],
    ["Ｙ", "Ｙ", "done"],
  ])("%j -> %s", (text, raw, value) => {
    expect(classifyStatus(text, "progress")).toEqual({ raw, value });
  });
});

describe("classifyStatus: yes/no columns", () => {
  const yes = ["是", "已", "√", "✓", "Y", "y", "yes", "YES", "1", "true", "TRUE", "是（已验收）"];
  const no = ["否", "未", "×", "✗", "N", "no", "0", "false", "否(正在推进)"];

  it.each(yes)("%s in 是否完成 is done, in 是否销号 closed", (text) => {
    expect(classifyStatus(text, "isDone")).toEqual({ raw: text, value: "done" });
    expect(classifyStatus(text, "isClosed")).toEqual({ raw: text, value: "closed" });
  });

  it.each(no)("%s in 是否完成 is not_started; in 是否销号 only 'not closed'", (text) => {
    expect(classifyStatus(text, "isDone")).toEqual({ raw: text, value: "not_started" });
    expect(classifyStatus(text, "isClosed")).toEqual({ raw: text, value: null, notClosed: true });
  });

  it("reads booleans like yes and no", () => {
    expect(classifyStatus(true, "isDone")).toEqual({ raw: "TRUE", value: "done" });
    expect(classifyStatus(false, "isDone")).toEqual({ raw: "FALSE", value: "not_started" });
    expect(classifyStatus(true, "isClosed")).toEqual({ raw: "TRUE", value: "closed" });
    expect(classifyStatus(false, "isClosed")).toEqual({ raw: "FALSE", value: null, notClosed: true });
  });

  it("reads yes and no under a free column as 是否完成 would", () => {
    expect(classifyStatus("是", "progress")).toEqual({ raw: "是", value: "done" });
    expect(classifyStatus("否", "progress")).toEqual({ raw: "否", value: "not_started" });
    expect(classifyStatus("×", "progress")).toEqual({ raw: "×", value: "not_started" });
  });

  it("falls back to the vocabulary for words in a yes/no column", () => {
    expect(classifyStatus("已销号", "isClosed")).toEqual({ raw: "已销号", value: "closed" });
    expect(classifyStatus("未销号", "isClosed")).toEqual({ raw: "未销号", value: null, notClosed: true });
    expect(classifyStatus("已完成", "isDone")).toEqual({ raw: "已完成", value: "done" });
    expect(classifyStatus("未完成", "isDone")).toEqual({ raw: "未完成", value: "in_progress" });
    expect(classifyStatus("已完成", "isClosed")).toEqual({ raw: "已完成", value: "done" });
    expect(classifyStatus("也许", "isDone")).toEqual({ raw: "也许", value: "unknown" });
  });

  it("reads 未销号 in a free column as 'not closed' too", () => {
    expect(classifyStatus("未销号", "progress")).toEqual({ raw: "未销号", value: null, notClosed: true });
    expect(classifyStatus("暂不销号", "progress")).toEqual({ raw: "暂不销号", value: null, notClosed: true });
  });
});

describe("classifyStatus: numbers", () => {
  it.each<[number, StatusColumnKind, boolean, StatusValue | "notClosed"]>([
    // %-formatted cells hold fractions.
    [1, "progress", true, "done"],
    [0.8, "progress", true, "in_progress"],
    [0, "progress", true, "in_progress"],
    [1.2, "progress", true, "done"],
    [1, "isClosed", true, "closed"],
    // Plain numbers: 1 and 0 are yes and no, fractions lost their format, 2..100 are points.
    [1, "progress", false, "done"],
    [1, "isDone", false, "done"],
    [1, "isClosed", false, "closed"],
    [0, "progress", false, "not_started"],
    [0, "isDone", false, "not_started"],
    [0, "isClosed", false, "notClosed"],
    [0.8, "progress", false, "in_progress"],
    [80, "progress", false, "in_progress"],
    [100, "progress", false, "done"],
    [101, "progress", false, "unknown"],
    [-1, "progress", false, "unknown"],
    [Number.NaN, "progress", false, "unknown"],
  ])("%d in %s (percent %s) -> %s", (n, column, percent, expected) => {
    const reading = classifyStatus(n, column, { percent });
    expect(reading.raw).toBe(String(n));
    if (expected === "notClosed") expect(reading).toEqual({ raw: String(n), value: null, notClosed: true });
    else expect(reading.value).toBe(expected);
  });

  it("reads numbers stored as text without a format", () => {
    expect(classifyStatus("1", "isDone")).toEqual({ raw: "1", value: "done" });
    expect(classifyStatus("0.5", "progress")).toEqual({ raw: "0.5", value: "in_progress" });
    expect(classifyStatus("１", "isDone")).toEqual({ raw: "１", value: "done" });
  });
});

describe("classifyStatus: empty, errors and dates", () => {
  it.each<[CellValue, StatusReading]>([
    [null, { raw: null, value: null }],
    ["", { raw: null, value: null }],
    ["   ", { raw: null, value: null }],
    ["\u3000\u3000", { raw: null, value: null }],
    [{ error: "#N/A" }, { raw: "#N/A", value: "unknown" }],
    [{ error: "#REF!" }, { raw: "#REF!", value: "unknown" }],
    [{ day: "2019-06-30" }, { raw: "2019-06-30", value: "unknown" }],
    ["随便写写", { raw: "随便写写", value: "unknown" }],
  ])("%j", (value, expected) => {
    expect(classifyStatus(value, "progress")).toEqual(expected);
  });
});

describe("createStatusClassifier", () => {
  it("agrees with classifyStatus", () => {
    const classify = createStatusClassifier();
    const cells: Array<[CellValue, StatusColumnKind, boolean]> = [
      ["已完成", "progress", false],
      ["否", "isClosed", false],
      ["否", "isDone", false],
      [1, "progress", true],
      [0.8, "progress", false],
      [null, "progress", false],
      [{ error: "#N/A" }, "isDone", false],
      [true, "isClosed", false],
    ];
    for (const [value, column, percent] of cells) {
      expect(classify(value, column, percent)).toEqual(classifyStatus(value, column, { percent }));
      expect(classify(value, column, percent)).toEqual(classifyStatus(value, column, { percent })); // cached
    }
  });

  it("keeps columns and percent formats apart in its cache", () => {
    const classify = createStatusClassifier();
    expect(classify("是", "isDone").value).toBe("done");
    expect(classify("是", "isClosed").value).toBe("closed");
    expect(classify(1, "progress", true).value).toBe("done");
    expect(classify(80, "progress", false).value).toBe("in_progress");
    expect(classify(80, "progress", true).value).toBe("done");
  });

  it("returns frozen shared readings", () => {
    const classify = createStatusClassifier();
    const a = classify("正在推进", "progress");
    expect(classify("正在推进", "progress")).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it("reads each distinct cell once: repeated cells of any kind share one reading", () => {
    // Items are combined by reading identity (item.ts), so dates, errors and booleans are shared too.
    const classify = createStatusClassifier();
    const cells: Array<[CellValue, StatusColumnKind, boolean]> = [
      ["已完成", "progress", false],
      [0.5, "progress", true],
      [true, "isClosed", false],
      [{ day: "2019-06-30" }, "progress", false],
      [{ error: "#N/A" }, "isDone", false],
    ];
    for (const [value, column, percent] of cells) {
      const copy = typeof value === "object" && value !== null ? { ...value } : value;
      expect(classify(copy as CellValue, column, percent)).toBe(classify(value, column, percent));
    }
    expect(classify(true, "isClosed")).not.toBe(classify(true, "isDone"));
    expect(classify({ day: "2019-06-30" }, "progress")).not.toBe(classify({ day: "2019-07-01" }, "progress"));
  });
});

describe("statusRank", () => {
  it("orders not_started < in_progress < ongoing < done < closed, unknown first", () => {
    const values: StatusValue[] = ["closed", "done", "ongoing", "unknown", "in_progress", "not_started"];
    expect([...values].sort((a, b) => statusRank(a) - statusRank(b))).toEqual([
      "unknown", "not_started", "in_progress", "ongoing", "done", "closed",
    ]);
  });
});

describe("CANONICAL_STATUS_WORD", () => {
  it("writes the contract's words, and reads back as itself", () => {
    expect(CANONICAL_STATUS_WORD).toEqual({ not_started: "未开始", in_progress: "推进中", done: "已完成", closed: "已销号", ongoing: "长期坚持" });
    for (const [value, word] of Object.entries(CANONICAL_STATUS_WORD)) {
      expect(classifyStatus(word, "progress").value).toBe(value);
    }
  });
});

describe("combineStatuses", () => {
  const cell = (column: StatusColumnKind, value: CellValue) => ({ column, reading: classifyStatus(value, column) });

  it.each<[string, Array<[StatusColumnKind, CellValue]>, StatusValue | null]>([
    ["nothing at all", [], null],
    ["every cell empty", [["progress", null], ["isClosed", ""]], null],
    ["progress alone", [["progress", "正在推进"]], "in_progress"],
    ["done, then closed by 是否销号", [["progress", "已完成"], ["isClosed", "是"]], "closed"],
    ["done and 是否完成=是", [["progress", "已完成"], ["isDone", "是"]], "done"],
    ["done and not closed yet", [["progress", "已完成"], ["isClosed", "否"]], "done"],
    ["in progress and not closed", [["progress", "正在推进"], ["isClosed", "否"]], "in_progress"],
    ["in progress and 是否完成=否", [["progress", "正在推进"], ["isDone", "否"]], "in_progress"],
    ["not started and 是否完成=否", [["progress", "未开始"], ["isDone", "否"]], "not_started"],
    ["closed in both", [["progress", "已销号"], ["isClosed", "是"]], "closed"],
    ["closed text, 是否完成=是", [["progress", "已销号"], ["isDone", "是"]], "closed"],
    ["progress empty: 是否完成=是", [["progress", null], ["isDone", "是"]], "done"],
    ["progress empty: 是否销号=是", [["progress", ""], ["isClosed", "是"]], "closed"],
    ["progress empty: 是否完成=否", [["progress", null], ["isDone", "否"]], "not_started"],
    ["progress empty: 是否销号=否 alone counts as in progress", [["progress", null], ["isClosed", "否"]], "in_progress"],
    ["是否销号=否 as the only column", [["isClosed", "否"]], "in_progress"],
    ["是否完成=是 and 是否销号=否", [["isDone", "是"], ["isClosed", "否"]], "done"],
    ["是否销号=否 before 是否完成=是", [["isClosed", "否"], ["isDone", "是"]], "done"],
    ["是否完成=是 and 是否销号=是", [["isDone", "是"], ["isClosed", "是"]], "closed"],
    ["是否完成=否 and 是否销号=否", [["isDone", "否"], ["isClosed", "否"]], "not_started"],
    ["unknown progress text: the yes/no column decides", [["progress", "见附件"], ["isDone", "是"]], "done"],
    ["only unknown text", [["progress", "见附件"]], "unknown"],
    ["error cells are unknown", [["progress", { error: "#N/A" }], ["isClosed", null]], "unknown"],
    ["ongoing stays ongoing beside a no", [["progress", "长期坚持"], ["isDone", "否"]], "ongoing"],
    ["ongoing and not closed", [["progress", "持续推进"], ["isClosed", "否"]], "ongoing"],
    ["ongoing, and 是否完成=是", [["progress", "长期坚持"], ["isDone", "是"]], "done"],
    ["ongoing, and 是否销号=是", [["progress", "长期坚持"], ["isClosed", "是"]], "closed"],
    ["an ongoing word in a yes/no column yields to the progress text", [["progress", "正在推进"], ["isDone", "长期坚持"]], "in_progress"],
    ["the free column leads wherever it stands", [["isClosed", "是"], ["progress", "已完成"]], "closed"],
    ["percent 100 and 是否销号=是", [["progress", "100%"], ["isClosed", "是"]], "closed"],
  ])("%s", (_name, cells, value) => {
    expect(combineStatuses(cells.map(([column, v]) => cell(column, v)))).toEqual({ value, conflict: null });
  });

  it.each<[string, Array<[StatusColumnKind, CellValue]>, StatusValue, string]>([
    [
      "是否销号=是 but progress 正在推进",
      [["progress", "正在推进"], ["isClosed", "是"]],
      "in_progress",
      "“完成情况”写“正在推进”（推进中），“是否销号”写“是”（已销号），两栏不一致，请核实；核实前按“完成情况”（推进中）计为“推进中”：几栏说法不同时按进度较慢的一栏统计，以免把没办完的事算作办完。",
    ],
    [
      "是否完成=否 but progress 已完成",
      [["progress", "已完成。制定了《局党组中心组学习计划》"], ["isDone", "否"]],
      "not_started",
      "“完成情况”写“已完成。制定了《局党组中心组学习计划》”（已完成），“是否完成”写“否”（未完成），两栏不一致，请核实；核实前按“是否完成”（未完成）计为“未开始”：几栏说法不同时按进度较慢的一栏统计，以免把没办完的事算作办完。",
    ],
    [
      "是否完成=是 but progress 未开始",
      [["progress", "未开始"], ["isDone", "是"]],
      "not_started",
      "“完成情况”写“未开始”（未开始），“是否完成”写“是”（已完成），两栏不一致，请核实；核实前按“完成情况”（未开始）计为“未开始”：几栏说法不同时按进度较慢的一栏统计，以免把没办完的事算作办完。",
    ],
    [
      "progress 已销号 but 是否销号=否",
      [["progress", "已销号"], ["isClosed", "否"]],
      "in_progress",
      "“完成情况”写“已销号”（已销号），“是否销号”写“否”（未销号），两栏不一致，请核实；核实前按“是否销号”（未销号）计为“推进中”：几栏说法不同时按进度较慢的一栏统计，以免把没办完的事算作办完。",
    ],
    [
      "是否完成=否 but 是否销号=是",
      [["isDone", "否"], ["isClosed", "是"]],
      "not_started",
      "“是否完成”写“否”（未完成），“是否销号”写“是”（已销号），两栏不一致，请核实；核实前按“是否完成”（未完成）计为“未开始”：几栏说法不同时按进度较慢的一栏统计，以免把没办完的事算作办完。",
    ],
    [
      "three columns, one disagreeing",
      [["progress", "已完成"], ["isDone", "是"], ["isClosed", "否"], ["isClosed", "是"]],
      "done",
      "“完成情况”写“已完成”（已完成），“是否完成”写“是”（已完成），“是否销号”写“否”（未销号），“是否销号”写“是”（已销号），各栏不一致，请核实；核实前计为“已完成”，即各栏能同时成立的进度。",
    ],
  ])("%s", (_name, cells, value, explanation) => {
    const entries = cells.map(([column, v]) => cell(column, v));
    const combined = combineStatuses(entries);
    expect(combined.value).toBe(value);
    expect(combined.conflict?.explanation).toBe(explanation);
    expect(combined.conflict?.readings).toEqual(entries.map((e) => e.reading));
  });

  it("explains a conflict in English with the same reasoning", () => {
    const twoColumns = combineStatuses([cell("progress", "正在推进"), cell("isClosed", "是")]);
    expect(twoColumns.conflict?.explanationEn).toBe(
      "progress says “正在推进” (in progress) and closed? says “是” (closed): the columns disagree, please check; until then counted as “in progress”, following progress (in progress): where columns disagree the less advanced one is believed, so unfinished work is never counted as done.",
    );
    const threeColumns = combineStatuses([cell("progress", "已完成"), cell("isDone", "是"), cell("isClosed", "否"), cell("isClosed", "是")]);
    expect(threeColumns.conflict?.explanationEn).toBe(
      "progress says “已完成” (done) and done? says “是” (done) and closed? says “否” (not closed) and closed? says “是” (closed): the columns disagree, please check; until then counted as “done”, what all of them allow.",
    );
  });
});

describe("statusColumnHeadings: how a conflict names each status column", () => {
  const labels: Record<number, string> = { 5: "完成情况", 6: " 整改进展 ", 7: "是否销号", 8: "是否销号", 9: "" };
  const headings = (cols: Array<[number, StatusColumnKind]>) => statusColumnHeadings(cols.map(([col, kind]) => ({ col, kind })), (col) => labels[col] ?? "", (col) => String.fromCharCode(64 + col));

  it("by kind alone where each kind is one column", () => {
    expect(headings([[5, "progress"], [7, "isClosed"]])).toEqual([undefined, undefined]);
  });

  it("by header text where two columns share a kind, trimmed", () => {
    expect(headings([[5, "progress"], [6, "progress"], [7, "isClosed"]])).toEqual([{ label: "完成情况", letter: null }, { label: "整改进展", letter: null }, undefined]);
  });

  it("by header text and letter where the headers read alike or are blank", () => {
    expect(headings([[7, "isClosed"], [8, "isClosed"], [9, "isClosed"]])).toEqual([
      { label: "是否销号", letter: "G" },
      { label: "是否销号", letter: "H" },
      { label: "", letter: "I" },
    ]);
  });
});
