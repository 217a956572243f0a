/**
 * The real corpus itself (test/fixtures/real/): as broad as issue 11 asks, its SOURCES.md in step
 * with the declarations, and every answer key consistent with its own sheet and with contract §5
 * arithmetic. It tests the corpus, not the checker (that is real-corpus.test.ts).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Cell, RowSpec } from "../fixtures/model.js";
import { colIndex } from "../fixtures/build.js";
import { REAL_CORPUS } from "../fixtures/real/corpus.js";
import { corpusBytes } from "../fixtures/real/corpus-workbook.js";
import type { Genre, RealSheet } from "../fixtures/real/corpus-model.js";
import { sourcesMarkdown } from "../fixtures/real/sources-markdown.js";

const GENRES: Genre[] = ["整改台账", "问题清单", "责任清单", "任务分解表", "重点工作进展表", "督办台账", "销号公示", "审计整改", "民生实事"];
const fold = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

function textOf(cell: Cell | undefined): string {
  if (cell === undefined || cell === null) return "";
  if (typeof cell !== "object") return String(cell);
  if ("date" in cell) return cell.date;
  if ("number" in cell) return String(cell.number);
  if ("formula" in cell) return typeof cell.result === "object" ? cell.result.error : String(cell.result);
  if ("error" in cell) return cell.error;
  if ("rich" in cell) return cell.rich.map((r) => r.text).join("");
  return cell.text;
}

/** What a cell shows: its own value, or the top-left value of the merged range covering it. */
function shown(sheet: RealSheet, col: string, r: number): string {
  const c = colIndex(col);
  for (const m of sheet.merges ?? []) {
    const [a, b] = m.split(":") as [string, string];
    const [ac, ar] = [colIndex(a.replace(/\d+/g, "")), Number(a.replace(/\D+/g, ""))];
    const [bc, br] = [colIndex(b.replace(/\d+/g, "")), Number(b.replace(/\D+/g, ""))];
    if (c >= ac && c <= bc && r >= ar && r <= br) return cellAt(sheet.rows, a.replace(/\d+/g, ""), ar);
  }
  return cellAt(sheet.rows, col, r);
}

const cellAt = (rows: readonly RowSpec[], col: string, r: number): string => textOf(rows.find((x) => x.r === r)?.cells[col]);

const ledgers = REAL_CORPUS.filter((l) => l.sheets.some((s) => s.key.isLedger));

describe("the real corpus's breadth", () => {
  it("holds at least 30 ledgers from at least 10 provinces", () => {
    expect(ledgers.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ledgers.map((l) => l.province).filter((p) => p !== "—")).size).toBeGreaterThanOrEqual(10);
  });

  it("covers every genre of issue 11", () => {
    expect(GENRES.filter((g) => !ledgers.some((l) => l.genre === g))).toEqual([]);
  });

  it("has unique ids, each with a source", () => {
    expect(new Set(REAL_CORPUS.map((l) => l.id)).size).toBe(REAL_CORPUS.length);
    for (const l of REAL_CORPUS) expect(l.sources.length, l.id).toBeGreaterThan(0);
  });

  it("builds every workbook byte for byte the same on each run", async () => {
    for (const l of REAL_CORPUS) expect(Buffer.from(await corpusBytes(l)).equals(Buffer.from(await corpusBytes(l))), l.id).toBe(true);
  });

  it("lists every workbook in SOURCES.md as the declarations say (npm run fixtures:real rewrites it)", async () => {
    const file = await readFile(join(import.meta.dirname, "..", "fixtures", "real", "SOURCES.md"), "utf8");
    expect(file).toBe(sourcesMarkdown(REAL_CORPUS));
  });
});

describe.each(REAL_CORPUS.flatMap((l) => l.sheets.filter((s) => s.key.isLedger).map((s) => [`${l.id} [${s.name}]`, l.asOf, s] as const)))(
  "the key of %s",
  (_name, asOf, sheet) => {
    const { key } = sheet;

    it("names header cells that exist, for every role", () => {
      expect(key.header).toBeDefined();
      for (const [role, col] of Object.entries(key.columns ?? {})) {
        const words = [];
        for (let r = key.header!.first; r <= key.header!.last; r++) words.push(shown(sheet, col, r));
        expect(words.join(""), `${role} → ${col}`).not.toBe("");
      }
    });

    it("gives each item the task its row shows, below the header", () => {
      const taskCol = key.columns?.task;
      expect(taskCol).toBeDefined();
      for (const item of key.items ?? []) {
        expect(item.row, `row ${item.row}`).toBeGreaterThan(key.header!.last);
        expect(fold(shown(sheet, taskCol!, item.row)).startsWith(fold(item.task)), `row ${item.row} task`).toBe(true);
        if (item.unit !== null && key.columns?.unit) {
          expect(fold(shown(sheet, key.columns.unit, item.row)), `row ${item.row} unit`).toBe(fold(item.unit));
        }
      }
    });

    it("marks overdue exactly where §5 does: a date before the as-of day, not done or closed", () => {
      for (const item of key.items ?? []) {
        const completed = item.status.value === "done" || item.status.value === "closed";
        const due = item.deadline.date !== null && item.deadline.kind !== "recurring" && item.deadline.date < asOf;
        expect(item.overdue, `row ${item.row}`).toBe(due && !completed);
      }
    });

    it("gives a date exactly to the kinds that carry one", () => {
      for (const item of key.items ?? []) {
        if (item.deadline.kind === "date") expect(item.deadline.date, `row ${item.row}`).not.toBeNull();
        if (["none", "ongoing", "unparsed"].includes(item.deadline.kind)) expect(item.deadline.date, `row ${item.row}`).toBeNull();
      }
    });
  },
);
