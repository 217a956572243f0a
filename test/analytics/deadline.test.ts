/**
 * What a 完成时限 cell means (contract §4), family by family. Each table row is one phrase as
 * clerks write it and the day Taizhang reads from it. Unless a test says otherwise the ledger's
 * base year is 2019 and its base date (填报日期) 2019-10-08.
 */
import { describe, expect, it } from "vitest";
import {
  chineseNumber,
  createDeadlineParser,
  explicitYears,
  parseDeadline,
  parseDeadlineText,
  type Deadline,
  type DeadlineContext,
  type DeadlineNote,
} from "../../analytics/deadline.js";

const CTX: DeadlineContext = { baseYear: 2019, baseDate: "2019-10-08" };
const NO_BASE: DeadlineContext = { baseYear: null, baseDate: null };

const read = (text: string, ctx: DeadlineContext = CTX): Deadline => parseDeadlineText(text, ctx);

const inferred = (year = 2019): DeadlineNote => ({ kind: "year-inferred", year });
const STANDING: DeadlineNote = { kind: "standing" };

/** A dated reading: the exact object parseDeadlineText returns. */
function dated(text: string, date: string, notes: DeadlineNote[] = []): Deadline {
  return { raw: text.trim(), date, kind: "date", notes };
}

function unparsed(text: string): Deadline {
  return { raw: text.trim(), date: null, kind: "unparsed", notes: [] };
}

/** Rows of [phrase, day]: each is read as that day with no note. */
function expectDays(rows: ReadonlyArray<readonly [string, string]>): void {
  it.each(rows)("%s → %s", (text, date) => {
    expect(read(text)).toEqual(dated(text, date));
  });
}

/** Rows of [phrase, day]: each names no year, so the base year 2019 is taken and noted. */
function expectInferredDays(rows: ReadonlyArray<readonly [string, string]>): void {
  it.each(rows)("%s → %s (year inferred)", (text, date) => {
    expect(read(text)).toEqual(dated(text, date, [inferred()]));
  });
}

/**
 * Rows of [phrase, day]: a period of the year with no year named ("全年任务", "上半年"):
 * the base year is taken without a note, since a plan's periods are its own year's.
 */
function expectBaseYearDays(rows: ReadonlyArray<readonly [string, string]>): void {
  it.each(rows)("%s → %s (the base year's, with the note that the year was inferred)", (text, date) => {
    expect(read(text)).toEqual(dated(text, date, [inferred(Number(date.slice(0, 4)))]));
  });
}

describe("full dates", () => {
  expectDays([
    ["2019-06-30", "2019-06-30"],
    ["2019-6-30", "2019-06-30"],
    ["2019/6/30", "2019-06-30"],
    ["2019/06/30", "2019-06-30"],
    ["2019.6.30", "2019-06-30"],
    ["2019.06.30", "2019-06-30"],
    ["20190630", "2019-06-30"],
    ["2019年6月30日", "2019-06-30"],
    ["2019年6月30号", "2019-06-30"],
    ["2019年6月30", "2019-06-30"],
    ["2020年2月29日", "2020-02-29"],
  ]);

  describe("with 前, 之前, 以前, 完成 and the like after the day (no change, no note)", () => {
    expectDays([
      ["2019年6月30日前", "2019-06-30"],
      ["2019年6月30日(前)", "2019-06-30"],
      ["2019年6月30日（前）", "2019-06-30"],
      ["2019年6月30日之前", "2019-06-30"],
      ["2019年6月30日以前", "2019-06-30"],
      ["2019年6月30日完成", "2019-06-30"],
      ["2019年6月30日前完成", "2019-06-30"],
      ["2019年6月30日前完成整改", "2019-06-30"],
      ["2019年6月30日为止", "2019-06-30"],
      ["2019年6月30日截止", "2019-06-30"],
      ["2019年6月30日止", "2019-06-30"],
      ["2019年6月30日前整改到位", "2019-06-30"],
      ["2019年6月30日前办结销号", "2019-06-30"],
      ["2019.6.30前", "2019-06-30"],
      ["2019-06-30前完成", "2019-06-30"],
    ]);
  });

  describe("folded before reading: full-width digits, spaces, clock times", () => {
    expectDays([
      ["２０１９年６月３０日", "2019-06-30"],
      ["２０１９－０６－３０", "2019-06-30"],
      ["2019年 6月 30日", "2019-06-30"],
      ["2019年\u30006月30日前", "2019-06-30"],
      ["  2019-06-30  ", "2019-06-30"],
      ["2019-06-30 00:00:00", "2019-06-30"],
      ["2019/6/30 0:00", "2019-06-30"],
      ["2019-06-30T00:00:00.000Z", "2019-06-30"],
    ]);
  });
});

