/**
 * The workbooks a report covers: files as given, folders searched for .xlsx, .xlsm and .xls
 * (submissions; an .xls is a legacy Excel 97–2003 workbook, or often a system's export
 * written as a web page).
 * Each workbook is counted once, whatever path names it (a.xlsx ./a.xlsx /abs/a.xlsx, or a
 * symbolic link to it), and is named by its path relative to the folder it was found in, so
 * two 整改台账.xlsx of two units can be told apart. The tool's own outputs are not
 * submissions: the output folder is never searched, and a summary workbook the tool wrote
 * (recognized by the marker in its document properties) is left out wherever it lies.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import type { Ledger } from "../../analytics/ledger.js";
import { XlsxPackage } from "../../analytics/xlsx/package.js";
import { readBytes } from "../../analytics/xlsx/read-file.js";
import { InputError } from "../exit-errors.js";
import { userMessage } from "../../analytics/findings/user-message.js";
import { SUMMARY_MARKER } from "../../addin/exceljs/summary-workbook.js";

const WORKBOOK = /\.(xlsx|xlsm|xls)$/iu;

export interface Input {
  /** Where to read it. */
  readonly path: string;
  /** What to call it: relative to the folder it was found in, or as given. */
  readonly name: string;
}

export interface CollectedInputs {
  readonly inputs: readonly Input[];
  /** The tool's own summary workbooks found among the inputs, left out. */
  readonly ownOutputs: readonly string[];
  /** Folders that could not be searched (no permission), named so their ledgers are not missed in silence. */
  readonly unreadableFolders: readonly string[];
}

/** Excel's lock files ("~$台账.xlsx") and hidden files are not submissions. */
function isSubmission(name: string): boolean {
  return WORKBOOK.test(name) && !name.startsWith("~$") && !name.startsWith(".");
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder + sep);
}

/**
 * Files under `dir`, links followed (a linked folder once: links can loop). The output folder
 * is left out when it lies inside the searched folder; when it is the searched folder itself
 * (report DIR -o DIR), the marker finds what the tool wrote there.
 */
async function walk(dir: string, outDir: string, seenFolders: Set<string>, unreadable: string[], top = true): Promise<string[]> {
  const real = await realpath(dir).catch(() => dir);
  if (seenFolders.has(real) || (!top && isInside(real, outDir))) return [];
  seenFolders.add(real);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  // A folder locked to this user may hold submissions: say so, and search the rest.
  if (entries === null) {
    unreadable.push(dir);
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"))) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    // A symbolic link is followed to what it names; a broken one is kept, so reading it names it.
    const info = entry.isSymbolicLink() ? await stat(path).catch(() => null) : entry;
    if (info?.isDirectory()) for (const file of await walk(path, outDir, seenFolders, unreadable, false)) found.push(file);
    else if (isSubmission(entry.name) && (info === null || info.isFile())) found.push(path);
  }
  return found;
}

/** True when the workbook is a summary this tool wrote (the marker in its core properties). */
async function isOwnSummary(path: string): Promise<boolean> {
  try {
    const pkg = XlsxPackage.open(await readBytes(path));
    return pkg.has("docProps/core.xml") && (pkg.textOf("docProps/core.xml") ?? "").includes(SUMMARY_MARKER);
  } catch {
    return false; // not readable: reading it later says why
  }
}

export async function collectWorkbooks(args: readonly string[], outDir: string): Promise<CollectedInputs> {
  const out = await realpath(outDir).catch(() => resolve(outDir));
  const candidates: Input[] = [];
  const seenFolders = new Set<string>();
  const unreadableFolders: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      const found = await walk(arg, out, seenFolders, unreadableFolders);
      if (found.length === 0 && unreadableFolders.length === 0) throw new InputError(userMessage("report-folder-without-workbooks", { path: arg }));
      for (const path of found) candidates.push({ path, name: relative(arg, path) });
    } else {
      candidates.push({ path: arg, name: basename(arg) }); // a missing or bad file is reported when it is read
    }
  }
  // Files given by name are called by their file name, unless two share one: then as given.
  const byName = new Map<string, number>();
  for (const c of candidates) byName.set(c.name, (byName.get(c.name) ?? 0) + 1);
  const inputs: Input[] = [];
  const ownOutputs: string[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const clash = (byName.get(candidate.name) ?? 0) > 1 && !candidate.name.includes(sep) && candidate.name !== candidate.path;
    const input = clash ? { path: candidate.path, name: candidate.path } : candidate;
    const real = await realpath(input.path).catch(() => resolve(input.path));
    if (seen.has(real)) continue;
    seen.add(real);
    if (await isOwnSummary(input.path)) ownOutputs.push(input.name);
    else inputs.push(input);
  }
  return { inputs, ownOutputs, unreadableFolders };
}

