/**
 * The WAI-ARIA tabs pattern: a tablist of buttons; arrow keys, Home and End move between
 * tabs, Tab moves into the panel. Only the selected tab is in the tab order.
 */
import { h } from "./dom.js";

export interface TabSpec {
  readonly id: string;
  readonly label: string;
  readonly panel: () => HTMLElement;
}

export function tabs(label: string, specs: readonly TabSpec[], initial: string): HTMLElement {
  const buttons: HTMLButtonElement[] = [];
  const panels: HTMLElement[] = [];
  const select = (index: number, focus: boolean): void => {
    buttons.forEach((b, i) => {
      const on = i === index;
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
      panels[i]!.hidden = !on;
    });
    if (focus) buttons[index]!.focus();
  };
  specs.forEach((spec, i) => {
    const button = h(
      "button",
      { type: "button", role: "tab", id: `tab-${spec.id}`, "aria-controls": `panel-${spec.id}`, class: "tab", onclick: () => select(i, false) },
      spec.label,
    );
    button.addEventListener("keydown", (event) => {
      const key = (event as KeyboardEvent).key;
      const next = key === "ArrowRight" ? i + 1 : key === "ArrowLeft" ? i - 1 : key === "Home" ? 0 : key === "End" ? specs.length - 1 : null;
      if (next === null) return;
      event.preventDefault();
      select((next + specs.length) % specs.length, true);
    });
    buttons.push(button);
    panels.push(h("section", { role: "tabpanel", id: `panel-${spec.id}`, "aria-labelledby": `tab-${spec.id}`, class: "panel", tabindex: 0 }, spec.panel()));
  });
  const root = h("div", { class: "tabs" }, h("div", { role: "tablist", "aria-label": label, class: "tablist" }, ...buttons), ...panels);
  select(Math.max(0, specs.findIndex((s) => s.id === initial)), false);
  return root;
}
