/** 检查: each ledger's summary, and its findings grouped by rule; a finding selects its cell. */
import { ledgerUnitLights } from "../../analytics/ledger-lights.js";
import { itemStarts } from "../../analytics/ledger-start.js";
import { findingsByRule } from "../../analytics/findings/by-rule.js";
import { RULES, type Severity } from "../../analytics/findings/catalogue.js";
import { overdueUnknowable, unjudgedLines } from "../../analytics/unjudged.js";
import type { Finding } from "../../analytics/findings/finding.js";
import type { ColumnMapping } from "../../analytics/column-mapping.js";
import { ROLE_LABEL } from "../../analytics/findings/catalogue.js";
import { headerLabels, tableWidth } from "../../analytics/header.js";
import { analyzeWorkbook, type Ledger } from "../../analytics/ledger.js";
import type { Role } from "../../analytics/roles.js";
import { MergeIndex } from "../../analytics/sheet/merge-index.js";
import { busy, h, replaceChildren, showError, stats } from "./dom.js";
import { percent } from "./i18n.js";
import { failure, type Pane } from "./pane.js";
import { statusChips } from "./status-chips.js";
import { unitLightTable } from "./unit-lights.js";
import { loadColumnMappings, saveColumnMappings } from "../host/column-settings.js";

/** Findings listed per rule before "… N more" (a 10,000-row sheet can have thousands). */
const SHOWN_PER_RULE = 50;
const SEVERITY_MARK: Record<Severity, string> = { error: "✖", warning: "▲", info: "●" };

export function ledgerStats(pane: Pane, ledger: Ledger): HTMLElement {
  const s = ledger.summary;
  const { t } = pane;
  // No deadline column: a 0 here would be a false green. A dash fits the 350 px figures; the
  // line under them says why.
  const unknowable = overdueUnknowable(s);
  const figures = stats([
    [t.items, s.total],
    [t.completed, s.completed],
    [t.rate, percent(s.completionRate)],
    [t.overdue, unknowable ? CANNOT_TELL : s.overdue, s.overdue > 0 ? "bad" : undefined],
    [t.dueSoon, unknowable ? CANNOT_TELL : s.dueSoon, s.dueSoon > 0 ? "warn" : undefined],
  ]);
  const lines = unjudgedLines(s, pane.lang);
  if (lines.length === 0) return figures;
  return h("div", {}, figures, ...lines.map((line) => h("p", { class: "notice unjudged", role: "status" }, line)));
}

function findingButton(pane: Pane, finding: Finding, status: HTMLElement): HTMLElement {
  const cell = finding.cell ?? (finding.row !== undefined ? `A${finding.row}` : null);
  const label = h("span", { class: "finding-text" }, finding.message);
  if (!cell || !pane.workbook) return h("li", { class: "finding" }, label);
  const session = pane.workbook;
  return h(
    "li",
    { class: "finding" },
    h(
      "button",
      {
        type: "button",
        class: "link",
        "aria-label": `${pane.t.goTo(cell)}：${finding.message}`,
        onclick: () => void session.select(finding.sheet, cell).catch((e: unknown) => showError(status, failure(pane)(e))),
      },
      h("span", { class: "cell-ref" }, cell),
      label,
    ),
  );
}

function findingsView(pane: Pane, findings: readonly Finding[], status: HTMLElement): HTMLElement {
  const { t, lang } = pane;
  if (findings.length === 0) return h("p", { class: "quiet" }, t.noFindings);
  return h(
    "div",
    { class: "findings" },
    h("h4", {}, t.findingsTitle(findings.length)),
    ...findingsByRule(findings).map(([rule, list]) => {
      const def = RULES[rule];
      const shown = list.slice(0, SHOWN_PER_RULE);
      return h(
        "details",
        { class: `rule severity-${def.severity}`, "data-rule": rule, open: def.severity === "error" },
        h("summary", {}, h("span", { class: "mark", "aria-hidden": "true" }, SEVERITY_MARK[def.severity]), t.findingsOfRule(def.title[lang], list.length)),
        h("ul", {}, ...shown.map((f) => findingButton(pane, f, status))),
        list.length > shown.length ? h("p", { class: "quiet" }, t.moreFindings(list.length - shown.length)) : null,
      );
    }),
  );
}

