/**
 * A 督办通知单 as a Word document (.docx, the `docx` package): the title, the number, the unit,
 * the opening, a table of its items, the 督办要求, the reply day and the issuing office. Fonts
 * are those of Chinese official documents (方正小标宋 title, 黑体 headings, 仿宋 body), which
 * Word and WPS fall back from where not installed. No Node API: the pane uses it too.
 */
import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type IParagraphOptions } from "docx";
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

/** A font for Latin and Chinese text alike. */
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });

function run(text: string, name: string, size: number, bold = false): TextRun {
  return new TextRun({ text, bold, size, font: font(name) });
}

function para(text: string, options: IParagraphOptions & { font?: string; size?: number; bold?: boolean } = {}): Paragraph {
  const { font = BODY_FONT, size = SIZE.body, bold = false, ...rest } = options;
  return new Paragraph({ spacing: { line: 560 }, ...rest, children: [run(text, font, size, bold)] });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
/** The page's text width in twips: A4 (11906) less the two side margins. */
const TEXT_WIDTH = 11906 - 2 * 1247;
/** Paragraph styles of the items table, so each of its cells is a bare run (see itemsTable). */
const TABLE_TEXT = "TaizhangTableText";
const TABLE_HEADING = "TaizhangTableHeading";

/** Column widths in percent: the task and the measures take most of the page. */
const WIDTHS = [6, 25, 23, 9, 9, 10, 9, 9] as const;

function cell(text: string, style: string): TableCell {
  return new TableCell({ children: [new Paragraph({ style, children: [new TextRun(text)] })] });
}

/**
 * The items, one row each. Borders, margins, widths and fonts are the table's and its paragraph
 * styles', not each cell's: a unit of a consolidated ledger may have thousands of items, and the
 * docx package's cost and memory grow with every option a cell carries (a 100,000-row ledger's
 * notices took minutes and gigabytes with them set per cell).
 */
function itemsTable(notice: Notice, lang: Lang): Table {
  const t = CYCLE_WORDS[lang].notice.table;
  const headings = [t.seq, t.task, t.measure, t.leader, t.owner, t.deadline, t.days, t.status];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: WIDTHS.map((w) => Math.round((TEXT_WIDTH * w) / 100)),
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      new TableRow({ tableHeader: true, children: headings.map((h) => cell(h, TABLE_HEADING)) }),
      ...notice.items.map(
        (item, n) =>
          new TableRow({
            cantSplit: true,
            children: [String(n + 1), item.task, item.measure ?? "", item.leader ?? "", item.owner ?? "", item.deadline, daysText(item, lang), item.status ?? ""].map((text) => cell(text, TABLE_TEXT)),
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
    styles: {
      default: { document: { run: { font: font(BODY_FONT) } } },
      paragraphStyles: [
        { id: TABLE_TEXT, name: w.tableStyles.text, run: { font: font(BODY_FONT), size: SIZE.table } },
        { id: TABLE_HEADING, name: w.tableStyles.heading, run: { font: font(HEADING_FONT), size: SIZE.table }, paragraph: { alignment: AlignmentType.CENTER } },
      ],
    },
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
