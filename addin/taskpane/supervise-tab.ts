/**
 * 督办: the units by their light (the one rule set of analytics/lights.ts, its numbers kept in
 * the workbook's settings), each unit's items that call for supervision, and its 督办通知单 as a
 * Word document, for one unit or all of them in a .zip, without leaving Excel. The tab reads
 * the workbook through the pane's session and knows nothing of the host beyond it.
 */
import { zipSync } from "fflate";
import { isIsoDay } from "../../analytics/day.js";
import { analyzeWorkbook } from "../../analytics/ledger.js";
import { ledgersStarts } from "../../analytics/ledger-start.js";
import { reasonsText } from "../../analytics/light-reasons.js";
import { unitLights, type LightRules, type UnitLight } from "../../analytics/lights.js";
import type { Notice, NoticeItem } from "../../analytics/notices/notice.js";
import { DEFAULT_ISSUER, DEFAULT_REPLY_DAYS } from "../../analytics/notices/notice-defaults.js";
import { lightRulesFrom } from "../../analytics/rules.js";
import { busy, download, h, replaceChildren } from "./dom.js";
import { percent } from "./i18n.js";
import { failure, type Pane } from "./pane.js";

/** The key the lights' rules are kept under in the workbook's settings (WPS prefixes its own "taizhang."). */
export const RULES_SETTING = "rules";
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The workbook's own rules, when it keeps valid ones. */
async function workbookRules(pane: Pane): Promise<LightRules | null> {
  const kept = await pane.workbook?.settings.get(RULES_SETTING);
  if (kept === undefined || kept === null) return null;
  const parsed = lightRulesFrom(kept);
  return parsed.ok ? parsed.rules : null;
}

function numberField(id: string, label: string, value: number, min: number, max: number): [HTMLElement, HTMLInputElement] {
  const input = h("input", { type: "number", id, value, min, max, step: 1, inputmode: "numeric" });
  return [h("div", { class: "field" }, h("label", { for: id }, label), input), input];
}

async function docxOf(notice: Notice, pane: Pane): Promise<Uint8Array> {
  // docx is large: loaded only when a notice is made.
  const { noticeDocx } = await import("../docx/notice-docx.js");
  return noticeDocx(notice, pane.lang);
}

