/** 督办通知单: who gets one, what it lists, and the Word document read back. */
import { describe, expect, it } from "vitest";
import { detectHeader } from "../../../analytics/header.js";
import { itemStarts } from "../../../analytics/ledger-start.js";
import { analyzeSheet } from "../../../analytics/ledger.js";
import { DEFAULT_LIGHT_RULES } from "../../../analytics/lights.js";
import { buildNotices, type Notice } from "../../../analytics/notices/notice.js";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { noticeDocx } from "../../../cli/notices/docx.js";
import { sheetOf } from "../../helpers/sheet.js";
import { docxParagraphs } from "./docx-text.js";

const AS_OF = "2019-10-31";
const ROWS: CellValue[][] = [
  ["区卫生健康局2019年整改台账"],
  ["序号", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "完成时限", "完成情况"],
  [1, "党员发展工作程序不规范", "逐一规范发展党员档案", "陈卫东", "党建办", "赵敏", "2019年10月15日", "推进中"],
  [2, "党费收缴使用管理不规范", "清理核对党费", "陈卫东", "党建办", "赵敏", "2019年9月30日", "未开始"],
  [3, "财务报销审核把关不严", "严格执行财务审批制度", "刘志强", "财务股、办公室", "孙丽", "2019年11月5日", "推进中"],
  [4, "公务用车管理不规范", "建立公车使用登记制度", "刘志强", "办公室", "李明", "2019年7月31日", "已完成"],
  [5, "机关作风建设有待加强", "开展作风纪律集中整顿", "王建国", "纪检组", "吴刚", "2019年12月31日", "已完成"],
];

function notices(rows = ROWS): Notice[] {
  const sheet = sheetOf(rows);
  const ledger = analyzeSheet(sheet, detectHeader(sheet)!, { asOf: AS_OF });
  return buildNotices(ledger.items, { asOf: AS_OF, startOf: itemStarts(ledger), rules: DEFAULT_LIGHT_RULES, issuer: "区委督查室", replyDays: 5, lang: "zh" });
}

describe("who gets a notice", () => {
  const all = notices();

  it("every unit with overdue or due-soon items, red units first, numbered in order", () => {
    expect(all.map((n) => [n.number, n.unit, n.light.light])).toEqual([
      ["督办〔2019〕第1号", "党建办", "red"],
      // Within a light, the least complete first: 财务股 has done nothing, 办公室 half.
      ["督办〔2019〕第2号", "财务股", "amber"],
      ["督办〔2019〕第3号", "办公室", "amber"],
    ]);
  });

  it("sends an item naming several units to each of them, named as the ledger names them", () => {
    expect(all.find((n) => n.unit === "财务股")!.items.map((i) => i.task)).toEqual(["财务报销审核把关不严"]);
    expect(all.find((n) => n.unit === "办公室")!.items.map((i) => i.task)).toEqual(["财务报销审核把关不严"]);
  });

  it("lists the overdue items, most overdue first, with their days", () => {
    expect(all[0]!.items.map((i) => [i.task, i.reason, i.days])).toEqual([
      ["党费收缴使用管理不规范", "overdue", 31],
      ["党员发展工作程序不规范", "overdue", 16],
    ]);
  });

  it("gives the reply day five working days on and the issuing office", () => {
    expect(all[0]).toMatchObject({ issued: "2019-10-31", replyBy: "2019-11-07", issuer: "区委督查室" });
  });

  it("sends nothing to a unit whose work is done or on time", () => {
    expect(all.some((n) => n.unit === "纪检组")).toBe(false);
  });
});

describe("the Word document", () => {
  it("reads back as the notice: number, unit, every item with its days, the requirements, the reply day, the office", async () => {
    const [notice] = notices();
    const text = docxParagraphs(await noticeDocx(notice!, "zh"));
    expect(text[0]).toBe("督办通知单");
    expect(text).toContain("督办〔2019〕第1号");
    expect(text).toContain("党建办：");
    expect(text.join("\n")).toContain("你单位承办的下列事项逾期未完成，现予督办");
    for (const item of notice!.items) {
      expect(text).toContain(item.task);
      expect(text).toContain(`逾期${item.days}天`);
    }
    expect(text).toContain("督办要求");
    expect(text).toContain("请于2019年11月7日前以单位名义将办理情况书面报告区委督查室。");
    expect(text.slice(-2)).toEqual(["区委督查室", "2019年10月31日"]);
  });

  it("takes the office's own 督办要求 text", async () => {
    const [notice] = notices();
    const text = docxParagraphs(await noticeDocx(notice!, "zh", { requirements: "请于三日内整改到位。" }));
    expect(text).toContain("请于三日内整改到位。");
  });

  it("speaks English with lang en", async () => {
    const [notice] = notices();
    const text = docxParagraphs(await noticeDocx(notice!, "en"));
    expect(text).toContain("Supervision notice");
    expect(text.join("\n")).toContain("are overdue and are hereby placed under supervision");
  });
});
