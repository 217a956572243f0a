/**
 * Building the pane's DOM. Text from a workbook only ever goes in as text nodes: a cell holding
 * "<script>" shows as those characters.
 */
type Attr = string | number | boolean | undefined | ((event: Event) => void);
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, Attr> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/u, ""), value);
    else if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function replaceChildren(el: Element, ...children: Child[]): void {
  clear(el);
  append(el, children);
}

/** Saves `href` (a data: or blob: URL) as a file named `fileName`, as a download link does. */
export function download(href: string, fileName: string): void {
  const link = h("a", { href, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
}

/** A simple table: a header row and body rows of text (or nodes). */
export function table(caption: string | null, headers: readonly string[], rows: readonly (readonly Child[])[], className = "grid"): HTMLTableElement {
  return h(
    "table",
    { class: className },
    caption ? h("caption", {}, caption) : null,
    h("thead", {}, h("tr", {}, ...headers.map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c))))),
  );
}

/** Figures in a row: label over a big number. */
export function stats(entries: readonly (readonly [string, string | number, string?])[]): HTMLElement {
  return h(
    "dl",
    { class: "stats" },
    ...entries.map(([label, value, tone]) => h("div", { class: `stat${tone ? ` ${tone}` : ""}` }, h("dt", {}, label), h("dd", {}, String(value)))),
  );
}

/** Runs `task` with the button disabled and the panel marked busy; shows errors in `status`. */
export async function busy<T>(
  button: HTMLButtonElement,
  panel: HTMLElement,
  status: HTMLElement,
  describe: (error: unknown) => string,
  task: () => Promise<T>,
): Promise<T | undefined> {
  button.disabled = true;
  panel.setAttribute("aria-busy", "true");
  status.className = "status";
  try {
    return await task();
  } catch (error) {
    showError(status, describe(error));
    return undefined;
  } finally {
    button.disabled = false;
    panel.removeAttribute("aria-busy");
  }
}

export function showError(status: HTMLElement, message: string): void {
  status.className = "status error";
  replaceChildren(status, message);
}

export function showMessage(status: HTMLElement, message: string, tone: "ok" | "warn" | "info" = "ok"): void {
  status.className = `status ${tone}`;
  replaceChildren(status, message);
}
