/**
 * Applying a change plan to an .xlsx file the way Excel keeps a file: every part the plan does
 * not touch is copied as stored, byte for byte; the worksheets it edits are patched as they
 * stream by (cells, merges, flags, dropdowns, the new column's width), styles.xml gets the
 * styles it needs appended, and the 变更记录 sheet is appended to, or added with its workbook,
 * relationship and content-type entries. No exceljs, no Node API: bytes in, bytes out.
 *
 * The order matches the pane's (addin/host/apply-plan-to-book.ts): every edited cell is checked
 * against the plan's `before` first (a PlanConflictError and no output when one differs), the
 * log rows are the plan's in the core's order, and nothing is written half-way: the output is
 * made in memory and handed back whole.
 */
import type { Lang } from "../analytics/lang.js";
import { eachPlanEntry, planEntryCount, type LogEntry } from "../analytics/normalize/log.js";
import type { ChangePlan } from "../analytics/normalize/types.js";
import { normalizePartName, XlsxPackage, type HostInflater } from "../analytics/xlsx/package.js";
import { parseSharedStrings } from "../analytics/xlsx/shared-strings.js";
import { parseCellStyleKinds } from "../analytics/xlsx/styles-part.js";
import { findWorkbookPart } from "../analytics/xlsx/read.js";
import { parseRelationships, parseWorkbookPart, resolveTarget } from "../analytics/xlsx/workbook-part.js";
import type { CellContext } from "./cell-xml.js";
import { appendToLogSheet, newLogSheet } from "./change-log-part.js";
import { addSheet, freePartName } from "./new-sheet.js";
import { withoutCalcChain } from "./calc-chain.js";
import { AppendedColumns, growDefinedNames, growTable } from "./ledger-ranges.js";
import { attrOf } from "./tag-attributes.js";
import { addPart, relationshipType, rootRelationships, withOverride, withRelationshipsDefault, type PackageLists } from "./package-lists.js";
import { DEFAULT_STYLES, STYLES_CONTENT_TYPE, StylesPatch } from "./styles.js";
import { WorksheetPatch } from "./worksheet.js";
import type { CellMap } from "../analytics/normalize/cell-map.js";
import { maxDigitWidth } from "../analytics/normalize/column-width.js";
import { wideningEntry, type ColumnWidening } from "../analytics/normalize/column-widening.js";
import { fflateCompressor, PartBytes, storedEntries, ZipOut, type Compressor } from "./zip-out.js";

export { PlanConflictError } from "./worksheet.js";

export interface PatchOptions {
  readonly lang: Lang;
  /** The batch id of the log rows (the local time of the run). */
  readonly batch: string;
  /** The language of the change log already in the workbook (its header's), as the reader read it. */
  readonly logLang?: Lang;
  /** Deflate and CRC of new parts; fflate unless the host brings zlib (the command line does). */
  readonly compress?: Compressor;
  /** Inflate of the parts read; fflate unless the host brings zlib (the command line does). */
  readonly inflater?: HostInflater;
}

export interface PatchResult {
  readonly bytes: Uint8Array;
  readonly edits: number;
  readonly unmerges: number;
  /** Status cells under Taizhang's dropdown (one already there included). */
  readonly validatedCells: number;
  /** Dropdowns added by this run (one already on the same cells is kept, not counted). */
  readonly validationsAdded: number;
  readonly flagRules: number;
  /** The plan's wraps made (a dissolved merge whose cells already wrapped needs none). */
  readonly wraps: ChangePlan["wraps"];
  /** Rows added to the log. */
  readonly logged: number;
  /** Date columns made wider, each logged after the plan's changes (column-widening.ts). */
  readonly widenings: readonly ColumnWidening[];
  /** Names of the parts rewritten or added (as the package spells them). */
  readonly rewritten: readonly string[];
  /** Tables, filters and print areas grown over the columns normalize appended (ledger-ranges.ts). */
  readonly grownRanges: readonly GrownRange[];
  /** Parts left out: the calculation chain, when a formula was written or overwritten. */
  readonly dropped: readonly string[];
}