describe("Chinese numerals", () => {
  expectDays([
    ["二〇一九年六月三十日", "2019-06-30"],
    ["二零一九年六月三十日", "2019-06-30"],
    ["二○一九年六月三十日", "2019-06-30"],
    ["二O一九年六月三十日", "2019-06-30"], // the letter O, as typed on many keyboards
    ["二0一九年六月三十日", "2019-06-30"],
    ["二〇一九年十月十日", "2019-10-10"],
    ["二〇一九年十一月二十日", "2019-11-20"],
    ["二〇一九年十二月三十一日", "2019-12-31"],
    ["二〇一九年五月廿五日", "2019-05-25"],
    ["二〇一九年六月底前", "2019-06-30"],
    ["二〇一九年底", "2019-12-31"],
    ["2019年六月", "2019-06-30"],
  ]);

  it.each([
    ["一", 1],
    ["九", 9],
    ["十", 10],
    ["十一", 11],
    ["二十", 20],
    ["二十三", 23],
    ["三十一", 31],
    ["廿五", 25],
    ["一二", 12],
  ] as const)("%s is %d", (text, n) => {
    expect(chineseNumber(text)).toBe(n);
  });

  it("leaves odd numeral runs alone", () => {
    expect(chineseNumber("")).toBeNull();
    expect(chineseNumber("十十")).toBeNull();
    expect(chineseNumber("一百")).toBeNull();
  });
});

describe("two-digit years are 20YY, read only before a month, quarter, half or 底/末", () => {
  expectDays([
    ["19年6月底", "2019-06-30"],
    ["19年6月30日", "2019-06-30"],
    ["20年3季度", "2020-09-30"],
    ["19年上半年", "2019-06-30"],
    ["19年底", "2019-12-31"],
  ]);

  it.each(["10年内", "3年内", "19年", "5年", "19年度"])("%s is no year: unparsed", (text) => {
    expect(read(text)).toEqual(unparsed(text));
  });
});

describe("a month means its last day", () => {
  expectDays([
    ["2019年6月", "2019-06-30"],
    ["2019年6月底", "2019-06-30"],
    ["2019年6月底前", "2019-06-30"],
    ["2019年6月底(前)", "2019-06-30"],
    ["2019年6月底之前完成", "2019-06-30"],
    ["2019年6月完成", "2019-06-30"],
    ["2019年6月份", "2019-06-30"],
    ["2019年6月份完成", "2019-06-30"],
    ["2019年6月末", "2019-06-30"],
    ["2019年6月内", "2019-06-30"],
    ["2019年6月内完成", "2019-06-30"],
    ["2019年2月底", "2019-02-28"],
    ["2020年2月底", "2020-02-29"],
    ["2019年12月完成", "2019-12-31"],
    ["2018年12月完成", "2018-12-31"], // seed: 专项治理方案
    ["2019.6", "2019-06-30"],
    ["2019-06", "2019-06-30"],
    ["2019/6", "2019-06-30"],
    ["2019.10", "2019-10-31"], // as text the 0 stays: October, not January
  ]);
});

