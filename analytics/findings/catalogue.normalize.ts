/**
 * What `taizhang normalize` says, in Chinese and English: the reason written beside each change
 * in 变更记录 (both hosts write it) and the summary the command line prints after a run
 * (cli/commands/run-normalize.ts). Templates with {name} slots as everywhere in the catalogue;
 * keys are stable.
 */
import { formatMessage } from "./catalogue.js";
import type { Lang } from "../lang.js";
import type { SlotParams } from "./slots.js";

export const NORMALIZE_SENTENCES = {
  // ── Deadlines (analytics/normalize/deadline-dates.ts, date-formats.ts). {day} is the day as the language writes it.
  deadlineStanding: { zh: "“{raw}”是长期任务，统一写作“{word}”", en: "“{raw}” is a standing duty, written “{word}”" },
  deadlineImmediate: { zh: "“{raw}”要求立即整改，统一写作“{word}”", en: "“{raw}” means at once, written “{word}”" },
  deadlineNumber: { zh: "数字{raw}读作日期{day}，改为日期格式", en: "the number {raw} reads as {day}; written as a date" },
  deadlineNoYear: { zh: "“{raw}”未写年份，按{year}年读作{day}，改为日期格式", en: "“{raw}” names no year; read with {year} as {day}, written as a date" },
  deadlineText: { zh: "“{raw}”读作{day}，改为日期格式", en: "“{raw}” reads as {day}; written as a date" },
  dateFormatAlike: { zh: "本列日期统一显示为“2019年6月30日”的格式（原格式 {format}）", en: "dates in this column shown alike, as 2019年6月30日 (the format was {format})" },
  /** A change that also gets the column's date format: its own reason, then the format's. */
  reasonWithNote: { zh: "{reason}；{note}", en: "{reason}；{note}" },

  // ── Statuses (canonical-statuses.ts, status-dropdown.ts, conflicts.ts).
  statusWord: { zh: "“{raw}”统一写作“{word}”", en: "“{raw}” is written “{word}”" },
  statusPrefix: { zh: "“{raw}”读作“{word}”，在原文前加上“{prefix}”，原文保留", en: "“{raw}” reads as “{word}”; “{prefix}” is put in front, the text kept" },
  statusLeadingSpace: { zh: "去掉“{word}”前的空白", en: "white space before “{word}” removed" },
  statusDropdownPrompt: { zh: "请选择：{words}；需要写进展时，在词后加“：”再写", en: "Pick one: {words}; to add progress notes, write them after the word and “：”" },
  conflictColumnSays: { zh: "“{label}”写“{raw}”", en: "“{label}” says “{raw}”" },
  conflictToCheckTwo: {
    zh: "{columns}，两栏说法不一致。哪一栏对，须由经办人核实后改正，本次未作改动；改正前本行标为“{word}”（淡紫色），改正后自动消失。",
    en: "{columns}: the columns disagree. Which is right is for a person to decide; nothing was changed. Until one is corrected the row is marked “{word}” (lavender); the mark goes once they agree.",
  },
  conflictToCheckSeveral: {
    zh: "{columns}，各栏说法不一致。哪一栏对，须由经办人核实后改正，本次未作改动；改正前本行标为“{word}”（淡紫色），改正后自动消失。",
    en: "{columns}: the columns disagree. Which is right is for a person to decide; nothing was changed. Until one is corrected the row is marked “{word}” (lavender); the mark goes once they agree.",
  },
  conflictOpenTwo: {
    zh: "{columns}，两栏说法不一致。哪一栏对，须由经办人核实后改正，本次未作改动；两栏都说尚未办完，逾期照常标色。",
    en: "{columns}: the columns disagree. Which is right is for a person to decide; nothing was changed. Both say the work is not finished, so overdue colors apply as usual.",
  },
  conflictOpenSeveral: {
    zh: "{columns}，各栏说法不一致。哪一栏对，须由经办人核实后改正，本次未作改动；各栏都说尚未办完，逾期照常标色。",
    en: "{columns}: the columns disagree. Which is right is for a person to decide; nothing was changed. Both say the work is not finished, so overdue colors apply as usual.",
  },

  // ── Names (name-cleaning.ts).
  nameMerge: { zh: "统一名称写法：{pairs}", en: "one spelling per name: {pairs}" },
  nameMergePairJoin: { zh: "，", en: ", " },
  nameClean: { zh: "去掉多余空格，全角数字、字母转为半角", en: "stray spaces removed, full-width digits and letters folded" },

  // ── Merged cells (planned-cells.ts, sheet-plan.ts).
  unmerge: { zh: "{ref}为合并单元格，取消合并，每行填入“{value}”", en: "{ref} was merged; dissolved, “{value}” filled into each row" },
  unmergeWrap: { zh: "{ref}取消合并后逐行填入的文字在单元格内自动换行，不压到相邻列", en: "the text filled into {ref} wraps within its cells rather than spilling into the next column" },
  mergeFill: { zh: "取消合并{ref}，逐行填入合并值", en: "merge {ref} dissolved, its value filled in" },
  mergeFillChanged: { zh: "取消合并{ref}，逐行填入合并值；{reason}", en: "merge {ref} dissolved, its value filled in; {reason}" },

  // ── Columns normalize adds (id-column.ts, overdue-column.ts).
  idColumn: { zh: "新增编号列，供下期台账逐项对比", en: "an id column, so next month's version can be compared item by item" },
  idHeaderMerge: { zh: "编号列的表头上下合并，与两行表头对齐", en: "the id header spans both header rows" },
  idCell: { zh: "事项编号（不随行序变化）", en: "the item's id (kept when rows move)" },
  overdueColumn: { zh: "新增逾期天数列（公式按 TODAY() 计算）", en: "a days-overdue column (formulas on TODAY())" },
  overdueHeaderMerge: { zh: "逾期天数列的表头上下合并，与两行表头对齐", en: "the days-overdue header spans both header rows" },
  overdueNoDate: { zh: "时限不是日期，不计逾期天数", en: "no dated deadline, no days overdue" },
  overdueFormula: { zh: "逾期天数公式：未完成且已过时限时为 TODAY() 减时限", en: "days overdue: TODAY() minus the deadline while open and past it" },
  /** A date column widened, by the pane or the command line (logged, so that 撤销 narrows it back: column-widening.ts). */
  dateColumnWidened: { zh: "{column}列写入日期后加宽，以免日期显示为“####”", en: "column {column} widened so its dates show rather than “####”" },

  // ── The command line's summary of a run (cli/commands/run-normalize.ts), line by line.
  summaryCopy: { zh: "{file} → {out}（原文件未改动）", en: "{file} → {out} (the input is unchanged)" },
  summarySheetUntouched: { zh: "工作表“{sheet}”：无需改动", en: "sheet “{sheet}”: nothing to change" },
  summarySheetOneChange: { zh: "工作表“{sheet}”：改动 {count} 处{byRule}{unmerges}", en: "sheet “{sheet}”: {count} cell changed{byRule}{unmerges}" },
  summarySheetChanges: { zh: "工作表“{sheet}”：改动 {count} 处{byRule}{unmerges}", en: "sheet “{sheet}”: {count} cells changed{byRule}{unmerges}" },
  summaryByRule: { zh: "（{list}）", en: " ({list})" },
  summaryOneUnmerge: { zh: "，取消合并 {count} 处", en: ", {count} merge dissolved" },
  summaryUnmerges: { zh: "，取消合并 {count} 处", en: ", {count} merges dissolved" },
  summaryKept: { zh: "保留原样：{list}", en: "left as they were: {list}" },
  summaryNoRoom: {
    zh: "工作表“{sheet}”已用到最右边的 XFD 列，没有空列，未添加“{column}”列",
    en: "sheet “{sheet}” is used up to its last column, XFD: no “{column}” column was added",
  },
  summaryFlagMismatch: { zh: "注意：第{row}行的逾期标色公式与检查结果不一致，请核对", en: "note: row {row}'s overdue colors disagree with the check; please look at it" },
  summaryFlagsAdded: {
    zh: "逾期的行标红、{days}天内到期的行标黄，按打开时的日期（TODAY()）自动更新",
    en: "overdue rows in red, rows due within {days} days in amber, recomputed from TODAY() whenever the file is opened",
  },
  summaryFlagsPresent: { zh: "表中已有逾期标红、即将到期标黄的条件格式，未重复添加", en: "the overdue and due-soon colors are already on the sheet; not added again" },
  summaryToCheck: {
    zh: "完成情况各栏说法不一致的行标淡紫色（待核实），不标逾期；经办人改正后自动消失",
    en: "rows whose status columns disagree in lavender (to check), never as late; the color goes once a clerk corrects them",
  },
  summaryRangesGrown: { zh: "随新增的列一并扩大：{list}", en: "grown over the new columns: {list}" },
  grownTable: { zh: "工作表“{sheet}”的表格“{name}”（{ref}）", en: "table “{name}” on sheet “{sheet}” ({ref})" },
  grownFilter: { zh: "工作表“{sheet}”的筛选范围（{ref}）", en: "the filter of sheet “{sheet}” ({ref})" },
  grownPrintArea: { zh: "工作表“{sheet}”的打印区域（{ref}）", en: "the print area of sheet “{sheet}” ({ref})" },
  summaryColumnsWidened: { zh: "日期列已加宽，以免日期显示为“####”：{list}", en: "date columns widened so their dates show rather than “####”: {list}" },
  summaryWidenedColumn: { zh: "“{sheet}”{column}列", en: "{column} on “{sheet}”" },
  summaryDropdownAdded: { zh: "完成情况列已加下拉选项", en: "status columns have a dropdown of the canonical words" },
  summaryDropdownPresent: { zh: "完成情况列已有下拉选项，未重复添加", en: "the status column already has its dropdown; not added again" },
  summaryLogged: { zh: "每处改动的原值与新值见工作表“{sheet}”", en: "every change, old and new value, is listed on the sheet “{sheet}”" },
  summaryNothingLogged: {
    zh: "没有需要改动的地方：副本与原文件完全相同，“{sheet}”未新增记录",
    en: "nothing needed changing: the copy is the input, byte for byte, and nothing was added to “{sheet}”",
  },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;

export type NormalizeSentence = keyof typeof NORMALIZE_SENTENCES;

/** A sentence of normalize in the user's language, its slots filled (a missing or extra one does not compile). */
export function normalizeSays<K extends NormalizeSentence>(
  key: K,
  lang: Lang,
  ...params: keyof SlotParams<(typeof NORMALIZE_SENTENCES)[K]["zh"]> extends never ? [] : [SlotParams<(typeof NORMALIZE_SENTENCES)[K]["zh"]>]
): string {
  const template: string = NORMALIZE_SENTENCES[key][lang];
  // A sentence without slots is its template: some are said once a row of a 100k-row ledger.
  return params[0] === undefined ? template : formatMessage(template, params[0]);
}
