/**
 * Which ranges over a ledger grow with the columns normalize appends (xlsx-patch/ledger-ranges.ts):
 * only one that ends just left of an appended column and starts on a header row normalize
 * writes in; a table only over a header text with no merge inside it and no name it already has.
 */
import { describe, expect, it } from "vitest";
import type { CellEdit, ChangePlan } from "../../analytics/normalize/types.js";
import { AppendedColumns, growDefinedNames, growFilter, growTable } from "../../xlsx-patch/ledger-ranges.js";

const SHEET = "整改台账";

function header(row: number, col: number, text: string | null, rule: CellEdit["rule"]): CellEdit {
  return { sheet: SHEET, cell: `${String.fromCharCode(64 + col)}${row}`, row, col, before: null, after: text, rule, reason: "" };
}

/** A plan appending 逾期天数 in G and 编号 in H over a header in `rows` (text in the first, a merge over two). */
function appended(rows: readonly number[]): AppendedColumns {
  const edits = rows.flatMap((row, i) => [header(row, 7, i === 0 ? "逾期天数" : null, "overdue-header"), header(row, 8, i === 0 ? "编号" : null, "id-header")]);
  const merges =
    rows.length > 1
      ? [7, 8].map((col) => ({ sheet: SHEET, range: { top: rows[0]!, left: col, bottom: rows[rows.length - 1]!, right: col }, ref: "", reason: "" }))
      : [];
  const plan = { edits, merges, newColumns: [7, 8].map((col) => ({ sheet: SHEET, col, width: 10 })) } as unknown as ChangePlan;
  return new AppendedColumns(plan, SHEET);
}

const table = (ref: string, names: readonly string[]): string =>
  `<table xmlns="m" id="1" name="T" displayName="T" ref="${ref}"><autoFilter ref="${ref}"/><tableColumns count="${names.length}">${names.map((n, i) => `<tableColumn id="${i + 1}" name="${n}"/>`).join("")}</tableColumns></table>`;
const SIX = ["序号", "存在问题", "整改措施", "责任单位", "完成时限", "完成情况"];

describe("an Excel table", () => {
  it("grows over the appended columns next to it, named as their header cells", () => {
    expect(growTable(table("A1:F13", SIX), appended([1]))).toBe(table("A1:H13", [...SIX, "逾期天数", "编号"]));
  });

  it("stays when it ends before the column left of them, or has no header row", () => {
    expect(growTable(table("A1:E13", SIX.slice(0, 5)), appended([1]))).toBeNull();
    expect(growTable(table("A1:F13", SIX).replace(`ref="A1:F13">`, `ref="A1:F13" headerRowCount="0">`), appended([1]))).toBeNull();
  });

  it("stays when a query or an XML map feeds it (its fields are listed in another part as well)", () => {
    expect(growTable(table("A1:F13", SIX).replace(`ref="A1:F13">`, `ref="A1:F13" tableType="queryTable">`), appended([1]))).toBeNull();
    expect(growTable(table("A1:F13", SIX).replace(`ref="A1:F13">`, `ref="A1:F13" tableType="worksheet">`), appended([1]))).not.toBeNull();
  });

  it("stays over a two-row header, whose new header cells are merged (a table holds no merge)", () => {
    expect(growTable(table("A2:F13", SIX), appended([1, 2]))).toBeNull();
  });

  it("stays when it already has a column of the name (Excel names them uniquely)", () => {
    expect(growTable(table("A1:F13", [...SIX.slice(0, 5), "编号"]), appended([1]))).toBeNull();
  });
});

describe("the sheet's filter", () => {
  it("grows with its sort state when it ends next to the new columns, on a header row normalize writes in", () => {
    const tail = `<autoFilter ref="A2:F13"><sortState ref="A3:F13"><sortCondition ref="D3:D13"/></sortState></autoFilter><pageMargins/>`;
    expect(growFilter(tail, appended([1, 2]))).toBe(`<autoFilter ref="A2:H13"><sortState ref="A3:H13"><sortCondition ref="D3:D13"/></sortState></autoFilter><pageMargins/>`);
  });

  it("stays when it starts below the header or ends elsewhere", () => {
    expect(growFilter(`<autoFilter ref="A3:F13"/>`, appended([1, 2]))).toBe(`<autoFilter ref="A3:F13"/>`);
    expect(growFilter(`<autoFilter ref="A1:D13"/>`, appended([1]))).toBe(`<autoFilter ref="A1:D13"/>`);
  });
});

describe("the workbook's names", () => {
  const workbook = (names: string): string => `<workbook><sheets><sheet name="封面"/><sheet name="整改台账"/></sheets><definedNames>${names}</definedNames></workbook>`;

  it("grow the sheet's filter name and each print area that ends next to the new columns", () => {
    const before = `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">整改台账!$A$1:$F$13</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'整改台账'!$A$1:$F$13,'整改台账'!$J$1:$K$3</definedName>`;
    const after = `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">整改台账!$A$1:$H$13</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'整改台账'!$A$1:$H$13,'整改台账'!$J$1:$K$3</definedName>`;
    expect(growDefinedNames(workbook(before), 1, appended([1]))).toBe(workbook(after));
  });

  it("leave other sheets' names, other names and print titles as they were", () => {
    const names = `<definedName name="_xlnm.Print_Area" localSheetId="0">封面!$A$1:$F$13</definedName><definedName name="完成时限">整改台账!$E$2:$F$13</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">整改台账!$1:$1</definedName>`;
    expect(growDefinedNames(workbook(names), 1, appended([1]))).toBe(workbook(names));
  });
});