function saveBytes(bytes: Uint8Array, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  download(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type DaysText = (item: NoticeItem, lang: Pane["lang"]) => string;

function unitView(pane: Pane, light: UnitLight, notice: Notice | undefined, status: HTMLElement, daysText: DaysText): HTMLElement {
  const { t, lang } = pane;
  const head = h(
    "summary",
    {},
    h("span", { class: "unit" }, h("span", { class: `light ${light.light}`, role: "img", "aria-label": t.lights[light.light], title: t.lights[light.light] }), light.unit),
    h("span", { class: "quiet" }, ` ${t.items} ${light.total} · ${t.rate} ${percent(light.completionRate)} · ${reasonsText(light.reasons, lang)}`),
  );
  if (!notice) return h("details", { class: "supervise-unit", "data-unit": light.unit, "data-light": light.light }, head);
  const button = h("button", { type: "button", "data-notice": notice.number }, t.noticeFor(light.unit));
  button.addEventListener("click", () => {
    void busy(button, button, status, failure(pane), async () => {
      const { noticeFileName } = await import("../docx/notice-docx.js");
      saveBytes(await docxOf(notice, pane), DOCX_TYPE, noticeFileName(notice, lang));
    });
  });
  return h(
    "details",
    { class: "supervise-unit", "data-unit": light.unit, "data-light": light.light, open: light.light === "red" },
    head,
    h("p", { class: "quiet" }, notice.number),
    h("ul", {}, ...notice.items.map((i) => h("li", {}, `${i.task}（${daysText(i, lang)}）`))),
    button,
  );
}

export function superviseTab(pane: Pane): HTMLElement {
  const { t } = pane;
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "results" });
  const panel = h("div", {});
  const asOf = h("input", { type: "date", id: "supervise-as-of", value: pane.asOf });
  const issuer = h("input", { type: "text", id: "supervise-issuer", value: DEFAULT_ISSUER });
  const [replyField, replyDays] = numberField("supervise-reply-days", t.replyDays, DEFAULT_REPLY_DAYS, 0, 99);
  const [dueField, dueSoon] = numberField("supervise-due-soon", t.ruleDueSoon, pane.rules.dueSoonDays, 0, 365);
  const [behindField, behind] = numberField("supervise-behind", t.ruleBehind, pane.rules.behindPoints, 0, 100);
  const list = h("button", { type: "button", class: "primary" }, t.listUnits);
  const save = h("button", { type: "button" }, t.saveRules);

  // The workbook's settings are read once the tab opens; the buttons wait for them.
  const kept = workbookRules(pane).then(
    (rules) => {
      if (!rules) return;
      pane.rules = rules;
      dueSoon.value = String(rules.dueSoonDays);
      behind.value = String(rules.behindPoints);
    },
    () => undefined,
  );

  /** The rules as the fields give them, checked as a rules file is. */
  const rulesOfFields = (): LightRules => {
    const parsed = lightRulesFrom({ ...pane.rules, dueSoonDays: Number(dueSoon.value), behindPoints: Number(behind.value) });
    if (!parsed.ok) throw new Error(parsed.problem[pane.lang]);
    return parsed.rules;
  };

  save.addEventListener("click", () => {
    const session = pane.workbook;
    if (!session) return;
    void busy(save, panel, status, failure(pane), async () => {
      await kept;
      pane.rules = rulesOfFields();
      await session.settings.set(RULES_SETTING, pane.rules);
      replaceChildren(status, t.rulesSaved);
    });
  });

  list.addEventListener("click", () => {
    const session = pane.workbook;
    if (!session) return;
    void busy(list, panel, status, failure(pane), async () => {
      replaceChildren(status, t.working);
      await kept;
      if (isIsoDay(asOf.value)) pane.asOf = asOf.value;
      pane.rules = rulesOfFields();
      const { workbook } = await session.read();
      const { ledgers } = analyzeWorkbook(workbook, { asOf: pane.asOf, dueSoonDays: pane.dueSoonDays, lang: pane.lang });
      const items = ledgers.flatMap((l) => l.items);
      const ctx = { asOf: pane.asOf, startOf: ledgersStarts(ledgers), rules: pane.rules };
      const lights = unitLights(items, ctx);
      // Loaded when asked for: the notices bring the holiday table, kept out of the pane's first load.
      const { buildNotices, daysText, replyEstimateNote } = await import("../../analytics/notices/notice.js");
      const notices = buildNotices(items, { ...ctx, issuer: issuer.value.trim() || DEFAULT_ISSUER, replyDays: Math.max(0, Math.floor(Number(replyDays.value) || 0)), lang: pane.lang });
      const byUnit = new Map(notices.map((n) => [n.unit, n]));
      const estimate = replyEstimateNote(notices, pane.lang);
      replaceChildren(status);
      const all = h("button", { type: "button", class: "primary", hidden: notices.length === 0 }, t.downloadAll(notices.length));
      all.addEventListener("click", () => {
        void busy(all, all, status, failure(pane), async () => {
          const { noticeFileName } = await import("../docx/notice-docx.js");
          const files: Record<string, Uint8Array> = {};
          for (const n of notices) files[noticeFileName(n, pane.lang)] = await docxOf(n, pane);
          saveBytes(zipSync(files), "application/zip", t.noticesZipName(pane.asOf));
        });
      });
      replaceChildren(
        results,
        ledgers.length === 0 ? h("p", { class: "notice" }, t.noLedger) : null,
        notices.length === 0 && ledgers.length > 0 ? h("p", { class: "quiet" }, t.noNotices) : all,
        estimate === null ? null : h("p", { class: "notice" }, estimate),
        ...lights.map((l) => unitView(pane, l, byUnit.get(l.unit), status, daysText)),
      );
    });
  });

  panel.append(
    h("p", { class: "intro" }, t.superviseIntro),
    h(
      "div",
      { class: "fields" },
      h("div", { class: "field" }, h("label", { for: "supervise-as-of" }, t.asOf), asOf),
      h("div", { class: "field" }, h("label", { for: "supervise-issuer" }, t.issuer), issuer),
      replyField,
      dueField,
      behindField,
    ),
    h("div", { class: "actions" }, list, save),
    status,
    results,
  );
  return panel;
}
