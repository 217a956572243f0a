/**
 * 逾期: the as-of day and due-soon window; the overdue and due-soon items; and the live flags
 * (conditional formats on TODAY(), and optionally the days-overdue column) written exactly as
 * `taizhang normalize` writes them.
 */
import { isIsoDay } from "../../analytics/day.js";
import type { Item } from "../../analytics/item.js";
import { analyzeWorkbook } from "../../analytics/ledger.js";
import type { ChangePlan } from "../../analytics/normalize/types.js";
import { busy, h, replaceChildren, showError, showMessage } from "./dom.js";
import { makePlan, noRoomNotices } from "./make-plan.js";
import { overdueList, type ListedItem } from "./overdue-list.js";
import { failure, type Pane } from "./pane.js";

const FLAG_RULES = new Set(["overdue-column", "overdue-header"]);

/** The part of a plan that is the overdue flags: formats and the days-overdue column. */
export function flagsOnly(plan: ChangePlan): ChangePlan {
  return { ...plan, edits: plan.edits.filter((e) => FLAG_RULES.has(e.rule)), unmerges: [], validations: [] };
}

function pendingNormalization(plan: ChangePlan): number {
  return plan.edits.filter((e) => !FLAG_RULES.has(e.rule)).length + plan.unmerges.length;
}

export function overdueTab(pane: Pane): HTMLElement {
  const { t } = pane;
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "results" });
  // What 写入逾期标记 has to say goes here, under the list, which stays as it was.
  const flagNotice = h("div", { class: "flag-notice" });
  const panel = h("div", {});
  const asOf = h("input", { type: "date", id: "as-of", value: pane.asOf, required: true });
  const days = h("input", { type: "number", id: "due-soon-days", min: 0, max: 365, step: 1, value: pane.dueSoonDays });
  const column = h("input", { type: "checkbox", id: "overdue-column" });
  const list = h("button", { type: "button", class: "primary" }, t.listOverdue);
  const write = h("button", { type: "button" }, t.writeFlags);

  const sync = (): void => {
    if (isIsoDay(asOf.value)) pane.asOf = asOf.value;
    const n = Number(days.value);
    if (Number.isInteger(n) && n >= 0) pane.dueSoonDays = n;
  };
  asOf.addEventListener("change", sync);
  days.addEventListener("change", sync);

  list.addEventListener("click", () => {
    const session = pane.workbook;
    if (!session) return;
    sync();
    void busy(list, panel, status, failure(pane), async () => {
      replaceChildren(status, t.working);
      const { workbook } = await session.read();
      const { ledgers } = analyzeWorkbook(workbook, { asOf: pane.asOf, dueSoonDays: pane.dueSoonDays, lang: pane.lang });
      replaceChildren(status);
      const listed = (pick: (item: Item) => boolean): ListedItem[] =>
        ledgers.flatMap((l) =>
          l.items.filter(pick).map((item) => ({
            source: l.sheet.name,
            item,
            select: () => void session.select(l.sheet.name, `A${item.row}`).catch((e: unknown) => showError(status, failure(pane)(e))),
          })),
        );
      const late = listed((i) => i.overdue).sort((a, b) => b.item.daysOverdue - a.item.daysOverdue);
      const soon = listed((i) => i.dueSoon).sort((a, b) => (a.item.daysLeft ?? 0) - (b.item.daysLeft ?? 0));
      replaceChildren(flagNotice);
      replaceChildren(
        results,
        late.length === 0 ? h("p", { class: "notice ok" }, t.overdueNone) : overdueList(pane, t.overdueHeading(late.length), "late", late, `${t.overdueFile}-${pane.asOf}`),
        soon.length === 0 ? null : overdueList(pane, t.dueSoonHeading(soon.length, pane.dueSoonDays), "soon", soon, `${t.dueSoonFile}-${pane.asOf}`),
      );
    });
  });

  const applyFlags = async (plan: ChangePlan): Promise<void> => {
    const session = pane.workbook!;
    replaceChildren(status, t.working);
    const result = await session.apply(plan);
    replaceChildren(flagNotice, ...noRoomNotices(pane, plan));
    showMessage(status, t.flagsWritten(result.flags));
  };

  write.addEventListener("click", () => {
    const session = pane.workbook;
    if (!session) return;
    sync();
    void busy(write, panel, status, failure(pane), async () => {
      replaceChildren(status, t.working);
      const plan = await makePlan(pane, session, { mergeNames: false, overdueColumn: column.checked });
      const pending = pendingNormalization(plan);
      if (pending === 0) return applyFlags(flagsOnly(plan));
      // The flag formulas read the canonical status words and real date cells: without
      // normalizing first they would misread "正在推进" or a deadline typed as text.
      replaceChildren(status);
      const both = h("button", { type: "button", class: "primary" }, t.normalizeAndFlag);
      both.addEventListener("click", () => void busy(both, panel, status, failure(pane), () => applyFlags(plan)));
      replaceChildren(flagNotice, h("div", { class: "notice warn" }, h("p", {}, t.flagsNeedNormalize(pending)), both));
    });
  });

  panel.append(
    h("p", { class: "intro" }, t.overdueIntro),
    h(
      "div",
      { class: "fields" },
      h("div", { class: "field" }, h("label", { for: "as-of" }, t.asOf), asOf),
      h("div", { class: "field" }, h("label", { for: "due-soon-days" }, t.dueSoonDays), days),
    ),
    h("div", { class: "option" }, column, h("label", { for: "overdue-column" }, t.overdueColumn)),
    h("div", { class: "actions" }, list, write),
    status,
    flagNotice,
    results,
  );
  return panel;
}
