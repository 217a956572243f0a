/** A package's kind by its workbook's content type, and the ending Excel requires of it (xlsx-patch/package-kind.ts). */
import { describe, expect, it } from "vitest";
import { KIND_EXTENSION, packageKind } from "../../xlsx-patch/package-kind.js";
import { ledgerParts, zipBytes } from "./other-writers.js";

const SHEET_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

function withWorkbookType(type: string): Uint8Array {
  const parts = ledgerParts();
  parts["[Content_Types].xml"] = parts["[Content_Types].xml"]!.replace(SHEET_MAIN, type);
  return zipBytes(parts);
}

describe("a package's kind", () => {
  it("is told by its workbook part's content type", () => {
    expect(packageKind(withWorkbookType(SHEET_MAIN))).toBe("workbook");
    expect(packageKind(withWorkbookType("application/vnd.ms-excel.sheet.macroEnabled.main+xml"))).toBe("macro-workbook");
    expect(packageKind(withWorkbookType("application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"))).toBe("template");
    expect(packageKind(withWorkbookType("application/vnd.ms-excel.template.macroEnabled.main+xml"))).toBe("macro-template");
  });

  it("is a plain workbook when the bytes are no package (the reader says what is wrong with them)", () => {
    expect(packageKind(new TextEncoder().encode("not a zip"))).toBe("workbook");
  });

  it("asks for the ending Excel opens it under", () => {
    expect(Object.values(KIND_EXTENSION)).toEqual([".xlsx", ".xlsm", ".xltx", ".xltm"]);
  });
});