describe("前 after a bare month, quarter or year reads literally, with an ambiguous note", () => {
  const ambiguous = (otherReading: string, explanation: string): DeadlineNote => ({ kind: "ambiguous", otherReading, explanation });

  it("2019年6月前 is 2019-05-31, or perhaps 2019-06-30", () => {
    expect(read("2019年6月前")).toEqual(
      dated("2019年6月前", "2019-05-31", [
        ambiguous("2019-06-30", "“2019年6月前”按字面是2019年6月开始之前，即2019-05-31；也常被用来指到2019年6月结束，即2019-06-30"),
      ]),
    );
  });

  it.each([
    ["2019年6月前", "2019-05-31", "2019-06-30"],
    ["2019年6月之前", "2019-05-31", "2019-06-30"],
    ["2019年6月以前", "2019-05-31", "2019-06-30"],
    ["2019年6月前完成", "2019-05-31", "2019-06-30"],
    ["2018年6月前完成", "2018-05-31", "2018-06-30"], // seed: 加强学习培训
    ["2019年6月份前", "2019-05-31", "2019-06-30"],
    ["2019年1月前", "2018-12-31", "2019-01-31"],
    ["2019年3月前", "2019-02-28", "2019-03-31"],
    ["2019.6前", "2019-05-31", "2019-06-30"],
    ["2019年第三季度前", "2019-06-30", "2019-09-30"],
    ["2019年一季度前", "2018-12-31", "2019-03-31"],
    ["2019年前", "2018-12-31", "2019-12-31"],
    ["2020年前完成", "2019-12-31", "2020-12-31"],
  ] as const)("%s → %s, other reading %s", (text, date, other) => {
    const d = read(text);
    expect(d.kind).toBe("date");
    expect(d.date).toBe(date);
    expect(d.notes).toEqual([{ kind: "ambiguous", otherReading: other, explanation: expect.stringContaining(other) as string }]);
  });

  it("yearless 6月前 carries both notes", () => {
    const d = read("6月前");
    expect(d.date).toBe("2019-05-31");
    expect(d.notes.map((n) => n.kind)).toEqual(["year-inferred", "ambiguous"]);
  });

  describe("no ambiguity where the end is named (底, 末, a day, 旬) or 前后 means 'around'", () => {
    expectDays([
      ["2019年6月底前", "2019-06-30"],
      ["2019年6月末前", "2019-06-30"],
      ["2019年6月30日前", "2019-06-30"],
      ["2019年6月下旬前", "2019-06-30"],
      ["2019年三季度末前", "2019-09-30"],
      ["2019年底前", "2019-12-31"],
      ["2019年上半年前", "2019-06-30"],
      ["2019年6月前后", "2019-06-30"],
    ]);
  });
});

describe("no year: the base year, noted", () => {
  expectInferredDays([
    ["6月30日", "2019-06-30"],
    ["6月30日前", "2019-06-30"],
    ["6月30号前完成", "2019-06-30"],
    ["六月三十日前", "2019-06-30"],
    ["6月底", "2019-06-30"],
    ["6月底前", "2019-06-30"],
    ["6月", "2019-06-30"],
    ["6月份", "2019-06-30"],
    ["十一月底", "2019-11-30"],
    ["6/30", "2019-06-30"],
    ["6.30前", "2019-06-30"],
    ["今年6月底", "2019-06-30"],
  ]);

  expectBaseYearDays([["本年度", "2019-12-31"]]);

  it("明年 and 次年 are the base year plus one", () => {
    expect(read("明年6月底")).toEqual(dated("明年6月底", "2020-06-30", [inferred(2020)]));
    expect(read("次年3月")).toEqual(dated("次年3月", "2020-03-31", [inferred(2020)]));
  });

  it.each(["6月30日前", "6月底", "年底前", "全年任务", "上半年", "三季度", "6月上旬", "5月至6月"])(
    "%s is unparsed without a base year: never a guess",
    (text) => {
      expect(read(text, NO_BASE)).toEqual(unparsed(text));
    },
  );

  it("a phrase that names its year needs no base year", () => {
    expect(read("2019年6月底前", NO_BASE)).toEqual(dated("2019年6月底前", "2019-06-30"));
    expect(read("2019年全年", NO_BASE)).toEqual(dated("2019年全年", "2019-12-31"));
  });

  it("a base year that is no year counts as none", () => {
    expect(read("6月底", { baseYear: Number.NaN, baseDate: null }).kind).toBe("unparsed");
    expect(read("6月底", { baseYear: 20190, baseDate: null }).kind).toBe("unparsed");
  });
});

describe("the year's end", () => {
  expectBaseYearDays([
    ["全年", "2019-12-31"],
    ["全年任务", "2019-12-31"],
    ["(全年任务)", "2019-12-31"], // seed: how the plan writes it
    ["（全年任务）", "2019-12-31"],
    ["年内", "2019-12-31"],
    ["年内完成", "2019-12-31"],
    ["年底", "2019-12-31"],
    ["年底前", "2019-12-31"],
    ["年底(前)", "2019-12-31"],
    ["年底前完成", "2019-12-31"],
    ["年末", "2019-12-31"],
    ["年终", "2019-12-31"],
    ["年度", "2019-12-31"],
  ]);

  describe("of the year named", () => {
    expectDays([
      ["2019年底前", "2019-12-31"],
      ["2019年年底前", "2019-12-31"],
      ["2019年末", "2019-12-31"],
      ["2019年内", "2019-12-31"],
      ["2019年全年", "2019-12-31"],
      ["2019年全年任务", "2019-12-31"],
      ["2019年", "2019-12-31"],
      ["2019年完成", "2019-12-31"],
      ["2019年度", "2019-12-31"],
      ["2019", "2019-12-31"],
      ["2018年底前", "2018-12-31"],
      ["二〇二〇年底前", "2020-12-31"],
    ]);
  });
});