const CANNOT_TELL = "—";

/** The roles a clerk is offered a choice for: the core ones the sheet lacks, or that were guessed. */
const CHOOSABLE: readonly Role[] = ["task", "unit", "deadline", "status"];

/**
 * A dropdown of the sheet's columns for each missing or guessed role; a choice is saved in the
 * workbook and the check runs again with it.
 */
function columnChoices(pane: Pane, ledger: Ledger, mappings: readonly ColumnMapping[], choose: (next: ColumnMapping[]) => void): HTMLElement | null {
  const { header, sheet } = ledger;
  const roles = CHOOSABLE.filter((role) => !header.roles.has(role) || header.guessed.some((g) => g.role === role));
  if (roles.length === 0) return null;
  const labels = headerLabels(sheet, new MergeIndex(sheet), header.firstRow, header.lastRow, tableWidth(sheet, header.lastRow));
  const choices = [...new Set(labels.values())];
  return h(
    "fieldset",
    { class: "column-choices" },
    h("legend", {}, pane.t.columnsTitle),
    h("p", { class: "quiet" }, pane.t.columnsHint),
    ...roles.map((role) => {
      const current = header.roles.has(role) ? labels.get(header.roles.get(role)!) ?? "" : "";
      const select = h(
        "select",
        {
          "data-role": role,
          onchange: (event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            const rest = mappings.filter((m) => m.role !== role && m.header !== value);
            choose(value === "" ? rest : [...rest, { header: value, role }]);
          },
        },
        h("option", { value: "" }, pane.t.columnNone),
        ...choices.map((label) => h("option", { value: label, selected: label === current }, label)),
      );
      return h("label", { class: "column-choice" }, h("span", {}, ROLE_LABEL[role][pane.lang]), select);
    }),
  );
}

export function checkTab(pane: Pane): HTMLElement {
  const { t } = pane;
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "results" });
  const panel = h("div", {});
  const button = h("button", { type: "button", class: "primary" }, t.checkButton);
  const run = (): void => {
    const session = pane.workbook;
    if (!session) return;
    void busy(button, panel, status, failure(pane), async () => {
      replaceChildren(status, t.working);
      const { workbook } = await session.read();
      const mappings = await loadColumnMappings(session.settings);
      const { ledgers, skipped } = analyzeWorkbook(workbook, { asOf: pane.asOf, dueSoonDays: pane.dueSoonDays, lang: pane.lang, columns: mappings, columnsMayBeStale: true });
      // A choice is saved in the workbook, then the check runs again with it.
      const choose = (next: ColumnMapping[]): void => {
        saveColumnMappings(session.settings, next).then(run, (error: unknown) => showError(status, failure(pane)(error)));
      };
      replaceChildren(status);
      replaceChildren(
        results,
        ledgers.length === 0 ? h("p", { class: "notice" }, t.noLedger) : null,
        ...ledgers.map((ledger) =>
          h(
            "article",
            { class: "ledger", "aria-label": ledger.sheet.name },
            h("h3", {}, t.sheetLine(ledger.sheet.name, ledger.asOf, ledger.baseYear)),
            ledgerStats(pane, ledger),
            columnChoices(pane, ledger, mappings, choose),
            statusChips(pane, ledger.summary.byStatus),
            unitLightTable(pane, ledgerUnitLights(ledger, pane.rules)),
            findingsView(pane, ledger.findings, status),
          ),
        ),
        skipped.length > 0 && ledgers.length > 0 ? h("p", { class: "quiet" }, t.skipped(skipped.map((f) => f.sheet))) : null,
      );
    });
  };
  button.addEventListener("click", run);
  panel.append(h("p", { class: "intro" }, t.checkIntro), button, status, results);
  return panel;
}