export interface GrownRange {
  readonly sheet: string;
  readonly kind: "table" | "filter" | "print-area";
  /** The table's name (tables only). */
  readonly name?: string;
  /** The range as it is now. */
  readonly ref: string;
}

const ROOT_RELATIONSHIPS = "_rels/.rels";

interface Located {
  readonly workbookPath: string;
  readonly relsPath: string;
}

/** The workbook part as the reader finds it (the root relationships' office document, else xl/workbook.xml), and its relationships. */
export function workbookPaths(pkg: XlsxPackage): Located {
  const document = findWorkbookPart(pkg);
  const name = document.slice(document.lastIndexOf("/") + 1);
  return { workbookPath: document, relsPath: resolveTarget(document, `_rels/${name}.rels`) };
}

/** The text of a part, undefined when it holds only white space (a zero-byte part). */
function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === "" ? undefined : text;
}

/** The tables of a sheet's part grown over the columns normalize appends next to them. */
function growTables(pkg: XlsxPackage, sheetPart: string, columns: AppendedColumns, replaced: Map<string, PartBytes>, compressor: Compressor, grown: (name: string, ref: string) => void): void {
  if (columns.isEmpty) return;
  const name = sheetPart.slice(sheetPart.lastIndexOf("/") + 1);
  const rels = pkg.textOf(resolveTarget(sheetPart, `_rels/${name}.rels`));
  if (rels === undefined) return;
  for (const rel of parseRelationships(rels, sheetPart).values()) {
    if (rel.type !== "table") continue;
    const xml = pkg.textOf(rel.target);
    const table = xml === undefined ? null : growTable(xml, columns);
    if (table === null) continue;
    const open = /<(?:\w+:)?table\b[^>]*>/u.exec(table)![0];
    grown(attrOf(open, "displayName") ?? attrOf(open, "name") ?? "", attrOf(open, "ref") ?? "");
    const part = new PartBytes(compressor);
    part.pushText(table);
    replaced.set(normalizePartName(rel.target), part);
  }
}

