/**
 * 图表: the charts of the open workbook's ledgers (all ledger sheets together, consolidated as
 * `taizhang report` does, so the pane and the leaders' report show the same bars), PNG
 * downloads, and 插入到工作簿: the 完成情况 sheet with native Excel charts.
 */
import { reportCharts, unitLights, type UnitLight } from "../../analytics/charts/index.js";
import { sourcedStarts } from "../../analytics/ledger-start.js";
import { consolidate } from "../../analytics/consolidate.js";
import type { Item } from "../../analytics/item.js";
import { analyzeWorkbook } from "../../analytics/ledger.js";
import type { Summary } from "../../analytics/summary.js";
import { summaryLayout } from "../../analytics/overview/completion-sheet.js";
import { drawCharts } from "./charts.js";
import { busy, h, replaceChildren, showMessage } from "./dom.js";
import { failure, type Pane } from "./pane.js";
import { unitLightTable } from "./unit-lights.js";

export function chartsTab(pane: Pane): HTMLElement {
  const { t } = pane;
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const charts = h("div", { class: "charts" });
  const lights = h("div", { class: "lights" });
  const panel = h("div", {});
  const draw = h("button", { type: "button", class: "primary" }, t.drawCharts);
  const insert = h("button", { type: "button" }, t.insertSheet);

  const current = async (): Promise<{ summary: Summary; items: Item[]; source: string; lights: UnitLight[] }> => {
    const { workbook } = await pane.workbook!.read();
    const { ledgers } = analyzeWorkbook(workbook, { asOf: pane.asOf, dueSoonDays: pane.dueSoonDays, lang: pane.lang });
    const submissions = [{ file: workbook.source, ledgers }];
    const { summary, items } = consolidate(submissions);
    const lights = unitLights(items, { asOf: pane.asOf, startOf: sourcedStarts(submissions), rules: pane.rules });
    return { summary, items: [...items], source: workbook.source, lights };
  };

  draw.addEventListener("click", () => {
    if (!pane.workbook) return;
    void busy(draw, panel, status, failure(pane), async () => {
      replaceChildren(status, t.working);
      const { summary, items, lights: unitLightList } = await current();
      replaceChildren(status);
      replaceChildren(lights, unitLightTable(pane, unitLightList));
      await drawCharts(charts, reportCharts(summary, items, pane.lang, unitLightList), t);
    });
  });

  insert.addEventListener("click", () => {
    const session = pane.workbook;
    if (!session) return;
    void busy(insert, panel, status, failure(pane), async () => {
      replaceChildren(status, t.working);
      const { summary, items, source, lights: unitLightList } = await current();
      const layout = summaryLayout({ summary, items, asOf: pane.asOf, dueSoonDays: pane.dueSoonDays, source, lang: pane.lang, lights: unitLightList });
      const inserted = await session.insertSummary(layout);
      showMessage(status, t.inserted(inserted.sheet, inserted.replaced));
    });
  });

  panel.append(h("p", { class: "intro" }, t.chartsIntro), h("div", { class: "actions" }, draw, insert), status, lights, charts);
  return panel;
}
