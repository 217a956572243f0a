/**
 * LibreOffice as a second client: converts workbooks to CSV (every sheet, cells as shown) with a
 * private profile that recalculates every formula on load, so the tests read what a person
 * opening the file would see.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";

export function sofficePath(): string | null {
  const found = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  const path = found.stdout.trim();
  return found.status === 0 && path !== "" && existsSync(path) ? path : null;
}

/** Recalculate on load, always (Calc's default for .xlsx trusts the cached values). */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * CSV filter options: comma, double quotes, UTF-8, from line 1, cells saved as shown (token 9),
 * every sheet to its own file (token 12 = -1, named FILE-SHEET.csv).
 */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

/** Sheet name -> rows of cells as LibreOffice shows them, for each converted file (by base name). */
export type Converted = Map<string, Map<string, string[][]>>;

export async function convertToCsv(soffice: string, files: readonly string[], dir: string): Promise<Converted> {
  const profile = join(dir, "profile");
  await mkdir(join(profile, "user"), { recursive: true });
  await writeFile(join(profile, "user", "registrymodifications.xcu"), PROFILE);
  const out = join(dir, "csv");
  await mkdir(out, { recursive: true });
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", CSV_FILTER, "--outdir", out, ...files], {
    stdio: "pipe",
    timeout: 120_000,
  });
  const converted: Converted = new Map();
  const names = await readdir(out);
  for (const file of files) {
    const stem = basename(file, ".xlsx");
    const sheets = new Map<string, string[][]>();
    for (const name of names) {
      if (!name.startsWith(`${stem}-`) || !name.endsWith(".csv")) continue;
      sheets.set(name.slice(stem.length + 1, -4), parseCsv(await readFile(join(out, name), "utf8")));
    }
    converted.set(stem, sheets);
  }
  return converted;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The text at an A1-style (row, col), "" beyond the data. */
export function shown(rows: string[][], row: number, col: number): string {
  return rows[row - 1]?.[col - 1] ?? "";
}
