/**
 * normalize loses nothing of what Excel, WPS and LibreOffice write around a ledger
 * (producer-features.ts), run as `--overdue-column --ids` and plain: the input is not touched;
 * every part it does not list as rewritten is stored as it was, byte for byte; every part it
 * writes is well-formed XML (xmllint), each sheet in CT_Worksheet's order; Python's zipfile
 * finds every entry sound; a second run changes nothing; LibreOffice opens the copy and shows
 * the ledger's cells as the reader reads them. Where a feature must change with the columns
 * normalize appends (a table, a filter, a print area), it is changed, not dropped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { a1 } from "../../analytics/sheet/address.js";
import { cellAt } from "../../analytics/sheet/sheet-model.js";
import { normalizePartName, XlsxPackage } from "../../analytics/xlsx/package.js";
import { inWorksheetOrder, topElements } from "../../xlsx-patch/worksheet-order.js";
import { storedEntries } from "../../xlsx-patch/zip-out.js";
import { convertToCsv, sofficePath } from "./libreoffice.js";
import { normalizeBytes, readModel, type Normalized, type Options } from "./normalized.js";
import { ledgerParts, STYLES, zipBytes } from "./other-writers.js";
import { HEADER, LAST_ROW, PRODUCER_FEATURES, producerWorkbook } from "./producer-features.js";

const AS_OF = "2019-12-31";
const SHEET = "整改台账";
const soffice = sofficePath();
const RUNS: Record<string, Options> = { "--overdue-column --ids": { overdueColumn: true, ids: true }, plain: {} };
const FEATURES = Object.keys(PRODUCER_FEATURES);

const inputs = new Map<string, Uint8Array>();
const results = new Map<string, Normalized>();
let dir = "";
/** Columns holding formulas in a feature's ledger (feature and column). */
const FORMULA_CELLS = new Set(["shared and array formulas in and beside the cells normalize rewrites 6", "external links and names over the ledger's columns 8"]);
const chineseDay = (day: string): string => {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};
const key = (feature: string, run: string): string => `${feature} (${run})`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "taizhang-producers-"));
  for (const feature of FEATURES) {
    inputs.set(feature, producerWorkbook(feature));
    for (const [run, options] of Object.entries(RUNS)) results.set(key(feature, run), await normalizeBytes(producerWorkbook(feature), AS_OF, options));
  }
}, 120_000);

function unpacked(bytes: Uint8Array): Map<string, string> {
  const pkg = XlsxPackage.open(bytes);
  return new Map([...pkg.entries.keys()].map((name) => [name, pkg.textOf(name)!]));
}

function worksheetChildren(xml: string): string[] {
  const open = /<(\w+:)?worksheet[\s>][^>]*>/u.exec(xml)!;
  return topElements(xml.slice(open.index + open[0].length, xml.lastIndexOf("</"))).map((e) => e.name);
}

