/**
 * A big ledger as an in-memory sheet model: the core's input without any file reading, so the
 * core's own throughput can be measured apart from the reader's.
 *
 * Shaped like the ledgers that reach the 督查 office: one 任务分解表 of tasks sent to twenty
 * units and consolidated, so every task appears once per unit (rows grouped by unit), its text
 * varying slightly from unit to unit (a trailing space, a full-width comma, a word added), the
 * units written several ways (区人民医院 / 娄星区人民医院), and a few rows pasted twice. Two in
 * five progress cells are each unit's own sentence (numbers, dates, documents named), so the
 * status column holds tens of thousands of distinct texts, as a consolidated ledger's does.
 */
import type { CellRange, CellValue, Sheet } from "../analytics/sheet/sheet-model.js";

/** Units the task list is sent to; each task appears once per unit. */
export const UNITS_PER_TASK = 20;

const CATEGORIES = ["党的领导弱化方面", "党的建设缺失方面", "全面从严治党不力方面", "作风建设方面"];
const UNITS = [
  "办公室", "政工人事股", "财务股", "医政医管股", "区人民医院", "区疾控中心", "党建办", "区妇幼保健院", "区中医医院", "区卫生监督所",
  "大科街道卫生院", "乐坪街道卫生院", "花山街道卫生院", "黄泥塘街道卫生院", "长青街道卫生院", "万宝镇卫生院", "杉山镇卫生院", "茶园镇卫生院", "水洞底镇卫生院", "双江乡卫生院",
];
/** How some units write themselves: the same unit, another spelling. */
const UNIT_VARIANTS: Record<string, string> = { 区人民医院: "娄星区人民医院", 区疾控中心: "区疾病预防控制中心", 党建办: "党建工作办公室" };
const TOPICS = ["学习贯彻习近平新时代中国特色社会主义思想不够深入", "落实意识形态工作责任制不到位", "基层党组织建设薄弱", "干部队伍建设不够有力", "执行中央八项规定精神不严"];
const MEASURES = ["制定完善学习计划，每月组织一次中心组学习，班子成员交流研讨", "建立问题清单、任务清单、责任清单，逐项销号", "开展专项整治，建立长效机制"];
const PEOPLE = ["李建宏", "陈志昂", "张三", "李四", "王五", " 赵六 "];
const DEADLINES: CellValue[] = ["2019年6月底前", "长期坚持", "立行立改", "2019年12月", { day: "2019-09-30" }, "2019年6月前", "三季度末", "全年任务", "2019/10/31", "尽快"];
const STATUSES: CellValue[] = ["已完成", "正在推进", "未开始", "已完成。制定了《局党组中心组学习计划》并印发", "80%", null, "已销号", "整改中"];

/** A progress sentence as a unit writes it: its own figures, dates and document names. */
function progressSentence(n: number, unit: string): string {
  const month = (n % 12) + 1;
  const day = (n % 28) + 1;
  const count = (n % 17) + 2;
  switch (n % 6) {
    case 0:
      return `已完成。${unit}制定了《关于${TOPICS[n % TOPICS.length]}问题的整改方案》，于2019年${month}月${day}日印发实施`;
    case 1:
      return `正在推进，已召开专题会议${count}次，完成整改任务的${(n % 9) * 10 + 10}%`;
    case 2:
      return `整改中：已建立问题清单${count}项，其余${n % 5}项正在推进`;
    case 3:
      return `截至2019年${month}月底，${unit}已完成${count}项，剩余${n % 4 + 1}项正在整改，较序时进度滞后`;
    case 4:
      return `未开始，计划于2019年${month}月启动，由${PEOPLE[n % PEOPLE.length]!.trim()}牵头`;
    default:
      return `已于${month}月${day}日整改到位，相关制度${count}项已印发，拟申请销号`;
  }
}

/** Task `t` as unit `u` wrote it: mostly as sent, sometimes with a slip. */
function taskText(t: number, u: number): string {
  const base = `第${t + 1}项：${TOPICS[t % TOPICS.length]}，${MEASURES[t % MEASURES.length]!.slice(0, 8)}`;
  switch ((t * 7 + u) % 11) {
    case 0:
      return base + " ";
    case 1:
      return base.replace("，", ",");
    case 2:
      return base.replace("不够", "仍不够");
    default:
      return base;
  }
}

/** A deterministic pseudo-random sequence (mulberry32), so every run measures the same sheet. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function bigSheet(rows: number, seed = 1): Sheet {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const data: CellValue[][] = [
    ["巡察反馈问题整改任务清单（2019年）"],
    ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "完成时限", "完成情况", "是否销号"],
  ];
  const merges: CellRange[] = [];
  const tasks = Math.max(1, Math.ceil(rows / UNITS_PER_TASK));
  let category = "";
  for (let i = 0; i < rows; i++) {
    const row = i + 3;
    const unitIndex = Math.floor(i / tasks) % UNITS.length;
    // One row in a hundred is pasted twice: the task, measure and unit of the row before.
    const t = i % 100 === 99 ? (i - 1) % tasks : i % tasks;
    const startsGroup = i % 5 === 0;
    if (startsGroup) {
      category = pick(CATEGORIES);
      merges.push({ top: row, left: 2, bottom: Math.min(row + 4, rows + 2), right: 2 });
    }
    const unit = UNITS[unitIndex]!;
    data.push([
      i + 1,
      startsGroup ? category : null,
      taskText(t, unitIndex),
      MEASURES[t % MEASURES.length]!,
      pick(PEOPLE),
      next() < 0.3 ? (UNIT_VARIANTS[unit] ?? unit) : unit,
      pick(PEOPLE),
      pick(DEADLINES),
      next() < 0.4 ? progressSentence(i, unit) : pick(STATUSES),
      next() < 0.1 ? "是" : null,
    ]);
  }
  // A JSON round trip flattens the template-built strings, as a file reader's strings are.
  const rowsFlat = JSON.parse(JSON.stringify(data)) as CellValue[][];
  return { name: "整改台账", hidden: false, rows: rowsFlat, merges, hiddenRows: new Set(), formulaCells: new Set() };
}
