/**
 * The flag formulas' view of one ledger: which column holds the deadline, which hold progress
 * text, and which yes/no answers each 是否完成 / 是否销号 column uses.
 */
import type { Header } from "../header.js";
import type { CellValue } from "../sheet/sheet-model.js";
import type { StatusColumnKind, StatusReading } from "../status.js";
import { excelTrim, type FlagSpec, type YesNoColumn } from "./flags.js";

type Classify = (value: CellValue, kind: StatusColumnKind) => StatusReading;

/**
 * Answers every yes/no column understands, so a clerk who later types 是 where the ledger so
 * far held only 否 is still read right. The ledger's own answers are added to these.
 */
const COMMON_ANSWERS = ["是", "否", "√", "✓", "×", "已完成", "完成", "未完成", "已销号", "销号", "未销号"];

interface Answers {
  readonly yes: Set<string>;
  readonly no: Set<string>;
  readonly notClosed: Set<string>;
}

function sortAnswer(answer: string, reading: StatusReading, into: Answers): void {
  if (answer === "" || answer === "\u0000") return;
  if (reading.value === "done" || reading.value === "closed") into.yes.add(answer);
  else if (reading.value === "not_started" || reading.value === "in_progress") into.no.add(answer);
  else if (reading.notClosed) into.notClosed.add(answer);
}

function yesNoColumn(col: number, kind: "isDone" | "isClosed", values: readonly CellValue[], classify: Classify): YesNoColumn {
  const answers: Answers = { yes: new Set(), no: new Set(), notClosed: new Set() };
  for (const word of COMMON_ANSWERS) sortAnswer(word, classify(word, kind), answers);
  for (const value of values) {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") continue;
    sortAnswer(excelTrim(value), classify(value, kind), answers);
  }
  return { col, kind, yes: [...answers.yes], no: [...answers.no], notClosed: [...answers.notClosed] };
}

/**
 * The spec of a ledger with a deadline column, or null without one (nothing can fall due).
 * `columnValues(col)` lists what the column's item cells show.
 */
export function flagSpecOf(
  header: Header,
  columnValues: (col: number) => readonly CellValue[],
  classify: Classify,
  dueSoonDays: number,
  toCheckWord: string,
): FlagSpec | null {
  const deadlineCol = header.roles.get("deadline");
  if (deadlineCol === undefined) return null;
  const progressCols: number[] = [];
  const yesNo: YesNoColumn[] = [];
  for (const { col, kind } of header.statusColumns) {
    if (kind === "progress") progressCols.push(col);
    else yesNo.push(yesNoColumn(col, kind, columnValues(col), classify));
  }
  return { deadlineCol, statusCols: header.statusColumns.map((c) => c.col), progressCols, yesNo, dueSoonDays, toCheckWord };
}
