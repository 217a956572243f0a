import { REAL_CORPUS } from "../test/fixtures/real/corpus.js";
import { corpusBytes } from "../test/fixtures/real/corpus-workbook.js";
import { readWorkbook } from "../analytics/xlsx/read.js";
import { analyzeWorkbook } from "../analytics/ledger.js";
import { detectHeader } from "../analytics/header.js";
import { matchHeader } from "../analytics/roles.js";
const id = process.argv[2];
const rows = Number(process.argv[3] ?? 8);
const real = REAL_CORPUS.find((r) => r.id === id)!;
const wb = readWorkbook(await corpusBytes(real), { source: "x" });
for (const s of wb.sheets) {
  console.log("==", s.name, "hiddenCols", [...(s.hiddenColumns ?? [])]);
  s.rows.slice(0, rows).forEach((r, i) => console.log(i + 1, JSON.stringify(r)));
  const h = detectHeader(s);
  console.log("header", h && { first: h.firstRow, last: h.lastRow, roles: Object.fromEntries(h.roles), guessed: h.guessed, pt: h.progressTextColumns });
  const r2 = s.rows[(h?.firstRow ?? 1) - 1] ?? [];
  console.log(r2.map((c) => `${c}→${JSON.stringify(matchHeader(String(c ?? "")))}`).join(" | "));
}
const { ledgers } = analyzeWorkbook(wb, { asOf: real.asOf, baseYear: null });
for (const l of ledgers) for (const i of l.items.slice(0, 40)) console.log(i.row, JSON.stringify(i.task?.slice(0, 12)), i.unit, JSON.stringify(i.status), i.deadline.kind, i.deadline.date, i.deadline.raw, i.overdue);
console.log(JSON.stringify(real.sheets.map((s) => s.key.columns)));
