/// <reference types="office-js" />
/** Clicking a finding in the pane: its sheet comes to the front and its cell is selected. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