export function applyPlanToXlsx(input: Uint8Array, plan: ChangePlan, options: PatchOptions): PatchResult {
  const pkg = XlsxPackage.open(input, options.inflater);
  const compressor = options.compress ?? fflateCompressor;
  const stored = storedEntries(input);
  const storedName = new Map(stored.map((e) => [normalizePartName(e.name), e.name]));
  const { workbookPath, relsPath } = workbookPaths(pkg);
  const storedWorkbookXml = pkg.textOf(workbookPath) ?? "";
  const relsXml = pkg.textOf(relsPath) ?? "";
  const book = parseWorkbookPart(storedWorkbookXml, relsXml, workbookPath);
  const stylesPath = book.related.get("styles");
  // A part of no bytes (some writers leave one) holds nothing, as the reader takes it.
  const stylesXml = stylesPath === undefined ? undefined : nonEmpty(pkg.textOf(stylesPath));
  // A package without styles (minimal writers make them) is read with the default style; one is added if needed.
  const styles = new StylesPatch(stylesXml ?? DEFAULT_STYLES);
  const sharedPath = book.related.get("sharedStrings");
  const context: CellContext = {
    sharedStrings: plan.edits.length > 0 && sharedPath !== undefined ? parseSharedStrings(nonEmpty(pkg.textOf(sharedPath)) ?? "<sst/>") : [],
    styleKinds: parseCellStyleKinds(stylesXml),
    date1904: book.date1904,
  };

  const replaced = new Map<string, PartBytes>();
  const grownRanges: GrownRange[] = [];
  const textPart = (text: string): PartBytes => {
    const part = new PartBytes(compressor);
    part.pushText(text);
    return part;
  };
  /** By sheet, then by the edited cell. */
  const oldFormats = new Map<string, CellMap<string>>();
  let validatedCells = 0;
  const addedValidations: ChangePlan["validations"][number][] = [];
  const addedFlags: ChangePlan["flags"][number][] = [];
  const madeWraps: ChangePlan["wraps"][number][] = [];
  let formulasTouched = false;
  const widenings: ColumnWidening[] = [];
  const digitWidth = maxDigitWidth(styles.normalFont());
  for (const sheet of plan.sheets) {
    const entry = book.sheets.find((s) => s.name === sheet);
    if (entry?.part === undefined) throw new Error(`no worksheet “${sheet}” in the workbook`);
    const out = new PartBytes(compressor);
    const patch = new WorksheetPatch(
      {
        sheet,
        plan,
        lang: options.lang,
        edits: plan.edits.filter((e) => e.sheet === sheet),
        unmergeRefs: new Set(plan.unmerges.filter((u) => u.sheet === sheet).map((u) => u.ref)),
        newColumns: plan.newColumns.filter((c) => c.sheet === sheet),
        dateColumns: (plan.dateColumns ?? []).filter((c) => c.sheet === sheet),
        mergeRefs: plan.merges.filter((m) => m.sheet === sheet).map((m) => m.ref),
        wraps: plan.wraps.filter((w) => w.sheet === sheet),
      },
      styles,
      context,
      (text) => out.pushText(text),
      entry.part,
    );
    // Streamed: a 100k-row sheet is 30–40 MB of XML, never held whole.
    pkg.streamText(entry.part, (text) => patch.push(text));
    const result = patch.finish();
    oldFormats.set(sheet, result.oldFormats);
    validatedCells += result.validatedCells;
    // Loops, not push(...list): a sheet of 200,000 dissolved merges overflows a spread's arguments.
    for (const v of result.validations) addedValidations.push({ ...v.validation, ref: v.sqref });
    for (const flag of result.flags) addedFlags.push(flag);
    for (const wrap of result.wraps) madeWraps.push(wrap);
    formulasTouched ||= result.formulasTouched;
    for (const w of result.widenings) widenings.push({ sheet, ...w, digitWidth });
    if (result.changed) replaced.set(normalizePartName(entry.part), out);
    if (result.filterRef !== undefined) grownRanges.push({ sheet, kind: "filter", ref: result.filterRef });
    growTables(pkg, entry.part, new AppendedColumns(plan, sheet), replaced, compressor, (name, ref) => grownRanges.push({ sheet, kind: "table", name, ref }));
  }
  // The filter's hidden name and the print area grow with the sheet's filter and columns (ledger-ranges.ts).
  const workbookXml = plan.sheets.reduce((xml, sheet) => {
    const printAreas: string[] = [];
    const grownXml = growDefinedNames(xml, book.sheets.findIndex((s) => s.name === sheet), new AppendedColumns(plan, sheet), printAreas);
    for (const ref of printAreas) grownRanges.push({ sheet, kind: "print-area", ref });
    return grownXml;
  }, storedWorkbookXml);
  if (workbookXml !== storedWorkbookXml) replaced.set(normalizePartName(workbookPath), textPart(workbookXml));

  // The log is streamed from the plan: 200k entries for a 100k-row ledger are never held as a list.
  const loggedPlan: ChangePlan = { ...plan, validations: addedValidations, flags: addedFlags, wraps: madeWraps };
  // A widened date column is logged after the plan's changes, as the pane logs it (column-widening.ts).
  const logged = planEntryCount(loggedPlan) + widenings.length;
  function* entries(): Iterable<LogEntry> {
    yield* eachPlanEntry(loggedPlan, options.batch, (e) => oldFormats.get(e.sheet)?.get(e.row, e.col), options.lang);
    for (const w of widenings) yield wideningEntry(w, options.batch, options.lang);
  }
  const added: Array<[string, PartBytes]> = [];
  let lists: PackageLists | undefined;
  if (logged > 0) {
    const log = book.sheets.find((s) => s.name === plan.logSheet);
    if (log?.part !== undefined) {
      const lang = options.logLang ?? options.lang;
      const part = new PartBytes(compressor);
      const logPart = log.part;
      appendToLogSheet((onText) => pkg.streamText(logPart, onText), logPart, entries(), logged, lang, styles, book.date1904, part);
      replaced.set(normalizePartName(logPart), part);
    } else {
      const folder = book.sheets.find((s) => s.part !== undefined)?.part?.replace(/[^/]*$/u, "") ?? "xl/worksheets/";
      const partName = freePartName(folder, new Set(storedName.keys()));
      const parts = addSheet(
        { workbookXml, relsXml, contentTypesXml: pkg.textOf("[Content_Types].xml") ?? "" },
        plan.logSheet,
        partName,
      );
      const part = new PartBytes(compressor);
      newLogSheet(entries(), logged, options.lang, styles, book.date1904, part);
      added.push([partName, part]);
      replaced.set(normalizePartName(workbookPath), textPart(parts.workbookXml));
      lists = parts;
    }
  }
  // A formula written or overwritten: the calculation chain goes, for Excel to rebuild (calc-chain.ts).
  const calcChain = book.related.get("calcChain");
  const dropped = formulasTouched && calcChain !== undefined && pkg.has(calcChain) ? [calcChain] : [];
  const packageListsOf = (): PackageLists => ({ relsXml, contentTypesXml: pkg.textOf("[Content_Types].xml") ?? "" });
  const packageLists = (): PackageLists => lists ?? packageListsOf();
  for (const part of dropped) lists = withoutCalcChain(packageLists(), part);
  if (styles.changed) {
    if (stylesPath !== undefined && pkg.has(stylesPath)) replaced.set(normalizePartName(stylesPath), textPart(styles.render()));
    else if (stylesPath !== undefined) {
      // Related but missing (a writer's slip): the part is written where the relationship points.
      const known = packageLists();
      lists = { ...known, contentTypesXml: withOverride(known.contentTypesXml, stylesPath, STYLES_CONTENT_TYPE) };
      added.push([stylesPath, textPart(styles.render())]);
    } else {
      const partName = freePartName(workbookPath.replace(/[^/]*$/u, ""), new Set(storedName.keys()), (n) => (n === 1 ? "styles.xml" : `styles${n}.xml`));
      lists = addPart(packageLists(), partName, relationshipType(relsXml, "styles"), STYLES_CONTENT_TYPE).lists;
      added.push([partName, textPart(styles.render())]);
    }
  }
  if (!pkg.has(ROOT_RELATIONSHIPS)) {
    added.push([ROOT_RELATIONSHIPS, textPart(rootRelationships(workbookPath, relationshipType(relsXml, "officeDocument")))]);
    const known = packageLists();
    lists = { ...known, contentTypesXml: withRelationshipsDefault(known.contentTypesXml) };
  }
  if (lists !== undefined) {
    const before = packageListsOf();
    if (lists.relsXml !== before.relsXml) replaced.set(normalizePartName(relsPath), textPart(lists.relsXml));
    if (lists.contentTypesXml !== before.contentTypesXml) replaced.set(normalizePartName("[Content_Types].xml"), textPart(lists.contentTypesXml));
  }

  const zip = new ZipOut();
  const rewritten: string[] = [];
  const droppedNames = new Set(dropped.map(normalizePartName));
  for (const entry of stored) {
    if (droppedNames.has(normalizePartName(entry.name))) continue;
    const part = replaced.get(normalizePartName(entry.name));
    if (part === undefined) zip.copy(entry);
    else {
      zip.add(entry.name, part);
      rewritten.push(entry.name);
    }
  }
  for (const [name, part] of added) {
    zip.add(name, part);
    rewritten.push(name);
  }
  return {
    bytes: zip.finish(),
    edits: plan.edits.length,
    unmerges: plan.unmerges.length,
    validatedCells,
    validationsAdded: addedValidations.length,
    flagRules: addedFlags.length,
    wraps: madeWraps,
    logged,
    widenings,
    grownRanges,
    rewritten,
    dropped: stored.filter((e) => droppedNames.has(normalizePartName(e.name))).map((e) => e.name),
  };
}
