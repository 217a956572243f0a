/**
 * The two worksheet members exceljs has but does not declare in its types: data validations
 * (keyed by cell address once loaded) and conditional formats. One typed view, used here only.
 */
import type ExcelJS from "exceljs";

export interface DataValidationStore {
  model: Record<string, ExcelJS.DataValidation | undefined>;
}

export interface WorksheetParts {
  dataValidations: DataValidationStore;
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}

export function partsOf(ws: ExcelJS.Worksheet): WorksheetParts {
  return ws as unknown as WorksheetParts;
}
