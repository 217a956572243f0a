/**
 * The worksheet patch reads the sheet it rewrites by XML's rules, as the reader does
 * (analytics/xlsx/xml-scanner.ts): a comment, a processing instruction or CDATA anywhere in
 * sheetData is what XML says it is, never a row, a cell or the end of one, and is kept as it
 * was; attributes may take either quote and hold character references. Each crafted sheet below
 * is the sample ledger with such markup put in the rows normalize edits (row 6: B6, whose style
 * the dissolved merge's filled cells copy; row 7: I7, a status word; row 8: B8, a filled cell,
 * and H8, a deadline); its normalized copy must hold every cell the plain copy holds, styled
 * alike, with the markup still there, and the part may arrive in pieces of any size.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../analytics/sheet/sheet-model.js";
import { planNormalization } from "../../analytics/normalize/plan.js";
import { parseSharedStrings } from "../../analytics/xlsx/shared-strings.js";
import { parseCellStyleKinds } from "../../analytics/xlsx/styles-part.js";
import { StylesPatch } from "../../xlsx-patch/styles.js";
import { WorksheetPatch } from "../../xlsx-patch/worksheet.js";
import { fixtureBytes } from "../fixtures/build.js";
import { rectification15 } from "../fixtures/ledgers.js";
import { applyPlanToXlsx } from "../../xlsx-patch/apply-plan-to-xlsx.js";
import { cellsOf, loadExcel, normalizeBytes, readModel, styleOf, TEST_BATCH, type Normalized } from "./normalized.js";
import { ledgerParts, ledgerRows, STYLES, zipBytes } from "./other-writers.js";

const SHEET = "整改任务清单";
const PART = "xl/worksheets/sheet1.xml";
const AS_OF = "2019-12-31";
const EDITED = ["B7", "B8", "H6", "H8", "I7"];

/** The text of row `r`'s element in the sheet. */
const rowOf = (xml: string, r: number): string => new RegExp(`<row r="${r}"\\s[^>]*>[\\s\\S]*?</row>`, "u").exec(xml)![0];

interface Markup {
  readonly name: string;
  /** The sheet's XML with the markup put in. */
  readonly craft: (xml: string) => string;
  /** What must be in the written sheet as it was put in. */
  readonly kept: readonly string[];
  /** Cells whose value the markup changes on purpose (what the reader reads there). */
  readonly cells?: ReadonlyArray<[string, CellValue]>;
}

/** A row 8 written before an earlier save, commented out; the ">" before it ends nothing in a comment. */
const COMMENTED_ROW = `<!-- row 8 before 2019-07-01 (a > b): <row r="8"><c r="H8" t="inlineStr"><is><t>9月底</t></is></c></row> -->`;
/** A cell commented out inside row 8, between G8 and H8. */
const COMMENTED_CELL = `<!-- a > b <c r="H8" t="inlineStr"><is><t>9月底</t></is></c> -->`;
const INSTRUCTION = `<?taizhang-note a > b </sheetData> <row r="9"><c r="B9"/></row> ?>`;
const CDATA_TEXT = "见附件</c></row><1>";

const MARKUPS: readonly Markup[] = [
  {
    name: "a comment holding a row, between two rows",
    craft: (xml) => xml.replace(rowOf(xml, 8), `${COMMENTED_ROW}${rowOf(xml, 8)}`),
    kept: [COMMENTED_ROW],
  },
  {
    name: "a comment holding a cell, inside a row",
    craft: (xml) => xml.replace(/<c r="H8" s=/u, `${COMMENTED_CELL}<c r="H8" s=`),
    kept: [COMMENTED_CELL],
  },
  {
    name: "a processing instruction naming sheetData's end and a row",
    craft: (xml) => xml.replace(rowOf(xml, 8), `${rowOf(xml, 8)}${INSTRUCTION}`),
    kept: [INSTRUCTION],
  },
  {
    name: "CDATA in an inline string (holding </c> and </row>) and in edited cells",
    craft: (xml) => {
      const row8 = rowOf(xml, 8);
      const crafted = row8
        .replace(/<c r="D8"([^>]*?) t="s"><v>\d+<\/v><\/c>/u, `<c r="D8"$1 t="inlineStr"><is><t><![CDATA[${CDATA_TEXT}]]></t></is></c>`)
        .replace(/<c r="H8"([^>]*)><v>(\d+)<\/v><\/c>/u, `<c r="H8"$1><v><![CDATA[$2]]></v></c>`);
      return xml.replace(row8, crafted).replace(/<c r="I7"([^>]*?) t="s"><v>\d+<\/v><\/c>/u, `<c r="I7"$1 t="inlineStr"><is><t><![CDATA[正在推进]]></t></is></c>`);
    },
    kept: [`<![CDATA[${CDATA_TEXT}]]>`],
    cells: [["D8", CDATA_TEXT]],
  },
  {
    name: "single-quoted attributes",
    craft: (xml) => {
      const row9 = rowOf(xml, 9);
      return xml.replace(row9, row9.replace(/ (r|s|t|spans)="([^"]*)"/gu, " $1='$2'"));
    },
    kept: [`<row r='9' spans='1:11'`, `<c r='A9' s='5'>`],
  },
  {
    name: "character references in attribute values (a reference, a style, a row number)",
    craft: (xml) => {
      const code = (text: string) => [...text].map((ch) => `&#${ch.codePointAt(0)};`).join("");
      // B6's style referenced: the filled cells B7…B11 copy it. A8 dropped, so B8's place follows no cell.
      return xml
        .replace(/<c r="B6" s="(\d+)"/u, (_m, s: string) => `<c r="&#x42;6" s="${code(s)}"`)
        .replace(/<row r="8" /u, `<row r="${code("8")}" `)
        .replace(/<c r="A8"[^>]*>[\s\S]*?<\/c>/u, "")
        .replace(/<c r="H8" s="(\d+)"/u, (_m, s: string) => `<c r="${code("H")}8" s="${code(s)}"`)
        .replace(/<c r="I8" s="(\d+)"/u, (_m, s: string) => `<c r="${code("I8")}" s="${code(s)}"`);
    },
    kept: [`<row r="&#56;"`, `<c r="&#73;&#56;" s="&#54;"`],
    cells: [["A8", null]],
  },
];

