/**
 * When a ledger's work began, for 序时进度: an item's own start-date column (交办时间, 下发日期…),
 * else the document date in the title rows (印发, 部署, or a date standing alone, as under a
 * 通知), else 1 January of the base year. A 填报日期 / 截至 date in the title is when the sheet
 * was reported, not when the work began, and is not a start.
 */
import { formatDay, isValidDay, type Day } from "./day.js";
import { createDeadlineParser } from "./deadline.js";
import type { Item } from "./item.js";
import type { ReadLedger } from "./ledger.js";
import { cellAt } from "./sheet/sheet-model.js";
import { cellText, compact, fold } from "./text.js";
import { titleTexts } from "./base.js";

const START_HEADERS = ["交办时间", "交办日期", "下发时间", "下发日期", "开始时间", "开始日期", "起始时间", "启动时间", "发现时间", "立项时间", "立项日期", "部署时间"];
const REPORT_DATE = /(?:填报|填表|报送|统计|截至|截止|更新)/u;
const DATE = /(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?/u;
/** A title line that is a date and little else ("2019年4月15日"), or a date the work was set out on. */
const DOCUMENT_DATE = /^(?:(?:印发|制定|部署|下发|交办|启动)(?:日期|时间)?[:：]?)?\s*\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?$/u;

/** The start-date column of a sheet, found by its header word; 0 when there is none. */
export function startColumn(ledger: ReadLedger): number {
  for (let row = ledger.header.firstRow; row <= ledger.header.lastRow; row++) {
    const cells = ledger.sheet.rows[row - 1] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const text = cellText(cells[c] ?? null);
      if (text !== null && START_HEADERS.includes(compact(text))) return c + 1;
    }
  }
  return 0;
}

/** A document date in the title rows, never a reporting date. */
export function documentDateFromTitle(titles: readonly string[]): Day | null {
  for (const t of titles) {
    const text = fold(t).trim();
    if (REPORT_DATE.test(text) || !DOCUMENT_DATE.test(text)) continue;
    const m = DATE.exec(text)!;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isValidDay(y, mo, d)) return formatDay(y, mo, d);
  }
  return null;
}

/** Each item's start: its start-date cell, else the ledger's document date, else 1 January of the base year. */
export function itemStarts(ledger: ReadLedger): (item: Item) => Day {
  const fallback = documentDateFromTitle(titleTexts(ledger.sheet, ledger.header.firstRow)) ?? formatDay(ledger.baseYear, 1, 1);
  const col = startColumn(ledger);
  if (col === 0) return () => fallback;
  const parse = createDeadlineParser({ baseYear: ledger.baseYear, baseDate: ledger.baseDate });
  return (item) => {
    const parsed = parse(cellAt(ledger.sheet, item.row, col));
    return parsed.kind === "date" && parsed.date !== null ? parsed.date : fallback;
  };
}

/** Starts of items gathered from several ledgers (a consolidation), found by file, sheet and row. */
export function sourcedStarts(submissions: ReadonlyArray<{ readonly file: string; readonly ledgers: readonly ReadLedger[] }>): (item: Item & { readonly file?: string; readonly sheet?: string }) => Day {
  const byLedger = new Map<string, (item: Item) => Day>();
  for (const s of submissions) for (const l of s.ledgers) byLedger.set(`${s.file}\u0000${l.sheet.name}`, itemStarts(l));
  const first = byLedger.values().next().value;
  return (item) => {
    const of = byLedger.get(`${item.file ?? ""}\u0000${item.sheet ?? ""}`) ?? first;
    if (!of) throw new RangeError("no ledger to date the item from");
    return of(item);
  };
}

/** Starts of the items of several ledgers of one workbook, each from its own ledger. */
export function ledgersStarts(ledgers: readonly ReadLedger[]): (item: Item) => Day {
  const byItem = new Map<Item, Day>();
  for (const ledger of ledgers) {
    const startOf = itemStarts(ledger);
    for (const item of ledger.items) byItem.set(item, startOf(item));
  }
  return (item) => {
    const day = byItem.get(item);
    if (day === undefined) throw new RangeError("an item of no ledger given");
    return day;
  };
}
