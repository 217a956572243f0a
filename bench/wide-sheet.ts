/**
 * The bench ledger widened to fifteen columns, as the 督查 office's consolidated ledgers often
 * are: the ten of core-sheet.ts and a goal per task, the evidence each unit files, a contact
 * number per person, how often it was chased, and sparse remarks. What the reader's memory goal
 * is measured on (200,000 rows of it: three million cells).
 */
import type { CellValue, Sheet } from "../analytics/sheet/sheet-model.js";
import { bigSheet, random } from "./core-sheet.js";

const WIDE_HEADER = ["整改目标", "佐证材料", "联系电话", "督办次数", "备注"];
const GOALS = ["问题全面整改到位", "建立长效机制，防止问题反弹", "年底前完成整改并销号", "形成制度成果"];
const EVIDENCE = ["会议记录", "整改报告", "制度文件", "学习台账", "工作简报"];
const REMARKS = ["已报区纪委", "需协调财政资金", "延期申请已批", "牵头单位变更"];

export function wideSheet(rows: number, seed = 1): Sheet {
  const sheet = bigSheet(rows, seed);
  const next = random(seed + 1);
  const data: CellValue[][] = sheet.rows.map((cells, index) => {
    const row = [...(cells ?? [])];
    if (index === 1) return [...row, ...WIDE_HEADER];
    if (index < 2) return row;
    const task = String(row[2] ?? "");
    const unit = String(row[5] ?? "");
    const person = String(row[6] ?? "").trim();
    row.length = 10;
    row.push(
      `${task.slice(task.indexOf("：") + 1, task.indexOf("：") + 13)}，${GOALS[index % GOALS.length]}`,
      next() < 0.6 ? `《${unit}${EVIDENCE[index % EVIDENCE.length]}》（${unit.slice(0, 2)}〔2019〕${(index % 97) + 1}号）` : null,
      `0738-8${String((person.charCodeAt(0) * 131 + unit.length * 7919) % 1_000_000).padStart(6, "0")}`,
      Math.floor(next() * 4),
      next() < 0.15 ? REMARKS[index % REMARKS.length]! : null,
    );
    return row;
  });
  // A JSON round trip flattens the template-built strings, as a file reader's strings are.
  return { ...sheet, rows: JSON.parse(JSON.stringify(data)) as CellValue[][] };
}
