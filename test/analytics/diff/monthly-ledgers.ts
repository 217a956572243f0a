/**
 * Two monthly versions of a real-shaped 整改台账 (the seed's three areas of a 巡察 rectification),
 * built as rows of cells. September's is filed on 2019-09-30; October's (2019-10-31) has its
 * sections reordered, its rows renumbered, 责任单位 and 责任人 swapped, a 备注 column added, and
 * exactly these changes, which a diff must report and nothing else:
 * one task lightly edited, one item added, one removed, a completion, a reopening, a deadline
 * moved, a unit changed, a status changed, and one item newly overdue.
 */
import type { CellValue } from "../../../analytics/sheet/sheet-model.js";

export interface MonthlyItem {
  readonly key: string;
  readonly category: string;
  readonly task: string;
  readonly measure: string;
  readonly leader: string;
  readonly unit: string;
  readonly owner: string;
  readonly deadline: string;
  readonly status: string;
}

const A = "党的领导弱化方面";
const B = "党的建设缺失方面";
const C = "全面从严治党不力方面";

export const SEPTEMBER: readonly MonthlyItem[] = [
  { key: "study", category: A, task: "学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神不够深入", measure: "制定局党组中心组学习计划，每月集中学习一次", leader: "王建国", unit: "办公室", owner: "李明", deadline: "2019年6月30日", status: "已完成" },
  { key: "ideology", category: A, task: "落实意识形态工作责任制不到位", measure: "每半年专题研究一次意识形态工作", leader: "王建国", unit: "办公室", owner: "李明", deadline: "2019年12月底", status: "推进中" },
  { key: "plan2030", category: A, task: "贯彻落实健康中国战略不够有力，健康娄星2030规划未出台", measure: "起草并出台健康娄星2030规划纲要", leader: "刘志强", unit: "规划信息股", owner: "张华", deadline: "2019年10月31日", status: "推进中" },
  { key: "rules", category: A, task: "重大事项集体决策执行不严格", measure: "修订党组议事规则和“三重一大”决策制度", leader: "王建国", unit: "办公室", owner: "李明", deadline: "2019年12月31日", status: "已完成" },
  { key: "branches", category: B, task: "基层党组织标准化建设推进缓慢", measure: "开展党支部标准化达标创建", leader: "陈卫东", unit: "党建办", owner: "赵敏", deadline: "2019年11月30日", status: "推进中" },
  { key: "members", category: B, task: "党员发展工作程序不规范，档案资料不齐全", measure: "逐一规范发展党员档案", leader: "陈卫东", unit: "党建办", owner: "赵敏", deadline: "2019年10月15日", status: "推进中" },
  { key: "meetings", category: B, task: "“三会一课”制度落实不到位", measure: "建立“三会一课”台账，每月检查", leader: "陈卫东", unit: "党建办", owner: "赵敏", deadline: "长期坚持", status: "长期坚持" },
  { key: "dues", category: B, task: "党费收缴使用管理不规范", measure: "清理核对2018年以来党费收缴情况", leader: "陈卫东", unit: "财务股", owner: "孙丽", deadline: "2019年8月31日", status: "已完成" },
  { key: "cadres", category: B, task: "干部选拔任用程序执行不严", measure: "完善干部选拔任用工作制度", leader: "王建国", unit: "人事股", owner: "周强", deadline: "2019年10月31日", status: "推进中" },
  { key: "duties", category: C, task: "落实“两个责任”压力传导层层递减", measure: "逐级签订党风廉政建设责任书", leader: "王建国", unit: "纪检组", owner: "吴刚", deadline: "2019年9月30日", status: "已完成" },
  { key: "kickbacks", category: C, task: "医疗机构收受回扣问题整治不力", measure: "开展医药购销领域不正之风专项整治", leader: "刘志强", unit: "医政医管股", owner: "郑伟", deadline: "2019年12月31日", status: "推进中" },
  { key: "cars", category: C, task: "公务用车管理不规范", measure: "建立公务用车使用登记制度", leader: "刘志强", unit: "办公室", owner: "李明", deadline: "2019年7月31日", status: "已完成" },
  { key: "expenses", category: C, task: "财务报销审核把关不严", measure: "严格执行财务审批和报销制度", leader: "刘志强", unit: "财务股", owner: "孙丽", deadline: "2019年11月30日", status: "未开始" },
  { key: "allowances", category: C, task: "违规发放津补贴问题清理不彻底", measure: "全面清理规范津补贴发放", leader: "刘志强", unit: "财务股", owner: "孙丽", deadline: "2019年9月15日", status: "推进中" },
  { key: "conduct", category: A, task: "机关作风建设有待加强", measure: "开展机关作风纪律集中整顿", leader: "王建国", unit: "办公室", owner: "李明", deadline: "2019年12月31日", status: "推进中" },
  { key: "doctors-a", category: B, task: "家庭医生签约服务履约不到位", measure: "开展家庭医生签约服务履约情况督查", leader: "陈卫东", unit: "基层卫生股", owner: "钱进", deadline: "2019年12月31日", status: "推进中" },
  { key: "doctors-b", category: B, task: "家庭医生签约服务履约不到位", measure: "开展家庭医生签约服务履约情况督查", leader: "陈卫东", unit: "疾控中心", owner: "冯涛", deadline: "2019年12月31日", status: "推进中" },
];

