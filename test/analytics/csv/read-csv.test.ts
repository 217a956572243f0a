/**
 * A CSV or tab-separated export read as the sheet Excel shows: GBK as systems write it, fields
 * quoted with separators and line breaks inside, a title line above the header, the separator
 * told from the lines; and what no sheet can hold refused in one line.
 */
import { describe, expect, it } from "vitest";
import { readCsvWorkbook } from "../../../analytics/csv/read-csv.js";
import { analyzeWorkbook } from "../../../analytics/ledger.js";
import { readSpreadsheet } from "../../../analytics/spreadsheet-file.js";
import { WorkbookReadError } from "../../../analytics/xlsx/read-errors.js";
import { gb18030 } from "../xlsx/hostile-workbooks.js";

const EXPORT = [
  "2019年巡察反馈问题整改台账",
  "序号,存在问题,整改措施,责任单位,完成时限,完成情况",
  '1,学习制度落实不到位,"建立台账，定期督办; 每月一次",办公室,2019年6月底前,已完成',
  '2,"基层党组织建设薄弱","一是健全制度\r\n二是""三会一课""按时开展",党建办,2019-09-30,正在推进',
  "",
  "007,公车管理不规范,,财务股,2019年12月,",
].join("\r\n");

describe("a CSV export", () => {
  const [sheet] = readSpreadsheet(gb18030(EXPORT), { source: "导出/整改台账.csv" }).sheets;

  it("is decoded from GBK when it is no UTF-8, one sheet named after the file", () => {
    expect(sheet!.name).toBe("整改台账");
    expect(sheet!.rows[0]).toEqual(["2019年巡察反馈问题整改台账"]);
  });

  it("splits fields as RFC 4180 quotes them, by the separator its lines hold most of", () => {
    expect(sheet!.rows[2]).toEqual([1, "学习制度落实不到位", "建立台账，定期督办; 每月一次", "办公室", "2019年6月底前", "已完成"]);
    expect(sheet!.rows[3]![2]).toBe('一是健全制度\r\n二是"三会一课"按时开展');
    expect(sheet!.rows[4]).toBeUndefined();
    expect(sheet!.rows[5]).toEqual(["007", "公车管理不规范", null, "财务股", "2019年12月"]);
  });

  it("is a ledger to the core", () => {
    const { ledgers } = analyzeWorkbook({ source: "整改台账.csv", sheets: [sheet!] }, { asOf: "2019-10-31" });
    expect(ledgers[0]!.items.map((i) => [i.row, i.unit, i.deadline.date, i.status.value])).toEqual([
      [3, "办公室", "2019-06-30", "done"],
      [4, "党建办", "2019-09-30", "in_progress"],
      [6, "财务股", "2019-12-31", null],
    ]);
  });

  it("reads Excel's text guard =\"007\" as the text it shows, 编号 and ID card numbers as written", () => {
    const guarded = readCsvWorkbook(new TextEncoder().encode('\uFEFF编号,身份证号,存在问题\n="007",="430102198001011234","=""三会一课""未开展"\n'), { source: "a.csv" });
    expect(guarded.sheets[0]!.rows[1]).toEqual(["007", "430102198001011234", '="三会一课"未开展']);
    expect(guarded.sheets[0]!.rows[0]![0]).toBe("编号");
  });

  it("tells the separator of a file whose lines end in a lone CR, as older exporters write", () => {
    const lines = ["标题：整改台账", "存在问题\t责任单位\t备注", "整改不到位\t区财政局\t一,二,三,四,五", "资金拨付\t县发改局\t六,七,八,九,十"];
    const sheet = readCsvWorkbook(new TextEncoder().encode(lines.join("\r")), { source: "a.txt" }).sheets[0]!;
    expect(sheet.rows[2]).toEqual(["整改不到位", "区财政局", "一,二,三,四,五"]);
  });

  it("takes tabs or semicolons where the lines hold them", () => {
    const tabbed = readCsvWorkbook(new TextEncoder().encode("标题行\n存在问题\t责任单位\n整改不到位, 仍在推进\t区财政局"), { source: "a.txt" });
    expect(tabbed.sheets[0]!.rows[2]).toEqual(["整改不到位, 仍在推进", "区财政局"]);
    const semi = readCsvWorkbook(new TextEncoder().encode("存在问题;责任单位\n整改不到位;区财政局"), { source: "a.csv" });
    expect(semi.sheets[0]!.rows[1]).toEqual(["整改不到位", "区财政局"]);
  });
});

describe("a text file no sheet can hold", () => {
  const refusal = (text: string): WorkbookReadError => {
    try {
      readCsvWorkbook(new TextEncoder().encode(text), { source: "a.csv" });
    } catch (error) {
      if (error instanceof WorkbookReadError) return error;
      throw error;
    }
    throw new Error("read");
  };

  it("is refused: more columns than Excel has, a field longer than a cell, nothing at all", () => {
    expect(refusal(",".repeat(16_384) + "x").code).toBe("too-large");
    expect(refusal(`甲,"${"字".repeat(32_768)}"`).code).toBe("corrupt");
    expect(refusal("\r\n\r\n , \r\n").code).toBe("empty");
  });

  it("a quote left open is said as such, in one pass over the file", () => {
    const started = performance.now();
    const error = refusal('存在问题,责任单位\n"整改' + "仍在推进,\n".repeat(20_000));
    expect(error.code).toBe("corrupt");
    expect(error.message).toMatch(/第 2 行有一个字段以引号开头.*补上右引号/u);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("a quote left open on the last row, however short the rest, is refused naming its line, not read as a row of blanks", () => {
    const csv = '序号,存在问题,责任单位,完成时限,完成情况\r\n1,学习不到位,办公室,2019年6月底前,已完成\r\n2,"未闭合的引号,党建办,2019年9月,正在推进\r\n';
    expect(refusal(csv).message).toMatch(/第 3 行/u);
    // Quotes that close, doubled quotes inside them, and a quote inside an unquoted field are all fine.
    const fine = readCsvWorkbook(new TextEncoder().encode('存在问题,说明\r\n"他说""好""",5"显示器\r\n"跨\r\n行",完\r\n'), { source: "a.csv" });
    expect(fine.sheets[0]!.rows.slice(1)).toEqual([['他说"好"', '5"显示器'], ["跨\r\n行", "完"]]);
  });
});