describe.each(FEATURES.flatMap((f) => Object.keys(RUNS).map((run) => [f, run] as const)))("normalize of %s, %s", (feature, run) => {
  const result = (): Normalized => results.get(key(feature, run))!;

  it("leaves the input as it was and writes the ledger's dates", () => {
    expect(result().input).toEqual(inputs.get(feature));
    const sheet = readModel(result().output).sheets.find((s) => s.name === SHEET)!;
    expect(cellAt(sheet, 13, 5)).toEqual({ day: "2019-12-31" });
  });

  it("stores every part it does not rewrite as it was, byte for byte", () => {
    const { input, output, rewrite } = result();
    const rewritten = new Set(rewrite.applied!.rewritten.map(normalizePartName));
    const after = new Map(storedEntries(output).map((e) => [normalizePartName(e.name), e]));
    for (const entry of storedEntries(input)) {
      if (!rewritten.has(normalizePartName(entry.name))) expect(after.get(normalizePartName(entry.name))?.local, entry.name).toEqual(entry.local);
    }
  });

  it("writes well-formed XML, each sheet in CT_Worksheet's order, in a zip Python finds sound", async () => {
    const { output, rewrite } = result();
    const after = unpacked(output);
    const stem = join(dir, `${FEATURES.indexOf(feature)}-${run.length}`);
    for (const part of rewrite.applied!.rewritten) {
      const xml = after.get(normalizePartName(part))!;
      const file = `${stem}-${part.replace(/[^\w.]/gu, "_")}`;
      await writeFile(file, xml);
      const lint = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
      expect(`${lint.status} ${lint.stderr}`, part).toBe("0 ");
      if (/<(\w+:)?worksheet[\s>]/u.test(xml)) expect(inWorksheetOrder(worksheetChildren(xml)), part).toBe(true);
    }
    await writeFile(`${stem}.xlsx`, output);
    const bad = execFileSync("python3", ["-c", "import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).testzip())", `${stem}.xlsx`], { encoding: "utf8" });
    expect(bad.trim()).toBe("None");
  });

  it("changes nothing when it normalizes its own copy", async () => {
    const twice = await normalizeBytes(result().output, AS_OF, RUNS[run]);
    expect(twice.rewrite.applied?.rewritten).toEqual([]);
    expect(twice.output).toEqual(result().output);
  });
});

const full = (feature: string): Normalized => results.get(key(feature, "--overdue-column --ids"))!;
const partOf = (n: Normalized, part: string): string => XlsxPackage.open(n.output).textOf(part)!;

