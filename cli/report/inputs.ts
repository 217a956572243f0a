/** The workbooks a report covers: files as given, folders searched for .xlsx (submissions). */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors.js";

const WORKBOOK = /\.(xlsx|xlsm)$/iu;

/** Excel's lock files ("~$台账.xlsx") and hidden files are not submissions. */
function isSubmission(name: string): boolean {
  return WORKBOOK.test(name) && !name.startsWith("~$") && !name.startsWith(".");
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith(".")) for (const file of await walk(path)) found.push(file);
    else if (entry.isFile() && isSubmission(entry.name)) found.push(path);
  }
  return found;
}

export async function collectWorkbooks(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      const found = await walk(arg);
      if (found.length === 0) throw new InputError(`${arg}: 文件夹里没有 .xlsx 工作簿 (no .xlsx workbooks in this folder)`);
      files.push(...found);
    } else {
      files.push(arg); // a missing or bad file is reported when it is read
    }
  }
  return [...new Set(files)];
}