/** The sample ledger with its sheet's XML crafted. */
async function craftedBook(craft: (xml: string) => string): Promise<Uint8Array> {
  const files = unzipSync(await fixtureBytes(rectification15));
  for (const name of Object.keys(files)) if (name.endsWith("/")) delete files[name];
  const xml = strFromU8(files[PART]!);
  const crafted = craft(xml);
  expect(crafted).not.toBe(xml);
  files[PART] = strToU8(crafted);
  return zipSync(files as Zippable, { level: 6 });
}

let plain: Normalized;
beforeAll(async () => {
  plain = await normalizeBytes(await fixtureBytes(rectification15), AS_OF, { baseYear: 2019 });
});

describe("the worksheet patch reads the sheet by XML's rules", () => {
  for (const markup of MARKUPS) {
    it(`keeps ${markup.name}, loses no cell, and edits what the plain sheet gets edited`, async () => {
      const crafted = await normalizeBytes(await craftedBook(markup.craft), AS_OF, { baseYear: 2019 });
      const cells = crafted.rewrite.plan.edits.map((e) => e.cell);
      expect(cells).toEqual(plain.rewrite.plan.edits.map((e) => e.cell));
      expect(cells).toEqual(expect.arrayContaining(EDITED));

      const written = strFromU8(unzipSync(crafted.output)[PART]!);
      for (const kept of markup.kept) expect(written).toContain(kept);
      const expected = cellsOf(readModel(plain.output), SHEET);
      for (const [cell, value] of markup.cells ?? []) {
        if (value === null) expected.delete(cell);
        else expected.set(cell, value);
      }
      expect(cellsOf(readModel(crafted.output), SHEET)).toEqual(expected);

      // The edited cells keep their borders and fonts: the style each gets is the plain copy's.
      const [plainSheet, craftedSheet] = [(await loadExcel(plain.output)).getWorksheet(SHEET)!, (await loadExcel(crafted.output)).getWorksheet(SHEET)!];
      for (const cell of EDITED) expect(styleOf(craftedSheet, cell), cell).toBe(styleOf(plainSheet, cell));
    });
  }

  it("grows a single-quoted dimension and adds a new column's width once beside single-quoted columns", async () => {
    const head = (xml: string): string => xml.slice(0, xml.indexOf("<sheetData"));
    const quoted = await craftedBook((xml) => head(xml).replace(/="([^"]*)"/gu, "='$1'") + xml.slice(head(xml).length));
    const options = { baseYear: 2019, overdueColumn: true };
    const writtenHead = async (bytes: Uint8Array): Promise<string> => head(strFromU8(unzipSync((await normalizeBytes(bytes, AS_OF, options)).output)[PART]!));
    const plainHead = await writtenHead(await fixtureBytes(rectification15));
    const quotedHead = await writtenHead(quoted);
    const dimension = (xml: string): string => /<dimension ref=["']([^"']*)["']/u.exec(xml)![1]!;
    const widths = (xml: string): number[] => [...xml.matchAll(/<col min=["'](\d+)["']/gu)].map((m) => Number(m[1]));
    // The days-overdue column grows the plain sheet's dimension by a column.
    expect(dimension(plainHead)).not.toBe(dimension(head(strFromU8(unzipSync(await fixtureBytes(rectification15))[PART]!))));
    expect(dimension(quotedHead)).toBe(dimension(plainHead));
    expect(widths(quotedHead)).toEqual(widths(plainHead));
  });

  it("writes the same sheet whatever the size of the pieces the part arrives in", async () => {
    const bytes = await craftedBook((xml) => MARKUPS.reduce((crafted, m) => m.craft(crafted), xml));
    const files = unzipSync(bytes);
    const xml = strFromU8(files[PART]!);
    const { plan } = planNormalization(readModel(bytes), { asOf: AS_OF, baseYear: 2019 });
    const stylesXml = strFromU8(files["xl/styles.xml"]!);
    const patched = (pieceLength: number): string => {
      const out: string[] = [];
      const patch = new WorksheetPatch(
        {
          sheet: SHEET,
          plan,
          lang: "zh",
          edits: plan.edits,
          unmergeRefs: new Set(plan.unmerges.map((u) => u.ref)),
          newColumns: plan.newColumns,
          dateColumns: plan.dateColumns ?? [],
          mergeRefs: plan.merges.map((m) => m.ref),
          wraps: plan.wraps,
        },
        new StylesPatch(stylesXml),
        { sharedStrings: parseSharedStrings(strFromU8(files["xl/sharedStrings.xml"]!)), styleKinds: parseCellStyleKinds(stylesXml), date1904: false },
        (text) => out.push(text),
      );
      for (let at = 0; at < xml.length; at += pieceLength) patch.push(xml.slice(at, at + pieceLength));
      expect(patch.finish().changed).toBe(true);
      return out.join("");
    };
    const whole = patched(xml.length);
    for (const markup of MARKUPS) for (const kept of markup.kept) expect(whole).toContain(kept);
    for (const length of [1, 7, 64, 1000]) expect(patched(length), `pieces of ${length}`).toBe(whole);
  });
});

describe("the worksheet patch numbers rows as the reader does", () => {
  // A writer that leaves every <row> unnumbered but numbers its cells, skipping two empty rows after the header.
  const numberedRows = ledgerRows().replace(/r="([A-Z]*)(\d+)"/gu, (_m, col: string, row: string) => `r="${col}${Number(row) > 1 ? Number(row) + 2 : row}"`);
  const unnumberedRows = numberedRows.replace(/<row r="\d+">/gu, "<row>");
  /** Each <row> given the number of its first cell, as the reader reads an unnumbered one. */
  const numbered = (xml: string): string => xml.replace(/<row>(<c r="[A-Z]+(\d+)")/gu, '<row r="$2">$1');

  it("an unnumbered row is the row its first cell names: a plan read from the numbered sheet applies to it cell for cell", () => {
    const { plan } = planNormalization(readModel(zipBytes(ledgerParts({ rows: numberedRows }))), { asOf: AS_OF, overdueColumn: true });
    expect(plan.edits.map((e) => e.cell)).toContain("E4");
    const patched = (rows: string): string => {
      const bytes = zipBytes(ledgerParts({ rows }));
      return strFromU8(unzipSync(applyPlanToXlsx(bytes, plan, { lang: "zh", batch: TEST_BATCH }).bytes)["xl/worksheets/sheet1.xml"]!);
    };
    const fromUnnumbered = patched(unnumberedRows);
    expect(fromUnnumbered).toContain("<row><c r=\"A4\"");
    expect(numbered(fromUnnumbered)).toBe(patched(numberedRows));

    // An unnumbered row is held until its first cell arrives, however the part is cut.
    const sheetXml = ledgerParts({ rows: unnumberedRows })["xl/worksheets/sheet1.xml"]!;
    const inPieces = (length: number): string => {
      const out: string[] = [];
      const edits = plan.edits;
      const patch = new WorksheetPatch(
        { sheet: "整改台账", plan, lang: "zh", edits, unmergeRefs: new Set(), newColumns: plan.newColumns, dateColumns: plan.dateColumns ?? [], mergeRefs: [], wraps: [] },
        new StylesPatch(STYLES),
        { sharedStrings: [], styleKinds: parseCellStyleKinds(STYLES), date1904: false },
        (text) => out.push(text),
      );
      for (let at = 0; at < sheetXml.length; at += length) patch.push(sheetXml.slice(at, at + length));
      patch.finish();
      return out.join("");
    };
    for (const length of [1, 5, 64]) expect(inPieces(length), `pieces of ${length}`).toBe(inPieces(sheetXml.length));
    expect(numbered(inPieces(sheetXml.length))).toContain('<row r="4"><c r="A4"><v>1</v></c>');
  });

  it("a row with no r and no numbered cell is the row after the one before it", () => {
    const { plan } = planNormalization(readModel(zipBytes(ledgerParts())), { asOf: AS_OF });
    const bare = ledgerRows().replace(/<row r="\d+">/gu, "<row>").replace(/<c r="[A-Z]+\d+"/gu, "<c");
    const output = applyPlanToXlsx(zipBytes(ledgerParts({ rows: bare })), plan, { lang: "zh", batch: TEST_BATCH });
    const xml = strFromU8(unzipSync(output.bytes)["xl/worksheets/sheet1.xml"]!);
    // Row 2's deadline, 2019年1月底前, is now a date, written in its own row, not a new one.
    expect(xml).not.toMatch(/<row r=/u);
    expect(xml).toMatch(/<row><c><v>1<\/v><\/c>(?:<c t="str">[^]*?<\/c>){3}<c r="E2" s="\d+"><v>43496<\/v><\/c>/u);
  });
});
