/**
 * A big ledger as an in-memory sheet model: the core's input without any file reading, so the
 * core's own throughput can be measured apart from the reader's.
 */
import type { CellRange, CellValue, Sheet } from "../analytics/sheet/model.js";

const CATEGORIES = ["党的领导弱化方面", "党的建设缺失方面", "全面从严治党不力方面", "作风建设方面"];
const UNITS = ["办公室", "政工人事股", "财务股", "医政医管股", "区人民医院", "娄星区人民医院", "区医保局、扶贫办", "区疾控中心", "党建办"];
const PEOPLE = ["李建宏", "陈志昂", "张三", "李四", "王五", " 赵六 "];
const DEADLINES: CellValue[] = ["2019年6月底前", "长期坚持", "立行立改", "2019年12月", { day: "2019-09-30" }, "2019年6月前", "三季度末", "全年任务", "2019/10/31", "尽快"];
const STATUSES: CellValue[] = ["已完成", "正在推进", "未开始", "已完成。制定了《局党组中心组学习计划》并印发", "80%", null, "已销号", "整改中"];

/** A deterministic pseudo-random sequence (mulberry32), so every run measures the same sheet. */
function random(seed: number): () => number {
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
  let category = "";
  for (let i = 0; i < rows; i++) {
    const row = i + 3;
    const startsGroup = i % 5 === 0;
    if (startsGroup) {
      category = pick(CATEGORIES);
      merges.push({ top: row, left: 2, bottom: Math.min(row + 4, rows + 2), right: 2 });
    }
    data.push([
      i + 1,
      startsGroup ? category : null,
      `第${i + 1}项问题：学习贯彻习近平新时代中国特色社会主义思想不够深入`,
      "制定完善学习计划，每月组织一次中心组学习，班子成员交流研讨",
      pick(PEOPLE),
      pick(UNITS),
      pick(PEOPLE),
      pick(DEADLINES),
      pick(STATUSES),
      next() < 0.1 ? "是" : null,
    ]);
  }
  // A JSON round trip flattens the template-built strings, as a file reader's strings are.
  const rowsFlat = JSON.parse(JSON.stringify(data)) as CellValue[][];
  return { name: "整改台账", hidden: false, rows: rowsFlat, merges, hiddenRows: new Set(), formulaCells: new Set() };
}
