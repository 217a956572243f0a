/**
 * The clerk's own word on which column is which: `--columns "时间节点=deadline,需求部门=unit"`
 * on every command, and the pane's dropdowns (remembered in the workbook). Parsed and applied
 * here, in the core, so the command line, the pane and `diff` read a mapping the same way.
 */
import { ROLE_LABEL } from "./findings/catalogue.js";
import { CataloguedError, userMessage } from "./findings/user-message.js";
import { ROLES, type Role } from "./roles.js";
import type { MergeIndex } from "./sheet/merge-index.js";
import type { Sheet } from "./sheet/sheet-model.js";
import { cellText, compact } from "./text.js";

/** One header text and the role its column plays; `none` takes a column out of every role. */
export interface ColumnMapping {
  readonly header: string;
  readonly role: Role | "none";
}

/** A mapping the user wrote that cannot be used: one line, said in the user's language. */
export class ColumnMappingError extends CataloguedError {
  override readonly name = "ColumnMappingError";
}

/** Role names a mapping may use: the contract's ids (deadline), and the Chinese names (完成时限). */
const ROLE_NAMES = new Map<string, Role | "none">([
  ...ROLES.map((r): [string, Role] => [r.toLowerCase(), r]),
  ...ROLES.map((r): [string, Role] => [ROLE_LABEL[r].zh, r]),
  ["none", "none"],
  ["忽略", "none"],
]);

const ROLE_LIST: readonly string[] = [...ROLES, "none"];

/** "时间节点=deadline,需求部门=unit" (also ，；; and full-width ＝) into mappings, or a ColumnMappingError. */
export function parseColumnMapping(spec: string): ColumnMapping[] {
  const pairs = spec.split(/[,，;；\n]/u).map((p) => p.trim()).filter((p) => p !== "");
  if (pairs.length === 0) throw new ColumnMappingError(userMessage("columns-empty"));
  const seen = new Set<string>();
  return pairs.map((pair) => {
    const at = pair.search(/[=＝]/u);
    if (at <= 0 || at === pair.length - 1) {
      throw new ColumnMappingError(userMessage("columns-pair", { pair }));
    }
    const header = pair.slice(0, at).trim();
    const name = pair.slice(at + 1).trim();
    const role = ROLE_NAMES.get(name.toLowerCase()) ?? ROLE_NAMES.get(name);
    if (role === undefined) {
      throw new ColumnMappingError(userMessage("columns-unknown-role", { name, roles: ROLE_LIST }));
    }
    const key = compact(header);
    if (seen.has(key)) throw new ColumnMappingError(userMessage("columns-header-twice", { header }));
    seen.add(key);
    return { header, role };
  });
}

/** Where a mapped header sits: its row and column. */
export interface MappedCell {
  readonly mapping: ColumnMapping;
  readonly row: number;
  readonly col: number;
}

/** Header rows sit near the top, as header detection assumes. */
const SEARCH_ROWS = 40;

/**
 * The cells of a sheet's top rows whose text is a mapped header (compared without spaces and
 * width differences, so "时间 节点" is 时间节点). The first match of each, preferring `rows`
 * (the detected header's rows) when given; mappings not found are left out.
 */
export function locateMappedHeaders(sheet: Sheet, merges: MergeIndex, mappings: readonly ColumnMapping[], rows?: { first: number; last: number }): MappedCell[] {
  const wanted = new Map(mappings.map((m) => [compact(m.header).toLowerCase(), m]));
  const found = new Map<ColumnMapping, MappedCell>();
  const scan = (first: number, last: number): void => {
    for (let r = first; r <= last; r++) {
      const width = sheet.rows[r - 1]?.length ?? 0;
      for (let c = 1; c <= width; c++) {
        const text = cellText(merges.shownValue(r, c));
        if (text === null) continue;
        const mapping = wanted.get(compact(text).toLowerCase());
        if (mapping && !found.has(mapping)) found.set(mapping, { mapping, row: r, col: c });
      }
    }
  };
  if (rows) scan(rows.first, rows.last);
  scan(1, Math.min(sheet.rows.length, SEARCH_ROWS));
  return [...found.values()];
}

/** The mapped headers no sheet holds: an error naming them, or null when every one was found. */
export function missingHeadersError(mappings: readonly ColumnMapping[], found: ReadonlySet<ColumnMapping>, sheets: readonly string[]): ColumnMappingError | null {
  const missing = mappings.filter((m) => !found.has(m)).map((m) => `“${m.header}”`);
  if (missing.length === 0) return null;
  return new ColumnMappingError(userMessage("columns-headers-missing", { headers: missing, sheets: sheets.map((s) => `“${s}”`) }));
}
