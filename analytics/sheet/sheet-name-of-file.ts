/** The one sheet of a file that has no sheet names (a web page, a CSV), named after the file as Excel names it. */

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

/** "督办台账.csv" → "督办台账", cut to Excel's 31 characters. */
export function sheetNameOfFile(source: string): string {
  const base = source.replace(/^.*[\\/]/u, "").replace(/\.[^.]*$/u, "").trim();
  return [...(base === "" ? "Sheet1" : base)].slice(0, MAX_SHEET_NAME).join("");
}
