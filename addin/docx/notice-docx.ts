/**
 * A 督办通知单 as a Word document (.docx, the `docx` package): the title, the number, the unit,
 * the opening, a table of its items, the 督办要求, the reply day and the issuing office. Fonts
 * are those of Chinese official documents (方正小标宋 title, 黑体 headings, 仿宋 body), which
 * Word and WPS fall back from where not installed. No Node API: the pane uses it too.
 */
import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IParagraphOptions } from "docx";
import { CYCLE_WORDS, formatMessage } from "../../analytics/findings/catalogue.js";
import type { Lang } from "../../analytics/lang.js";
import { daysText, reasonsPhrase, type Notice } from "../../analytics/notices/notice.js";
import { writtenDay } from "../../analytics/written-day.js";

const TITLE_FONT = "方正小标宋简体";
const HEADING_FONT = "黑体";
const BODY_FONT = "仿宋_GB2312";
/** Half-points: 二号 22pt, 三号 16pt, 小四 12pt, 五号 10.5pt. */
const SIZE = { title: 44, body: 32, table: 21 } as const;
/** Two characters of 三号 as a first-line indent, in twips. */
const INDENT = 640;

function run(text: string, font: string, size: number, bold = false): TextRun {
  return new TextRun({ text, bold, size, font: { ascii: font, eastAsia: font, hAnsi: font } });
}

function para(text: string, options: IParagraphOptions & { font?: string; size?: number; bold?: boolean } = {}): Paragraph {
  const { font = BODY_FONT, size = SIZE.body, bold = false, ...rest } = options;
  return new Paragraph({ spacing: { line: 560 }, ...rest, children: [run(text, font, size, bold)] });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

function cell(text: string, width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, header ? HEADING_FONT : BODY_FONT, SIZE.table)] })],
  });
}

/** Column widths in percent: the task and the measures take most of the page. */
const WIDTHS = [6, 25, 23, 9, 9, 10, 9, 9] as const;

function itemsTable(notice: Notice, lang: Lang): Table {
  const t = CYCLE_WORDS[lang].notice.table;
  const headings = [t.seq, t.task, t.measure, t.leader, t.owner, t.deadline, t.days, t.status];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headings.map((h, i) => cell(h, WIDTHS[i]!, true)) }),
      ...notice.items.map(
        (item, n) =>
          new TableRow({
            cantSplit: true,
            children: [String(n + 1), item.task, item.measure ?? "", item.leader ?? "", item.owner ?? "", item.deadline, daysText(item, lang), item.status ?? ""].map((text, i) => cell(text, WIDTHS[i]!)),
          }),
      ),
    ],
  });
}

export interface NoticeText {
  /** The 督办要求 paragraph; the catalogue's default unless the office gives its own. */
  readonly requirements?: string;
}

export function noticeDocument(notice: Notice, lang: Lang, text: NoticeText = {}): Document {
  const w = CYCLE_WORDS[lang].notice;
  const date = (day: string) => writtenDay(day, lang);
  return new Document({
    creator: notice.issuer,
    title: `${w.title} ${notice.number}`,
    styles: { default: { document: { run: { font: { ascii: BODY_FONT, eastAsia: BODY_FONT, hAnsi: BODY_FONT } } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.PORTRAIT, width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1247, right: 1247 } } },
        children: [
          para(w.title, { alignment: AlignmentType.CENTER, font: TITLE_FONT, size: SIZE.title, spacing: { after: 200 } }),
          para(notice.number, { alignment: AlignmentType.CENTER, spacing: { after: 200 } }),
          para(formatMessage(w.to, { unit: notice.unit })),
          para(formatMessage(w.opening, { asOf: date(notice.issued), reasons: reasonsPhrase(notice, lang) }), { indent: { firstLine: INDENT } }),
          itemsTable(notice, lang),
          para(w.requirementsTitle, { font: HEADING_FONT, indent: { firstLine: INDENT }, spacing: { before: 200 } }),
          para(text.requirements ?? w.requirements, { indent: { firstLine: INDENT } }),
          para(formatMessage(w.reply, { date: date(notice.replyBy), issuer: notice.issuer }), { indent: { firstLine: INDENT } }),
          para(formatMessage(w.issuer, { issuer: notice.issuer }), { alignment: AlignmentType.RIGHT, spacing: { before: 400 }, indent: { right: INDENT } }),
          para(formatMessage(w.issued, { date: date(notice.issued) }), { alignment: AlignmentType.RIGHT, indent: { right: INDENT } }),
        ],
      },
    ],
  });
}

export async function noticeDocx(notice: Notice, lang: Lang, text: NoticeText = {}): Promise<Uint8Array> {
  return Packer.pack(noticeDocument(notice, lang, text), "uint8array");
}

/** The file name of a notice: its number and unit, safe on every file system. */
export function noticeFileName(notice: Notice, lang: Lang): string {
  const safe = notice.unit.replace(/[\\/:*?"<>|\s]+/gu, "_");
  return formatMessage(CYCLE_WORDS[lang].notice.fileName, { n: String(notice.seq).padStart(3, "0"), unit: safe });
}
