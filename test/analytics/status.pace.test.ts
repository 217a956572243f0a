/**
 * The status words of progress reports (contract §3): 序时进度 as `pace`, works under way and
 * finished, progress sentences, bare percentages, and English trackers' words.
 */
import { describe, expect, it } from "vitest";
import { classifyStatus, type Pace, type StatusValue } from "../../analytics/status.js";
import { analyzeSheet } from "../../analytics/ledger.js";
import { detectHeader } from "../../analytics/header.js";
import { sheetOf } from "../helpers/sheet.js";

const read = (text: string) => classifyStatus(text, "progress");

describe("序时进度: value and pace", () => {
  it.each<[string, StatusValue, Pace]>([
    ["序时推进", "in_progress", "on_track"],
    ["按序时推进", "in_progress", "on_track"],
    ["正常推进", "in_progress", "on_track"],
    ["有序推进", "in_progress", "on_track"],
    ["达进度", "in_progress", "on_track"],
    ["达到序时进度", "in_progress", "on_track"],
    ["超序时进度", "in_progress", "ahead"],
    ["超时间进度", "in_progress", "ahead"],
    ["超过序时进度", "in_progress", "ahead"],
    ["欠进度", "in_progress", "behind"],
    ["未达序时", "in_progress", "behind"],
    ["未达到序时进度", "in_progress", "behind"],
    ["进展滞后", "in_progress", "behind"],
    ["滞后", "in_progress", "behind"],
    ["推进缓慢", "in_progress", "behind"],
    ["进度相对缓慢", "in_progress", "behind"],
    ["进度偏慢", "in_progress", "behind"],
    ["1-6月完成产值1175亿元,与全年目标有较大差距", "in_progress", "behind"],
    ["提前完成任务", "done", "ahead"],
    ["推动“美丽海岸带”建设2公里未启动,滞后", "not_started", "behind"],
  ])("%s → %s, %s", (text, value, pace) => {
    expect(read(text)).toMatchObject({ value, pace });
  });

  it("a done word that leads stays done", () => {
    expect(read("已完成，超序时进度")).toMatchObject({ value: "done", pace: "ahead" });
  });

  it("a pace word alone in 备注 gives the item its pace", () => {
    const sheet = sheetOf([["序号", "项目", "进展情况", "备注"], [1, "近视防控教室照明改造", "正在开展编制招标文件", "滞后"]]);
    const ledger = analyzeSheet(sheet, detectHeader(sheet)!, { asOf: "2022-09-01" });
    expect(ledger.items[0]!.status).toMatchObject({ value: "in_progress", pace: "behind" });
    expect(ledger.findings.find((f) => f.rule === "behind-schedule")?.message).toBe("第2行“近视防控教室照明改造”进度滞后（正在开展编制招标文件）");
  });
});

describe("works under way, works finished", () => {
  it.each<[string, StatusValue]>([
    ["部分整改", "in_progress"],
    ["未整改", "not_started"],
    ["已开工", "in_progress"],
    ["履约中", "in_progress"],
    ["已进场施工,完成30%", "in_progress"],
    ["已建成3个;其余点位已启动建设流程", "in_progress"],
    ["中凤凰福道完成实施方案及招商文件编制,征迁正在推进", "in_progress"],
    ["预计9月份开始接种工作", "not_started"],
    ["50%", "in_progress"],
    ["50%(马站未开工", "in_progress"],
    ["有一定进度", "in_progress"],
    ["已竣工", "done"],
    ["已正式开通运营", "done"],
    ["已完成\n正在验收", "done"],
  ])("%j → %s", (text, value) => {
    expect(read(text).value).toBe(value);
  });
});

describe("English trackers", () => {
  it.each<[string, StatusValue]>([
    ["Done", "done"],
    ["Completed", "done"],
    ["✅ Completed", "done"],
    ["In progress", "in_progress"],
    ["In Progress (Code Implementation Complete)", "in_progress"],
    ["Not started", "not_started"],
    ["Planned", "not_started"],
    ["On hold", "in_progress"],
    ["Open", "not_started"], // an action register's open item: not begun, per its legend
    ["Overdue", "in_progress"],
    ["Blocked", "in_progress"],
  ])("%s → %s", (text, value) => {
    expect(read(text).value).toBe(value);
  });

  it("a Latin word is never found inside another", () => {
    expect(read("Abandoned").value).toBe("unknown");
  });
});

describe("progress sentences dated 截至…", () => {
  it.each<[string, StatusValue]>([
    ["截至11月底,全省空气优良天数比例达到57.4%。", "in_progress"],
    ["截至11月底,已开工建设25600套,完成年度目标任务。", "done"],
    ["截至目前,尚未完成年度目标任务", "in_progress"],
  ])("%j → %s", (text, value) => {
    expect(read(text).value).toBe(value);
  });
});
