/// <reference types="office-js" />
/**
 * The custom conditional formats already on some sheets, by formula: applying the overdue
 * flags twice must not stack identical formats, and 撤销 deletes the ones it logged. Two
 * requests: the formats' types, then the custom ones' formulas.
 */
import { formulaKey } from "../host/book.js";

export interface OfficeFormat {
  readonly sheet: string;
  /** The formula without "=", spaces removed, upper case. */
  readonly key: string;
  readonly format: Excel.ConditionalFormat;
}

export async function customFormats(context: Excel.RequestContext, sheets: readonly string[]): Promise<OfficeFormat[]> {
  if (sheets.length === 0) return [];
  const collections = sheets.map((sheet) => {
    const formats = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
    formats.load("items/type");
    return { sheet, formats };
  });
  await context.sync();
  const custom = collections.flatMap(({ sheet, formats }) =>
    formats.items
      .filter((f) => f.type === "Custom")
      .map((format) => {
        format.custom.rule.load("formula");
        return { sheet, format };
      }),
  );
  await context.sync();
  return custom.map(({ sheet, format }) => ({ sheet, key: formulaKey(format.custom.rule.formula), format }));
}