describe("half years", () => {
  expectBaseYearDays([
    ["上半年", "2019-06-30"],
    ["下半年", "2019-12-31"],
    ["上半年完成", "2019-06-30"],
    ["年中", "2019-06-30"],
  ]);
  expectDays([
    ["2019年上半年", "2019-06-30"],
    ["2019年下半年", "2019-12-31"],
    ["2020年上半年前", "2020-06-30"],
    ["2019上半年", "2019-06-30"],
  ]);
});

describe("quarters end on their last day", () => {
  expectBaseYearDays([
    ["一季度", "2019-03-31"],
    ["一季度末", "2019-03-31"],
    ["二季度", "2019-06-30"],
    ["三季度末", "2019-09-30"],
    ["四季度", "2019-12-31"],
    ["四季度末", "2019-12-31"],
    ["第三季度", "2019-09-30"],
    ["第三季度末", "2019-09-30"],
    ["第1季度", "2019-03-31"],
    ["3季末", "2019-09-30"],
    ["Q3", "2019-09-30"],
    ["q4", "2019-12-31"],
  ]);
  expectDays([
    ["2019年第三季度", "2019-09-30"],
    ["2019年二季度末", "2019-06-30"],
    ["2019Q3", "2019-09-30"],
    ["2019年Q2", "2019-06-30"],
  ]);

  it.each(["第五季度", "Q5", "季度末"])("%s is unparsed", (text) => {
    expect(read(text)).toEqual(unparsed(text));
  });
});

describe("ten-day periods (旬)", () => {
  expectInferredDays([
    ["6月上旬", "2019-06-10"],
    ["6月中旬", "2019-06-20"],
    ["6月下旬", "2019-06-30"],
    ["6月初", "2019-06-10"], // read as 上旬
    ["6月中", "2019-06-20"], // read as 中旬
    ["2月下旬", "2019-02-28"],
  ]);
  expectDays([
    ["2019年10月上旬", "2019-10-10"], // seed: 新连村卫生室已于2019年10月上旬建成
    ["2020年2月下旬", "2020-02-29"],
    ["2019年6月中旬前", "2019-06-20"],
  ]);
});

describe("ranges end on their last day", () => {
  expectDays([
    ["2019年5月—6月", "2019-06-30"],
    ["2019年5月——6月", "2019-06-30"],
    ["2019年5月-6月", "2019-06-30"],
    ["2019年5月~6月", "2019-06-30"],
    ["2019年5月～6月", "2019-06-30"],
    ["2019年5月-2019年6月", "2019-06-30"],
    ["2019年5月至6月", "2019-06-30"],
    ["2019年5月到6月底", "2019-06-30"],
    ["2019年5月起至6月底", "2019-06-30"],
    ["2019年5-6月", "2019-06-30"],
    ["2019年5—6月", "2019-06-30"],
    ["2019.5-2019.6", "2019-06-30"],
    ["2019-05-2019-06", "2019-06-30"],
    ["2019.5.1-2019.6.30", "2019-06-30"],
    ["2019年5月至年底", "2019-12-31"],
    ["2019年6月10日-20日", "2019-06-20"],
    ["2019年6月10-20日", "2019-06-20"],
    ["2019年三至四季度", "2019-12-31"],
    ["2019年-2020年", "2020-12-31"],
    ["2019-2020年", "2020-12-31"],
    ["2019年5月至2020年6月", "2020-06-30"],
    ["二〇一九年五至六月", "2019-06-30"],
  ]);

  expectInferredDays([
    ["5月至6月底", "2019-06-30"],
    ["5月-6月", "2019-06-30"],
    ["五至六月", "2019-06-30"],
  ]);

  it("an end without a year that comes before its start runs into the next year", () => {
    expect(read("2019年11月至2月")).toEqual(dated("2019年11月至2月", "2020-02-29"));
    expect(read("2019年11月至次年3月")).toEqual(dated("2019年11月至次年3月", "2020-03-31"));
  });

  it.each(["2020年5月-2019年6月", "2019年6月-6月15日", "2019年三季度—6月", "年底—6月"])("%s ends before it starts: unparsed", (text) => {
    expect(read(text)).toEqual(unparsed(text));
  });
});

