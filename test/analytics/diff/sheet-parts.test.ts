/** Sheets of one workbook: parts of one ledger (one per unit) or copies of it (one per month). */
import { describe, expect, it } from "vitest";
import { sheetsAreParts } from "../../../analytics/diff/sheet-parts.js";
import { ledgerOf, simpleRows } from "./version-ledgers.js";

const AS_OF = "2019-10-31";
const office = ledgerOf(simpleRows([["规范公务用车管理", "办公室", "2019年10月31日", "推进中"], ["落实意识形态责任制", "办公室", "2019年12月31日", "推进中"]]), AS_OF);
const finance = ledgerOf(simpleRows([["规范公务用车管理", "财务股", "2019年10月31日", "推进中"], ["清理津补贴发放", "财务股", "2019年11月30日", "已完成"]]), AS_OF);

describe("sheetsAreParts", () => {
  it("takes sheets that share no item for parts, even where a task is handed to both units", () => {
    expect(sheetsAreParts([office, finance])).toBe(true);
  });

  it("takes sheets holding the same items for copies (last month's kept beside this month's)", () => {
    const officeLater = ledgerOf(simpleRows([["规范公务用车管理", "办公室", "2019年10月31日", "已完成"], ["落实意识形态责任制", "办公室", "2019年12月31日", "推进中"]]), AS_OF);
    expect(sheetsAreParts([office, officeLater])).toBe(false);
  });

  it("has no parts in a single sheet", () => {
    expect(sheetsAreParts([office])).toBe(false);
  });
});
