/** Plain-text tables that line up with Chinese text (wide characters take two columns). */
import stringWidth from "string-width";

export function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

/** Cut to at most `width` columns, marking the cut with "…". */
export function clip(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function renderTable(headings: readonly string[], rows: readonly (readonly string[])[], indent = "  "): string[] {
  const widths = headings.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    indent + cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0))).join("  ").trimEnd();
  return [line(headings), ...rows.map(line)];
}
