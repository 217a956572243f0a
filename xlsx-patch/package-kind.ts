/**
 * What kind of package a workbook is, by its workbook part's content type, and the file name
 * ending Excel requires of it: Excel will not open a macro-enabled workbook or a template saved
 * under .xlsx ("the file format or file extension is not valid"). normalize copies every part,
 * macros included, so its output must carry the input's ending.
 */
import { XlsxPackage } from "../analytics/xlsx/package.js";
import { workbookPaths } from "./apply-plan-to-xlsx.js";

export type PackageKind = "workbook" | "macro-workbook" | "template" | "macro-template";

export const KIND_EXTENSION: Readonly<Record<PackageKind, string>> = {
  workbook: ".xlsx",
  "macro-workbook": ".xlsm",
  template: ".xltx",
  "macro-template": ".xltm",
};

/** The package's kind; a plain workbook when its content types do not say (the reader judges the rest). */
export function packageKind(bytes: Uint8Array): PackageKind {
  let type = "";
  try {
    const pkg = XlsxPackage.open(bytes);
    const name = `/${workbookPaths(pkg).workbookPath}`.toLowerCase();
    const types = pkg.textOf("[Content_Types].xml") ?? "";
    for (const m of types.matchAll(/<(?:\w+:)?Override\s[^>]*>/gu)) {
      const part = /\sPartName\s*=\s*["']([^"']*)["']/u.exec(m[0])?.[1];
      if (part?.toLowerCase() === name) type = /\sContentType\s*=\s*["']([^"']*)["']/u.exec(m[0])?.[1] ?? "";
    }
  } catch {
    return "workbook";
  }
  const macros = /macroEnabled/iu.test(type);
  const template = /\.template\./iu.test(type);
  return template ? (macros ? "macro-template" : "template") : macros ? "macro-workbook" : "workbook";
}
