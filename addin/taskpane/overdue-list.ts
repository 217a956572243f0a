/**
 * A list of overdue (or soon due) items as 逾期 and 汇总 show it: the item with its unit and
 * 责任领导 under it (the item gets the width; dates are short), and buttons to copy the list
 * (tab-separated, pastes into Excel as a table) or save it as a CSV file Excel opens.
 */
import type { Day } from "../../analytics/day.js";
import type { Item } from "../../analytics/item.js";
import { shortWrittenDay } from "../../analytics/written-day.js";
import { download, h } from "./dom.js";
import type { Pane } from "./pane.js";

export interface ListedItem {
  /** Where the item is: the file (汇总) or the sheet (逾期). */
  readonly source: string;
  readonly item: Item;
  /** Selects the item's row, when the pane is in Excel. */
  readonly select?: () => void;
}

/** The deadline column: the day short (shortWrittenDay), a dash without one. */
function shortDay(day: Day | null, asOf: Day, lang: Pane["lang"]): string {
  return day === null ? "—" : shortWrittenDay(day, asOf, lang);
}

function csvField(text: string): string {
  return /[",\n\r]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

export function overdueList(pane: Pane, caption: string, kind: "late" | "soon", entries: readonly ListedItem[], fileStem: string): HTMLElement {
  const { t } = pane;
  const last = (i: Item) => (kind === "late" ? t.days(i.daysOverdue) : t.daysLeft(i.daysLeft ?? 0));
  const headers = kind === "late" ? t.overdueTable : t.dueSoonTable;
  const exportHeaders = [t.sourceColumn, ...t.exportTable, headers[headers.length - 1]!];
  const exportRows = entries.map(({ source, item }) => [source, String(item.row), item.task ?? item.measure ?? "", item.unit ?? "", item.leader ?? "", item.owner ?? "", item.deadline.date ?? "", last(item)]);
  const status = h("span", { class: "quiet", role: "status", "aria-live": "polite" });

  const copy = h("button", { type: "button", class: "subtle" }, t.copyList);
  copy.addEventListener("click", () => {
    const text = [exportHeaders, ...exportRows].map((r) => r.map((c) => c.replace(/[\t\n\r]+/gu, " ")).join("\t")).join("\n");
    void navigator.clipboard
      .writeText(text)
      .then(() => (status.textContent = t.copied(entries.length)))
      .catch(() => (status.textContent = t.copyFailed));
  });
  const save = h("button", { type: "button", class: "subtle" }, t.exportList);
  save.addEventListener("click", () => {
    // A byte-order mark so Excel reads the CSV as UTF-8.
    const csv = "\uFEFF" + [exportHeaders, ...exportRows].map((r) => r.map(csvField).join(",")).join("\r\n");
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    download(url, `${fileStem}.csv`);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });

  const rows = entries.map(({ item, select }) => {
    const row = select ? h("button", { type: "button", class: "row-link", "aria-label": t.goTo(`A${item.row}`), onclick: select }, String(item.row)) : String(item.row);
    const who = [item.unit, item.leader].filter((x): x is string => x !== null && x !== "").join(" · ");
    return h(
      "tr",
      {},
      h("td", {}, row),
      h("td", { class: "task" }, item.task ?? item.measure ?? "—", who ? h("span", { class: "who" }, who) : null),
      h("td", { class: "day" }, shortDay(item.deadline.date, pane.asOf, pane.lang)),
      h("td", { class: "late" }, last(item)),
    );
  });
  return h(
    "section",
    { class: `item-list ${kind}` },
    h("div", { class: "list-head" }, h("h4", {}, caption), h("span", { class: "list-actions" }, copy, save)),
    status,
    h(
      "table",
      { class: `grid ${kind === "late" ? "overdue" : "due-soon"}` },
      h("thead", {}, h("tr", {}, ...headers.map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", {}, ...rows),
    ),
  );
}
