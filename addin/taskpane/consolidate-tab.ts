/**
 * 汇总 (file mode): pick or drop several .xlsx files; they are read in this browser with the
 * project's own reader and never leave the machine. Works inside Excel and in a plain browser.
 */
import { reportCharts, unitLights, type UnitLight } from "../../analytics/charts/index.js";
import { isIsoDay } from "../../analytics/day.js";
import { drawCharts } from "./charts.js";
import { consolidateFiles, readSubmission, type PaneConsolidation } from "./read-submissions.js";
import { busy, download, h, replaceChildren, stats, table } from "./dom.js";
import { madeAt } from "../../analytics/overview/made-at.js";
import { pngBytes, summaryWorkbook } from "./export-summary.js";
import { percent } from "./i18n.js";
import { statusChips } from "./status-chips.js";
import { overdueList, type ListedItem } from "./overdue-list.js";
import { unitLightTable } from "./unit-lights.js";
import { failure, type Pane } from "./pane.js";

/** Marks the bench and the browser test read: files chosen, and charts on screen. */
export const MARK_CHOSEN = "taizhang:files-chosen";
export const MARK_DRAWN = "taizhang:charts-drawn";

function isWorkbookFile(file: File): boolean {
  // .xls too: a system's export is often a web page under that name (analytics/spreadsheet-file.ts).
  return /\.xlsx?$/iu.test(file.name) || file.type === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

function summaryView(pane: Pane, c: PaneConsolidation): HTMLElement {
  const { t } = pane;
  const s = c.summary;
  return h(
    "div",
    { class: "consolidated" },
    h("p", {}, t.filesRead(c.picked, c.ledgerCount)),
    ...c.failures.map((f) => h("p", { class: "notice error" }, t.fileError(f.file, f.error))),
    h(
      "section",
      { "aria-label": t.combined, "data-testid": "combined" },
      stats([
        [t.items, s.total],
        [t.completed, s.completed],
        [t.rate, percent(s.completionRate)],
        [t.overdue, s.overdue, s.overdue > 0 ? "bad" : undefined],
        [t.dueSoon, s.dueSoon, s.dueSoon > 0 ? "warn" : undefined],
      ]),
      statusChips(pane, s.byStatus),
    ),
    c.renamed.length > 0 ? h("p", { class: "notice warn" }, t.renamedNote(c.renamed.map((r) => `${r.from} → ${r.to}`).join("；"))) : null,
    h(
      "div",
      { class: "scroll", tabindex: 0, "aria-label": t.fileTable[0] },
      table(
        null,
        t.fileTable,
        c.perFile.map((f) => [
          h("span", { class: "file-name" }, f.file, h("span", { class: "sheets" }, t.list(f.sheets))),
          f.summary.total,
          f.summary.completed,
          percent(f.summary.completionRate),
          f.summary.overdue,
          f.summary.dueSoon,
        ]),
        "grid per-file",
      ),
    ),
    unitLightTable(pane, lightsOf(pane, c)),
    overdueSection(pane, c),
  );
}

/** The units' lights by the pane's rules, each item dated from its own ledger. */
function lightsOf(pane: Pane, c: PaneConsolidation): UnitLight[] {
  return unitLights(c.items, { asOf: pane.asOf, startOf: c.startOf, rules: pane.rules });
}

/** Every overdue item of every submission, most days late first, named by its file. */
function overdueSection(pane: Pane, c: PaneConsolidation): HTMLElement {
  const { t } = pane;
  const late: ListedItem[] = c.items.filter((i) => i.overdue).sort((a, b) => b.daysOverdue - a.daysOverdue).map((item) => ({ source: item.file, item }));
  if (late.length === 0) return h("p", { class: "notice ok" }, t.overdueNone);
  return overdueList(pane, t.overdueHeading(late.length), "late", late, `${t.overdueFile}-${pane.asOf}`);
}

export function consolidateTab(pane: Pane): HTMLElement {
  const { t } = pane;
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "results" });
  const charts = h("div", { class: "charts" });
  const panel = h("div", {});
  const input = h("input", { type: "file", id: "pick-files", multiple: true, accept: ".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", class: "sr-only" });
  const pick = h("button", { type: "button", class: "primary", "aria-controls": "pick-files" }, t.pickFiles);
  const asOf = h("input", { type: "date", id: "consolidate-as-of", value: pane.asOf });
  const saveSummary = h("button", { type: "button", hidden: true }, t.downloadSummary);
  const drop = h("div", { class: "drop", "aria-hidden": "true" }, t.dropHint);
  let last: PaneConsolidation | null = null;
  let pictures = new Map<string, Uint8Array>();

  const run = (files: readonly File[]): void => {
    performance.clearMarks(MARK_DRAWN);
    performance.mark(MARK_CHOSEN);
    document.body.dataset.chartsDrawn = "0";
    if (isIsoDay(asOf.value)) pane.asOf = asOf.value;
    void busy(pick, panel, status, failure(pane), async () => {
      replaceChildren(status, t.working);
      const options = { asOf: pane.asOf, dueSoonDays: pane.dueSoonDays, lang: pane.lang };
      const read = [];
      for (const file of files) read.push(await readSubmission(file.name, new Uint8Array(await file.arrayBuffer()), options));
      last = consolidateFiles(read);
      replaceChildren(status);
      replaceChildren(results, summaryView(pane, last));
      saveSummary.hidden = last.perFile.length === 0;
      const specs = reportCharts(last.summary, last.items, pane.lang, lightsOf(pane, last));
      const drawn = await drawCharts(charts, specs, t);
      pictures = new Map(drawn.map((chart, i) => [specs[i]!.id, pngBytes(chart.toBase64Image("image/png"))]));
      performance.mark(MARK_DRAWN);
      document.body.dataset.chartsDrawn = String(drawn.length);
    });
  };

  pick.addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const files = Array.from(input.files ?? []).filter(isWorkbookFile);
    if (files.length > 0) run(files);
    input.value = "";
  });
  panel.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
  panel.addEventListener("dragleave", () => drop.classList.remove("over"));
  panel.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    const files = Array.from(event.dataTransfer?.files ?? []).filter(isWorkbookFile);
    if (files.length > 0) run(files);
  });
  saveSummary.addEventListener("click", () => {
    const c = last;
    if (!c) return;
    void busy(saveSummary, panel, status, failure(pane), async () => {
      const blob = await summaryWorkbook(c, { asOf: pane.asOf, dueSoonDays: pane.dueSoonDays, lang: pane.lang, generatedAt: madeAt(), skipped: c.failures.map((f) => ({ file: f.file, reason: f.error })), lights: { rules: pane.rules, startOf: c.startOf } }, pictures);
      const url = URL.createObjectURL(blob);
      download(url, pane.t.summaryFileName(pane.asOf));
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  });

  panel.append(
    h("p", { class: "intro" }, t.consolidateIntro),
    h("div", { class: "fields" }, h("div", { class: "field" }, h("label", { for: "consolidate-as-of" }, t.asOf), asOf)),
    h("div", { class: "actions" }, pick, input, saveSummary),
    drop,
    status,
    results,
    charts,
  );
  return panel;
}