describe("standing duties: ongoing, no date", () => {
  it.each(["长期坚持", "持续推进", "常态化", "长期", "持续整改", "常态化推进", "长期推进", "持续", "常抓不懈", "长效机制", "久久为功", "(长期坚持)", "长期坚持。", "定期开展"])(
    "%s",
    (text) => {
      expect(read(text)).toEqual({ raw: text, date: null, kind: "ongoing", notes: [] });
    },
  );

  describe("a date with a standing part: the date counts, the standing part is noted", () => {
    it.each([
      ["2019年底前，并长期坚持", "2019-12-31"],
      ["2019年6月底前完成，长期坚持", "2019-06-30"],
      ["2019年6月底前完成并长期坚持", "2019-06-30"],
      ["2019年6月底前完成；长期坚持", "2019-06-30"],
      ["2019年6月底前(长期坚持)", "2019-06-30"],
      ["长期坚持，2019年底前见效", "2019-12-31"],
      ["2019年6月底前完成\n持续推进", "2019-06-30"],
      ["2019年6月底前完成，并建立长效机制", "2019-06-30"],
      ["2019年6月底前完成，此后长期坚持", "2019-06-30"],
    ] as const)("%s → %s", (text, date) => {
      expect(read(text)).toEqual(dated(text, date, [STANDING]));
    });

    it("notes the standing part of a yearless year-end deadline", () => {
      expect(read("年底前完成，长期坚持")).toEqual(dated("年底前完成，长期坚持", "2019-12-31", [inferred(), STANDING]));
      expect(read("6月底前完成，长期坚持")).toEqual(dated("6月底前完成，长期坚持", "2019-06-30", [inferred(), STANDING]));
    });
  });
});

describe("immediate: due on the base date", () => {
  it.each(["立行立改", "立即整改", "即知即改", "立即", "立查立改", "马上就办", "(立行立改)"])("%s", (text) => {
    expect(read(text)).toEqual({ raw: text, date: "2019-10-08", kind: "immediate", notes: [] });
  });

  it("has no date when the base date is unknown", () => {
    expect(read("立行立改", NO_BASE)).toEqual({ raw: "立行立改", date: null, kind: "immediate", notes: [] });
    expect(read("立行立改", { baseYear: 2019, baseDate: "2019-02-30" }).date).toBeNull();
  });

  it("notes a standing part", () => {
    expect(read("立行立改，长期坚持")).toEqual({ raw: "立行立改，长期坚持", date: "2019-10-08", kind: "immediate", notes: [STANDING] });
    expect(read("立即整改并长期坚持").notes).toEqual([STANDING]);
  });

  it("yields to a written date", () => {
    expect(read("立即整改，2019年6月底前完成")).toEqual(dated("立即整改，2019年6月底前完成", "2019-06-30"));
  });
});

describe("empty cells", () => {
  it.each(["", "   ", "\u3000\u3000", "\n\t", "\u200b"])("%j is none", (text) => {
    expect(read(text)).toEqual({ raw: null, date: null, kind: "none", notes: [] });
  });
});

describe("anything else is unparsed, never a guess", () => {
  it.each([
    "尽快",
    "下一步",
    "视情况",
    "视情况而定",
    "按上级要求",
    "已完成",
    "完成",
    "前",
    "无",
    "/",
    "-",
    "一年左右",
    "2019年6月启动",
    "2019年6月起",
    "2019年2月30日",
    "2019-02-29",
    "2019年13月",
    "2019-13-01",
    "2019年6月31日",
    "6月31日",
    "30日前",
    "6/30/2019",
    "19.6.30",
    "2019.6/30",
    "2019年6月底前完成，视情况延期",
    "底前",
    "内",
  ])("%s", (text) => {
    expect(read(text)).toEqual(unparsed(text));
  });
});

