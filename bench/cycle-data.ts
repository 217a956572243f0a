/**
 * Data for the cycle's benchmarks, shaped like real ledgers: tasks repeat across units (a
 * 任务分解表 sends one task to many), unit names vary, and next month's version is this month's
 * reordered, renumbered and lightly edited, with completions, a few reopenings, moved
 * deadlines, changed units, rows added and removed.
 */
import type { CellValue } from "../analytics/sheet/sheet-model.js";
import { random } from "./core-sheet.js";

const TOPICS = [
  "党员教育管理", "意识形态工作责任制", "财务报销审核", "公务用车管理", "干部选拔任用", "党费收缴使用", "医药购销领域不正之风", "家庭医生签约服务",
  "健康扶贫政策落实", "基层党组织标准化建设", "机关作风纪律", "津补贴发放", "政府采购程序", "三重一大决策", "专项资金使用", "安全生产责任",
  "信访积案化解", "扫黑除恶专项斗争", "营商环境优化", "河长制落实", "农村人居环境整治", "村级财务公开", "干部考核评价", "巡察整改台账管理",
];
const VERBS = ["进一步规范", "全面加强", "认真落实", "深入推进", "切实解决", "健全完善"];
const TAILS = ["工作，建立长效机制", "方面存在的突出问题", "的制度执行不严格问题", "工作中的薄弱环节"];
const CATEGORIES = ["党的领导弱化方面", "党的建设缺失方面", "全面从严治党不力方面", "作风建设方面"];
const PEOPLE = ["李建宏", "陈志昂", "张华", "李明", "王芳", "赵敏", "孙丽", "周强"];
const STATUSES = ["已完成", "推进中", "未开始", "正在推进", "已销号", "基本完成"];

/** Unit names, some written two ways ("区人民医院" / "娄星区人民医院"), as submitted ledgers do. */
export function unitNames(count: number): string[] {
  const kinds = ["局", "办", "中心", "股", "卫生院", "街道办事处", "镇人民政府"];
  const places = ["娄星", "杉山", "万宝", "乐坪", "花山", "涟滨", "大科", "黄泥塘", "长青", "石井", "茶园", "双江"];
  return Array.from({ length: count }, (_, i) => `${places[i % places.length]}${["卫健", "财政", "医保", "民政", "教育", "水利", "农业", "城管", "自然资源", "交通"][Math.floor(i / places.length) % 10]}${kinds[i % kinds.length]}${i >= 120 ? String(Math.floor(i / 120) + 1) : ""}`);
}

interface Row {
  task: string;
  category: string;
  unit: string;
  owner: string;
  deadline: string;
  status: string;
}

const HEADER_A = ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "完成时限", "完成情况"];
const HEADER_B = ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任人", "责任单位", "完成情况", "完成时限", "备注"];

function rowsA(rows: readonly Row[], filed: string): CellValue[][] {
  return [["整改落实台账"], [`填报日期：${filed}`], HEADER_A, ...rows.map((r, i) => [i + 1, r.category, r.task, `针对${r.task.slice(0, 8)}制定整改措施`, "王建国", r.unit, r.owner, r.deadline, r.status])];
}

function rowsB(rows: readonly Row[], filed: string): CellValue[][] {
  return [["整改落实台账"], [`填报日期：${filed}`], HEADER_B, ...rows.map((r, i) => [i + 1, r.category, r.task, `针对${r.task.slice(0, 8)}制定整改措施`, "王建国", r.owner, r.unit, r.status, r.deadline, null])];
}

/** Two monthly versions of a ledger of `count` rows. */
export function monthlyPair(count: number, seed = 3): { readonly september: CellValue[][]; readonly october: CellValue[][] } {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const units = unitNames(Math.max(20, Math.round(count / 12)));
  const make = (i: number): Row => ({
    task: `${pick(VERBS)}${TOPICS[i % TOPICS.length]}${pick(TAILS)}`,
    category: pick(CATEGORIES),
    unit: pick(units),
    owner: pick(PEOPLE),
    deadline: `2019年${1 + Math.floor(next() * 12)}月${1 + Math.floor(next() * 28)}日`,
    status: pick(STATUSES),
  });
  const before = Array.from({ length: count }, (_, i) => make(i));
  const after: Row[] = [];
  for (const row of before) {
    const r = next();
    if (r < 0.01) continue; // removed
    const copy = { ...row };
    if (r < 0.05) copy.task = copy.task.replace("工作", "工作并取得实效");
    else if (r < 0.15) copy.status = "已完成";
    else if (r < 0.17) copy.status = "整改中";
    else if (r < 0.2) copy.deadline = "2020年6月30日";
    else if (r < 0.21) copy.unit = pick(units);
    after.push(copy);
  }
  for (let i = 0; i < count / 100; i++) after.push(make(count + i));
  for (let i = after.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [after[i], after[j]] = [after[j]!, after[i]!];
  }
  return { september: rowsA(before, "2019年9月30日"), october: rowsB(after, "2019年10月31日") };
}

/** One ledger naming `units` units, ten items each, most of them with something overdue or due soon. */
export function manyUnits(units: number, seed = 5): CellValue[][] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const names = unitNames(units);
  const rows: Row[] = [];
  for (const unit of names) {
    for (let i = 0; i < 10; i++) {
      rows.push({ task: `${pick(VERBS)}${pick(TOPICS)}${pick(TAILS)}`, category: pick(CATEGORIES), unit, owner: pick(PEOPLE), deadline: `2019年${8 + Math.floor(next() * 4)}月${1 + Math.floor(next() * 28)}日`, status: pick(STATUSES) });
    }
  }
  return rowsA(rows, "2019年10月31日");
}
