/**
 * 规范化: preview the change plan (the same plan `taizhang normalize` makes), apply it, and
 * undo it from the 变更记录 sheet.
 */
import { EDIT_RULE_LABEL, KEPT_LABEL } from "../../analytics/normalize/labels.js";
import type { ChangePlan, EditRule, KeptReason } from "../../analytics/normalize/types.js";
import { showValue } from "../../analytics/normalize/values.js";
import { writtenDay } from "../../analytics/written-day.js";
import type { Lang } from "../../analytics/lang.js";
import type { PlanValue } from "../../analytics/normalize/types.js";
import type { WorkbookSession } from "../host/session.js";
import { busy, h, replaceChildren, showMessage, table } from "./dom.js";
import { makePlan, noRoomNotices } from "./make-plan.js";
import { failure, type Pane } from "./pane.js";

/** Edits listed in the preview; the log sheet lists them all after applying. */
const PREVIEW_ROWS = 100;

function countBy<T extends string>(keys: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** A value as the cell will show it: dates in the date format normalize writes. */
function shown(value: PlanValue, lang: Lang): string {
  if (typeof value === "object" && value !== null && "day" in value) return writtenDay(value.day, lang);
  return showValue(value);
}

/** What normalize left alone; the command line's --merge-names is the pane's first option. */
function keptLabel(reason: KeptReason, pane: Pane): string {
  return reason === "name-variant" ? pane.t.keptVariants : KEPT_LABEL[reason][pane.lang];
}

function planPreview(pane: Pane, plan: ChangePlan): HTMLElement {
  const { t, lang } = pane;
  if (plan.edits.length === 0 && plan.unmerges.length === 0) return h("p", { class: "notice ok" }, t.planNothing);
  const rules = countBy<EditRule>(plan.edits.map((e) => e.rule));
  const kept = countBy<KeptReason>(plan.kept.map((k) => k.reason));
  const listed = plan.edits.slice(0, PREVIEW_ROWS);
  return h(
    "div",
    { class: "plan" },
    h("p", {}, t.planSummary(plan.edits.length, plan.unmerges.length)),
    h("ul", { class: "counts" }, ...[...rules].map(([rule, n]) => h("li", {}, `${EDIT_RULE_LABEL[rule][lang]}：${n}`))),
    kept.size > 0
      ? h("p", { class: "quiet" }, t.planKept, [...kept].map(([reason, n]) => `${keptLabel(reason, pane)} ${n}`).join("；"))
      : null,
    plan.flagMismatches.length > 0 ? h("p", { class: "notice warn" }, t.planMismatch(plan.flagMismatches.length)) : null,
    ...noRoomNotices(pane, plan),
    h(
      "div",
      { class: "scroll", tabindex: 0, "aria-label": t.planTable.join(" / ") },
      table(
        null,
        t.planTable,
        listed.map((e) => [
          h("span", { class: "cell-ref", title: e.sheet }, plan.sheets.length > 1 ? `${e.sheet}!${e.cell}` : e.cell),
          shown(e.before, lang),
          shown(e.after, lang),
          e.reason,
        ]),
        "grid plan-table",
      ),
    ),
    plan.edits.length > listed.length ? h("p", { class: "quiet" }, t.planMore(plan.edits.length - listed.length)) : null,
  );
}

function checkbox(id: string, label: string): { box: HTMLInputElement; row: HTMLElement } {
  const box = h("input", { type: "checkbox", id });
  return { box, row: h("div", { class: "option" }, box, h("label", { for: id }, label)) };
}

export function normalizeTab(pane: Pane): HTMLElement {
  const { t } = pane;
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "results" });
  const panel = h("div", {});
  const mergeNames = checkbox("merge-names", t.mergeNames);
  const overdueColumn = checkbox("normalize-overdue-column", t.overdueColumn);
  const ids = checkbox("normalize-ids", t.idsColumn);
  const preview = h("button", { type: "button", class: "primary" }, t.previewButton);
  const apply = h("button", { type: "button", disabled: true }, t.applyButton);
  const undo = h("button", { type: "button" }, t.undoButton);
  let plan: ChangePlan | null = null;

  preview.addEventListener("click", () => {
    const session = pane.workbook;
    if (!session) return;
    void busy(preview, panel, status, failure(pane), async () => {
      replaceChildren(status, t.working);
      plan = await makePlan(pane, session, { mergeNames: mergeNames.box.checked, overdueColumn: overdueColumn.box.checked, ids: ids.box.checked });
      replaceChildren(status);
      replaceChildren(results, planPreview(pane, plan));
      apply.disabled = plan.edits.length === 0 && plan.unmerges.length === 0 && plan.flags.length === 0;
    });
  });

  apply.addEventListener("click", () => {
    const session = pane.workbook;
    const ready = plan;
    if (!session || !ready) return;
    void busy(apply, panel, status, failure(pane), async () => {
      replaceChildren(status, t.working);
      const result = await session.apply(ready);
      plan = null;
      showMessage(status, t.applied(result.edits));
      replaceChildren(results);
    }).then(() => {
      apply.disabled = plan === null;
    });
  });

  undo.addEventListener("click", () => {
    const session = pane.workbook;
    if (!session) return;
    void busy(undo, panel, status, failure(pane), async () => {
      replaceChildren(status, t.working);
      const result = await session.undo();
      plan = null;
      apply.disabled = true;
      replaceChildren(results);
      showMessage(status, t.undone(result.restored, result.batch));
      if (result.changedSince.length > 0) results.append(h("p", { class: "notice warn" }, t.undoSkipped(result.changedSince)));
    });
  });

  panel.append(
    h("p", { class: "intro" }, t.normalizeIntro),
    h("fieldset", { class: "options" }, h("legend", { class: "sr-only" }, t.options), mergeNames.row, overdueColumn.row, ids.row),
    h("div", { class: "actions" }, preview, apply, undo),
    status,
    results,
  );
  return panel;
}
