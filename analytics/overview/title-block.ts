/**
 * What a ledger says about itself above its header: its title ("…巡察反馈问题整改任务清单"), the
 * unit that filled it in (填报单位) and when (填报日期). Leaders know a submission by these, not by
 * its file name.
 */
import { titleTexts } from "../base.js";
import type { Header } from "../header.js";
import type { Sheet } from "../sheet/sheet-model.js";

export interface TitleBlock {
  readonly title: string | null;
  readonly submitter: string | null;
  /** As written: "2019年10月8日", "2019年12月". */
  readonly filledOn: string | null;
}

export const NO_TITLE_BLOCK: TitleBlock = { title: null, submitter: null, filledOn: null };

/** "附件1", "附件 2": the attachment number printed above a title. */
const ATTACHMENT = /^附件\s*[0-9一二三四五六七八九十]*[:：]?$/u;
/** A labelled line ("填报单位：…", "制表人：…") is not the title. */
const LABELLED = /^[^:：]{1,8}[:：]/u;
const SUBMITTER = /(?:填报|报送|填表|责任)单位\s*[:：]\s*(.+?)(?=\s{2,}|(?:填报|填表|报送|统计)?(?:日期|时间)|\s*\d{4}\s*年|$)/u;
const FILLED_ON = /(?:填报|填表|报送|统计)(?:日期|时间)\s*[:：]\s*(\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[./-]\d{1,2}(?:[./-]\d{1,2})?)/u;
/** A date alone at the end of the submitter's line ("填报单位：杉山镇中心卫生院　　2019年12月"). */
const TRAILING_DATE = /(\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)\s*$/u;

function tidy(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

export function readTitleBlock(texts: readonly string[]): TitleBlock {
  let title: string | null = null;
  let submitter: string | null = null;
  let filledOn: string | null = null;
  for (const raw of texts) {
    const text = tidy(raw);
    if (text === "" || ATTACHMENT.test(text)) continue;
    const unit = SUBMITTER.exec(text);
    if (unit && submitter === null) submitter = tidy(unit[1]!) || null;
    const day = FILLED_ON.exec(text) ?? (unit ? TRAILING_DATE.exec(text) : null);
    if (day && filledOn === null) filledOn = day[1]!.replace(/\s+/gu, "");
    if (title === null && !unit && !day && !LABELLED.test(text) && text.length >= 4) title = text;
  }
  return { title, submitter, filledOn };
}

/** The title block of a ledger sheet: the rows above its header. */
export function titleBlockOf(sheet: Sheet, header: Pick<Header, "firstRow">): TitleBlock {
  return readTitleBlock(titleTexts(sheet, header.firstRow));
}