const edit = (key: string, patch: Partial<MonthlyItem>): MonthlyItem => ({ ...SEPTEMBER.find((i) => i.key === key)!, ...patch });
const same = (key: string): MonthlyItem => edit(key, {});

/** October's items in October's order: section C first, then A, then B; within them shuffled. */
export const OCTOBER: readonly MonthlyItem[] = [
  edit("kickbacks", { task: "医疗机构收受“回扣”问题专项整治不力" }),
  same("allowances"),
  edit("expenses", { status: "推进中" }),
  same("duties"),
  // The section it belongs to moved: a category change alone is no change of the item.
  edit("conduct", { category: C }),
  same("ideology"),
  edit("rules", { status: "整改中（制度需重新修订）" }),
  edit("plan2030", { status: "已完成" }),
  same("study"),
  { key: "poverty", category: A, task: "健康扶贫政策落实不够精准", measure: "开展健康扶贫政策落实情况自查", leader: "刘志强", unit: "基层卫生股", owner: "钱进", deadline: "2019年12月15日", status: "未开始" },
  same("doctors-b"),
  same("members"),
  edit("cadres", { unit: "办公室" }),
  same("dues"),
  edit("branches", { deadline: "2019年12月31日" }),
  same("doctors-a"),
  same("meetings"),
];

export const SEPTEMBER_FILED = "2019-09-30";
export const OCTOBER_FILED = "2019-10-31";

/** The changes the pair holds: kind and the key of the item, nothing more. */
export const EXPECTED_CHANGES: ReadonlyArray<{ kind: string; key: string; days?: number | null }> = [
  { kind: "task-edited", key: "kickbacks" },
  { kind: "status-changed", key: "expenses" },
  { kind: "reopened", key: "rules" },
  { kind: "completed", key: "plan2030" },
  { kind: "added", key: "poverty" },
  { kind: "newly-overdue", key: "members", days: 16 },
  { kind: "unit-changed", key: "cadres" },
  { kind: "deadline-moved", key: "branches", days: 31 },
  { kind: "removed", key: "cars" },
];

function title(filed: string): CellValue[][] {
  const [y, m, d] = filed.split("-").map(Number);
  return [["附件1"], ["区卫生健康局巡察反馈问题整改落实台账"], [`填报单位：区卫生健康局（盖章）        填报日期：${y}年${m}月${d}日`]];
}

/** September: 序号 | 问题类别 | 存在问题 | 整改措施 | 责任领导 | 责任单位 | 责任人 | 完成时限 | 完成情况. */
export function septemberRows(): CellValue[][] {
  const header = ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "完成时限", "完成情况"];
  return [...title(SEPTEMBER_FILED), header, ...SEPTEMBER.map((i, n) => [n + 1, i.category, i.task, i.measure, i.leader, i.unit, i.owner, i.deadline, i.status]), ["填报人：李明"]];
}

/** October: 责任人 before 责任单位, 完成情况 before 完成时限, a 备注 column added. */
export function octoberRows(): CellValue[][] {
  const header = ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任人", "责任单位", "完成情况", "完成时限", "备注"];
  return [...title(OCTOBER_FILED), header, ...OCTOBER.map((i, n) => [n + 1, i.category, i.task, i.measure, i.leader, i.owner, i.unit, i.status, i.deadline, null]), ["填报人：李明"]];
}

/** Row of an item in a version: title (3) + header (1) + its place. */
export function rowOf(items: readonly MonthlyItem[], key: string): number {
  return 4 + items.findIndex((i) => i.key === key) + 1;
}