describe("labels and trailing words around the date", () => {
  expectDays([
    ["完成时限：2019年6月底", "2019-06-30"],
    ["完成时限:2019年6月底", "2019-06-30"],
    ["时限要求：2019年6月底前完成", "2019-06-30"],
    ["Deadline: 2019-06-30", "2019-06-30"],
    ["完成时限2019年6月底", "2019-06-30"],
    ["截止2019年6月30日", "2019-06-30"],
    ["截至2019年6月30日", "2019-06-30"],
    ["截止到2019年6月30日", "2019-06-30"],
    ["于2019年6月底前完成", "2019-06-30"],
    ["力争于2019年6月底前完成", "2019-06-30"],
    ["确保2019年底前全面完成", "2019-12-31"],
    ["最迟2019年6月30日", "2019-06-30"],
    ["不晚于2019年6月30日", "2019-06-30"],
    ["2019年6月底前完成整改任务", "2019-06-30"],
    ["2019年6月底前整改到位", "2019-06-30"],
    ["2019年6月底前落实到位", "2019-06-30"],
    ["2019年6月30日前上报", "2019-06-30"],
    ["2019年6月底前取得明显成效", "2019-06-30"],
    ["2019年6月30日(已完成)", "2019-06-30"], // a status remark beside the date does not hide it
    ["2019年6月30日前（已销号）", "2019-06-30"],
    ["2019年6月底。", "2019-06-30"],
    ["2019年6月底.", "2019-06-30"],
  ]);
});

describe("an extended limit is the new day; a rule's hedge before it changes nothing", () => {
  expectDays([
    ["延期至2019年12月3日", "2019-12-03"],
    ["延长至2019年12月3日", "2019-12-03"],
    ["2019年12月3日（延期）", "2019-12-03"],
    ["调整为2019年9月底前完成", "2019-09-30"],
    ["原则上2019年6月底前完成", "2019-06-30"],
  ]);
  expectInferredDays([
    ["延期至今年12月3日", "2019-12-03"],
    ["顺延到6月底", "2019-06-30"],
  ]);
});

describe("several dates in one cell: the latest, later clauses take the earlier year", () => {
  expectDays([
    ["2019年6月底前初步整改，年底前全面完成", "2019-12-31"],
    ["2019年6月底前完成初步整改，2019年12月底前全面完成", "2019-12-31"],
    ["2019年12月底前全面完成，2019年6月底前初步整改", "2019-12-31"],
    ["2019年6月、12月", "2019-12-31"],
    ["2018年12月底前；2019年6月底前", "2019-06-30"],
  ]);

  it("a yearless cell takes the notes of the clause that sets the date", () => {
    expect(read("6月底前初步整改，年底前全面完成")).toEqual(dated("6月底前初步整改，年底前全面完成", "2019-12-31", [inferred()]));
    expect(read("3月底前初步整改，6月底前全面完成")).toEqual(dated("3月底前初步整改，6月底前全面完成", "2019-06-30", [inferred()]));
  });
});

