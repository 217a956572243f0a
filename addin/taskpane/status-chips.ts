/** The statuses of a summary as chips (已完成 9 · 推进中 4 …), as the 检查 and 汇总 tabs show them. */
import { STATUS_BUCKETS, type StatusBucket } from "../../analytics/summary.js";
import { h } from "./dom.js";
import type { Pane } from "./pane.js";

export function statusChips(pane: Pane, byStatus: Partial<Record<StatusBucket, number>>): HTMLElement {
  return h(
    "ul",
    { class: "chips", "aria-label": pane.t.statusChipsLabel },
    ...STATUS_BUCKETS.filter((b) => (byStatus[b] ?? 0) > 0).map((b) => h("li", { class: `chip status-${b}` }, `${pane.t.status[b]} ${byStatus[b]}`)),
  );
}