describe("ranges over the ledger grow with the columns normalize appends", () => {
  it("grows an Excel table over 逾期天数 and 编号, each new column named as its header cell", () => {
    const n = full("an Excel table over the ledger");
    const table = partOf(n, "xl/tables/table1.xml");
    expect(table).toContain(`ref="A1:H${LAST_ROW}"><autoFilter ref="A1:H${LAST_ROW}"/><tableColumns count="8">`);
    const names = [...table.matchAll(/<tableColumn id="(\d+)" name="([^"]*)"\/>/gu)].map((m) => m[2]);
    const sheet = readModel(n.output).sheets.find((s) => s.name === SHEET)!;
    // Excel repairs a table whose column names differ from its header cells: they must match, one by one.
    expect(names).toEqual(Array.from({ length: 8 }, (_, c) => cellAt(sheet, 1, c + 1)));
    expect(names.slice(6)).toEqual(["逾期天数", "编号"]);
    expect(n.rewrite.applied!.grownRanges).toEqual([{ sheet: SHEET, kind: "table", name: "整改台账表", ref: `A1:H${LAST_ROW}` }]);
  });

  it("leaves the table as it was when normalize appends nothing", () => {
    const n = results.get(key("an Excel table over the ledger", "plain"))!;
    expect(n.rewrite.applied!.rewritten).not.toContain("xl/tables/table1.xml");
  });

  it("grows the sheet's filter, its sort state and its hidden name together, filters kept", () => {
    const n = full("a sheet filter with its hidden name and a sort state");
    const sheet = partOf(n, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain(`<autoFilter ref="A1:H${LAST_ROW}"><filterColumn colId="3"><filters><filter val="区财政局"/><filter val="区教育局"/></filters></filterColumn><sortState ref="A2:H${LAST_ROW}"><sortCondition ref="D2:D${LAST_ROW}"/></sortState></autoFilter>`);
    expect(partOf(n, "xl/workbook.xml")).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">整改台账!$A$1:$H$${LAST_ROW}</definedName>`);
    expect(n.rewrite.applied!.grownRanges).toEqual([{ sheet: SHEET, kind: "filter", ref: `A1:H${LAST_ROW}` }]);
  });

  it("grows the print area over the new columns and keeps the print titles", () => {
    expect(full("print titles and print area").rewrite.applied!.grownRanges).toEqual([{ sheet: SHEET, kind: "print-area", ref: `A1:H${LAST_ROW}` }]);
    const workbook = partOf(full("print titles and print area"), "xl/workbook.xml");
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">整改台账!$A$1:$H$${LAST_ROW}</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">整改台账!$1:$1</definedName>`);
  });

  it("leaves names that are not the filter's or the print area's as they were", () => {
    const workbook = partOf(full("external links and names over the ledger's columns"), "xl/workbook.xml");
    expect(workbook).toContain(`<definedName name="完成时限">整改台账!$E$2:$E$${LAST_ROW}</definedName><definedName name="完成情况" localSheetId="0">整改台账!$F:$F</definedName><definedName name="上月完成率">[1]汇总!$A$1</definedName>`);
  });
});

describe("what normalize keeps on and around the cells it rewrites", () => {
  it("gives its flags priorities after every rule of the sheet, the Excel 2010 ones in extLst too", () => {
    const sheet = partOf(full("data bars and icon sets stored as Excel 2010 extensions"), "xl/worksheets/sheet1.xml");
    const priorities = [...sheet.matchAll(/<(?:x14:)?cfRule [^>]*?priority="(\d+)"/gu)].map((m) => Number(m[1]));
    expect(priorities.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(sheet).toMatch(/<cfRule type="expression" dxfId="\d+" priority="4">/u);
  });

  it("keeps comments, threaded comments, persons and the VML shapes untouched on rewritten cells", () => {
    const n = full("threaded and legacy comments on the cells normalize rewrites");
    const rewritten = n.rewrite.applied!.rewritten;
    for (const part of ["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/threadedComments/threadedComment1.xml", "xl/persons/person.xml"]) expect(rewritten).not.toContain(part);
    expect(n.rewrite.plan.edits.map((e) => e.cell)).toEqual(expect.arrayContaining(["E3", "F3"]));
    expect(partOf(n, "xl/worksheets/sheet1.xml")).toContain(`<legacyDrawing r:id="rId2"/>`);
  });

  it("keeps the hyperlinks of rewritten cells, and logs the rich text it replaces as its plain text", () => {
    const n = full("hyperlinks and rich text on the cells normalize rewrites");
    expect(partOf(n, "xl/worksheets/sheet1.xml")).toContain(`<hyperlinks><hyperlink ref="E4" r:id="rId1" tooltip="整改方案"/><hyperlink ref="F5" location="'整改台账'!A1" display="回到表头"/></hyperlinks>`);
    const e2 = n.rewrite.plan.edits.find((e) => e.cell === "E2")!;
    expect(e2.before).toBe("2019年1月底前");
    expect(e2.after).toEqual({ day: "2019-01-31" });
    // The shared strings stay as they were: other cells may use the same entry.
    expect(n.rewrite.applied!.rewritten).not.toContain("xl/sharedStrings.xml");
  });

  it("keeps shared formulas whose cached text is a status, master and followers alike", () => {
    const n = full("shared and array formulas in and beside the cells normalize rewrites");
    const sheet = partOf(n, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain(`<c r="F2" t="str"><f t="shared" ref="F2:F7" si="0">IF(A2&lt;&gt;"",I2,"")</f>`);
    for (let row = 3; row <= 7; row++) expect(sheet).toContain(`<c r="F${row}" t="str"><f t="shared" si="0"/>`);
    expect(n.rewrite.plan.edits.filter((e) => e.col === 6 && e.row <= 7)).toEqual([]);
  });

  it("keeps every cell of an array formula, the ones holding only its cached result too", () => {
    const n = full("shared and array formulas in and beside the cells normalize rewrites");
    const sheet = partOf(n, "xl/worksheets/sheet1.xml");
    // Writing a word into F9 would change part of an array, which Excel repairs away.
    expect(sheet).toContain(`<c r="F8" t="str"><f t="array" ref="F8:F9">I8:I9</f><v>正在推进</v></c>`);
    expect(sheet).toContain(`<c r="F9" t="str"><v>正在推进</v></c>`);
    expect(n.rewrite.plan.kept.filter((k) => k.cell === "F9")).toHaveLength(1);
  });

  it("keeps the styles part's extensions and every existing number format, and writes dates over a text format", () => {
    const n = full("custom number formats and a styles part with extLst and counts absent or wrong");
    const styles = partOf(n, "xl/styles.xml");
    expect(styles).toContain(`<numFmt numFmtId="176" formatCode="&quot;截至&quot;@"/><numFmt numFmtId="177" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/>`);
    expect(styles).toContain(`<x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/>`);
    expect(styles).toMatch(/<\/dxfs><tableStyles [^>]*\/><extLst>/u);
    // Counts are what the sections hold, whatever the file said (cellXfs said 1 of 3, dxfs 3 of none).
    const count = (section: string, element: string): void => {
      const block = new RegExp(`<${section} count="(\\d+)">([\\s\\S]*?)</${section}>`, "u").exec(styles)!;
      expect(Number(block[1]), section).toBe(block[2]!.match(new RegExp(`<${element}[ >/]`, "gu"))!.length);
    };
    count("cellXfs", "xf");
    count("dxfs", "dxf");
    count("numFmts", "numFmt");
    const sheet = readModel(n.output).sheets.find((s) => s.name === SHEET)!;
    expect(cellAt(sheet, 3, 5)).toEqual({ day: "2019-02-28" });
  });

  it("keeps WPS's parts and its namespace on the sheet", () => {
    const n = full("WPS's parts and attributes");
    for (const part of ["docProps/custom.xml", "xl/cellimages.xml", "customXml/item1.xml", "customXml/itemProps1.xml"]) expect(n.rewrite.applied!.rewritten).not.toContain(part);
    expect(partOf(n, "xl/worksheets/sheet1.xml")).toMatch(/^<\?xml[^>]*>\n<worksheet [^>]*xmlns:etc="http:\/\/www\.wps\.cn\/officeDocument\/2017\/etCustomData">/u);
  });

  it("raises the fixed-height rows that filled-down, wrapped text would be clipped in", () => {
    const n = full("fixed-height rows under a unit merged down");
    const sheet = partOf(n, "xl/worksheets/sheet1.xml");
    // 区财政局牵头，区教育局、区卫健委配合 in a column 8.43 wide: five lines of 15 points in each row it fills.
    for (let row = 2; row <= 5; row++) expect(sheet).toContain(`<row r="${row}" ht="75" customHeight="1">`);
    expect(sheet).toContain(`<row r="6">`);
  });

  it("raises them too when the merged cell already wrapped its text", async () => {
    // The same ledger with the merged 责任单位 cell styled to wrap (style 1 of a styles part that has it).
    const parts = ledgerParts();
    PRODUCER_FEATURES["fixed-height rows under a unit merged down"]!(parts);
    parts["xl/styles.xml"] = STYLES.replace(`<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>`, `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf></cellXfs>`);
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"]!.replace(`<c r="D2" t="inlineStr">`, `<c r="D2" s="1" t="inlineStr">`);
    const n = await normalizeBytes(zipBytes(parts), AS_OF, {});
    const sheet = partOf(n, "xl/worksheets/sheet1.xml");
    for (let row = 2; row <= 5; row++) expect(sheet).toContain(`<row r="${row}" ht="75" customHeight="1">`);
  });

  it("normalizes both ledgers of a workbook and leaves its very hidden sheet alone", () => {
    const n = full("a very hidden sheet and two ledgers");
    expect(n.rewrite.plan.sheets).toEqual(["整改台账", "二季度台账"]);
    expect(n.rewrite.applied!.rewritten).not.toContain("xl/worksheets/sheet3.xml");
    expect(partOf(n, "xl/workbook.xml")).toContain(`<sheet name="参数" sheetId="3" state="veryHidden" r:id="rId13"/>`);
  });
});

describe.skipIf(soffice === null)("the table, filter and print area as LibreOffice writes them", () => {
  it("grow as Excel's do, and the rest of the package stays as LibreOffice stored it", async () => {
    const features = ["an Excel table over the ledger", "a sheet filter with its hidden name and a sort state", "print titles and print area"];
    const files = features.map((_, i) => join(dir, `calc-in-${i}.xlsx`));
    for (const [i, feature] of features.entries()) await writeFile(files[i]!, inputs.get(feature)!);
    const out = join(dir, "calc-written");
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, "calc-profile")}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, ...files], { stdio: "pipe", timeout: 120_000 });
    const [table, filter, print] = await Promise.all(features.map(async (_, i) => normalizeBytes(new Uint8Array(await readFile(join(out, `calc-in-${i}.xlsx`))), AS_OF, RUNS["--overdue-column --ids"])));
    expect(partOf(table!, "xl/tables/table1.xml")).toMatch(new RegExp(`ref="A1:H${LAST_ROW}"[^>]*><autoFilter ref="A1:H${LAST_ROW}">[\\s\\S]*<tableColumns count="8">[\\s\\S]*<tableColumn id="7" name="逾期天数"/><tableColumn id="8" name="编号"/></tableColumns>`, "u"));
    expect(partOf(filter!, "xl/workbook.xml")).toMatch(new RegExp(`name="_xlnm\\._FilterDatabase"[^>]*>整改台账!\\$A\\$1:\\$H\\$${LAST_ROW}<`, "u"));
    expect(partOf(filter!, "xl/worksheets/sheet1.xml")).toContain(`<autoFilter ref="A1:H${LAST_ROW}">`);
    expect(partOf(print!, "xl/workbook.xml")).toMatch(new RegExp(`name="_xlnm\\.Print_Area"[^>]*>整改台账!\\$A\\$1:\\$H\\$${LAST_ROW}<`, "u"));
    for (const n of [table!, filter!, print!]) {
      const rewritten = new Set(n.rewrite.applied!.rewritten.map(normalizePartName));
      const after = new Map(storedEntries(n.output).map((e) => [normalizePartName(e.name), e]));
      for (const entry of storedEntries(n.input)) if (!rewritten.has(normalizePartName(entry.name))) expect(after.get(normalizePartName(entry.name))?.local, entry.name).toEqual(entry.local);
      expect((await normalizeBytes(n.output, AS_OF, RUNS["--overdue-column --ids"])).rewrite.applied?.rewritten).toEqual([]);
    }
  }, 180_000);
});

describe.skipIf(soffice === null)("LibreOffice", () => {
  it("opens every copy and shows the ledger's cells as the reader reads them", async () => {
    const files = FEATURES.map((_, i) => join(dir, `lo-${i}.xlsx`));
    for (const [i, feature] of FEATURES.entries()) await writeFile(files[i]!, full(feature).output);
    const converted = await convertToCsv(soffice!, files, join(dir, "calc"));
    for (const [i, feature] of FEATURES.entries()) {
      const rows = converted.get(`lo-${i}`)!.get(SHEET);
      expect(rows, feature).toBeDefined();
      const sheet = readModel(full(feature).output).sheets.find((s) => s.name === SHEET)!;
      expect(rows![0]!.slice(0, HEADER.length), feature).toEqual([...HEADER]);
      expect(rows![0], feature).toEqual(expect.arrayContaining(["逾期天数", "编号"]));
      for (let row = 1; row <= LAST_ROW; row++) {
        for (let col = 1; col <= (sheet.rows[row - 1]?.length ?? 0); col++) {
          const value = cellAt(sheet, row, col);
          // Formulas are recalculated on load: 逾期天数 counts to today, the status formula reads its source.
          if (value === null || cellAt(sheet, 1, col) === "逾期天数" || FORMULA_CELLS.has(`${feature} ${col}`)) continue;
          const expected = typeof value === "object" && "day" in value ? chineseDay(value.day) : String(value);
          expect(rows![row - 1]![col - 1], `${feature} ${a1(row, col)}`).toBe(expected);
        }
      }
    }
  }, 180_000);
});