describe("cell values", () => {
  const cell = (value: Parameters<typeof parseDeadline>[0], ctx: DeadlineContext = CTX): Deadline => parseDeadline(value, ctx);

  it("a date cell is its day, raw being the ISO day", () => {
    expect(cell({ day: "2019-06-30" })).toEqual({ raw: "2019-06-30", date: "2019-06-30", kind: "date", notes: [] });
    expect(cell({ day: "2019-02-30" })).toEqual({ raw: "2019-02-30", date: null, kind: "unparsed", notes: [] });
  });

  it("an Excel serial is the same day everywhere", () => {
    expect(cell(43646)).toEqual({ raw: "43646", date: "2019-06-30", kind: "date", notes: [] });
    expect(cell(43646.75)).toEqual({ raw: "43646.75", date: "2019-06-30", kind: "date", notes: [] });
    expect(cell(20000).date).toBe("1954-10-03");
    expect(cell(80000).date).toBe("2119-01-11");
  });

  it.each([
    [2019, "2019-12-31"],
    [1900, "1900-12-31"],
    [2100, "2100-12-31"],
    [20190630, "2019-06-30"],
    [2019.6, "2019-06-30"],
    [2019.06, "2019-06-30"],
    [2019.12, "2019-12-31"],
    [2019.11, "2019-11-30"],
  ] as const)("the number %d reads as %s", (n, date) => {
    expect(cell(n)).toEqual({ raw: String(n), date, kind: "date", notes: [] });
  });

  it("2019.1 is January, but Excel shows 2019.10 the same way", () => {
    expect(cell(2019.1)).toEqual({
      raw: "2019.1",
      date: "2019-01-31",
      kind: "date",
      notes: [{ kind: "ambiguous", otherReading: "2019-10-31", explanation: expect.stringContaining("2019.10") as string }],
    });
  });

  it.each([0, -1, 5, 42, 1899, 2101, 19999, 80001, 20190230, 2019.13, 2019.123, 3.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "the number %d is unparsed",
    (n) => {
      expect(cell(n)).toEqual({ raw: String(n), date: null, kind: "unparsed", notes: [] });
    },
  );

  it("empty, boolean and error cells", () => {
    expect(cell(null)).toEqual({ raw: null, date: null, kind: "none", notes: [] });
    expect(cell(true)).toEqual({ raw: "TRUE", date: null, kind: "unparsed", notes: [] });
    expect(cell({ error: "#N/A" })).toEqual({ raw: "#N/A", date: null, kind: "unparsed", notes: [] });
  });

  it("a text cell goes to parseDeadlineText", () => {
    expect(cell("2019年6月底前")).toEqual(parseDeadlineText("2019年6月底前", CTX));
  });

  it("raw keeps what the user wrote, trimmed, not the folded text", () => {
    expect(cell("  ２０１９年６月底前\u3000")).toEqual(dated("２０１９年６月底前", "2019-06-30"));
  });
});

describe("explicitYears: the years a text names, for the base-year rule", () => {
  it.each([
    ["2019年6月底前", [2019]],
    ["二〇一九年六月", [2019]],
    ["二零一八年", [2018]],
    ["XX局2019年巡察反馈问题整改任务清单", [2019]],
    ["填报单位：娄星区卫生健康局  填报日期：2019年10月8日", [2019]],
    ["2018年9月30日至12月30日", [2018]],
    ["2019年5月-2020年6月", [2019, 2020]],
    ["2019-2020年", [2019, 2020]],
    ["2019.5-2019.6", [2019]],
    ["2019-06-30", [2019]],
    ["2019/6/30", [2019]],
    ["2019Q3", [2019]],
    ["2019", [2019]],
    ["19年6月底", [2019]],
    ["6月底前", []],
    ["全年任务", []],
    ["10年内", []],
    ["共1500人", []],
    ["编号12345", []],
    ["1000年", []],
    ["", []],
  ] as const)("%s → %j", (text, years) => {
    expect(explicitYears(text)).toEqual(years);
  });
});

describe("createDeadlineParser", () => {
  it("reads every kind of cell as parseDeadline does", () => {
    const parse = createDeadlineParser(CTX);
    const values = ["2019年6月底前", "6月底", "长期坚持", "立行立改", "尽快", "", 43646, 2019.1, { day: "2019-06-30" }, { error: "#REF!" }, null, false];
    for (const v of values) expect(parse(v)).toEqual(parseDeadline(v, CTX));
  });

  it("hands back the same frozen result for a repeated value", () => {
    const parse = createDeadlineParser(CTX);
    const a = parse("2019年6月前");
    expect(parse("2019年6月前")).toBe(a);
    expect(parse(43646)).toBe(parse(43646));
    expect(parse({ day: "2019-06-30" })).toBe(parse({ day: "2019-06-30" }));
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.notes)).toBe(true);
    expect(Object.isFrozen(a.notes[0])).toBe(true);
  });

  it("keeps its own context: the caller may reuse its object", () => {
    const ctx: DeadlineContext = { baseYear: 2019, baseDate: null };
    const parse = createDeadlineParser(ctx);
    ctx.baseYear = 2020;
    expect(parse("6月底").date).toBe("2019-06-30");
  });

  it("parses each repeated string once: the same reading comes back", () => {
    const parse = createDeadlineParser(CTX);
    const texts = ["2019年6月底前", "全年任务", "长期坚持", "立行立改", "2019年12月完成", "2018年6月前完成", "6月30日前", "第三季度"];
    const first = texts.map((t) => parse(t));
    // Copies, as a reader hands out a new string object per cell.
    texts.forEach((t, i) => expect(parse(t.split("").join(""))).toBe(first[i]));
    expect(first.filter((d) => d.kind === "date")).toHaveLength(6); // all but 长期坚持 and 立行立改
  });
});
