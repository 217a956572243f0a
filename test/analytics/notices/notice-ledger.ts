/** A small 整改台账 as of 2019-10-31 and the 督办通知单 it calls for, shared by the notice tests and the Word document's. */
import { detectHeader } from "../../../analytics/header.js";
import { itemStarts } from "../../../analytics/ledger-start.js";
import { analyzeSheet } from "../../../analytics/ledger.js";
import { DEFAULT_LIGHT_RULES } from "../../../analytics/lights.js";
import { buildNotices, type Notice } from "../../../analytics/notices/notice.js";
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";
import { sheetOf } from "../../helpers/sheet.js";

export const AS_OF = "2019-10-31";
export const ROWS: CellValue[][] = [
  ["区卫生健康局2019年整改台账"],
  ["序号", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "完成时限", "完成情况"],
  [1, "党员发展工作程序不规范", "逐一规范发展党员档案", "陈卫东", "党建办", "赵敏", "2019年10月15日", "推进中"],
  [2, "党费收缴使用管理不规范", "清理核对党费", "陈卫东", "党建办", "赵敏", "2019年9月30日", "未开始"],
  [3, "财务报销审核把关不严", "严格执行财务审批制度", "刘志强", "财务股、办公室", "孙丽", "2019年11月5日", "推进中"],
  [4, "公务用车管理不规范", "建立公车使用登记制度", "刘志强", "办公室", "李明", "2019年7月31日", "已完成"],
  [5, "机关作风建设有待加强", "开展作风纪律集中整顿", "王建国", "纪检组", "吴刚", "2019年12月31日", "已完成"],
];

export function notices(rows = ROWS): Notice[] {
  const sheet = sheetOf(rows);
  const ledger = analyzeSheet(sheet, detectHeader(sheet)!, { asOf: AS_OF });
  return buildNotices(ledger.items, { asOf: AS_OF, startOf: itemStarts(ledger), rules: DEFAULT_LIGHT_RULES, issuer: "区委督查室", replyDays: 5, lang: "zh" });
}
